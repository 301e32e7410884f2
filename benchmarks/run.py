"""Benchmark cqcmodel on the synthetic national corpus, side by side with the I/O floor.

Measured in one process, each the median of ``--repeats`` runs over all 1,683 files:

(a) floor: read every file and ``splitlines()``;
(b) a plain hand-written line state machine (what a user would write instead: title, score,
    headings and paragraphs, no validation);
(c) ``cqcmodel.parse`` of every file to full models;
(d) ``dumps`` + ``loads`` of all models (``cqcmodel.serialise``, when it exists);
(e) extraction (``cqcmodel.extract``, when it exists): initiatives, organisations, figures
    and voices of every finding, on every 16th model (extraction is far slower than parsing;
    its MB/s and ratio are per MB of the sample's text).

Then, each in fresh processes: the import time of ``cqcmodel`` against ``attrs`` alone, and
the latency of the first parse after import; in this process: peak memory growth while holding
all models (tracemalloc), and a scaling check (one document holding the same text ×1, ×4, ×16).

Run ``python benchmarks/run.py`` from the repository root (the venv's python); it generates
the corpus first when needed (see ``benchmarks/corpus.py``).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import importlib.metadata
import importlib.util
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

import corpus  # noqa: E402
import cqcmodel  # noqa: E402

# --- (b) the hand-written alternative --------------------------------------------------------

_HEADINGS = frozenset(
    {
        "What people expect",
        "What people expect:",
        "The local authority commitment",
        "The local authority commitment:",
        "Key findings for this quality statement",
        "Overall summary",
        "Local authority rating and score",
        "Quality statement scores",
        "Summary of people's experiences",
        "Summary of people’s experiences",
        "How we assess local authorities",
        "Demographics",
        "Financial facts",
    }
)


def naive_parse(text: str) -> dict[str, Any]:
    """Title, score, headings and paragraphs by line prefixes: no validation, no positions."""
    doc: dict[str, Any] = {"title": None, "score": None, "sections": []}
    paragraphs: list[str] = []
    doc["sections"].append({"heading": None, "paragraphs": paragraphs})
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if doc["title"] is None and line.endswith("assessment"):
            doc["title"] = line.partition(":")[0]
        elif line.startswith(("Score", "Indicative score")) and len(line) < 20:
            digits = "".join(ch for ch in line if ch.isdigit())
            doc["score"] = int(digits) if digits else None
        elif line in _HEADINGS or (len(line) < 80 and not line.endswith(".")):
            paragraphs = []
            doc["sections"].append({"heading": line, "paragraphs": paragraphs})
        else:
            paragraphs.append(line)
    return doc


# --- measuring -------------------------------------------------------------------------------


def median_time(function: Callable[[], object], repeats: int) -> tuple[float, object]:
    """The median wall time of ``repeats`` calls, and the last call's result."""
    times = []
    result: object = None
    for _ in range(repeats):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


#: Where fresh processes keep their bytecode (set by main): caching it, as an installed
#: package does, even when PYTHONDONTWRITEBYTECODE is set in the environment.
PYCACHE = ""


def fresh_process(code: str, repeats: int) -> list[float]:
    """Run ``code`` (which prints one float) in fresh interpreters; the printed values."""
    values = []
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONPYCACHEPREFIX": PYCACHE}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for _ in range(repeats):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        values.append(float(out.stdout.strip().splitlines()[-1]))
    return values


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.partition(":")[2].strip()
                break
    except OSError:
        pass
    versions = []
    for name in ("lark", "attrs", "cattrs"):
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            versions.append(f"{name} {importlib.metadata.version(name)}")
    return (
        f"{os.cpu_count()} CPUs ({model}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        + ", ".join(versions)
    )


def optional(module: str) -> Any:
    if importlib.util.find_spec(module) is None:
        return None
    return importlib.import_module(module)


