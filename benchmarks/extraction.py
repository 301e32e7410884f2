"""Measure initiative and organisation extraction against the hand-labelled gold pages.

Each ``benchmarks/gold/<page>.json`` labels one corpus page (``tests/corpus/<page>.txt``); the
format and the matching rules are in ``benchmarks/gold/README.md``. A name matches an entry
when it equals the entry's name or one of its aliases, case-insensitively after folding
quotes, dashes and whitespace and dropping a leading "the". Recall is matched gold entries over
gold entries; precision is extracted names that match a gold or optional entry over extracted
names (each distinct name counted once per page). Totals are summed over the pages.

The pages fall into sets, reported apart:

- **tune**: the gold pages of Hillingdon, Hounslow and Ealing, the half the rules may be
  adjusted on (their misses and extras are what a rule change looks at);
- **test**: the gold pages of Sunderland, Westminster, Windsor and Maidenhead and
  Nottingham, measured only, never used to change a rule;
- **held-out**: ``benchmarks/heldout/`` — CQC-style statement pages of other councils, with
  their gold, written before the rules were rewritten; measured after the rewrite, then
  used to tune (so no longer unseen);
- **unseen**: ``benchmarks/unseen/`` — more CQC-style pages with gold, written before any
  of the held-out pages' misses were looked at; measured, later tuned on together with the
  blind pages (their misses were read);
- **blind**: ``benchmarks/blind/`` — CQC-style pages of six more councils, written and
  labelled by someone who had read neither the rules nor any extraction output; measured
  once, then tuned on (their misses were read), so no longer unseen either;
- **fresh**: ``benchmarks/fresh/`` — eight pages of eight more councils, written and
  labelled the same way, blind, after the blind set's misses had been read; tuned on after
  its first measurement (initiatives 0.845 precision / 0.922 recall, organisations 0.955 /
  0.824; after the rules were widened by class, 0.968 / 0.978 and 0.973 / 0.932), so no
  longer unseen;
- **fresh2**: ``benchmarks/fresh2/`` — eight pages of eight more councils, written and
  labelled with the fresh ones; measured once after both rounds (initiatives 0.936 / 0.955,
  organisations 0.945 / 0.842), then tuned on (its misses were read and the rules widened
  by class), so no longer unseen either;
- **fresh3**: ``benchmarks/fresh3/`` — ten pages of ten more councils, written and labelled
  blind by another writer; measured once (initiatives 0.873 / 0.882, organisations 0.919 /
  0.765: the fresh2 round had changed none of its output), then tuned on by class, so no
  longer unseen either;
- **fresh4**: ``benchmarks/fresh4/`` — ten pages of ten more councils, written and labelled
  blind with the same conventions as fresh3; never tuned on, its misses never read: the
  honest number. Measured once before the fresh3 round (initiatives 0.913 / 0.951,
  organisations 0.971 / 0.838) and once after it; not gated.

Run ``python benchmarks/extraction.py`` (``--verbose`` lists the misses and the extras of the
tune pages; ``--verbose-all`` of every page). ``--speed`` instead times extraction on the
synthetic national corpus (``benchmarks/corpus.py``) against reading its text, per MB;
``--installed`` times the installed package rather than this checkout's ``src`` (run it with
``.venv-compiled/bin/python`` for the compiled build: ``make compiled``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# This checkout's code, unless ``--installed`` asks for the installed package's (the compiled
# build's, say: ``.venv-compiled/bin/python benchmarks/extraction.py --speed --installed``).
if "--installed" not in sys.argv[1:]:
    sys.path.insert(0, str(ROOT / "src"))

import cqcmodel  # noqa: E402
from cqcmodel import parse_file  # noqa: E402
from cqcmodel.extract import (  # noqa: E402
    extract_figures,
    extract_initiatives,
    extract_organisations,
    voices_of,
)
from cqcmodel.extract._names import clear_caches  # noqa: E402
from cqcmodel.framework import fold  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold"
HELDOUT = Path(__file__).resolve().parent / "heldout"
UNSEEN = Path(__file__).resolve().parent / "unseen"
BLIND = Path(__file__).resolve().parent / "blind"
FRESH = Path(__file__).resolve().parent / "fresh"
FRESH2 = Path(__file__).resolve().parent / "fresh2"
FRESH3 = Path(__file__).resolve().parent / "fresh3"
FRESH4 = Path(__file__).resolve().parent / "fresh4"

#: Sets whose shortfalls are printed but do not fail the run: a set that measures the rules
#: as they are, which no rule may be changed to pass. The blind and fresh pages up to
#: fresh3 were each tuned on after their first measurement, and are gated like the
#: held-out pages; the fresh4 ones are not.
UNGATED: tuple[str, ...] = ("fresh4",)
CORPUS = ROOT / "tests" / "corpus"

#: Page-name prefixes of the gold pages the rules may be tuned on; the rest are "test".
TUNE_PREFIXES = ("hillingdon", "seed-hillingdon", "hounslow", "ealing")

#: Recall and precision the extractors must reach on every set.
TARGETS = {
    ("initiatives", "recall"): 0.90,
    ("initiatives", "precision"): 0.90,
    ("organisations", "recall"): 0.85,
    ("organisations", "precision"): 0.90,
}

_DASHES = re.compile(r"[‐-―-]+")


def normalise(name: str) -> str:
    """The README's matching form: folded quotes, dashes and space, no leading "the"."""
    text = fold(_DASHES.sub("-", name)).strip(" '\"")
    return text[4:] if text.startswith("the ") else text


