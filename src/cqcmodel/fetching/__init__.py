"""Fetch report pages from the CQC website: polite, resumable, and nothing half-written.

:func:`fetch` saves each report's pages as HTML files in an output folder, one folder per
report, with a manifest of what was saved; cqcmodel then reads that folder like any
other (``cqcmodel.load(folder)``, ``cqcmodel scores folder``). Parsing never touches the
network: this package only gets sources. It needs the optional extra ``cqcmodel[web]``.
"""

from __future__ import annotations

from .client import PROJECT_URL, USER_AGENT, Answer, PoliteClient, retry_after_seconds
from .crawl import DEFAULT_BASE_URL, FailedPage, FetchResult, Progress, fetch
from .errors import (
    FetchError,
    ManifestError,
    OutDirError,
    PageFailedError,
    WebExtraMissingError,
)
from .links import LISTING_PATH, Family, Site
from .store import MANIFEST_NAME, SavedPage

__all__ = [
    "DEFAULT_BASE_URL",
    "LISTING_PATH",
    "MANIFEST_NAME",
    "PROJECT_URL",
    "USER_AGENT",
    "Answer",
    "FailedPage",
    "Family",
    "FetchError",
    "FetchResult",
    "ManifestError",
    "OutDirError",
    "PageFailedError",
    "PoliteClient",
    "Progress",
    "SavedPage",
    "Site",
    "WebExtraMissingError",
    "fetch",
    "retry_after_seconds",
]
