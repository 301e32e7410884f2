"""Which build of extraction is loaded: the compiled one (mypyc) or pure Python.

The published wheels compile extraction's private modules with mypyc, for speed; a source
install (and an editable checkout) runs them as Python. Both give the same results; this
module tells which one a process runs, for ``cqcmodel --version`` and
:data:`cqcmodel.extract.COMPILED`.
"""

from __future__ import annotations

import importlib
from importlib.machinery import EXTENSION_SUFFIXES
from typing import Final

__all__ = ["COMPILED_MODULES", "compiled"]

#: The modules the compiled build compiles (the ``mypyc`` build hook's ``include`` in
#: ``pyproject.toml``, which a test keeps equal to this).
COMPILED_MODULES: Final = (
    "_title_case",
    "_rules",
    "_text",
    "_classify",
    "_candidates",
    "_names",
    "_merge",
    "_cues",
    "_lexicon_patterns",
    "_apposed",
    "_canonical",
    "_resolve",
    "_figure_reading",
    "_figure_values",
    "_lexicon",
    "_voicing",
)


def compiled() -> bool:
    """Whether every one of :data:`COMPILED_MODULES` was loaded as an extension module."""
    for name in COMPILED_MODULES:
        file = importlib.import_module(f"{__package__}.{name}").__file__ or ""
        if not file.endswith(tuple(EXTENSION_SUFFIXES)):
            return False
    return True
