"""PlotView: a widget that shows a plot description (`Plot` or `Panels`) drawn with plotext.

`show()` takes a description and the drawing is done lazily, at render time,
when the size is known: equal-aspect limits and tick counts depend on it.
Panels sit side by side when the terminal is at least `WIDE` columns across,
otherwise one at a time (`next_panel()` moves on). Colours come from the app
theme by role. Each drawing is a fresh plotext figure, never plotext's global
one; `plot_draw` puts the description on it, `plot_build` builds its cells,
and `plot_cells` turns them into the strips this widget renders.

    PlotView().show(Plot(series=(Series("line", x, y),)))
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import RenderResult
from textual.color import Color
from textual.strip import Strip
from textual.widget import Widget

from tutor.lesson.plots import Panels, Plot
from tutor.widgets.figures import _plot_draw as plot_draw
from tutor.widgets.adapters import plotext_internals as internals
from tutor.widgets.palette import palette
from tutor.widgets.figures._plot_build import build, plain_text
from tutor.widgets.figures._plot_cells import matrix_strips
from tutor.widgets.figures._plot_draw import Frame

WIDE = 120
"""Terminal columns from which the panels of a `Panels` are drawn side by side."""


class PlotView(Widget):
    """A plotext plot of one description, redrawn when the description, size or theme change."""

    DEFAULT_CSS = """
    PlotView {
        width: 1fr;
        height: 1fr;
    }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._description: Plot | Panels | None = None
        self._panel = 0
        self._drawn: tuple | None = None
        self._strips: list[Strip] | None = None
        self._message: str | None = None
        self._error: str | None = None
        self._palette: dict[str, tuple[int, int, int]] = {}
        self._look: tuple[tuple[int, int, int], tuple[int, int, int]] = ((0, 0, 0), (255, 255, 255))
        self._palette_for: str | None = None
        self.frames: list[Frame] = []
        """How the shown axes were laid out (their grid axes, canvas and bars): for tests."""

    # -- public API ------------------------------------------------------------

    @property
    def description(self) -> Plot | Panels | None:
        """What is shown (None before the first `show`)."""
        return self._description

    def show(self, description: Plot | Panels) -> None:
        """Draw `description` (replacing what was shown) at the next refresh."""
        if not isinstance(description, (Plot, Panels)):
            raise TypeError(f"PlotView shows a Plot or Panels, not {type(description).__name__}")
        self._description = description
        if self.panel >= self.panel_count:
            self._panel = 0
        self._drawn = None
        self.refresh()

    @property
    def panel_count(self) -> int:
        return len(self._description.plots) if isinstance(self._description, Panels) else 1

    @property
    def panel(self) -> int:
        """Which panel is shown when panels are shown one at a time."""
        return self._panel

    @property
    def side_by_side(self) -> bool:
        """True when every panel is on screen at once."""
        if not isinstance(self._description, Panels):
            return True
        try:
            return self.app.size.width >= WIDE
        except Exception:
            return False

    def next_panel(self) -> None:
        """Show the next panel (when they are shown one at a time)."""
        self._panel = (self._panel + 1) % self.panel_count
        self._drawn = None
        self.refresh()

    def save(self, path: Path, width: int | None = None, height: int | None = None) -> None:
        """Write the description as plain text, every panel included."""
        if self._description is None:
            raise ValueError("nothing is shown yet")
        text = plain_text(self._description, width or max(self.size.width, 60), height or max(self.size.height, 16))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")

    # -- drawing -------------------------------------------------------------------

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda theme: self._on_theme_change())

    def _on_theme_change(self) -> None:
        self._drawn = None
        self.refresh()

    def _prepare(self) -> None:
        """Draw the description with plotext and keep its cells as strips, if anything changed.

        Afterwards exactly one of `_strips`, `_message` and `_error` says what to show.
        """
        if self._description is None or self.size.width < 8 or self.size.height < 4:
            self._strips, self._message, self._error = None, "", None
            self._drawn = None
            return
        key = (id(self._description), self.size, self.side_by_side, self._panel, self.app.theme)
        if key == self._drawn:
            return
        self._drawn = key
        self._strips, self._message, self._error = None, None, None
        width, height = self.size
        try:
            figure = internals.Figure()
            colours = self._colours()
            self._message, frames = plot_draw.populate(
                figure, self._description, width, height, side_by_side=self.side_by_side, panel=self._panel, colours=colours
            )
            if self._message is None:
                plot_draw.paint(figure, *self._look)
                build(figure, frames)
                self.frames = [frame for _, frame in frames]
                self._strips = matrix_strips(internals.matrix_of(figure))
        except Exception as error:  # a plot that cannot be drawn says so; it never takes the app down
            self._error = f"This plot could not be drawn: {type(error).__name__}: {error}"

    def _colours(self) -> dict[str, tuple[int, int, int]]:
        """Each role's colour in the app's theme; the canvas and tick colours go to `_look`."""
        theme = self.app.theme
        if self._palette_for != theme:
            variables = self.app.theme_variables
            self._palette = palette(variables)
            # the canvas is the theme's surface and the ticks its foreground, alpha ignored
            self._look = (Color.parse(variables.get("surface")).rgb, Color.parse(variables.get("foreground")).rgb)
            self._palette_for = theme
        return self._palette

    def render(self) -> RenderResult:
        self._prepare()
        if self._error is not None:
            return Text(self._error, style="bold")
        if self._message:
            return message_text(self._message, self.size.width, self.size.height)
        return Text("")

    def render_line(self, y: int) -> Strip:
        self._prepare()
        if self._strips is None:
            return super().render_line(y)
        if y < len(self._strips):
            return self._strips[y]
        return Strip.blank(self.size.width, self.rich_style)


def message_text(message: str, width: int, height: int) -> Text:
    """`message` centred in the plot's place, for when there is nothing sound to draw."""
    from rich.console import Console

    lines = Text(message, style="bold", justify="center").wrap(Console(width=200), max(width - 4, 10))
    padding = max((height - len(lines)) // 2, 0)
    text = Text("\n" * padding, justify="center")
    text.append_text(Text("\n").join(lines))
    return text
