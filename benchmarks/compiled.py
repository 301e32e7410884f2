"""Check the mypyc-compiled build of extraction against the pure one, then time both.

The compiled build (``make compiled``, in ``.venv-compiled``) compiles the private extraction
modules the ``mypyc`` build hook of ``pyproject.toml`` names. This script runs each build in
its own interpreter and:

1. lists where each of those modules was loaded from: every one must be an extension module
   (``.so``) in the compiled build and Python source in the pure one, and
   ``cqcmodel.extract.COMPILED`` must say so; and the compiled build's package must hold the
   sources of ``src`` (else it is older: ``make compiled``);
2. dumps everything extraction returns (initiatives, organisations, figures, financial facts,
   voices and voiced sentences of the corpus, held-out, unseen, blind and fresh pages, of half
   the synthetic pages and of mutated findings and pages; cross-council groups) in each build,
   and fails unless the two dumps are byte-identical;
3. runs the extraction tests (``tests/test_extract_*.py``, ``tests/test_robustness.py``)
   against the compiled build;
4. times extraction as ``benchmarks/extraction.py --speed`` does (CPU time, the least of five
   runs, every cache emptied before each), pure and compiled alternating, in fresh processes,
   and prints the range of each (``--parts`` also times the scan, the named items, figures and
   voices apart, on the synthetic sample).

Run ``python benchmarks/compiled.py`` after ``make compiled``; ``--pure`` and ``--compiled``
name other interpreters, ``--runs`` how many timed runs each, ``--skip-tests`` skips step 3.
``--compiled - --pure source`` checks the build installed in the running interpreter against
the checkout's ``src``, imported by the same interpreter: that is how a wheel is tested where it
was built (``[tool.cibuildwheel]`` in ``pyproject.toml``).
``--check`` makes the checks only (steps 1-3, no timing; without the synthetic corpus, on the
other pages only): ``make test`` runs it (``make compiled-check``), so every change is checked
in both builds. It exits 1 when a check fails. ``--worker`` is how it runs itself inside each
build.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"
#: The page sets the dump reads, besides ``tests/corpus`` and half the synthetic pages.
PAGE_SETS = ("heldout", "unseen", "blind", "fresh", "fresh2", "fresh3", "fresh4")
#: Words, figures and odd letters inserted at random into real findings for the dump.
MUTATIONS = (
    *(" heard from ", " from ", " said ", " told us ", "%", " 37.4% ", " £1.2m ", " 3 hubs "),
    *("(ABC)", "‘X Y’", " and ", " The ", " Healthwatch ", " İ", "ı", "ſ", "K", "Σ", "ß"),
    *("٣", ". ", ", ", " Care Act ", " Age UK "),
)
TESTS = ("tests/test_extract_*.py", "tests/test_robustness.py")


def compiled_modules() -> list[str]:
    """The modules the ``mypyc`` build hook of ``pyproject.toml`` compiles, as dotted names."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    hook = config["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["mypyc"]
    prefix = "/src/"
    return [
        path.removeprefix(prefix).removesuffix(".py").replace("/", ".") for path in hook["include"]
    ]


# --- inside one build (``--worker``) -----------------------------------------------------------


def _import_build() -> None:
    """Import cqcmodel from this interpreter's environment before anything puts src first.

    ``extraction.py`` puts the repository's ``src`` at the front of ``sys.path``; once the
    package is imported, its modules load from where the package was found, not from there.
    """
    import cqcmodel.extract  # noqa: F401, PLC0415 - the build under test, before src


def _worker_modules() -> dict[str, object]:
    import importlib  # noqa: PLC0415

    import cqcmodel.extract  # noqa: PLC0415

    files = {name: str(importlib.import_module(name).__file__) for name in compiled_modules()}
    return {"files": files, "COMPILED": cqcmodel.extract.COMPILED}


