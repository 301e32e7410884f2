"""Plots of many assessments: the nine scores as a heat map, and how the ratings are spread.

Needs the ``plot`` extra (matplotlib). Each function returns a
:class:`matplotlib.figure.Figure` drawn on the Agg canvas (no window, no global pyplot
state), which :func:`save` writes as PNG or SVG by the file's suffix.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from .framework import STATEMENTS, Score
from .model import Authority, authority_list
from .site._extras import require
from .site.views import Row, rating_counts, rows

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["FORMATS", "SCORE_COLOURS", "heatmap", "ratings", "save"]

#: The colour of each score, as on the report site (1 to 4; a colour-blind-safe red–blue).
SCORE_COLOURS: Final = {1: "#b2182b", 2: "#f4a582", 3: "#92c5de", 4: "#2166ac"}
#: The colour of a statement with no known score.
MISSING_COLOUR: Final = "#e5e7eb"
#: The file formats :func:`save` writes, by suffix.
FORMATS: Final = ("png", "svg")

_DARK: Final = {1, 4}


def _matplotlib() -> Any:
    matplotlib = require("matplotlib", extra="plot", feature="plotting")
    require("matplotlib.backends.backend_agg", extra="plot", feature="plotting")
    return matplotlib


def _figure(width: float, height: float) -> Figure:
    _matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415
    from matplotlib.figure import Figure  # noqa: PLC0415 - the plot extra loads on use

    figure = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _ordered(table: Sequence[Row]) -> list[Row]:
    """Highest percentage first (published, else computed); unknown last; then by name."""
    return sorted(
        table,
        key=lambda row: (row.sort_percentage is None, -(row.sort_percentage or 0), row.name),
    )


def _row_label(row: Row) -> str:
    percentage = row.sort_percentage
    return f"{row.name} ({percentage}%)" if percentage is not None else row.name


def heatmap(authorities: Authority | Iterable[Authority]) -> Figure:
    """Councils × the nine statements, each cell coloured by its score and showing the number.

    Rows are ordered by percentage, highest first (the published one, else the one computed
    from the nine scores); a legend gives each score's label. An unknown score is a grey
    ``–`` cell.
    """
    _matplotlib()
    from matplotlib.colors import BoundaryNorm, ListedColormap  # noqa: PLC0415
    from matplotlib.patches import Patch  # noqa: PLC0415

    table = _ordered(rows(authority_list(authorities, "heatmap")))
    count = max(len(table), 1)
    figure = _figure(9.5, 2.2 + 0.32 * count)
    axes = figure.add_subplot()
    grid = [[int(cell.score) if cell.score else 0 for cell in row.cells] for row in table]
    colours = ListedColormap([MISSING_COLOUR, *SCORE_COLOURS.values()])
    norm = BoundaryNorm([-0.5, 0.5, 1.5, 2.5, 3.5, 4.5], colours.N)
    axes.imshow(grid or [[0] * len(STATEMENTS)], cmap=colours, norm=norm, aspect="auto")
    for y, values in enumerate(grid):
        for x, value in enumerate(values):
            axes.text(
                x,
                y,
                str(value) if value else "–",
                ha="center",
                va="center",
                fontsize=9,
                color="white" if value in _DARK else "black",
            )
    axes.set_xticks(range(len(STATEMENTS)), [info.code for info in STATEMENTS], rotation=45)
    axes.set_yticks(range(len(table)), [_row_label(row) for row in table])
    axes.set_xticks([x - 0.5 for x in range(1, len(STATEMENTS))], minor=True)
    axes.set_yticks([y - 0.5 for y in range(1, len(table))], minor=True)
    axes.grid(which="minor", color="white", linewidth=1.5)
    axes.tick_params(which="both", length=0)
    axes.set_title("Quality statement scores, by overall percentage")
    handles = [
        Patch(facecolor=SCORE_COLOURS[int(score)], label=f"{int(score)} {score.label[15:]}")
        for score in Score
    ]
    handles.append(Patch(facecolor=MISSING_COLOUR, label="– not known"))
    figure.legend(handles=handles, loc="outside lower center", ncols=3, fontsize=8, frameon=False)
    return figure


def ratings(authorities: Authority | Iterable[Authority]) -> Figure:
    """How many authorities have each rating: published, and computed from all nine scores."""
    _matplotlib()
    from matplotlib.ticker import MaxNLocator  # noqa: PLC0415 - the plot extra loads on use

    table = rows(authority_list(authorities, "ratings"))
    counts = rating_counts(table)
    figure = _figure(7.0, 4.0)
    axes = figure.add_subplot()
    positions = range(len(counts))
    width = 0.4
    series = (
        ("published", [published for _, published, _ in counts], -width / 2, "#4b5563"),
        ("computed from all nine scores", [c for _, _, c in counts], width / 2, "#93c5fd"),
    )
    for label, values, offset, colour in series:
        bars = axes.bar([p + offset for p in positions], values, width, label=label, color=colour)
        axes.bar_label(bars, padding=2)
    axes.set_xticks(list(positions), [rating.value for rating, _, _ in counts])
    axes.set_ylabel("authorities")
    axes.set_title(f"Overall ratings of {len(table)} authorit{'y' if len(table) == 1 else 'ies'}")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.margins(y=0.15)
    axes.legend(frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def save(figure: Figure, path: str | os.PathLike[str]) -> Path:
    """Write ``figure`` to ``path`` as PNG or SVG (by the suffix); return the path.

    Any other suffix is a :class:`ValueError` naming the formats.
    """
    target = Path(path)
    suffix = target.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        msg = f"{target}: a plot is written as .png or .svg, not {target.suffix or 'no suffix'!r}"
        raise ValueError(msg)
    figure.savefig(target, format=suffix, dpi=150 if suffix == "png" else "figure")
    return target
