"""Sphinx configuration for the cqcmodel documentation.

The build runs offline and with warnings as errors (``make docs``):

    sphinx-build -W --keep-going -n -q -b html docs docs/_build/html

No intersphinx inventory is fetched; names from other projects (the standard library, attrs,
cattrs, lark) that appear in signatures are listed in ``nitpick_ignore`` below instead.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Build from the source tree even when the package is not installed in this environment.
sys.path.insert(0, str(ROOT / "src"))

import cqcmodel  # noqa: E402 - needs the path above

# sphinx-autodoc-typehints calls an API that Sphinx 9 deprecates: noise, not a docs problem.
warnings.filterwarnings("ignore", message=".*set_application.*is deprecated")

# -- Project ------------------------------------------------------------------------------------

project = "cqcmodel"
author = "cqcmodel developers"
copyright = "cqcmodel developers; report texts © Care Quality Commission (OGL v3.0)"
version = release = cqcmodel.__version__

# -- General ------------------------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx_autodoc_typehints",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
language = "en"
nitpicky = True

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- autodoc ------------------------------------------------------------------------------------

autodoc_default_options = {
    "members": True,
    "member-order": "bysource",
}
autodoc_member_order = "bysource"
autodoc_preserve_defaults = False
autoclass_content = "class"

# sphinx-autodoc-typehints: types go into the descriptions, not the signatures.
autodoc_typehints = "description"
typehints_fully_qualified = False
always_document_param_types = False
typehints_document_rtype = True
typehints_document_rtype_none = False
typehints_use_signature = False
typehints_defaults = "comma"

# -- Names from other projects ------------------------------------------------------------------
# The build is offline, so these cannot resolve through intersphinx. Each one is a real type
# that shows up in a signature or an attribute annotation.

nitpick_ignore = [
    # Short forms of standard-library names as annotations spell them.
    ("py:class", "date"),
    ("py:class", "dt.date"),
    ("py:class", "PathLike"),
    ("py:data", "Ellipsis"),  # the ``...`` of ``tuple[str, ...]``
    # Built-in exceptions named in docstrings.
    ("py:exc", "KeyError"),
    ("py:exc", "ValueError"),
]
nitpick_ignore_regex = [
    # Anything from the standard library (``csv.DictWriter``, ``collections.abc.Iterable``, …).
    (r"py:.*", rf"({'|'.join(sorted(sys.stdlib_module_names))})\..*"),
    # Private type variables in generic signatures (``structure(data, cls: type[_T]) -> _T``).
    (r"py:.*", r"(.*\.)?_T\w*"),
    # attrs, cattrs, lark and httpx names that appear in annotations.
    (r"py:.*", r"(attrs|attr|cattrs|cattr|lark|httpx)(\..*)?"),
    # The report and plot extras' types (matplotlib figures, Jinja2).
    (r"py:.*", r"(matplotlib|jinja2|markupsafe)(\..*)?"),
]

# ``Finding.voices`` returns ``cqcmodel.extract.voices.Voice``, which model.py imports only for
# type checking (extraction loads lazily). Give the model module that name in this process so
# the return type resolves; while the extraction package is missing, leave it unresolved.
try:
    from cqcmodel import model as _model
    from cqcmodel.extract.voices import Voice as _Voice
except ImportError:
    suppress_warnings = [
        "sphinx_autodoc_typehints.guarded_import",
        "sphinx_autodoc_typehints.forward_reference",
    ]
    nitpick_ignore.append(("py:class", "Voice"))
else:
    _model.Voice = _Voice  # type: ignore[attr-defined]

# -- HTML ---------------------------------------------------------------------------------------

html_theme = "furo"
html_title = f"cqcmodel {release}"
html_static_path: list[str] = []
html_show_sourcelink = False


# -- References to public names through their defining module ------------------------------------
# Docstrings and type hints name classes where they are defined (``cqcmodel.model.Authority``),
# while the reference documents them where users import them (``cqcmodel.Authority``). Sphinx
# resolves the class itself through autodoc's ``:canonical:``, but not its members; this
# handler retries any unresolved ``cqcmodel.<module>.<Name>…`` reference (or a bare ``<Name>``)
# as ``cqcmodel.<Name>…``.


def _public_alias(target: str) -> str | None:
    parts = target.split(".")
    if len(parts) == 1 and target in cqcmodel.__all__:
        return f"cqcmodel.{target}"  # a bare ``Authority`` in a submodule's docstring
    if len(parts) < 3 or parts[0] != "cqcmodel":
        return None
    for index in range(2, len(parts)):
        if parts[index] in cqcmodel.__all__:
            return ".".join(["cqcmodel", *parts[index:]])
    return None


def _unique_documented(env, target: str) -> str | None:  # noqa: ANN001 - Sphinx environment
    """The one documented ``cqcmodel…`` object whose name ends in ``.target``, if exactly one."""
    suffix = "." + target
    found = [
        name
        for name in env.get_domain("py").objects
        if name.startswith("cqcmodel.") and name.endswith(suffix)
    ]
    return found[0] if len(found) == 1 else None


def _resolve_public_alias(app, env, node, contnode):  # noqa: ANN001, ANN202 - Sphinx event API
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    # A bare name in a docstring (``SCORE_COLUMNS``) is looked up in the documented object's
    # module; for a function documented under its public name (``cqcmodel.rows``) that is the
    # package, so also accept the one documented object of that name.
    alias = _public_alias(target) or (
        _unique_documented(env, target) if "." not in target else None
    )
    if alias is None:
        return None
    domain = env.get_domain("py")
    return domain.resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], alias, node, contnode
    )


def setup(app):  # noqa: ANN001, ANN201 - Sphinx extension API
    """Register the handler that maps defining-module names to public names."""
    app.connect("missing-reference", _resolve_public_alias)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
