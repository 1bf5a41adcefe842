"""Canaries for the library internals the widgets rely on: plotext's private names, how
Textual's Input sizes its text (`SteadyInput`), and how its TextArea prepares highlight queries.

`tutor/widgets/adapters/plotext_internals.py` is the only module that touches
plotext's internals. These tests fail, with a sentence saying what to update,
when a plotext release moves them, draws differently through them, or when the
installed release is not the one pyproject.toml pins.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widgets.text_area import SyntaxAwareDocument

from tests.helpers import assert_installed_is_pinned, type_keys
from tutor.lesson.plots import Panels, Plot, Series
from tutor.widgets.adapters import plotext_internals as internals
from tutor.widgets.adapters.textual_input import SteadyInput, layout_reactive_ok
from tutor.widgets.adapters.textual_text_area import (
    compiled_queries,
    share_highlight_queries,
)
from tutor.widgets.code_editor import CodeEditor
from tutor.widgets.figures import _plot_draw as plot_draw
from tutor.widgets.figures._plot_build import build, plain_text

ROOT = Path(__file__).resolve().parents[2]
ADAPTER = ROOT / "tutor" / "widgets" / "adapters" / "plotext_internals.py"
UPGRADE = (
    "plotext changed under tutor/widgets/adapters/plotext_internals.py: read the new release's "
    "_figure.py, _monitor.py and _matrix.py, update the adapter, then re-pin plotext in pyproject.toml."
)


def test_every_private_name_the_adapter_uses_is_still_there():
    gone = internals.missing()
    assert not gone, f"plotext {version('plotext')} no longer has {', '.join(gone)}. {UPGRADE}"


def test_the_installed_plotext_is_the_pinned_one():
    assert_installed_is_pinned("plotext", UPGRADE)


def test_no_module_but_the_adapter_touches_plotext_internals():
    private = re.compile(r"plotext\._|_figure_class|\.monitor\b|\._(set_sizes?|build_matrix|get_subplot|no_plots)\b")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "tutor").rglob("*.py"))
        if path != ADAPTER
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if private.search(line)
    ]
    assert not offenders, f"plotext's private names outside the adapter (move them into {ADAPTER.name}): {offenders}"


# What the pinned plotext draws through the adapter: sizes set past the terminal's, the title
# line, bars added to the built matrix, subplots joined, and a legend joined under the axes.
# A release that builds differently changes these texts.

BARS_AND_LINE = """\
y                    t
  ┌────────────────────────────────────┐
10┤ ▞▞ square                        ▗ │
  │                               ▗▄▀▘ │
  │                            ▗▄▀▘    │
 5┤                         ▗▄▀▘       │
  │                    ▂▄▄▞▀▘▂▂        │
  │         ▆▆▆▆▆▆▄▄▄▀▀▀███████        │
 0┤ ▄▄▄▄▄▄▄▄▄▄▄▀▀▀██   ████████        │
  └─┬──────────┬──────────┬──────────┬─┘
    0          1          2          3
                     x"""

SIDE_BY_SIDE = """\
             a                        b
 ┌──────────────────────┐ ┌──────────────────────┐
 │                      │ │                      │
1┤                ▗▄▄▄▞ │1┤•                     │
 │        ▗▄▄▄▞▀▀▀▘     │ │                      │
0┤▄▄▄▄▞▀▀▀▘             │0┤                    • │
 │                      │ │                      │
 └┬─────────┬─────────┬─┘ └┬─────────┬─────────┬─┘
  0        0.5      1.0    0        0.5      1.0"""

LEGEND_BELOW = """\
 ┌───────────────────────────────────────────────┐
 │                                               │
1┤ ⠢⠤⣀⡀               ▗▄▄▞▄▄▄               ⢀⣀⠤⠔ │
 │    ⠈⠉⠑⠒⠤⠤⣀⡀  ▄▄▄▞▀▀▘      ▀▀▀▄▄▄  ⢀⣀⡠⠤⠒⠊⠉⠁    │
 │       ▗▄▄▄⠈⠉⠑⠒⠤⠤⣀⡀          ⣀⡠⠤⠒⠒⠉⠁▚▄▄▖       │