def serialise_round(models: list[cqcmodel.Authority], serialise: Any) -> list[Any]:
    return [serialise.loads(serialise.dumps(model)) for model in models]


#: Runs of each fresh-process measurement (import times, first parse).
FRESH_REPEATS = 11
#: Extraction runs on every this-many-th model.
EXTRACT_STRIDE = 16


def extraction(models: list[cqcmodel.Authority], extract: Any) -> int:
    """Run every extractor over every model; the number of items found."""
    found = 0
    for model in models:
        found += len(extract.extract_initiatives(model))
        found += len(extract.extract_organisations(model))
        found += len(extract.extract_figures(model))
        for statement in model.statements:
            for finding in statement.findings:
                found += len(extract.finding_voices(finding))
    return found


def scaling_documents(paths: list[Path], factors: tuple[int, ...]) -> dict[int, str]:
    """One authority's nine statement pages in one text, each page's findings repeated ×k."""
    pages = [path for path in paths if "-theme" in path.name][:9]
    heads: list[list[str]] = []
    bodies: list[list[str]] = []
    for path in pages:
        lines = [line for line in path.read_text(encoding="utf-8-sig").splitlines() if line.strip()]
        split = next(i for i, line in enumerate(lines) if line == "The local authority commitment")
        heads.append([*lines[: split + 2], "Key findings for this quality statement"])
        bodies.append(
            [line for line in lines[split + 2 :] if not line.startswith(("Key findings", "©"))]
        )
    return {
        k: "\n".join(
            line for head, body in zip(heads, bodies, strict=True) for line in head + body * k
        )
        + "\n"
        for k in factors
    }


def cpu_per_document(function: Callable[[], object], documents: int, repeats: int) -> float:
    """The least CPU time of ``repeats`` calls, in microseconds per document."""
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        start = time.process_time()
        function()
        best = min(best, time.process_time() - start)
    return best / documents * 1e6


def parse_stages(texts: list[str], repeats: int) -> list[tuple[str, float]]:
    """Where a parse spends its time, stage by stage (CPU µs per document, least of runs).

    Each stage is run on its own over the whole corpus, on the previous stage's output:
    the reader, normalisation, line classification, the lexer alone (every kind accepted),
    then the whole parse; what the whole parse takes beyond the stages is Lark's parser and
    the Transformer with the model objects it builds (``Finding`` alone is measured too).
    """
    from cqcmodel import parser, readers, text  # noqa: PLC0415 - internals, for this only

    count = len(texts)
    sources = [text.SourceText(item) for item in texts]
    documents = [parser._Document(source) for source in sources]
    everything = frozenset(text.Kind)
    findings = [
        (finding.text, finding.heading, finding.line)
        for model in (cqcmodel.parse(item) for item in texts)
        for statement in model.statements
        for finding in statement.findings
    ]

    def lex() -> None:
        for document in documents:
            for _ in parser._tokens(document, lambda: everything):
                pass

    stages = [
        ("reader (read_text)", lambda: [readers.read_text(item) for item in texts]),
        ("normalise (SourceText)", lambda: [text.SourceText(item) for item in texts]),
        ("classify lines", lambda: [parser._Document(s) for s in sources]),
        ("lexer alone (tokens)", lex),
        (
            f"Finding objects ({len(findings) / count:.0f} per document)",
            lambda: [cqcmodel.Finding(text=t, heading=h, line=n) for t, h, n in findings],
        ),
        ("whole parse (from text)", lambda: [cqcmodel.parse(item) for item in texts]),
    ]
    return [(name, cpu_per_document(function, count, repeats)) for name, function in stages]


