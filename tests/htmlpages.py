"""Saved web pages built from page text, in the shapes people hold them, for reader tests.

:func:`page_html` writes the text of a page as HTML in one of :data:`SHAPES`:

- ``"chrome"``: the whole site around it (skip link, cookie banner, header with a menu,
  breadcrumbs, an aside, the footer with "Is this page useful?" and links), ``<main>`` holding
  the page with a "Back to top" link and a "Print this page" button inside;
- ``"article"``: a bare ``<article>`` fragment, nothing else;
- ``"save-complete"``: what a browser's "save page, complete" writes: scripts (some holding
  HTML in strings), styles, a template, hidden menus, ``aria-hidden`` icons, a ``noscript``
  message, a cookie-consent dialog, comments, ``role=main`` on nested ``div``s, ``<br>``
  between a list item's parts, entities for typographic characters, CRLF line ends.

Each line of the text becomes one block: the title an ``<h1>``, structural headings ``<h2>``,
sub-headings ``<h3>``, bullets list items (their indented continuation lines blocks inside the
item), everything else paragraphs; long paragraphs are wrapped over several source lines.
:func:`browser_copy` writes the text as a browser's "select all, copy" gives it.
"""

from __future__ import annotations

import html

from cqcmodel.text import Kind, candidates

SHAPES = ("chrome", "article", "save-complete")

_HEADING_KINDS = {
    Kind.STATEMENT_TITLE,
    Kind.EXPECT_HEADING,
    Kind.COMMITMENT_HEADING,
    Kind.FINDINGS_HEADING,
    Kind.OVERALL_SUMMARY,
    Kind.RATING_HEADING,
    Kind.SCORES_HEADING,
    Kind.EXPERIENCE_HEADING,
    Kind.HOW_WE_ASSESS,
    Kind.ABOUT_HEADING,
    Kind.DEMOGRAPHICS,
    Kind.FINANCIAL_FACTS,
}

#: Lines a browser copy holds before the page and after it.
COPY_BEFORE = (
    "Skip to main content",
    "Cookies on the CQC website",
    "We use some essential cookies to make this service work.",
    "We’d also like to use analytics cookies so we can understand how you use the service "
    "and make improvements.",
    "Accept analytics cookies",
    "Reject analytics cookies",
    "View cookies",
    "Menu",
    "Search",
    "Home",
    "Care services",
    "Local authority assessment reports",
)
COPY_AFTER = (
    "Back to top",
    "Is this page useful?",
    "Yes",
    "No",
    "Report a problem with this page",
    "Privacy notice",
    "Cookies",
    "Accessibility statement",
    "Contact us",
    "© Care Quality Commission",
)


def blocks(text: str) -> list[tuple[str, str, bool]]:
    """Each content line: its kind of block (h1, h2, h3, li, p), text, and whether it is a
    continuation line inside a list item.
    """
    raw = [line for line in text.splitlines() if line.strip()]
    contents = tuple(line.strip() for line in raw)
    kinds = candidates(contents)
    blocks: list[tuple[str, str, bool]] = []
    in_item = False
    for line, content, options in zip(raw, contents, kinds, strict=True):
        first = options[0] if options else None
        indented = line.startswith("    ") and not content.startswith("•")
        if content.startswith("• "):
            blocks.append(("li", content[2:], False))
            in_item = True
        elif in_item and indented:
            blocks.append(("li", content, True))
        else:
            in_item = False
            if first == Kind.TITLE:
                tag = "h1"
            elif first in _HEADING_KINDS:
                tag = "h2"
            elif first == Kind.SUBHEADING:
                tag = "h3"
            else:
                tag = "p"
            blocks.append((tag, content, False))
    return blocks


def _escape(text: str, *, entities: bool) -> str:
    escaped = html.escape(text, quote=False)
    if entities:
        escaped = escaped.replace("’", "&rsquo;").replace("‘", "&#8216;").replace("£", "&pound;")
        escaped = escaped.replace("–", "&ndash;").replace("“", "&ldquo;").replace("”", "&#x201D;")
    return escaped


def _wrapped(text: str, indent: str) -> str:
    """``text`` over several source lines, as editors and CMSs write long paragraphs."""
    words = text.split(" ")
    lines: list[str] = []
    current: list[str] = []
    for word in words:
        current.append(word)
        if sum(len(w) + 1 for w in current) > 70:
            lines.append(" ".join(current))
            current = []
    if current:
        lines.append(" ".join(current))
    return f"\n{indent}".join(lines)


