"""PlotView: draws a plot description (`Plot` or `Panels`) with plotext.

One plotext figure per widget, never plotext's global one. `show()` takes a
description and the drawing is done lazily, at render time, when the size
is known: equal-aspect limits and tick counts depend on it. Panels sit side
by side when the terminal is at least `WIDE` columns across, otherwise one
at a time (`next_panel()` moves on). Colours come from the app theme by
role; markers differ between series, so they are told apart without colour.

    PlotView().show(Plot(series=(Series("line", x, y),)))
"""

from __future__ import annotations

import contextlib
import io
import math
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import RenderResult
from textual.strip import Strip
from textual_plotext import PlotextPlot
from textual_plotext.plot import Plot as PlotextFigure
from textual_plotext.plotext._figure import _figure_class

from tutor.lesson.plots import Panels, Plot, Series
from tutor.widgets import plot_axes
from tutor.widgets.palette import palette
from tutor.widgets.plot_cells import matrix_strips

WIDE = 120
"""Terminal columns from which the panels of a `Panels` are drawn side by side."""

LINE_MARKERS = ("braille", "hd", "•", "+")
SCATTER_MARKERS = ("•", "x", "+", "o")
BAR_MARKER = "sd"

Y_TICK_WIDTH = 6
"""About how many columns plotext gives the y tick labels and the axis."""


class PlotView(PlotextPlot):
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
        self._palette_for: str | None = None

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
        """Write the description as plain text with plotext's own export, every panel included."""
        description = self._description
        if description is None:
            raise ValueError("nothing is shown yet")
        width = width or max(self.size.width, 60)
        height = height or max(self.size.height, 16)
        figure = PlotextFigure()
        message = self._populate(figure, description, width, height, side_by_side=True, panel=0)
        path.parent.mkdir(parents=True, exist_ok=True)
        if message is not None:
            path.write_text(message + "\n", encoding="utf-8")
            return
        figure.plotsize(width, height)
        figure.theme("clear")
        figure.build()
        with contextlib.redirect_stdout(io.StringIO()):  # plotext prints "text saved in ..."
            _figure_class.save_fig(figure, str(path))

    # -- drawing -------------------------------------------------------------------

    def _on_theme_change(self) -> None:
        self._drawn = None
        self.refresh()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda theme: self._on_theme_change())

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
            self.plt.clear_figure()
            self._message = self._populate(
                self.plt,
                self._description,
                width,
                height,
                side_by_side=self.side_by_side,
                panel=self._panel,
                colours=self._colours(),
            )
            if self._message is None:
                # What PlotextPlot.render does, short of writing ANSI text and parsing it back.
                self.plt.plotsize(width, height)
                self.plt._set_size(width, height)
                self.plt.theme(self._get_plotext_theme_name(self.app.theme))
                self.plt._set_sizes()
                self.plt._build_matrix()
                self._strips = matrix_strips(self.plt.monitor.matrix)
        except Exception as error:  # a plot that cannot be drawn says so; it never takes the app down
            self._error = f"This plot could not be drawn: {type(error).__name__}: {error}"

    def _colours(self) -> dict[str, tuple[int, int, int]]:
        theme = self.app.theme
        if self._palette_for != theme:
            self._palette = palette(self.app.theme_variables)
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

    def _populate(
        self,
        figure: Any,
        description: Plot | Panels,
        width: int,
        height: int,
        *,
        side_by_side: bool,
        panel: int,
        colours: dict[str, tuple[int, int, int]] | None = None,
    ) -> str | None:
        """Put `description` on the plotext `figure`; a message to show instead, or None."""
        if isinstance(description, Plot):
            if description.message is not None:
                return description.message
            draw_axes(figure, description, width, height, colours)
            return None
        plots = description.plots
        if not side_by_side:
            plot = plots[panel % len(plots)]
            if plot.message is not None:
                return plot.message
            draw_axes(figure, plot, width, height, colours)
            return None
        figure.subplots(1, len(plots))
        column_width = width // len(plots)
        for index, plot in enumerate(plots, start=1):
            axes = figure.subplot(1, index)
            if plot.message is not None:
                axes.title(plot.message)
                continue
            draw_axes(axes, plot, column_width, height, colours)
        figure.main()
        return None


