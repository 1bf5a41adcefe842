"""Figures in their sections: built after the first frame, saved as text with `w`, reached with tab."""

from __future__ import annotations

from lessons.maths_foundations.figures import regression, svd

from lessons.maths_foundations import LESSON, figures
from tests.widgets.descriptions import fingerprint
from tests.widgets.figure_host import FigureHost, built, screen_text, wait_until
from tutor.app import TutorApp
from tutor.lesson.format import Figure
from tutor.lesson.plots import Panels
from tutor.lesson.registry import discover
from tutor.screens.home import HomeScreen
from tutor.store import Store
from tutor.widgets.figures._explorable import ExplorableBlock
from tutor.widgets.figures._figure_block import FigureBlock, file_name
from tutor.widgets.figures._plot_view import PlotView
from tutor.widgets.section._section_view import SectionView
from tutor.widgets.figures._shades import shades_text


async def test_a_figure_draws_its_description_and_its_readouts():
    app = FigureHost(figures.HOUSES_FIGURE)
    async with app.run_test(size=(80, 24)) as pilot:
        block = app.query_one(FigureBlock)
        description = await built(pilot, block)
        assert fingerprint(description) == fingerprint(regression.houses_plot())
        text = screen_text(app)
        assert "The house data and its fitted line" in text
        assert "R² = 0.9598" in text and "area (tens of m²)" in text


async def test_w_writes_the_figure_as_text_and_gives_the_full_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = FigureHost(figures.DERIVATIVE_FIGURE, figures.MATMUL, figures.SVD, section_id="derivatives")
    async with app.run_test(size=(100, 30)) as pilot:
        blocks = list(app.query(FigureBlock))
        for block in blocks:
            await built(pilot, block)
        for block in blocks:
            block.focus()
            await pilot.press("w")
            await pilot.pause()
        saved = {path.name: path.read_text(encoding="utf-8") for path in (tmp_path / "tutor-plots").iterdir()}
        assert set(saved) == {"derivatives-x-squared.txt", "derivatives-matmul-steps.txt", "derivatives-svd-compression.txt"}
        derivative = saved["derivatives-x-squared.txt"]
        assert derivative.startswith("f(x) = x² and its slope f′(x) = 2x\n\n")
        assert "f′(x) = 2x" in derivative and "┤" in derivative
        assert derivative.rstrip().endswith("central differences match 2x within 1e-10")
        assert "PQ = P @ Q" in saved["derivatives-matmul-steps.txt"]
        assert "rank 4" in saved["derivatives-svd-compression.txt"] and "█" in saved["derivatives-svd-compression.txt"]
        assert all("\x1b[" not in text for text in saved.values())
        messages = [notification.message for notification in app._notifications]
        assert str(tmp_path / "tutor-plots" / "derivatives-x-squared.txt") in [message.replace("\n", "") for message in messages]
        assert all(line.endswith("/") or line.endswith(".txt") for message in messages for line in message.split("\n"))


def test_file_names_are_safe():
    assert file_name(Figure("A title: with (odd) chars!", lambda: None)) == "a-title-with-odd-chars"
    assert file_name(Figure("Ignored", lambda: None, name="houses-fit")) == "houses-fit"


async def test_panels_take_turns_with_v_when_narrow_and_v_is_only_offered_then():
    app = FigureHost(figures.DISTRIBUTIONS_FIGURE)
    async with app.run_test(size=(100, 30)) as pilot:
        block = app.query_one(FigureBlock)
        description = await built(pilot, block)
        assert isinstance(description, Panels)
        block.focus()
        await pilot.pause()
        assert "v Next panel" in screen_text(app).splitlines()[-1]
        assert "Normal(0, 1)" in screen_text(app) and "Binomial(20, 0.4)" not in screen_text(app)
        assert block.border_subtitle == "panel 1 of 3: v for the next"
        await pilot.press("v")
        await pilot.pause()
        assert "Binomial(20, 0.4)" in screen_text(app) and "Normal(0, 1)" not in screen_text(app)
        assert block.border_subtitle == "panel 2 of 3: v for the next"
    app = FigureHost(figures.DISTRIBUTIONS_FIGURE)
    async with app.run_test(size=(150, 40)) as pilot:
        block = app.query_one(FigureBlock)
        await built(pilot, block)
        block.focus()
        await pilot.pause()
        text = screen_text(app)
        assert all(title in text for title in ("Normal(0, 1)", "Binomial(20, 0.4)", "Uniform(0, 1)"))
        assert "Next panel" not in text.splitlines()[-1]


