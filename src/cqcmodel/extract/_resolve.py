"""Overlapping candidate spans: the longest is kept, and learns what the others knew."""

from __future__ import annotations

from ._candidates import Candidate
from ._text import name_key
from .kinds import Category


def resolve(found: list[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping spans, folding what a contained span knew into it."""
    ordered = sorted(found, key=lambda c: (c.passage.order, c.start, -(c.end - c.start)))
    kept: list[Candidate] = []
    for candidate in ordered:
        # Candidates come in order of start and are not empty, and a span is kept only when
        # it starts at or after the claimed end of every span kept before it in its passage;
        # so only the last one kept can hold a later candidate.
        last = kept[-1] if kept else None
        holder = (
            last
            if last is not None
            and last.passage is candidate.passage
            and candidate.start < last.claim_end
            and last.start < candidate.end
            else None
        )
        if holder is None:
            kept.append(candidate)
            continue
        same = holder.start == candidate.start and holder.end == candidate.end
        if same or name_key(candidate.text) in holder.keys:
            holder.keys |= candidate.keys
            holder.forms |= candidate.forms
            holder.lexicon = holder.lexicon or candidate.lexicon
            holder.variant = holder.variant or (same and candidate.variant)
            # The same span: the lexicon, else a body, says what it is (category and kind
            # together, so that a kind always belongs to its category).
            if same and (
                candidate.lexicon
                or (candidate.category is Category.ORGANISATION and not holder.lexicon)
            ):
                holder.category = candidate.category
                holder.kind = candidate.kind
        if candidate.acronym and candidate.end == holder.end and holder.acronym is None:
            holder.acronym = candidate.acronym
            holder.defined = True
            holder.claim_end = max(holder.claim_end, candidate.claim_end)
            holder.keys.add("acr:" + candidate.acronym.replace(" ", "").upper())
    return kept


__all__ = ["resolve"]