0┤ ▄▄▄▞▀▀▘          ⠈⠉⠑⠒⠤⠤⠤⠔⠒⠉⠉          ▝▀▀▚▄▄▄ │
 │                                               │
 └─┬──────────┬──────────┬──────────┬──────────┬─┘
   0         0.5        1.0        1.5       2.0
  ▀▄ one   ⠤⠤ two"""


def square_and_bars() -> Plot:
    return Plot(
        series=(Series("line", [0, 1, 2, 3], [0, 1, 4, 9], "square"), Series("bar", [1, 2], [2, 3], style="accent")),
        title="t",
        xlabel="x",
        ylabel="y",
    )


def test_the_pinned_plotext_still_draws_what_the_tutor_expects():
    panels = Panels(
        plots=(
            Plot(series=(Series("line", [0, 1], [0, 1]),), title="a"),
            Plot(series=(Series("scatter", [0, 1], [1, 0]),), title="b"),
        )
    )
    crossing = Plot(
        series=(Series("line", [0, 1, 2], [0, 1, 0], "one"), Series("line", [0, 1, 2], [1, 0, 1], "two")),
        legend="outside",
        equal_aspect=True,
    )
    for name, drawn, expected in (
        ("a line over bars", plain_text(square_and_bars(), 40, 12), BARS_AND_LINE),
        ("two panels side by side", plain_text(panels, 50, 9), SIDE_BY_SIDE),
        ("a legend under the axes", plain_text(crossing, 50, 10), LEGEND_BELOW),
    ):
        assert drawn == expected, f"{name} is drawn differently:\n{drawn}\n\nexpected:\n{expected}\n\n{UPGRADE}"


def test_colours_and_rows_come_out_of_the_matrix_as_drawn():
    canvas, ticks, line = (10, 20, 30), (200, 201, 202), (250, 100, 0)
    figure = internals.Figure()
    _, frames = plot_draw.populate(figure, square_and_bars(), 40, 12, side_by_side=True, panel=0, colours={"primary": line})
    plot_draw.paint(figure, canvas, ticks)
    build(figure, frames)
    matrix = internals.matrix_of(figure)
    assert internals.matrix_size(matrix) == (40, 12), f"the figure is not the size it was given. {UPGRADE}"
    rows = list(internals.matrix_rows(matrix))
    characters, foregrounds, _, backgrounds = rows[0]  # the top row: the y label and the title
    assert "".join(characters).startswith("y"), f"matrix_rows does not start at the top row. {UPGRADE}"
    assert set(backgrounds) == {canvas}, f"the canvas colour is not every cell's background. {UPGRADE}"
    assert foregrounds[0] == ticks, f"the tick colour is not the labels' colour. {UPGRADE}"
    assert any(line in foregrounds for _, foregrounds, _, _ in rows), f"the line's colour is lost. {UPGRADE}"
    assert internals.colour_code("red") == 1, f"plotext's colour names map to other codes. {UPGRADE}"


# -- textual_input: an Input whose typing lays nothing out ----------------------------------

INPUT_UPGRADE = (
    "Textual changed how Input sizes its text: read the new release's widgets/_input.py "
    "(_watch_value) and widget.py (virtual_size), then update tutor/widgets/adapters/textual_input.py."
)


class _InputApp(App[None]):
    CSS = "SteadyInput { width: 20; }"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield SteadyInput(id="steady")


def test_textual_keeps_virtual_size_where_the_adapter_replaces_it():
    assert layout_reactive_ok(), INPUT_UPGRADE


async def test_typing_into_a_steady_input_lays_nothing_out_and_keeps_the_cursor_in_view():
    app = _InputApp()
    async with app.run_test(size=(40, 5)) as pilot:
        field = app.query_one(SteadyInput)
        field.focus()
        await pilot.pause()
        layouts: list[bool] = []
        refresh = field.refresh

        def counting_refresh(*regions, **flags):
            layouts.append(bool(flags.get("layout")))
            return refresh(*regions, **flags)

        field.refresh = counting_refresh
        await type_keys(pilot, *"0123456789abcdefghijklmnopqrstuvwxyz")
        await pilot.pause()
        assert field.value == "0123456789abcdefghijklmnopqrstuvwxyz"
        assert layouts and not any(layouts), f"typing asked for a layout: {INPUT_UPGRADE}"
        assert field.virtual_size.width > field.size.width, INPUT_UPGRADE
        assert field.scroll_x == field.max_scroll_x > 0, f"the cursor scrolled out of view: {INPUT_UPGRADE}"


# -- textual_text_area: the editor's highlight query, compiled once a language ----------------

TEXT_AREA_UPGRADE = (
    "Textual changed how TextArea prepares its highlight query: read the new release's "
    "widgets/_text_area.py (_set_document) and document/_syntax_aware_document.py (prepare_query), "
    "then update tutor/widgets/adapters/textual_text_area.py."
)


class _EditorsApp(App[None]):
    def compose(self) -> ComposeResult:
        yield CodeEditor.code_editor("def f(x):\n    return x", language="python", id="first")
        yield CodeEditor.code_editor("y = 2", language="python", id="second")


async def test_editors_share_one_compiled_highlight_query_and_still_highlight():
    share_highlight_queries()
    assert getattr(SyntaxAwareDocument.prepare_query, "shares_queries", False), TEXT_AREA_UPGRADE
    app = _EditorsApp()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        first, second = app.query_one("#first", CodeEditor), app.query_one("#second", CodeEditor)
        compiled = compiled_queries()
        assert compiled >= 1, f"no query went through prepare_query: {TEXT_AREA_UPGRADE}"
        assert first._highlight_query is not None, TEXT_AREA_UPGRADE
        assert first._highlight_query is second._highlight_query, TEXT_AREA_UPGRADE
        names = {name for _, _, name in first._highlights[0]}
        assert "keyword.function" in names, f"`def` is not highlighted ({names}): {TEXT_AREA_UPGRADE}"
        first.language = None
        first.language = "python"  # a new document, the same query
        await pilot.pause()
        assert compiled_queries() == compiled, TEXT_AREA_UPGRADE
        assert first._highlight_query is second._highlight_query, TEXT_AREA_UPGRADE
