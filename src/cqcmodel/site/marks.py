"""Marks over a text: escape it and wrap each span in ``<mark>``, nested where spans overlap.

A span that crosses another (one starts inside the other and ends after it) is split: the part
inside the outer span is nested in it and the rest continues after it as a second ``<mark>``
with the same ``data-mention``. The order is fixed (earlier start outside, then longer span
outside, then kind, then anchor), so the same marks always give the same HTML.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Sequence
from typing import Final

import attrs

__all__ = ["MARK_KINDS", "Mark", "highlight"]

#: The kinds of mark, in the order they nest when two have the same span.
MARK_KINDS: Final = ("initiative", "organisation", "figure")


def _kind(_instance: object, _attribute: attrs.Attribute[str], value: str) -> None:
    if value not in MARK_KINDS:
        msg = f"a mark's kind is one of {', '.join(MARK_KINDS)}, not {value!r}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Mark:
    """One span of a text to highlight: ``text[start:end]``, its kind, hover title and anchor.

    ``anchor`` becomes the ``id`` of the (first) ``<mark>`` element, so an index can link to
    it, and the ``data-mention`` of every piece of it.
    """

    start: int
    end: int
    kind: str = attrs.field(validator=_kind)
    title: str
    anchor: str

    def __attrs_post_init__(self) -> None:
        """A mark covers at least one character."""
        if not 0 <= self.start < self.end:
            msg = f"a mark spans at least one character from 0 on, not {self.start}:{self.end}"
            raise ValueError(msg)


def _order(mark: Mark) -> tuple[int, int, int, str]:
    return (mark.start, -mark.end, MARK_KINDS.index(mark.kind), mark.anchor)


def _open(mark: Mark, *, first: bool) -> str:
    attributes = [
        ("data-kind", mark.kind),
        ("data-mention", mark.anchor),
        ("title", mark.title),
    ]
    if first:
        attributes.insert(0, ("id", mark.anchor))
    else:
        attributes.append(("data-part", "continued"))
    inner = " ".join(f'{name}="{html.escape(value, quote=True)}"' for name, value in attributes)
    return f"<mark {inner}>"


def highlight(text: str, marks: Sequence[Mark]) -> str:
    """``text`` as escaped HTML with every mark wrapped in ``<mark>`` at exactly its span.

    Raises :class:`ValueError` for a mark that ends past the text.
    """
    for mark in marks:
        if mark.end > len(text):
            msg = f"mark {mark.anchor} ends at {mark.end}, past the text's {len(text)} characters"
            raise ValueError(msg)
    ordered = sorted(marks, key=_order)
    bounds = sorted({0, len(text), *(m.start for m in ordered), *(m.end for m in ordered)})
    out: list[str] = []
    stack: list[int] = []
    opened: set[int] = set()
    for start, end in itertools.pairwise(bounds):
        active = [i for i, m in enumerate(ordered) if m.start <= start and end <= m.end]
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] == active[keep]:
            keep += 1
        while len(stack) > keep:
            stack.pop()
            out.append("</mark>")
        for index in active[keep:]:
            out.append(_open(ordered[index], first=index not in opened))
            opened.add(index)
            stack.append(index)
        out.append(html.escape(text[start:end]))
    out.extend("</mark>" for _ in stack)
    return "".join(out)
