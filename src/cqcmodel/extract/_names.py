"""Find candidate names of initiatives and organisations in an authority's key findings.

Every rule of the ordered registry :data:`cqcmodel.extract._rules.RULES` reads each sentence
of each finding and records :class:`~cqcmodel.extract._candidates.Candidate` spans;
overlapping spans are then resolved (:func:`cqcmodel.extract._resolve.resolve`). Grouping
the candidates into initiatives and organisations is :mod:`cqcmodel.extract._merge`'s job.
"""

from __future__ import annotations

from functools import lru_cache

from ..model import Authority
from . import _classify, _merge, _text
from ._candidates import Candidate, Scan, self_keys
from ._lexicon import LOCAL_UNDERTAKING_ENDINGS
from ._resolve import resolve
from ._rules import RULES, Rule, RuleFunction, sentence_capitals
from ._text import Passage, cached_passages, name_key
from .kinds import Category


def scan(
    authority: Authority, rules: tuple[Rule, ...] = RULES, *, gate: bool = True
) -> tuple[tuple[Passage, ...], list[Candidate]]:
    """The passages of ``authority`` and the candidate names ``rules`` find in them.

    A rule runs only on the passages and sentences that hold what it needs to find anything
    (:attr:`~cqcmodel.extract._rules.Rule.needs`, ``passage_gate``, ``needs_capital``);
    ``gate=False`` runs every rule on every sentence, with the same result.
    """
    state = Scan(self_keys=self_keys(authority))
    texts = cached_passages(authority)
    for passage in texts:
        # The rules to run on a sentence with a later capital, and on one without, in order.
        finds, lower_finds = _passage_rules(state, passage, rules) if gate else (_finds(rules),) * 2
        if len(lower_finds) == len(finds):
            for sentence in passage.sentences:
                for find in finds:
                    find(state, passage, sentence)
            continue
        capitals = sentence_capitals(state, passage)
        for sentence, capital in zip(passage.sentences, capitals, strict=True):
            for find in finds if capital else lower_finds:
                find(state, passage, sentence)
    return texts, settle_guesses(resolve(state.found))


def _finds(rules: tuple[Rule, ...]) -> list[RuleFunction]:
    """The functions of ``rules``, in order."""
    return [entry.find for entry in rules]


def _passage_rules(
    state: Scan, passage: Passage, rules: tuple[Rule, ...]
) -> tuple[list[RuleFunction], list[RuleFunction]]:
    """The rules that may find anything in ``passage``, and those for a sentence in lower case.

    (The second: those that need no capital after a sentence's first letter; each in order.)
    A rule may where the passage holds a character it needs (if it needs any) and passes its
    passage gate (if it has one). Read once per passage, without a call for each rule.
    """
    text = passage.text
    finds: list[RuleFunction] = []
    lower_finds: list[RuleFunction] = []
    for entry in rules:
        needs = entry.needs
        if needs and (
            needs not in text if len(needs) == 1 else not any(map(text.__contains__, needs))
        ):
            continue
        passage_gate = entry.passage_gate
        if passage_gate is not None and not passage_gate(state, passage):
            continue
        if not entry.needs_capital:
            finds.append(entry.find)
            lower_finds.append(entry.find)
        else:  # (``finds`` runs only on a sentence with a capital after its first letter)
            finds.append(entry.find if entry.capital_find is None else entry.capital_find)
    return finds, lower_finds


def settle_guesses(found: list[Candidate]) -> list[Candidate]:
    """A guessed initiative named elsewhere as an organisation is that organisation.

    "Carers First had helped" says nothing of what Carers First is; "commissioned Carers
    First to" (earlier or later in the report) does.
    """
    bodies = {
        name_key(candidate.text): candidate
        for candidate in found
        if candidate.category is Category.ORGANISATION
    }
    for candidate in found:
        body = bodies.get(name_key(candidate.text)) if candidate.guessed else None
        if body is not None:
            candidate.category, candidate.kind = body.category, body.kind
    return _settle_local_undertakings(found)


def _settle_local_undertakings(found: list[Candidate]) -> list[Candidate]:
    """A body named by the last words of the authority's own undertaking is that undertaking.

    "the Race Equality Commission" after "the Sheffield Race Equality Commission" (which the
    place made Sheffield's own: :data:`~cqcmodel.extract._lexicon.LOCAL_UNDERTAKING_ENDINGS`).
    """
    undertakings = [
        candidate
        for candidate in found
        if candidate.category is Category.INITIATIVE
        and name_key(candidate.text).rsplit(" ", 1)[-1] in LOCAL_UNDERTAKING_ENDINGS
    ]
    if not undertakings:
        return found
    for candidate in found:
        if candidate.category is not Category.ORGANISATION:
            continue
        key = " " + name_key(candidate.text)
        for undertaking in undertakings:
            if name_key(undertaking.text).endswith(key):
                candidate.category, candidate.kind = undertaking.category, undertaking.kind
                break
    return found


@lru_cache(maxsize=16)
def cached_scan(authority: Authority) -> tuple[tuple[Passage, ...], tuple[Candidate, ...]]:
    """:func:`scan`, once per authority: initiatives and organisations share one scan."""
    texts, candidates = scan(authority)
    return texts, tuple(candidates)


def clear_caches() -> None:
    """Empty every cache extraction keeps (scans, sentences, name keys, word classes).

    For timing: a run after this does all the work again, as on texts never seen.
    """
    cached_scan.cache_clear()
    _text.clear_caches()
    _classify.clear_caches()
    _merge.clear_caches()


__all__ = ["cached_scan", "clear_caches", "scan"]