def message_text(message: str, width: int, height: int) -> Text:
    """`message` centred in the plot's place, for when there is nothing sound to draw."""
    lines = Text(message, style="bold", justify="center").wrap(_console(), max(width - 4, 10))
    padding = max((height - len(lines)) // 2, 0)
    text = Text("\n" * padding, justify="center")
    text.append_text(Text("\n").join(lines))
    return text


def _console():
    from rich.console import Console

    return Console(width=200)


def draw_axes(
    axes: Any, plot: Plot, width: int, height: int, colours: dict[str, tuple[int, int, int]] | None
) -> None:
    """Draw one `Plot` on a plotext figure or subplot `width` x `height` cells in size."""
    log = plot.yscale == "log"
    prepared = [_prepared(series, log) for series in plot.series]
    xlim, ylim = _limits(plot, prepared, log)
    columns = max(width - Y_TICK_WIDTH - 2, 4)
    rows = max(height - 4 - (1 if plot.title else 0) - (1 if plot.xlabel else 0), 2)
    if plot.ylim is None:
        ylim = _clear_legend(plot, prepared, xlim, ylim, columns, rows)
    if plot.equal_aspect:
        xlim, ylim = plot_axes.equal_scale(xlim, ylim, columns, rows)
    lines = scatters = 0
    for series, (xs, ys) in zip(plot.series, prepared):
        colour = colours.get(series.style, colours.get("primary")) if colours else None
        label = series.label or None
        if series.kind in ("line", "scatter"):
            if not xs:
                continue
            if series.kind == "line":
                marker = series.marker or LINE_MARKERS[lines % len(LINE_MARKERS)]
                lines += 1
                axes.plot(xs, ys, marker=marker, color=colour, label=label)
            else:
                marker = series.marker or SCATTER_MARKERS[scatters % len(SCATTER_MARKERS)]
                scatters += 1
                axes.scatter(xs, ys, marker=marker, color=colour, label=label)
        elif series.kind in ("bar", "histogram"):
            if not xs:
                continue
            # plotext fills at least one row for any bar: one under half a row high rounds to nothing.
            half_row = (ylim[1] - ylim[0]) / rows / 2
            axes.bar(
                xs,
                [value if abs(value - max(ylim[0], 0.0)) >= half_row else 0.0 for value in ys],
                marker=series.marker or BAR_MARKER,
                color=colour,
                width=1.0 if series.kind == "histogram" else series.width,
                label=label,
                reset_ticks=any(isinstance(x, str) for x in xs),
            )
        elif series.kind == "hline":
            for value in ys[:1]:
                if label:
                    axes.plot([xlim[0], xlim[1]], [value, value], marker=series.marker or "hd", color=colour, label=label)
                else:
                    axes.hline(value, color=colour)
        elif series.kind == "vline":
            for value in xs[:1]:
                if label:
                    axes.plot([value, value], [ylim[0], ylim[1]], marker=series.marker or "hd", color=colour, label=label)
                else:
                    axes.vline(value, color=colour)
    axes.xlim(*xlim)
    axes.ylim(*ylim)
    categorical = any(isinstance(x, str) for s, (xs, _) in zip(plot.series, prepared) if s.kind == "bar" for x in xs)
    if not categorical:
        axes.xticks(*plot_axes.labelled_ticks(*xlim, max(3, columns // 9)))
    y_count = max(3, rows // 3)
    axes.yticks(*(plot_axes.log_ticks(*ylim, y_count) if log else plot_axes.labelled_ticks(*ylim, y_count)))
    if plot.title:
        axes.title(plot.title)
    if plot.xlabel:
        axes.xlabel(plot.xlabel)
    if plot.ylabel:
        axes.ylabel(plot.ylabel)


def _clear_legend(
    plot: Plot,
    prepared: list[tuple[list, list[float]]],
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    columns: int,
    rows: int,
) -> tuple[float, float]:
    """y limits raised so no data hides under the legend plotext draws at the top left."""
    labels = [series.label for series in plot.series if series.label]
    if not labels or rows <= len(labels) + 2:
        return ylim
    x_span, y_span = xlim[1] - xlim[0], ylim[1] - ylim[0]
    right = xlim[0] + x_span * (max(len(label) for label in labels) + 5) / columns
    bottom = ylim[1] - y_span * (len(labels) + 0.5) / rows
    for series, (xs, ys) in zip(plot.series, prepared):
        if series.kind in ("hline", "vline") or any(isinstance(x, str) for x in xs):
            continue
        if any(x <= right and y >= bottom for x, y in zip(xs, ys)):
            return ylim[0], ylim[1] + y_span * len(labels) / (rows - len(labels))
    return ylim


def _prepared(series: Series, log: bool) -> tuple[list, list[float]]:
    """The series' points ready for plotext: finite, and in log₁₀ units on a log axis."""
    if series.kind == "bar":
        xs = series.x.tolist() if hasattr(series.x, "tolist") else list(series.x)
        ys = [value if math.isfinite(value) else 0.0 for value in plot_axes.as_floats(series.y)]
        if log:
            ys = [math.log10(value) if value > 0 else math.nan for value in ys]
        return xs, ys
    if series.kind == "histogram":
        centres, counts = histogram(plot_axes.as_floats(series.y), series.bins)
        if log:
            counts = [math.log10(count) if count > 0 else math.nan for count in counts]
        return centres, counts
    if series.kind in ("hline", "vline"):
        values = plot_axes.as_floats(series.y if series.kind == "hline" else series.x)
        values = [value for value in values if math.isfinite(value)]
        if log and series.kind == "hline":
            values = [math.log10(value) for value in values if value > 0]
        return (values, []) if series.kind == "vline" else ([], values)
    xs, ys = plot_axes.as_floats(series.x), plot_axes.as_floats(series.y)
    if log:
        ys = [math.log10(value) if value > 0 else math.nan for value in ys]
    return plot_axes.finite_pairs(xs, ys)


def histogram(samples: list[float], bins: int) -> tuple[list[float], list[float]]:
    """Bin centres and counts of the finite `samples` in `bins` equal bins."""
    finite = [value for value in samples if math.isfinite(value)]
    extent = plot_axes.span(finite)
    if extent is None:
        return [], []
    low, high = plot_axes.widen(extent) if extent[0] == extent[1] else extent
    bins = max(1, int(bins))
    width = (high - low) / bins
    counts = [0.0] * bins
    for value in finite:
        counts[min(int((value - low) / width), bins - 1)] += 1
    return [low + (index + 0.5) * width for index in range(bins)], counts


def _limits(plot: Plot, prepared: list[tuple[list, list[float]]], log: bool) -> tuple[tuple[float, float], tuple[float, float]]:
    """The axes' limits: the plot's own where given, else the data's extent (y with a margin)."""
    xs: list[float] = []
    ys: list[float] = []
    has_bars = False
    for series, (sx, sy) in zip(plot.series, prepared):
        if series.kind in ("bar", "histogram"):
            has_bars = True
            if not any(isinstance(x, str) for x in sx):
                spacing = (max(sx) - min(sx)) / (len(sx) - 1) if len(sx) > 1 else 1.0
                xs.extend([min(sx) - spacing / 2, max(sx) + spacing / 2] if sx else [])
            else:
                xs.extend([0.5, len(sx) + 0.5])
            ys.extend(value for value in sy if math.isfinite(value))
        elif series.kind == "hline":
            ys.extend(sy)
        elif series.kind == "vline":
            xs.extend(sx)
        else:
            xs.extend(sx)
            ys.extend(sy)
    if plot.xlim is not None:
        xlim = (float(plot.xlim[0]), float(plot.xlim[1]))
    else:
        xlim = plot_axes.widen(plot_axes.span(xs) or (0.0, 1.0))
    if plot.ylim is not None:
        low, high = float(plot.ylim[0]), float(plot.ylim[1])
        ylim = (math.log10(low), math.log10(high)) if log and low > 0 else (low, high)
    else:
        extent = plot_axes.span(ys) or (0.0, 1.0)
        if has_bars and not log:
            extent = (min(extent[0], 0.0), max(extent[1], 0.0))
        ylim = plot_axes.widen(extent, 0.05)
        if has_bars and not log and extent[0] >= 0:
            ylim = (0.0, ylim[1])
    return xlim, ylim