@dataclass
class Score:
    """Counts for one kind of entity on one page (or summed over pages)."""

    gold: int = 0
    found_gold: int = 0
    extracted: int = 0
    extracted_right: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Matched gold entries over gold entries (1.0 when there are none)."""
        return self.found_gold / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        """Extracted names that match over extracted names (1.0 when none were extracted)."""
        return self.extracted_right / self.extracted if self.extracted else 1.0

    def add(self, other: Score) -> None:
        """Add another page's counts to these."""
        self.gold += other.gold
        self.found_gold += other.found_gold
        self.extracted += other.extracted
        self.extracted_right += other.extracted_right
        self.misses += other.misses
        self.extras += other.extras


def score(names: list[str], entries: list[dict[str, object]], optional: list[str]) -> Score:
    """Score distinct extracted ``names`` against gold ``entries`` and ``optional`` names."""
    forms = [
        {normalise(str(entry["name"]))} | {normalise(str(alias)) for alias in entry["aliases"]}  # type: ignore[attr-defined]
        for entry in entries
    ]
    allowed = set().union(*forms) | {normalise(name) for name in optional}
    distinct = list(dict.fromkeys(normalise(name) for name in names))
    result = Score(gold=len(entries), extracted=len(distinct))
    for entry, entry_forms in zip(entries, forms, strict=True):
        if entry_forms & set(distinct):
            result.found_gold += 1
        else:
            result.misses.append(str(entry["name"]))
    for name in distinct:
        if name in allowed:
            result.extracted_right += 1
        else:
            result.extras.append(name)
    return result


@dataclass
class PageResult:
    """The scores of one gold page."""

    page: str
    initiatives: Score
    organisations: Score


def split_of(page: str) -> str:
    """``"tune"`` or ``"test"``: which half of the gold pages ``page`` belongs to."""
    return "tune" if page.casefold().startswith(TUNE_PREFIXES) else "test"


def measure(gold_dir: Path = GOLD, corpus_dir: Path = CORPUS) -> list[PageResult]:
    """Run extraction on every gold page of ``gold_dir`` (pages in ``corpus_dir``), scored."""
    results: list[PageResult] = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        authority = parse_file(corpus_dir / gold["page"])
        optional = gold.get("optional", [])
        initiatives = [initiative.name for initiative in extract_initiatives(authority)]
        organisations = [organisation.name for organisation in extract_organisations(authority)]
        results.append(
            PageResult(
                page=gold["page"],
                initiatives=score(initiatives, gold["initiatives"], optional),
                organisations=score(organisations, gold["organisations"], optional),
            )
        )
    return results


def totals(results: list[PageResult]) -> dict[str, Score]:
    """The counts summed over all pages, per entity."""
    summed = {"initiatives": Score(), "organisations": Score()}
    for result in results:
        summed["initiatives"].add(result.initiatives)
        summed["organisations"].add(result.organisations)
    return summed


def shortfalls(summed: dict[str, Score]) -> list[str]:
    """The targets the totals miss, as readable lines (empty when all are met)."""
    failed = []
    for (entity, measure_name), target in TARGETS.items():
        value = getattr(summed[entity], measure_name)
        if value < target:
            failed.append(f"{entity} {measure_name} {value:.3f} < {target:.2f}")
    return failed


def _row(label: str, initiatives: Score, organisations: Score) -> str:
    return (
        f"{label:<48} {initiatives.precision:6.3f} {initiatives.recall:6.3f}"
        f" {initiatives.gold:4d}   {organisations.precision:6.3f} {organisations.recall:6.3f}"
        f" {organisations.gold:4d}"
    )


def sets() -> dict[str, list[PageResult]]:
    """The scored pages of each set: tune, test, held-out, unseen, blind, fresh … fresh4."""
    gold = measure()
    return {
        "tune": [result for result in gold if split_of(result.page) == "tune"],
        "test": [result for result in gold if split_of(result.page) == "test"],
        "held-out": measure(HELDOUT, HELDOUT),
        "unseen": measure(UNSEEN, UNSEEN),
        "blind": measure(BLIND, BLIND),
        "fresh": measure(FRESH, FRESH),
        "fresh2": measure(FRESH2, FRESH2),
        "fresh3": measure(FRESH3, FRESH3),
        "fresh4": measure(FRESH4, FRESH4),
    }


