"""Where an extracted item was found: a character span in one finding of one statement."""

from __future__ import annotations

import attrs

from ..model import Authority, Finding


def _non_negative(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        msg = f"{attribute.name} must be 0 or more, got {value}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Mention:
    """One occurrence of an extracted item.

    ``statement_id`` is the framework id of the statement whose key findings hold it (``None``
    for a statement title the framework does not know), ``finding_index`` the position of the
    finding in that statement's ``findings``, and
    ``finding.text[start:end] == text``: a tool can highlight the span in the source.
    """

    statement_id: int | None
    finding_index: int = attrs.field(validator=_non_negative)
    start: int = attrs.field(validator=_non_negative)
    end: int
    text: str

    def __attrs_post_init__(self) -> None:
        """A span is non-empty and as long as its text."""
        if self.end - self.start != len(self.text) or not self.text:
            msg = f"span {self.start}:{self.end} does not hold {self.text!r}"
            raise ValueError(msg)

    def finding(self, authority: Authority) -> Finding:
        """The finding of ``authority`` this mention points into.

        A ``statement_id`` of ``None`` resolves to the first statement the framework does not
        know. Raises ``LookupError`` when the authority has no such finding.
        """
        for statement in authority.statements:
            if statement.statement_id == self.statement_id:
                if self.finding_index < len(statement.findings):
                    return statement.findings[self.finding_index]
                break
        msg = f"no finding {self.finding_index} in statement {self.statement_id}"
        raise LookupError(msg)


def distinct_statements(mentions: tuple[Mention, ...]) -> tuple[int | None, ...]:
    """The distinct statement ids of ``mentions``, in first-mention order."""
    return tuple(dict.fromkeys(mention.statement_id for mention in mentions))
