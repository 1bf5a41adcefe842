"""The footer: what it shows for the focused widget, how it fits, and clicks that press keys."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Static

from tests.helpers import bottom_line
from tutor.widgets.key_footer import KeyFooter, footer_items

GROUP = Binding.Group("Move", compact=True)


class Target(Widget, can_focus=True):
    DEFAULT_CSS = "Target { height: 1; }"
    BINDINGS = [
        Binding("up", "move(-1)", "Up", group=GROUP),
        Binding("down", "move(1)", "Down", group=GROUP),
        Binding("x", "explode", "Explode"),
        Binding("ctrl+x", "explode", "Explode too"),  # same action: shown once
        Binding("h", "hidden", "Hidden", show=False),
        Binding("d", "disabled_thing", "Off"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "disabled_thing" else True

    def action_explode(self) -> None:
        self.app.exploded += 1

    def action_move(self, step: int) -> None:
        self.app.moved += step

    def action_disabled_thing(self) -> None:
        raise AssertionError("a disabled key never runs")


class FooterApp(App[None]):
    BINDINGS = [Binding("q", "quit", "Quit"), Binding("question_mark", "help", "Help")]

    def __init__(self) -> None:
        super().__init__()
        self.exploded = 0
        self.moved = 0

    def compose(self) -> ComposeResult:
        yield Target()
        yield Static("text")
        yield KeyFooter()


line = bottom_line
"""The key footer: the screen's last row."""


async def test_the_focused_widgets_keys_come_first_then_the_apps() -> None:
    app = FooterApp()
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.pause()
        text = line(app)
        assert text.startswith(" ↑↓ Move  x Explode  d Off  q Quit  ? Help ")
        assert "Explode too" not in text and "Hidden" not in text
        assert text.rstrip().endswith("▏^p palette")
        items = footer_items(app.screen, app.screen.active_bindings)
        assert [item.description for item in items] == ["Move", "Explode", "Off", "Quit", "Help"]
        assert items[2].keys[0][2] is False  # "d" is shown, disabled


async def test_a_key_that_does_not_fit_is_left_out_whole() -> None:
    app = FooterApp()
    async with app.run_test(size=(50, 10)) as pilot:
        await pilot.pause()
        text = line(app)
        assert len(text) == 50 and text.rstrip().endswith("▏^p palette")
        assert " q Quit " in text and "? Hel" not in text  # never half a key


async def test_clicking_a_key_presses_it_and_a_disabled_one_does_nothing() -> None:
    app = FooterApp()
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        text = line(app)
        await pilot.click(KeyFooter, offset=(text.index("Explode"), 0))
        assert app.exploded == 1
        await pilot.click(KeyFooter, offset=(text.index("↓"), 0))
        assert app.moved == 1
        await pilot.click(KeyFooter, offset=(text.index("Off"), 0))
        assert app.is_running and app.exploded == 1
        assert footer.key_at(text.index("Quit")) == ("q", True)
        assert footer.key_at(text.index("▏") + 1)[0] == "ctrl+p"


async def test_the_footer_follows_focus() -> None:
    app = FooterApp()
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.pause()
        app.set_focus(None)
        await pilot.pause()
        assert line(app).startswith(" q Quit  ? Help ")
