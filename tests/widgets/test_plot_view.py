"""PlotView: the public `show()` API, panels, colours from the theme, NO_COLOR, bad data, export."""

from __future__ import annotations

import math

import pytest
from textual.app import App, ComposeResult
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from tests.widgets.figure_host import screen_text
from tutor.lesson.plots import Panels, Plot, Series
from tutor.widgets.figures import _plot_axes as plot_axes
from tutor.widgets.palette import MIN_CONTRAST, ROLES, canvas_colour, palette
from tutor.widgets.figures._plot_data import histogram
from tutor.widgets.figures._plot_view import PlotView

XS = [x / 10 for x in range(-30, 31)]
QUADRANTS = "▖▗▘▝▀▄▌▐▚▞▙▛▜▟█"


class PlotHost(App[None]):
    def compose(self) -> ComposeResult:
        yield PlotView()


def two_lines() -> Plot:
    return Plot(
        series=(
            Series("line", XS, [x * x for x in XS], "square", style="primary"),
            Series("line", XS, [2 * x for x in XS], "double", style="accent"),
        ),
        xlabel="x",
        ylabel="y",
    )


async def test_show_draws_a_plot_with_its_labels_and_round_ticks():
    app = PlotHost()
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(PlotView)
        view.show(Plot(series=(Series("line", XS, [x * x for x in XS], "square"),), xlabel="the x axis"))
        await pilot.pause()
        text = screen_text(app)
        assert "square" in text and "the x axis" in text
        assert any(ch in text for ch in "▖▗▘▝▀▄▌▐▚▞")  # the first line (the subject) in heavy quadrant blocks
        labels = [float(label) for label in text.splitlines()[-2].split()]
        steps = {round(b - a, 9) for a, b in zip(labels, labels[1:])}
        assert len(steps) == 1 and steps.pop() in (0.5, 1.0, 2.0), labels  # evenly spaced, round
        assert 0.0 in labels and labels[0] == -3.0 and labels[-1] == 3.0


