"""What the report tests share: the sample site, a hostile authority, the expected marks."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from cqcmodel import Authority, Finding, QualityStatement, Score, load
from cqcmodel.extract import extract_figures, extract_initiatives, extract_organisations

EXAMPLES = Path(__file__).parent.parent / "examples" / "data"

#: Markup that must show as text: each, if it ran, would set ``window.__pwned``.
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'
HANDLER = '" onmouseover="window.__pwned=3'


def samples() -> list[Authority]:
    return load(EXAMPLES)


def hostile() -> Authority:
    """An authority whose every text field carries markup, beside a real initiative."""
    finding = Finding(
        text=f"People told us {SCRIPT} and {IMG} about the Better Care Fund {HANDLER}.",
        heading=f"Heading {SCRIPT}",
    )
    statement = QualityStatement(
        title="Assessing needs",
        score=Score.SOME_SHORTFALLS,
        people_expect=(f"I am heard {IMG}",),
        commitment=f"We listen {SCRIPT}",
        findings=(finding,),
    )
    return Authority(name=f"Evil {IMG} Council", statements=(statement,), source="evil.txt")


def expected_marks(authority: Authority) -> dict[str, tuple[str, str]]:
    """anchor → (kind, text) for every extracted mention, as the page must mark them."""
    result: dict[str, tuple[str, str]] = {}
    for kind, items in (
        ("initiative", extract_initiatives(authority)),
        ("organisation", extract_organisations(authority)),
    ):
        for number, item in enumerate(items, start=1):
            for count, mention in enumerate(item.mentions, start=1):
                result[f"{kind}-{number}-{count}"] = (kind, mention.text)
    for number, figure in enumerate(extract_figures(authority), start=1):
        result[f"figure-{number}"] = ("figure", figure.mention.text)
    return result


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside each ``<mark>`` by mention."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.mark_text: dict[str, str] = {}
        self.mark_kind: dict[str, str] = {}
        self._open: list[str | None] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append((tag, values))
        if tag == "mark":
            mention = values.get("data-mention")
            assert mention is not None
            self.mark_kind.setdefault(mention, values.get("data-kind") or "")
            self.mark_text.setdefault(mention, "")
            self._open.append(mention)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for mention in set(self._open):
            if mention is not None:
                self.mark_text[mention] += data

    def marks(self) -> dict[str, tuple[str, str]]:
        return {key: (self.mark_kind[key], text) for key, text in self.mark_text.items()}

    def find(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]