def content_html(text: str, *, entities: bool = False, br_items: bool = False) -> str:
    """The page text as HTML blocks (no surrounding document)."""
    out: list[str] = []
    open_item = False
    open_list = False
    for tag, content, continuation in blocks(text):
        body = _wrapped(_escape(content, entities=entities), "      ")
        if tag == "li":
            if continuation:
                out.append(f"<br>{body}" if br_items else f"<p>{body}</p>")
                continue
            if open_item:
                out.append("</li>")
            if not open_list:
                out.append('<ul class="list">')
                open_list = True
            out.append(f"<li><span>{body}</span>" if br_items else f"<li><p>{body}</p>")
            open_item = True
            continue
        if open_item:
            out.append("</li>")
            open_item = False
        if open_list:
            out.append("</ul>")
            open_list = False
        out.append(f"<{tag}>{body}</{tag}>")
    if open_item:
        out.append("</li>")
    if open_list:
        out.append("</ul>")
    return "\n".join(out)


def _chrome(text: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Local authority assessment - Care Quality Commission</title>
<link rel="stylesheet" href="/styles.css">
</head>
<body>
<a href="#main" class="skip-link">Skip to main content</a>
<div id="cookie-banner" class="cookie-banner">
  <h2>Cookies on the CQC website</h2>
  <p>We use some essential cookies to make this service work.</p>
  <button>Accept analytics cookies</button> <button>Reject analytics cookies</button>
  <a href="/cookies">View cookies</a>
</div>
<header class="site-header">
  <a href="/" class="logo">Care Quality Commission</a>
  <nav aria-label="Main menu"><ul>
    <li><a href="/">Home</a></li><li><a href="/care-services">Care services</a></li>
    <li><a href="/reports">Local authority assessment reports</a></li>
  </ul></nav>
  <form role="search"><label>Search</label><input name="q"><button>Search</button></form>
</header>
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>
  <li><a href="/">Home</a></li><li><a href="/reports">Local authority assessment reports</a></li>
</ol></nav>
<main id="main" class="content">
{content_html(text)}
<p><a href="#top">Back to top</a></p>
<button onclick="print()">Print this page</button>
</main>
<aside><h2>Related</h2><ul><li><a href="/how">How we assess local authorities</a></li></ul></aside>
<footer>
  <div class="feedback"><h2>Is this page useful?</h2><button>Yes</button><button>No</button></div>
  <ul><li><a href="/privacy">Privacy notice</a></li><li><a href="/cookies">Cookies</a></li>
  <li><a href="/a11y">Accessibility statement</a></li></ul>
  <p>© Care Quality Commission</p>
</footer>
</body>
</html>
"""


def _article(text: str) -> str:
    return f"<article>\n{content_html(text)}\n</article>\n"


def _save_complete(text: str) -> str:
    page = f"""<!DOCTYPE html>
<!-- saved from url=(0066)https://www.cqc.org.uk/care-services/local-authority-assessment -->
<html class="js" lang="en"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>Report - CQC</title>
<style>
  body {{ font-family: sans-serif; }} .hidden {{ display: none }} p::after {{ content: "<p>" }}
</style>
<script>
  window.dataLayer = window.dataLayer || [];
  document.write("<p>Written by a script</p><div>not content</div>");
  if (a < b && c > d) {{ console.log("</div>"); }}
</script>
<script type="application/ld+json">{{"@type": "WebPage", "name": "<h1>Fake</h1>"}}</script>
</head>
<body class="page">
<noscript><p>Please enable JavaScript to use this site.</p></noscript>
<div class="cc-consent" role="dialog" aria-label="Cookie consent">
  <p>We use cookies to improve your experience.</p><a class="btn">Accept all cookies</a>
</div>
<div class="menu" hidden><ul><li>Home</li><li>About us</li><li>Care services</li></ul></div>
<div class="mega-menu" style="display: none"><p>Find and compare services</p></div>
<template id="row"><p>Template paragraph</p><li>Template item</li></template>
<div class="wrapper"><div class="layout">
<div role="main" class="region-content" data-region="content">
<!-- <p>commented out paragraph</p> -->
<span class="icon" aria-hidden="true"><svg viewBox="0 0 10 10"><text>icon</text></svg>★</span>
{content_html(text, entities=True, br_items=True)}
</div>
</div></div>
<script src="./page_files/app.js"></script>
<script>document.querySelectorAll("p").forEach(function (p) {{ p.className = "x"; }});</script>
</body></html>
"""
    return page.replace("\n", "\r\n")


def page_html(text: str, shape: str = "chrome") -> str:
    """``text`` (a page's clean text) as a saved web page of ``shape`` (see :data:`SHAPES`)."""
    builders = {"chrome": _chrome, "article": _article, "save-complete": _save_complete}
    return builders[shape](text)


def browser_copy(text: str) -> str:
    """``text`` as "select all, copy" in a browser gives it: the site around the page, a
    "Back to top" and a "Print this page" inside.
    """
    lines = text.rstrip("\n").split("\n")
    middle = len(lines) // 2
    while middle < len(lines) and not lines[middle].strip():
        middle += 1
    inside = [lines[0], "Print this page", *lines[1:middle], "Back to top", *lines[middle:]]
    return "\n".join([*COPY_BEFORE, *inside, *COPY_AFTER]) + "\n"
