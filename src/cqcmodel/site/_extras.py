"""Optional dependencies of the report and the plots, with an error that names the extra."""

from __future__ import annotations

import importlib
from types import ModuleType

from ..errors import CqcModelError

__all__ = ["MissingExtraError", "require"]


class MissingExtraError(CqcModelError, ImportError):
    """An optional dependency is not installed; the message names the extra that brings it.

    ``extra`` is the name to install (``pip install 'cqcmodel[report]'``) and ``module`` the
    module that could not be imported.
    """

    def __init__(self, *, extra: str, module: str, feature: str) -> None:
        self.extra = extra
        self.module = module
        super().__init__(
            f"{feature} needs {module}, which is not installed: install cqcmodel[{extra}] "
            f"(pip install 'cqcmodel[{extra}]')",
            name=module,
        )


def require(module: str, *, extra: str, feature: str) -> ModuleType:
    """Import ``module``, or raise :class:`MissingExtraError` naming ``extra``."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingExtraError(extra=extra, module=module, feature=feature) from error
