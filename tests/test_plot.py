"""Plots: the heat map and the rating bars as figures, PNG and SVG files, and the command."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import cqcmodel
from cqcmodel import Authority, QualityStatement, Score
from cqcmodel.cli import main
from cqcmodel.framework import STATEMENTS
from cqcmodel.site import MissingExtraError

from .report_helpers import EXAMPLES, samples

pytest.importorskip("matplotlib")

from cqcmodel import plot


@pytest.fixture(scope="module")
def authorities() -> list[Authority]:
    return samples()


def cell_texts(figure: object) -> list[list[str]]:
    axes = figure.axes[0]  # type: ignore[attr-defined]
    texts = sorted(axes.texts, key=lambda text: (text.get_position()[1], text.get_position()[0]))
    values = [text.get_text() for text in texts]
    return [values[i : i + len(STATEMENTS)] for i in range(0, len(values), len(STATEMENTS))]


def test_heatmap_rows_are_councils_by_percentage_with_numbers_in_cells(
    authorities: list[Authority],
) -> None:
    figure = plot.heatmap(authorities)
    axes = figure.axes[0]
    labels = [label.get_text() for label in axes.get_yticklabels()]
    # Westminster published 75%, Sunderland computed 75% (no published percentage), Ealing 56%.
    assert labels == [
        "Sunderland City Council (75%)",
        "Westminster City Council (75%)",
        "London Borough of Ealing (56%)",
    ]
    assert [label.get_text() for label in axes.get_xticklabels()] == [
        info.code for info in STATEMENTS
    ]
    by_name = {authority.name: authority.scores() for authority in authorities}
    for label, row in zip(labels, cell_texts(figure), strict=True):
        scores = by_name[label.rsplit(" (", 1)[0]]
        assert row == [str(int(scores[info.id])) for info in STATEMENTS]
    legend = figure.legends[0]
    assert [text.get_text() for text in legend.get_texts()] == [
        "1 significant shortfalls",
        "2 some shortfalls",
        "3 a good standard",
        "4 an exceptional standard",
        "– not known",
    ]


def test_heatmap_shows_unknown_scores_as_a_dash() -> None:
    partial = Authority(
        name="Nottingham City Council",
        statements=(QualityStatement(title="Partnerships and communities", score=Score(2)),),
    )
    assert cell_texts(plot.heatmap(partial)) == [["–", "–", "–", "–", "2", "–", "–", "–", "–"]]


def test_ratings_bars_count_published_and_computed(authorities: list[Authority]) -> None:
    figure = plot.ratings(authorities)
    axes = figure.axes[0]
    heights = [int(patch.get_height()) for patch in axes.patches]
    # Four ratings published, then four computed: 0 inadequate, 1 RI, 2 good, 0 outstanding.
    assert heights == [0, 1, 2, 0, 0, 1, 2, 0]
    assert [label.get_text() for label in axes.get_xticklabels()] == [
        rating.value for rating in cqcmodel.Rating
    ]


@pytest.mark.parametrize(("suffix", "magic"), [(".png", b"\x89PNG"), (".svg", b"<?xml")])
def test_save_writes_png_and_svg(
    authorities: list[Authority], tmp_path: Path, suffix: str, magic: bytes
) -> None:
    target = plot.save(plot.heatmap(authorities), tmp_path / f"heatmap{suffix}")
    data = target.read_bytes()
    assert data.startswith(magic)
    if suffix == ".svg":
        assert b"<svg" in data
        assert b"Westminster City Council" in data


def test_save_refuses_other_formats(authorities: list[Authority], tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        plot.save(plot.ratings(authorities), tmp_path / "ratings.pdf")


@pytest.mark.parametrize("kind", ["heatmap", "ratings"])
def test_plot_command(kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / f"{kind}.png"
    assert main(["plot", kind, str(EXAMPLES), "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"\x89PNG")
    assert f"wrote {target}" in capsys.readouterr().err


def test_plot_command_rejects_an_unknown_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plot", "heatmap", str(EXAMPLES), "-o", str(tmp_path / "x.jpg")]) == 1
    assert ".png or .svg" in capsys.readouterr().err


def test_missing_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtraError, match=r"install cqcmodel\[plot\]"):
        plot.heatmap(samples())
