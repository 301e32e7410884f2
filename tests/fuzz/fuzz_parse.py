"""Fuzz target for atheris: no input makes cqcmodel fail with anything but its own errors.

Each input is decoded as UTF-8 (invalid bytes become lone surrogates, which ``parse`` must
refuse cleanly) and goes through ``parse``; a parsed model through ``render`` (text that
parses back to the same model, or CqcModelError), ``dumps``/``loads`` (the same model back)
and every extractor. The raw input is also given to ``loads``, which must return a model or raise
ValidationError. Any other exception, or a round trip that changes the model, is a crash.

Not collected by pytest (the file name does not start with ``test_``). See README.md here
for running it; without atheris installed, ``python tests/fuzz/fuzz_parse.py FILE...``
replays saved inputs.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

try:
    import atheris
except ImportError:  # replay mode only
    atheris = None

with (
    atheris.instrument_imports(include=["cqcmodel", "lark"])
    if atheris
    else contextlib.nullcontext()
):
    from cqcmodel import CqcModelError, ParseError, ValidationError, extract, parse, render
    from cqcmodel.serialise import dumps, loads


def test_one_input(data: bytes) -> None:
    text = data.decode("utf-8", errors="surrogateescape")
    try:
        authority = parse(text)
    except ParseError:
        authority = None
    if authority is not None:
        try:
            rendered = render(authority)
        except CqcModelError:
            rendered = None
        if rendered is not None and parse(rendered) != authority:
            raise AssertionError("render does not round-trip")
        if loads(dumps(authority)) != authority:
            raise AssertionError("dumps/loads does not round-trip")
        extract.extract_initiatives(authority)
        extract.extract_organisations(authority)
        extract.extract_figures(authority)
        for statement in authority.statements:
            for finding in statement.findings:
                extract.finding_voices(finding)
    with contextlib.suppress(ValidationError):
        loads(data)


def main() -> None:
    if atheris is None:
        paths = [Path(arg) for arg in sys.argv[1:]]
        files = [p for path in paths for p in (sorted(path.iterdir()) if path.is_dir() else [path])]
        for path in files:
            test_one_input(path.read_bytes())
        print(f"replayed {len(files)} inputs without a failure")
        return
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
