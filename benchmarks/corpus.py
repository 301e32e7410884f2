"""Generate a synthetic national corpus for the benchmarks, deterministically, from real pages.

153 authorities, each with nine quality statement pages (about 10 KB each), a summary page and
an about page: about 15.5 MB of text in ``benchmarks/_corpus/`` (git-ignored). Paragraphs,
sub-headings, people's experiences, demographics and financial facts are drawn from the
corpus pages in ``tests/corpus/`` (parsed with cqcmodel); statement titles and texts come from
the framework registry. Layouts vary the way published pages do: one element per line or
blank-line separated (sometimes a whitespace-only line), CRLF line endings and a byte order
mark in a few files, sub-headings in some statement pages, optional ``Downloads``,
``Published:`` and footer lines, and five pilot-style authorities with indicative scores.

Run ``python benchmarks/corpus.py`` to (re)generate; ``benchmarks/run.py`` does it when the
corpus is missing or was made with other settings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from cqcmodel import parse_file  # noqa: E402
from cqcmodel.framework import STATEMENTS, Score  # noqa: E402
from cqcmodel.model import is_heading_like, overall_for  # noqa: E402
from cqcmodel.renderer import format_date  # noqa: E402

SOURCE = ROOT / "tests" / "corpus"
OUT = Path(__file__).resolve().parent / "_corpus"
SEED = 20240517
AUTHORITIES = 153
PILOTS = 5
#: Bump when the generator's output changes, so run.py regenerates an old corpus.
VERSION = 1

STATEMENT_TARGET = (9_500, 11_000)
SUMMARY_TARGET = (3_500, 4_500)
ABOUT_TARGET = (2_500, 3_500)

_SYLLABLES = (
    "ash",
    "brad",
    "bury",
    "caster",
    "ches",
    "combe",
    "dale",
    "den",
    "don",
    "ford",
    "glen",
    "ham",
    "har",
    "ing",
    "ken",
    "kings",
    "lan",
    "ley",
    "lin",
    "mar",
    "mere",
    "minster",
    "moor",
    "ney",
    "north",
    "ock",
    "pen",
    "ridge",
    "sal",
    "shire",
    "stan",
    "stead",
    "stoke",
    "ton",
    "vale",
    "wal",
    "well",
    "wick",
    "win",
    "wood",
    "worth",
    ").split(",
)
_FORMS = (
    "London Borough of {a}",
    "Royal Borough of {a} & {b}",
    "{a} Council",
    "{a} City Council",
    "City of {a} Council",
    "{a} Borough Council",
    "{a} County Council",
    "{a} and {b}",
    "County {a}",
)
#: Sub-headings seen on real pages, plus a few in the same style.
_EXTRA_SUBHEADINGS = (
    "Assessment and care planning",
    "Access to information and advice",
    "Hospital discharge and reablement",
    "Market shaping and commissioning",
    "Learning from feedback and complaints",
    "Strategic planning and workforce",
)
_EXTRA_FACTS = (
    "The local authority estimated that it would spend {m} of its total budget on adult "
    "social care in 2023/24. Its actual spend was {n}.",
    "Approximately {p}% of people who received long-term support were aged 18 to 64.",
)
_CODES = {info.id: info.code for info in STATEMENTS}


@dataclass
class Pools:
    """Texts drawn from the real corpus pages."""

    findings: list[str] = field(default_factory=list)
    subheadings: list[str] = field(default_factory=list)
    experiences: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)


def load_pools(source: Path = SOURCE) -> Pools:
    pools = Pools()
    headings: set[str] = set()
    for path in sorted(source.glob("*.txt")):
        authority = parse_file(path)
        for statement in authority.statements:
            for finding in statement.findings:
                pools.findings.append(finding.text)
                if finding.heading:
                    headings.add(finding.heading)
        if authority.summary is not None:
            pools.experiences.extend(authority.summary.people_experience)
        if authority.about is not None:
            pools.about.extend(authority.about.introduction + authority.about.demographics)
            pools.facts.extend(authority.about.financial_facts)
    # A paragraph that reads as a heading would turn into a sub-heading before another one.
    for name in ("findings", "experiences", "about", "facts"):
        kept = [text for text in getattr(pools, name) if not is_heading_like(text)]
        setattr(pools, name, list(dict.fromkeys(kept)))
    pools.subheadings = sorted(headings | set(_EXTRA_SUBHEADINGS))
    return pools


def authority_names(rng: random.Random) -> list[tuple[str, str]]:
    """153 distinct (full name, short name) pairs."""
    names: list[tuple[str, str]] = []
    seen: set[str] = set()
    while len(names) < AUTHORITIES:
        a = "".join(rng.sample(_SYLLABLES, 2)).capitalize()
        b = "".join(rng.sample(_SYLLABLES, 2)).capitalize()
        full = rng.choice(_FORMS).format(a=a, b=b)
        if a in seen:
            continue
        seen.add(a)
        names.append((full, a))
    return names


@dataclass
class Layout:
    """How one authority's pages are written out."""

    spaced: bool
    crlf: bool
    bom: bool

    def join(self, elements: list[str], rng: random.Random) -> str:
        if self.spaced:
            parts: list[str] = []
            for element in elements:
                parts.append(element)
                parts.append(" " if rng.random() < 0.05 else "")
            text = "\n".join(parts)
        else:
            text = "\n".join(elements)
        text += "\n"
        if self.crlf:
            text = text.replace("\n", "\r\n")
        if self.bom:
            text = "\ufeff" + text
        return text