async def test_a_failing_figure_says_why_and_the_app_lives_on():
    def broken():
        raise RuntimeError("no data today")

    app = FigureHost(Figure("Broken", broken), figures.DERIVATIVE_FIGURE)
    async with app.run_test(size=(80, 30)) as pilot:
        failing, working = app.query(FigureBlock)
        await built(pilot, failing)
        await built(pilot, working)
        assert failing.error and "RuntimeError: no data today" in screen_text(app)
        assert working.description is not None


def test_shades_shrink_to_fit_and_use_shade_characters_without_colour():
    description = svd.svd_shades(8)
    wide = shades_text(description, width=80, colour=True)
    assert len(wide.splitlines()) == 1 + 16  # titles, then 32 pixel rows two to a line
    assert wide.splitlines()[1] == "▀" * 32 + " " * 3 + "▀" * 32
    narrow = shades_text(description, width=50, colour=True)
    assert len(narrow.splitlines()) == 1 + 8 + 1 and "1/2 size" in narrow
    short = shades_text(description, width=80, colour=True, height=12)
    assert len(short.splitlines()) == 1 + 8 + 1
    plain = shades_text(description, width=80, colour=False)
    assert set("".join(plain.splitlines()[1:])) <= set(" ░▒▓█")
    assert len(set("".join(plain.splitlines()[1:]))) >= 3  # several shades, not a blank


def _lesson_app(section: int) -> TutorApp:
    return TutorApp(catalogue=discover(), store=Store.open(), start=("maths_foundations", section))


async def test_tab_reaches_the_figures_and_scrolls_them_into_view_escape_goes_back():
    derivatives = LESSON.section_index("derivatives")
    app = _lesson_app(derivatives)
    async with app.run_test(size=(80, 24)) as pilot:
        content = app.screen.query_one(SectionView)
        await wait_until(pilot, lambda: bool(app.screen.query(FigureBlock)), what="the section to be built")
        for _ in range(8):
            await pilot.press("tab")
            await pilot.pause()
            if isinstance(app.focused, ExplorableBlock):
                break
        block = app.focused
        assert isinstance(block, ExplorableBlock) and block.block is figures.TANGENT
        await built(pilot, block)
        visible = content.content_region
        await wait_until(  # focusing scrolls the block into view (maybe with an animation)
            pilot, lambda: visible.y <= block.region.y and block.region.bottom <= visible.bottom,
            what="the explorable to scroll into view",
        )
        await pilot.press("right")
        assert block.current_values["x0"] == 1.1
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is content
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_every_figure_of_the_lesson_builds_in_place(tmp_path):
    """Open every section with a figure at 80x24 and see each block draw without an error."""
    app = _lesson_app(0)
    async with app.run_test(size=(80, 24)) as pilot:
        seen = 0
        for index, section in enumerate(LESSON.sections):
            wanted = [b for b in section.blocks if b in figures.FIGURES or b in figures.EXPLORABLES]
            if not wanted:
                continue
            app.screen.go_to(index)
            await wait_until(pilot, lambda: len(app.screen.query(FigureBlock)) >= seen + len(wanted))
            for block in app.screen.query(FigureBlock):
                if block.block in wanted:
                    await built(pilot, block)
                    assert block.error is None, (block.block.title, block.error)
            seen += len(wanted)
        assert seen == len(figures.FIGURES) + len(figures.EXPLORABLES)
        plot = next(iter(app.screen.query(PlotView)))
        assert plot.description is not None