# --- the run ---------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description="cqcmodel benchmarks")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    repeats = args.repeats
    started = time.perf_counter()

    manifest = corpus.ensure()
    paths = corpus.files()
    size = sum(path.stat().st_size for path in paths)
    docs = len(paths)
    print(f"machine: {machine()}")
    print(
        f"corpus: {docs} files, {size / 1e6:.2f} MB (seed {manifest['seed']}); median of {repeats}"
    )
    print()

    def read(path: Path) -> str:
        # newline="": line endings reach the parser as saved (CRLF in a few files).
        with path.open(encoding="utf-8", newline="") as file:
            return file.read()

    def floor() -> int:
        return sum(len(read(path).splitlines()) for path in paths)

    def naive() -> list[dict[str, Any]]:
        return [naive_parse(read(path)) for path in paths]

    def full() -> list[cqcmodel.Authority]:
        return [cqcmodel.parse(read(path)) for path in paths]

    cqcmodel.parse(read(paths[0]))  # build the parser outside the timings
    # name, median seconds (None: not measured), bytes and documents measured, note
    rows: list[tuple[str, float | None, int, int, str]] = []
    floor_time, _ = median_time(floor, repeats)
    rows.append(("(a) floor: read + splitlines", floor_time, size, docs, ""))
    naive_time, _ = median_time(naive, repeats)
    rows.append(("(b) hand-written line state machine", naive_time, size, docs, ""))
    parse_time, models = median_time(full, repeats)
    assert isinstance(models, list)
    rows.append(("(c) cqcmodel.parse", parse_time, size, docs, ""))

    serialise = optional("cqcmodel.serialise")
    serialise_time: float | None = None
    if serialise is None:
        rows.append(("(d) dumps + loads", None, 0, 0, "not available"))
    else:
        serialise_time, again = median_time(lambda: serialise_round(models, serialise), repeats)
        assert again == models, "dumps/loads does not round-trip the corpus"
        rows.append(("(d) dumps + loads", serialise_time, size, docs, ""))

    extract = optional("cqcmodel.extract")
    if extract is None or not hasattr(extract, "extract_initiatives"):
        rows.append(("(e) extraction", None, 0, 0, "not available"))
    else:
        subset = models[::EXTRACT_STRIDE]
        subset_size = sum(path.stat().st_size for path in paths[::EXTRACT_STRIDE])
        extract_time, _ = median_time(lambda: extraction(subset, extract), repeats)
        name = f"(e) extraction (1/{EXTRACT_STRIDE} sample)"
        rows.append((name, extract_time, subset_size, len(subset), ""))

    texts = [read(path) for path in paths]
    print("parse stages, CPU µs per document (least of runs):")
    for name, value in parse_stages(texts, repeats):
        print(f"  {name:38} {value:8.1f}")
    print(f"  {'floor (read + splitlines)':38} {cpu_per_document(floor, docs, repeats):8.1f}")
    del texts
    print()

    print(f"{'':40} {'median s':>9} {'MB/s':>8} {'docs/s':>9} {'× floor':>8}")
    floor_per_byte = floor_time / size
    for name, seconds, measured, count, note in rows:
        if seconds is None:
            print(f"{name:40} {note}")
            continue
        print(
            f"{name:40} {seconds:9.3f} {measured / 1e6 / seconds:8.1f} {count / seconds:9.0f} "
            f"{seconds / measured / floor_per_byte:8.2f}"
        )
    print()

    # Import and first-parse latency, in fresh processes.
    timer = "import time; t = time.perf_counter(); import {0}; print(time.perf_counter() - t)"
    sample = next(path for path in paths if "-theme" in path.name)
    first_code = (
        "import time, cqcmodel, pathlib\n"
        f"text = pathlib.Path({str(sample)!r}).read_text(encoding='utf-8')\n"
        "t = time.perf_counter(); cqcmodel.parse(text); print(time.perf_counter() - t)"
    )
    global PYCACHE  # noqa: PLW0603 - one temporary folder for the run
    PYCACHE = tempfile.mkdtemp(prefix="cqcmodel-bench-pycache-")
    for code in (timer.format("attrs"), timer.format("cqcmodel"), first_code):
        fresh_process(code, 1)  # compile and cache the bytecode
    # Interleaved, so that both imports meet the same background load.
    attrs_times: list[float] = []
    cqc_times: list[float] = []
    first_times: list[float] = []
    for _ in range(FRESH_REPEATS):
        attrs_times += fresh_process(timer.format("attrs"), 1)
        cqc_times += fresh_process(timer.format("cqcmodel"), 1)
        first_times += fresh_process(first_code, 1)
    import_attrs = statistics.median(attrs_times)
    import_cqc = statistics.median(cqc_times)
    first_parse = statistics.median(first_times)
    warm_parse, _ = median_time(lambda: cqcmodel.parse(read(sample)), 21)
    shutil.rmtree(PYCACHE, ignore_errors=True)
    print(f"fresh processes with cached bytecode, median (min) of {FRESH_REPEATS}:")
    print(
        f"import attrs                             {import_attrs * 1e3:7.1f} ms "
        f"({min(attrs_times) * 1e3:.1f})"
    )
    print(
        f"import cqcmodel                          {import_cqc * 1e3:7.1f} ms "
        f"({min(cqc_times) * 1e3:.1f}); {import_cqc / import_attrs:.2f}× attrs"
    )
    print(
        f"first parse after import                 {first_parse * 1e3:7.1f} ms "
        f"({min(first_times) * 1e3:.1f}); warm: {warm_parse * 1e3:.2f} ms "
        f"({sample.stat().st_size / 1e3:.1f} KB page)"
    )

    # Peak memory growth while holding every model.
    models.clear()
    gc.collect()
    tracemalloc.start()
    base, _ = tracemalloc.get_traced_memory()
    held = [cqcmodel.parse(read(path)) for path in paths]
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    growth = peak - base
    print(
        f"memory: peak growth {growth / 1e6:.1f} MB ({growth / size:.2f}× corpus), "
        f"held {(current - base) / 1e6:.1f} MB for {len(held)} models"
    )
    held.clear()

    # Scaling: time per MB for one document holding the same text ×1, ×4, ×16.
    documents = scaling_documents(paths, (1, 4, 16))
    per_mb: dict[int, float] = {}
    for k, text in documents.items():
        seconds, _ = median_time(lambda text=text: cqcmodel.parse(text), max(repeats, 11))
        per_mb[k] = seconds / (len(text.encode("utf-8")) / 1e6)
    print(
        "scaling (s per MB): "
        + ", ".join(
            f"×{k} ({len(documents[k].encode('utf-8')) / 1e6:.2f} MB) {value:.3f}"
            for k, value in per_mb.items()
        )
        + f"; ×16/×1 = {per_mb[16] / per_mb[1]:.2f}"
    )
    print()

    # Targets.
    checks = [
        ("(c) parse within 3× of the floor", parse_time / floor_time, 3.0, "×"),
        ("import cqcmodel ≤ 1.5× import attrs", import_cqc / import_attrs, 1.5, "×"),
        ("first parse ≤ 60 ms after import", first_parse * 1e3, 60.0, "ms"),
        ("peak memory growth ≤ 2× corpus", growth / size, 2.0, "×"),
        ("time per MB flat (×16 / ×1 ≤ 1.25)", per_mb[16] / per_mb[1], 1.25, "×"),
    ]
    if serialise_time is not None:
        checks.append(("(d) dumps + loads ≤ 0.5× (c)", serialise_time / parse_time, 0.5, "×"))
    else:
        checks.append(("(d) dumps + loads ≤ 0.5× (c)", None, 0.5, "not available"))  # type: ignore[arg-type]
    for name, value, limit, unit in checks:
        if value is None:
            print(f"target {name:42} {unit}")
            continue
        verdict = "met" if value <= limit else "MISSED"
        print(f"target {name:42} {value:7.2f} {unit:2} {verdict}")
    print(f"\nwhole run: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