async def test_two_series_stay_apart_without_colour(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = PlotHost()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.no_color
        app.query_one(PlotView).show(two_lines())
        await pilot.pause()
        text = screen_text(app)
        legend = {}  # the marker sample plotext puts before each label
        for line in text.splitlines():
            for label in ("square", "double"):
                if f" {label}" in line:
                    legend[label] = line.split(f" {label}")[0].split()[-1]
        assert len(legend) == 2 and legend["square"] != legend["double"], legend
        assert any(ch in text for ch in "⠁⠂⠄⡀⢀⠈⠐⠠")  # and the second line really uses braille


async def test_series_colours_follow_the_theme_and_read_on_a_light_one():
    app = PlotHost()
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(PlotView)
        view.show(Plot(series=(Series("line", XS, XS, "rising", style="primary"),)))
        await pilot.pause()

        def foreground_colours() -> set[tuple[int, int, int]]:
            found = set()
            for strip in app.screen._compositor.render_strips():
                for segment in strip:
                    if segment.style and segment.style.color and segment.text.strip() and segment.text[0] in QUADRANTS:
                        found.add(segment.style.color.get_truecolor())
            return found

        dark = foreground_colours()
        assert palette(app.theme_variables)["primary"] in dark
        app.theme = "textual-light"
        await pilot.pause()
        light = foreground_colours()
        assert palette(app.theme_variables)["primary"] in light and light != dark


@pytest.mark.parametrize("theme", sorted(BUILTIN_THEMES))
def test_every_role_stands_out_from_the_canvas_in_every_theme(theme):
    from textual.app import App as BareApp

    app = BareApp()
    app.theme = theme
    variables = app.get_css_variables()
    canvas = canvas_colour(variables)
    for role, rgb in palette(variables).items():
        assert abs(Color(*rgb).brightness - canvas.brightness) >= MIN_CONTRAST - 0.01, (theme, role, rgb)
    assert set(palette(variables)) == set(ROLES)


PANELS = Panels(
    plots=tuple(
        Plot(series=(Series("line", XS, [x**power for x in XS]),), title=f"power {power}") for power in (1, 2, 3)
    )
)


async def test_panels_sit_side_by_side_when_wide_and_take_turns_when_narrow():
    app = PlotHost()
    async with app.run_test(size=(130, 24)) as pilot:
        view = app.query_one(PlotView)
        view.show(PANELS)
        await pilot.pause()
        assert view.side_by_side
        text = screen_text(app)
        assert all(f"power {p}" in text for p in (1, 2, 3))
    app = PlotHost()
    async with app.run_test(size=(100, 24)) as pilot:
        view = app.query_one(PlotView)
        view.show(PANELS)
        await pilot.pause()
        assert not view.side_by_side
        assert "power 1" in screen_text(app) and "power 2" not in screen_text(app)
        view.next_panel()
        await pilot.pause()
        assert "power 2" in screen_text(app) and "power 1" not in screen_text(app)


async def test_non_finite_values_are_left_out_and_a_message_replaces_the_drawing():
    app = PlotHost()
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(PlotView)
        ys = [math.nan if x < 0 else (math.inf if x > 2 else x) for x in XS]
        view.show(Plot(series=(Series("line", XS, ys, "partly finite"), Series("scatter", [1.0], [math.nan]))))
        await pilot.pause()
        assert "partly finite" in screen_text(app) and "could not be drawn" not in screen_text(app)
        view.show(Plot(message="Diverged: nothing sound to draw."))
        await pilot.pause()
        assert "Diverged: nothing sound to draw." in screen_text(app)


async def test_a_plot_plotext_cannot_draw_says_so_instead_of_crashing(monkeypatch):
    app = PlotHost()
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(PlotView)
        monkeypatch.setattr("tutor.widgets.figures._plot_draw.draw_axes", lambda *args, **kwargs: 1 / 0)
        view.show(two_lines())
        await pilot.pause()
        assert "This plot could not be drawn: ZeroDivisionError" in screen_text(app)


def test_show_refuses_what_it_cannot_draw():
    with pytest.raises(TypeError):
        PlotView().show("a string")


async def test_save_writes_every_panel_as_text(tmp_path):
    app = PlotHost()
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(PlotView)
        view.show(PANELS)
        await pilot.pause()
        path = tmp_path / "out" / "panels.txt"
        view.save(path)
        text = path.read_text(encoding="utf-8")
        assert all(f"power {p}" in text for p in (1, 2, 3))
        assert "\x1b[" not in text  # plain text, no colour codes


def test_ticks_are_round_and_inside_the_limits():
    ticks, labels = plot_axes.labelled_ticks(-6.5, 9.5, 4)
    assert ticks == [-5.0, -2.5, 0.0, 2.5, 5.0, 7.5] and labels[2] == "0" and labels[1] == "-2.5"
    assert plot_axes.labelled_ticks(-6.5, 9.5, 2)[0] == [-5.0, 0.0, 5.0]
    assert plot_axes.labelled_ticks(0.0, 0.4, 3) == ([0.0, 0.2, 0.4], ["0", "0.2", "0.4"])
    assert plot_axes.log_ticks(0.5, 2.9, 3) == ([1.0, 2.0], ["10", "100"])


def test_equal_scale_makes_a_unit_as_long_across_as_up():
    xlim, ylim = plot_axes.equal_scale((-1.0, 1.0), (-1.0, 1.0), columns=40, rows=10)
    # 40 columns of half-width cells against 10 rows of full-height ones: x spans twice as much
    assert ylim == (-1.0, 1.0) and xlim == pytest.approx((-2.0, 2.0))
    xlim, ylim = plot_axes.equal_scale((-1.0, 1.0), (-1.0, 1.0), columns=10, rows=20)
    assert xlim == (-1.0, 1.0) and ylim == pytest.approx((-4.0, 4.0))


def test_histogram_counts_every_finite_sample_once():
    centres, counts = histogram([0.0, 0.1, 0.5, 0.9, 1.0, math.nan, math.inf], 2)
    assert centres == [0.25, 0.75] and counts == [2.0, 3.0]