def _print_page(result: PageResult, *, verbose: bool) -> None:
    print(_row(result.page, result.initiatives, result.organisations))
    if not verbose:
        return
    for entity, counts in (("I", result.initiatives), ("O", result.organisations)):
        for miss in counts.misses:
            print(f"    {entity} missed: {miss}")
        for extra in counts.extras:
            print(f"    {entity} extra:  {extra}")


#: Every how many corpus pages extraction is timed (as ``run.py`` does).
SPEED_STRIDE = 16


def _cpu_seconds(work: Callable[[], object], repeats: int = 5) -> float:
    """The least CPU time of ``repeats`` runs (CPU time: the machine is shared)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def _extract_all(models: list[cqcmodel.Authority]) -> int:
    clear_caches()
    found = 0
    for model in models:
        found += len(extract_initiatives(model)) + len(extract_organisations(model))
        found += len(extract_figures(model))
        found += sum(len(voices_of(f)) for s in model.statements for f in s.findings)
    return found


def _real_pages() -> list[Path]:
    """The corpus, held-out and unseen pages: real (or real-style) text, none repeated."""
    return [
        *sorted(CORPUS.glob("*.txt")),
        *sorted(HELDOUT.glob("*.txt")),
        *sorted(UNSEEN.glob("*.txt")),
    ]


def _build() -> str:
    """Whether the extraction modules loaded are the compiled build's or Python source."""
    from cqcmodel.extract import _title_case  # noqa: PLC0415

    return "compiled build" if not _title_case.__file__.endswith(".py") else "pure Python"


def speed() -> int:
    """Print extraction's CPU time per MB against reading the text, on the synthetic corpus.

    Every extraction cache is emptied before each timed run. The synthetic corpus reuses the
    corpus pages' findings (about one finding in twenty of the sample is distinct), so the
    same is also timed on the real pages, where no finding repeats.
    """
    folder = ROOT / "benchmarks" / "_corpus"
    if not folder.exists():
        print("make the corpus first: python benchmarks/corpus.py", file=sys.stderr)
        return 1
    paths = sorted(folder.rglob("*.txt"))
    size = sum(path.stat().st_size for path in paths)

    def floor() -> None:
        for path in paths:
            with path.open(encoding="utf-8", newline="") as handle:
                handle.read().splitlines()

    floor_seconds = _cpu_seconds(floor)
    print(f"cqcmodel from {Path(cqcmodel.__file__).parent}: {_build()}")
    print(f"floor: {floor_seconds:.3f} s for {size / 1e6:.1f} MB ({len(paths)} files)")
    samples = {
        f"extraction, every {SPEED_STRIDE}th synthetic file": paths[::SPEED_STRIDE],
        "extraction, the real pages (none repeated)": _real_pages(),
    }
    for label, sample in samples.items():
        sample_size = sum(path.stat().st_size for path in sample)
        models = [cqcmodel.parse(path.read_text(encoding="utf-8-sig")) for path in sample]
        seconds = _cpu_seconds(lambda models=models: _extract_all(models))
        ratio = (seconds / sample_size) / (floor_seconds / size)
        print(
            f"{label}: {seconds:.3f} s for {sample_size / 1e6:.3f} MB: "
            f"{sample_size / 1e6 / seconds:.2f} MB/s, {ratio:.0f}x the floor per MB"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Print per-page and per-set precision and recall; exit 1 if a gated set misses a target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="misses and extras (tune set)")
    parser.add_argument("--verbose-all", action="store_true", help="misses and extras, all sets")
    parser.add_argument("--speed", action="store_true", help="time extraction on the corpus")
    parser.add_argument(
        "--installed", action="store_true", help="the installed cqcmodel, not this checkout's"
    )
    args = parser.parse_args(argv)
    if args.speed:
        return speed()
    failed = []
    print(f"{'page':<48} {'initiatives P/R/gold':>20}   {'organisations P/R/gold':>22}")
    for name, results in sets().items():
        verbose = args.verbose_all or (args.verbose and name == "tune")
        for result in results:
            _print_page(result, verbose=verbose)
        summed = totals(results)
        print(
            _row(
                f"TOTAL {name} ({len(results)} pages)",
                summed["initiatives"],
                summed["organisations"],
            )
        )
        if name in UNGATED:
            for line in shortfalls(summed):
                print(f"below target (reported, not gated): {name}: {line}", file=sys.stderr)
        else:
            failed += [f"{name}: {line}" for line in shortfalls(summed)]
    for line in failed:
        print(f"target missed: {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