def _dump_pages() -> list[Path]:
    paths = sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    for name in PAGE_SETS:
        paths += sorted((BENCHMARKS / name).glob("*.txt"))
    return paths + sorted((BENCHMARKS / "_corpus").rglob("*.txt"))[::2]


def _dump_lines() -> Iterator[str]:
    """Everything extraction returns, as lines of reprs (see the module's docstring)."""
    import cqcmodel  # noqa: PLC0415
    from cqcmodel import extract as x  # noqa: PLC0415
    from cqcmodel.model import Finding  # noqa: PLC0415

    sys.path.insert(0, str(ROOT))
    from tests.test_robustness import _page  # noqa: PLC0415 - the tests' one-finding page

    models = []
    for path in _dump_pages():
        model = cqcmodel.parse(path.read_text(encoding="utf-8-sig"))
        models.append(model)
        yield path.name
        yield repr((x.extract_initiatives(model), x.extract_organisations(model)))
        yield repr((x.extract_figures(model), x.financial_facts(model)))
        for statement in model.statements:
            for finding in statement.findings:
                yield repr((x.voices_of(finding), x.voiced_sentences(finding)))
    yield repr((x.group_initiatives(models[:60]), x.group_organisations(models[:60])))
    rng = random.Random(7)
    texts = [f.text for m in models[:40] for s in m.statements for f in s.findings]
    for index, text in enumerate(texts * 3):
        words = text.split(" ")
        for _ in range(rng.randint(1, 6)):
            words.insert(rng.randrange(len(words) + 1), rng.choice(MUTATIONS))
        mutated = " ".join(words).replace("\n", " ").strip() or "x"
        finding = Finding(text=mutated)
        yield repr((x.voices_of(finding), x.voiced_sentences(finding)))
        if index % 3 == 0:
            try:
                model = _page(mutated)
            except cqcmodel.CqcModelError as error:
                yield f"refused: {type(error).__name__}"
                continue
            yield repr((x.extract_initiatives(model), x.extract_organisations(model)))
            yield repr(x.extract_figures(model))


def _worker_dump(out: Path) -> dict[str, str]:
    digest = hashlib.sha256()
    with out.open("w", encoding="utf-8") as handle:
        for line in _dump_lines():
            handle.write(line + "\n")
            digest.update(line.encode() + b"\n")
    return {"sha256": digest.hexdigest()}


def _worker_speed(parts: bool) -> dict[str, float]:
    """Extraction's CPU seconds on the synthetic sample and the real pages (and its parts)."""
    sys.path.insert(0, str(BENCHMARKS))
    import extraction  # noqa: PLC0415 - the --speed measurement itself

    import cqcmodel  # noqa: PLC0415

    synthetic = sorted((BENCHMARKS / "_corpus").rglob("*.txt"))[:: extraction.SPEED_STRIDE]
    result = {}
    for label, sample in (("synthetic", synthetic), ("real", extraction._real_pages())):
        models = [cqcmodel.parse(path.read_text(encoding="utf-8-sig")) for path in sample]
        result[label] = extraction._cpu_seconds(lambda m=models: extraction._extract_all(m))
        if parts and label == "synthetic":
            result |= _parts(models)
    return result


def _parts(models: list[Any]) -> dict[str, float]:
    """CPU seconds of each part of extraction: the scan, the named items, figures, voices."""
    from cqcmodel import extract  # noqa: PLC0415
    from cqcmodel.extract import _names, figures, voices  # noqa: PLC0415

    def timed(work: Callable[[], object]) -> float:
        best = float("inf")
        for _ in range(5):
            _names.clear_caches()
            start = time.process_time()
            work()
            best = min(best, time.process_time() - start)
        return best

    def findings() -> Iterator[object]:
        return (f for m in models for s in m.statements for f in s.findings)

    return {
        "scan": timed(lambda: [_names.cached_scan(m) for m in models]),
        "scan+named": timed(
            lambda: [
                (extract.extract_initiatives(m), extract.extract_organisations(m)) for m in models
            ]
        ),
        "figures": timed(lambda: [figures.extract_figures(m) for m in models]),
        "voices": timed(lambda: [voices.voices_of(f) for f in findings()]),
    }


