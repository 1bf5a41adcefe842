"""FigureView: shows any plot description with the widget made for its kind.

A `Plot` or `Panels` goes to a PlotView, a `MatrixStep` to a MatrixStepView
and `Shades` to a ShadesView. Each view is created the first time it is
needed, so a section without figures never imports plotext, and a figure
pays for it only once its first description has been computed. Until then,
and when a build fails, a line of text stands in.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from tutor.lesson.plots import MatrixStep, Panels, Plot, Shades


def _view_for(description: object) -> type[Widget]:
    """The widget class that draws `description`."""
    if isinstance(description, (Plot, Panels)):
        from tutor.widgets.figures._plot_view import PlotView

        return PlotView
    if isinstance(description, MatrixStep):
        from tutor.widgets.figures._matrix_steps import MatrixStepView

        return MatrixStepView
    if isinstance(description, Shades):
        from tutor.widgets.figures._shades import ShadesView

        return ShadesView
    raise TypeError(f"no widget draws a {type(description).__name__}")


SQUARE_RESERVE = 9
"""Screen rows an equal-scale plot leaves to the rest of its block: the header and footer, the
block's border, the parameter line and four readout lines, so the whole block fits on screen."""
SQUARE_ROWS = (14, 34)


def square_height(screen_rows: int) -> int:
    """How tall an equal-scale plot is on a screen `screen_rows` tall: as tall as its block allows.

    On a square scale, rows set both axes' room, so geometry takes every row the screen can
    spare (15 at 24 rows), where other plots take about half the screen.
    """
    return max(SQUARE_ROWS[0], min(SQUARE_ROWS[1], screen_rows - SQUARE_RESERVE))


class FigureView(Vertical):
    """The drawing area of a figure or explorable."""

    DEFAULT_CSS = """
    FigureView {
        height: auto;
    }
    FigureView.-plot {
        height: 55vh;
        min-height: 10;
        max-height: 34;
    }
    FigureView > .notice {
        height: 55vh;
        min-height: 3;
        max-height: 34;
        content-align: center middle;
        text-align: center;
        color: $text-muted;
    }
    FigureView > .notice.-error {
        color: $text-error;
        content-align: left top;
        text-align: left;
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._views: dict[type, Widget] = {}
        self._current: Widget | None = None

    def compose(self) -> ComposeResult:
        yield Static("drawing…", classes="notice", markup=False)

    @property
    def current(self) -> Widget | None:
        """The view showing the last description (None while a notice is shown)."""
        return self._current

    @property
    def description(self) -> object:
        return getattr(self._current, "description", None)

    def show(self, description: object) -> None:
        """Draw `description` with the view for its kind, creating that view if need be."""
        view_class = _view_for(description)
        view = self._views.get(view_class)
        if view is None:
            view = self._views[view_class] = view_class()
            self.mount(view)
        for other in self._views.values():
            other.display = other is view
        self.query_one(".notice").display = False
        self.set_class(isinstance(description, (Plot, Panels)), "-plot")
        self.set_class(isinstance(description, Plot) and description.equal_aspect, "-square")
        self._fit_height()
        view.show(description)
        self._current = view

    def _fit_height(self) -> None:
        """An equal-scale plot's height follows the screen's (see `square_height`); others keep the CSS one."""
        height = square_height(self.app.size.height) if self.has_class("-square") else None
        current = self.styles.height
        if height is None and current is not None:
            self.styles.height = None
        elif height is not None and (current is None or current.value != height):
            self.styles.height = height

    def on_resize(self) -> None:
        self._fit_height()

    def show_notice(self, text: str, *, error: bool = False) -> None:
        """Show `text` instead of a drawing ("drawing…", or why a build failed)."""
        notice = self.query_one(".notice", Static)
        notice.update(text)
        notice.set_class(error, "-error")
        notice.display = True
        for view in self._views.values():
            view.display = False
        self.remove_class("-plot", "-square")
        self._fit_height()
        self._current = None

    def save(self, path: Path) -> None:
        """Write what is shown as plain text to `path`."""
        view = self._current
        if view is None:
            raise ValueError("there is no drawing to save yet")
        path.parent.mkdir(parents=True, exist_ok=True)
        if hasattr(view, "save"):
            view.save(path)
        else:
            path.write_text(view.as_text(max(self.size.width, 40)) + "\n", encoding="utf-8")