def _fill(pool: list[str], rng: random.Random, target: int, used: int) -> list[str]:
    """Paragraphs from ``pool`` (in a shuffled cycle) until about ``target`` bytes."""
    order = pool[:]
    rng.shuffle(order)
    result: list[str] = []
    index = 0
    while used < target:
        text = order[index % len(order)]
        index += 1
        result.append(text)
        used += len(text.encode("utf-8")) + 1
    return result


def _header(title: str, rng: random.Random, published: dt.date, downloads: float) -> list[str]:
    lines = [title]
    if rng.random() < 0.7:
        updated = published + dt.timedelta(days=rng.choice((0, 0, 3, 90)))
        lines.append(
            f"Published: {format_date(published)} Page last updated: {format_date(updated)}"
        )
    if rng.random() < downloads:
        lines.append("Downloads")
    return lines


def statement_page(
    title: str,
    info_index: int,
    score: int,
    pilot: bool,
    pools: Pools,
    rng: random.Random,
    published: dt.date,
) -> list[str]:
    info = STATEMENTS[info_index]
    elements = _header(title, rng, published, 0.5)
    titles = info.titles
    elements.append(titles[1] if len(titles) > 1 and rng.random() < 0.3 else titles[0])
    label = f"{score} - {Score(score).label}"
    if pilot:
        elements += ["Indicative score:", label]
    else:
        elements += [f"Score: {score}", label]
    if info.i_statements:
        elements.append("What people expect:" if pilot else "What people expect")
        elements += [f"“{text}”" if pilot else text for text in info.i_statements]
    elements += ["The local authority commitment", info.we_statements[0]]
    if rng.random() < 0.95:
        elements.append("Key findings for this quality statement")
    target = rng.randint(*STATEMENT_TARGET)
    used = sum(len(e.encode("utf-8")) + 1 for e in elements)
    paragraphs = _fill(pools.findings, rng, target, used)
    if rng.random() < 0.4:
        headings = rng.sample(pools.subheadings, k=min(4, len(pools.subheadings)))
        step = max(1, len(paragraphs) // len(headings))
        for number, heading in enumerate(headings):
            paragraphs.insert(number * (step + 1), heading)
    elements += paragraphs
    if rng.random() < 0.3:
        elements.append("© Care Quality Commission")
    return elements


def summary_page(
    title: str,
    full: str,
    short: str,
    scores: list[int],
    pools: Pools,
    rng: random.Random,
    published: dt.date,
) -> list[str]:
    overall = overall_for(scores)
    assert overall is not None
    elements = _header(title, rng, published, 0.9)
    elements += ["Overall summary", "Local authority rating and score"]
    elements.append(f"  • {full}\n    {overall.rating.value}")
    if rng.random() < 0.5:
        elements.append(f"Overall rating for {short}: {overall.percentage}%")
    else:
        elements.append(f"Score: {overall.percentage}%")
    elements.append("Quality statement scores")
    items = []
    for info, score in zip(STATEMENTS, scores, strict=True):
        name = info.titles[-1] if info.id == 2 else info.title
        items.append(f"  • {name}\n    Score: {score}")
    elements.append("\n".join(items))
    elements.append(
        rng.choice(("Summary of people's experiences", "Summary of people’s experiences"))
    )
    used = sum(len(e.encode("utf-8")) + 1 for e in elements)
    elements += _fill(
        pools.experiences + pools.findings[:10], rng, rng.randint(*SUMMARY_TARGET), used
    )
    return elements


def about_page(
    title: str,
    full: str,
    short: str,
    pilot: bool,
    pools: Pools,
    rng: random.Random,
    published: dt.date,
) -> list[str]:
    elements = _header(title, rng, published, 0.5)
    elements.append("How we assess local authorities")
    if pilot:
        elements.append(f"Assessment start date: {format_date(published - dt.timedelta(days=120))}")
    elements.append(f"Assessment published: {format_date(published)}")
    elements.append(f"About {full}")
    if rng.random() < 0.8:
        elements.append("Demographics")
    used = sum(len(e.encode("utf-8")) + 1 for e in elements)
    elements += _fill(pools.about, rng, rng.randint(*ABOUT_TARGET) - 600, used)
    elements.append("Financial facts")
    if rng.random() < 0.8:
        elements.append(f"The financial facts for {short} are:")
    facts = rng.sample(pools.facts, k=min(3, len(pools.facts)))
    for template in _EXTRA_FACTS:
        millions = rng.randint(40, 400)
        facts.append(
            template.format(
                m=f"£{millions},{rng.randint(100, 999)},000",
                n=f"£{millions + rng.randint(1, 30)}.{rng.randint(0, 9)} million",
                p=rng.randint(20, 45),
            )
        )
    bullet = rng.choice(("  • ", "- "))
    elements += [bullet + fact for fact in facts]
    return elements


def slugify(name: str) -> str:
    return (
        "".join(ch if ch.isalnum() else "-" for ch in name.casefold()).strip("-").replace("--", "-")
    )


def generate(out: Path = OUT, seed: int = SEED) -> dict[str, object]:
    """Write the corpus under ``out`` (replacing it); return its manifest."""
    rng = random.Random(seed)
    pools = load_pools()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    files = 0
    size = 0
    for number, (full, short) in enumerate(authority_names(rng)):
        pilot = number < PILOTS
        layout = Layout(
            spaced=rng.random() < 0.5, crlf=rng.random() < 0.06, bom=rng.random() < 0.03
        )
        title = f"{full} assessment" if pilot else f"{full}: local authority assessment"
        published = dt.date(2023 if pilot else 2024, 1, 1) + dt.timedelta(days=rng.randint(0, 500))
        slug = f"{slugify(short)}-{published:%m%y}"
        folder = out / slug
        folder.mkdir()
        scores = [rng.choices((1, 2, 3, 4), weights=(1, 5, 8, 1))[0] for _ in STATEMENTS]
        pages: dict[str, list[str]] = {
            f"{slug}.txt": about_page(title, full, short, pilot, pools, rng, published),
            f"{slug}-summary.txt": summary_page(title, full, short, scores, pools, rng, published),
        }
        for index, info in enumerate(STATEMENTS):
            name = f"{slug}-theme{int(info.theme)}-{_CODES[info.id]}.txt"
            pages[name] = statement_page(title, index, scores[index], pilot, pools, rng, published)
        for name, elements in pages.items():
            data = layout.join(elements, rng).encode("utf-8")
            (folder / name).write_bytes(data)
            files += 1
            size += len(data)
    manifest: dict[str, object] = {
        "version": VERSION,
        "seed": seed,
        "authorities": AUTHORITIES,
        "files": files,
        "bytes": size,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def ensure(out: Path = OUT, seed: int = SEED) -> dict[str, object]:
    """The manifest of an up-to-date corpus, generating it first when needed."""
    manifest_path = out / "manifest.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("version") == VERSION and manifest.get("seed") == seed:
            return dict(manifest)
    return generate(out, seed)


def files(out: Path = OUT) -> list[Path]:
    """The corpus files in a stable order."""
    return sorted(out.glob("*/*.txt"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="parse every generated page")
    args = parser.parse_args()
    manifest = generate(args.out, args.seed)
    print(f"{manifest['files']} files, {int(manifest['bytes']) / 1e6:.1f} MB in {args.out}")
    if args.check:
        for path in files(args.out):
            parse_file(path)
        print("every page parses")


if __name__ == "__main__":
    main()
