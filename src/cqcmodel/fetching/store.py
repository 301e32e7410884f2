"""Where fetched pages go: whole files, one folder per report, and a manifest of what is there.

Every file is written to a temporary file in the same folder and then renamed over its name,
so a run that is interrupted at any moment leaves only whole pages (and perhaps a hidden
``.*.part`` file, which the next run removes). The manifest, ``manifest.json`` in the output
folder, records for each page its address, when it was fetched, its HTTP status and the
SHA-256 of its bytes; a page counts as saved only when the manifest lists it and the file
still has that checksum, so the next run fetches exactly what is missing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any, Final

import attrs

from .errors import ManifestError, OutDirError

__all__ = ["MANIFEST_NAME", "SavedPage", "Store", "file_name", "safe_name", "write_atomic"]

#: The manifest's file name in the output folder.
MANIFEST_NAME: Final = "manifest.json"
#: What the manifest's ``format`` field says, so that it is recognised as ours.
MANIFEST_FORMAT: Final = "cqcmodel fetch manifest"
_VERSION: Final = 1
_UNSAFE: Final = re.compile(r"[^A-Za-z0-9._-]")


@attrs.frozen(kw_only=True)
class SavedPage:
    """A page saved whole in the output folder, as the manifest records it."""

    #: The address that was fetched.
    url: str
    #: Where it was saved.
    path: Path
    #: The HTTP status of the answer (200).
    status: int
    #: The SHA-256 of the saved bytes, in hex.
    sha256: str
    #: The number of bytes saved.
    size: int
    #: When it was fetched, in UTC, ISO 8601 (``2025-01-31T09:30:00Z``).
    fetched_at: str
    #: The address that answered (differs from :attr:`url` after a redirect within the site).
    final_url: str


def safe_name(text: str) -> str:
    """``text`` as one safe file or folder name: unsafe characters as ``_``, no leading dot."""
    return _UNSAFE.sub("_", text).lstrip(".") or "_"


def file_name(segments: tuple[str, ...]) -> str:
    """The file name of the page at ``segments`` (under the listing path).

    Segments are joined by ``__`` (``sunderland-0525/theme1/needs`` is saved as
    ``sunderland-0525__theme1__needs.html``); characters unsafe in file names become ``_``.
    """
    name = "__".join(safe_name(part) for part in segments)
    return name if name.lower().endswith((".html", ".htm")) else name + ".html"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (a temporary file, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, before the rename
        dir=path.parent, prefix=f".{path.name}.", suffix=".part", delete=False
    )
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _make_folder(root: Path) -> None:
    """Make the folder ``root`` (and its parents), or say why a file stands in the way."""
    for path in (root, *root.parents):
        if path.is_dir():
            break
        if path.exists() or path.is_symlink():
            problem = (
                "names a file, not a folder"
                if path == root
                else f"cannot be made: {path} is a file, not a folder"
            )
            raise OutDirError(str(root), problem)
    root.mkdir(parents=True, exist_ok=True)


class Store:
    """The output folder: saved pages and their manifest."""

    def __init__(self, out_dir: str | os.PathLike[str]) -> None:
        self.root = Path(out_dir)
        _make_folder(self.root)
        self.manifest_path = self.root / MANIFEST_NAME
        self._pages: dict[str, dict[str, Any]] = self._read_manifest()
        for stale in self.root.rglob(".*.part"):
            stale.unlink(missing_ok=True)

    def _read_manifest(self) -> dict[str, dict[str, Any]]:
        if not self.manifest_path.exists():
            return {}
        try:
            data = json.loads(self.manifest_path.read_text("utf-8"))
            if data.get("format") != MANIFEST_FORMAT:
                raise TypeError
            return {entry["url"]: dict(entry) for entry in data["pages"]}
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as error:
            msg = f"{self.manifest_path}: not a cqcmodel fetch manifest; move it away to start anew"
            raise ManifestError(msg) from error

    def saved(self, url: str) -> SavedPage | None:
        """The saved page of ``url``, when the manifest lists it and the file is intact."""
        entry = self._pages.get(url)
        if entry is None:
            return None
        page = self._page(entry)
        try:
            data = page.path.read_bytes()
        except OSError:
            return None
        return page if hashlib.sha256(data).hexdigest() == page.sha256 else None

    def save(self, url: str, final_url: str, status: int, body: bytes, path: Path) -> SavedPage:
        """Write ``body`` to ``path`` whole, then record it in the manifest."""
        write_atomic(path, body)
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        entry = {
            "url": url,
            "final_url": final_url,
            "path": path.relative_to(self.root).as_posix(),
            "status": status,
            "sha256": hashlib.sha256(body).hexdigest(),
            "bytes": len(body),
            "fetched_at": now.isoformat().replace("+00:00", "Z"),
        }
        self._pages[url] = entry
        manifest = {
            "format": MANIFEST_FORMAT,
            "version": _VERSION,
            "pages": [self._pages[key] for key in sorted(self._pages)],
        }
        text = json.dumps(manifest, indent=1, ensure_ascii=False) + "\n"
        write_atomic(self.manifest_path, text.encode("utf-8"))
        return self._page(entry)

    def _page(self, entry: dict[str, Any]) -> SavedPage:
        return SavedPage(
            url=entry["url"],
            path=self.root / entry["path"],
            status=int(entry["status"]),
            sha256=entry["sha256"],
            size=int(entry["bytes"]),
            fetched_at=entry["fetched_at"],
            final_url=entry.get("final_url", entry["url"]),
        )