def worker(task: str, argument: str) -> int:
    """Run one task inside a build and print its result as JSON."""
    _import_build()
    if task == "modules":
        result: object = _worker_modules()
    elif task == "package":
        import cqcmodel  # noqa: PLC0415

        result = {"folder": str(Path(cqcmodel.__file__).parent)}
    elif task == "dump":
        result = _worker_dump(Path(argument))
    elif task == "speed":
        result = _worker_speed(parts=argument == "parts")
    else:
        result = {"pytest": _worker_pytest()}
    print(json.dumps(result))
    return 0


def _worker_pytest() -> int:
    import pytest  # noqa: PLC0415

    tests = [str(path) for pattern in TESTS for path in sorted(ROOT.glob(pattern))]
    with _stdout_to_stderr():
        workers = ["-n", os.environ.get("PYTEST_WORKERS", "auto")] if _has_xdist() else []
        return int(pytest.main(["-q", "-p", "no:cacheprovider", *workers, *tests]))


def _has_xdist() -> bool:
    # (found, not imported: an imported plugin is one pytest can no longer rewrite)
    return importlib.util.find_spec("xdist") is not None


class _stdout_to_stderr:  # noqa: N801 - used as a context manager
    def __enter__(self) -> None:
        self.saved = os.dup(1)
        os.dup2(2, 1)

    def __exit__(self, *_: object) -> None:
        sys.stdout.flush()
        os.dup2(self.saved, 1)
        os.close(self.saved)


# --- the driver --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Build:
    """An interpreter to run a build in, and a folder to import cqcmodel from first, if any."""

    python: str
    path: str | None = None


def _run(build: Build, task: str, argument: str = "") -> dict[str, object]:
    command = [build.python, str(Path(__file__).resolve()), "--worker", task, argument]
    env = None if build.path is None else {**os.environ, "PYTHONPATH": build.path}
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True, cwd=ROOT, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _source_copy(folder: str) -> str:
    """A copy of ``src`` holding its Python sources only, to import the pure build from.

    A build in place (a wheel built from this checkout) leaves extension modules next to the
    sources, and Python would load those first.
    """
    target = Path(folder) / "src"
    shutil.copytree(ROOT / "src", target, ignore=shutil.ignore_patterns("*.so", "*.pyd"))
    return str(target)


def _stale(compiled: Build) -> list[str]:
    """The sources of the compiled build's package that differ from (or are not in) ``src``."""
    package = Path(_run(compiled, "package")["folder"])
    source = ROOT / "src" / "cqcmodel"
    installed = {path.relative_to(package) for path in package.rglob("*.py")}
    present = {path.relative_to(source) for path in source.rglob("*.py")}
    changed = {
        name
        for name in installed & present
        if (package / name).read_bytes() != (source / name).read_bytes()
    }
    return sorted(str(name) for name in (installed ^ present) | changed)


def check_modules(pure: Build, compiled: Build) -> list[str]:
    """The modules loaded from the wrong kind of file in either build (printed)."""
    wrong = [
        f"compiled: built from other sources than src ({name}): make compiled"
        for name in _stale(compiled)
    ]
    for label, build, want_compiled in (("pure", pure, False), ("compiled", compiled, True)):
        loaded = _run(build, "modules")
        files = dict(loaded["files"])  # type: ignore[call-overload]
        native = [name for name, file in files.items() if str(file).endswith((".so", ".pyd"))]
        print(
            f"{label}: {len(native)} of {len(files)} listed modules loaded compiled; "
            f"cqcmodel.extract.COMPILED is {loaded['COMPILED']}"
        )
        if loaded["COMPILED"] is not want_compiled:
            wrong.append(f"{label}: cqcmodel.extract.COMPILED is {loaded['COMPILED']}")
        wrong += [
            f"{label}: {name} loaded from {file}"
            for name, file in files.items()
            if (name in native) != want_compiled
        ]
    return wrong


def check_identity(pure: Build, compiled: Build) -> bool:
    """Whether both builds dump byte-identical extraction output (the hashes are printed)."""
    with tempfile.TemporaryDirectory() as folder:
        outs = {label: Path(folder) / f"{label}.txt" for label in ("pure", "compiled")}
        hashes = {
            label: _run(build, "dump", str(outs[label]))["sha256"]
            for label, build in (("pure", pure), ("compiled", compiled))
        }
        for label, digest in hashes.items():
            print(f"dump {label}: sha256 {digest}, {outs[label].stat().st_size:,} bytes")
        same = outs["pure"].read_bytes() == outs["compiled"].read_bytes()
        if not same:
            pure_lines = outs["pure"].read_text(encoding="utf-8").splitlines()
            compiled_lines = outs["compiled"].read_text(encoding="utf-8").splitlines()
            for number, (a, b) in enumerate(zip(pure_lines, compiled_lines, strict=False), 1):
                if a != b:
                    print(f"first difference, line {number}:")
                    print(f"  pure:     {a[:200]}\n  compiled: {b[:200]}")
                    break
    return same


def time_both(pure: Build, compiled: Build, runs: int, *, parts: bool) -> None:
    """Time extraction in both builds, alternating, and print each one's range and the gain."""
    seconds: dict[str, dict[str, list[float]]] = {"pure": {}, "compiled": {}}
    for _ in range(runs):
        for label, build in (("pure", pure), ("compiled", compiled)):
            for key, value in _run(build, "speed", "parts" if parts else "").items():
                seconds[label].setdefault(key, []).append(float(value))
    print(f"load average: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    for key in seconds["pure"]:
        pure_range, compiled_range = sorted(seconds["pure"][key]), sorted(seconds["compiled"][key])
        gain = pure_range[0] / compiled_range[0]
        print(
            f"{key:<10} pure {pure_range[0]:.3f}-{pure_range[-1]:.3f} s, "
            f"compiled {compiled_range[0]:.3f}-{compiled_range[-1]:.3f} s: "
            f"{gain:.2f}x (best against best)"
        )


def main(argv: list[str] | None = None) -> int:
    """Check the compiled build against the pure one; exit 1 if a check fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pure",
        default=str(ROOT / ".venv" / "bin" / "python"),
        help="the pure build's interpreter, or 'source': the compiled one's, importing src",
    )
    parser.add_argument(
        "--compiled",
        default=str(ROOT / ".venv-compiled" / "bin" / "python"),
        help="the compiled build's interpreter ('-': this one)",
    )
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each build")
    parser.add_argument("--parts", action="store_true", help="also time each part")
    parser.add_argument("--skip-tests", action="store_true", help="do not run the tests")
    parser.add_argument("--check", action="store_true", help="check only: no timing")
    parser.add_argument("--worker", nargs=2, metavar=("TASK", "ARG"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(*args.worker)
    if not args.check and not (BENCHMARKS / "_corpus").exists():
        print("make the corpus first: python benchmarks/corpus.py", file=sys.stderr)
        return 1
    compiled = Build(sys.executable if args.compiled == "-" else args.compiled)
    with tempfile.TemporaryDirectory() as folder:
        pure = (
            Build(compiled.python, _source_copy(folder))
            if args.pure == "source"
            else Build(args.pure)
        )
        failed = [f"not loaded as expected: {line}" for line in check_modules(pure, compiled)]
        if not check_identity(pure, compiled):
            failed.append("the two builds' extraction output differs")
        if not args.skip_tests and _run(compiled, "pytest")["pytest"] != 0:
            failed.append("the extraction tests fail on the compiled build")
        if not args.check:
            time_both(pure, compiled, args.runs, parts=args.parts)
    for line in failed:
        print(f"FAILED: {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
