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

import math
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import RenderResult
from textual.strip import Strip
from textual_plotext import PlotextPlot
from textual_plotext.plot import Plot as PlotextFigure

from tutor.lesson.plots import Panels, Plot, Series
from tutor.widgets import plot_axes
from tutor.widgets.palette import palette
from tutor.widgets.plot_cells import matrix_strips

WIDE = 120
"""Terminal columns from which the panels of a `Panels` are drawn side by side."""

LINE_MARKERS = ("hd", "braille", "•", "+")
"""Line markers in the order series take them: the first line (the subject) gets the heaviest."""
SCATTER_MARKERS = ("•", "x", "+", "o")
BAR_LEGEND = "█"

MARK_WEIGHT = {"sd": 4, "█": 4, "●": 3, "hd": 3, "fhd": 3, "•": 2, "+": 2, "x": 2, "o": 2, "braille": 1, "dot": 1}
"""How heavy a marker looks, for telling a figure's subject from its helpers (tests use it)."""


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
        """Write the description as plain text with plotext's own export, every panel included."""
        description = self._description
        if description is None:
            raise ValueError("nothing is shown yet")
        width = width or max(self.size.width, 60)
        height = height or max(self.size.height, 16)
        figure = PlotextFigure()
        message, frames = self._populate(figure, description, width, height, side_by_side=True, panel=0)
        path.parent.mkdir(parents=True, exist_ok=True)
        if message is not None:
            path.write_text(message + "\n", encoding="utf-8")
            return
        figure.theme("clear")
        build(figure, frames)
        path.write_text(matrix_text(figure.monitor.matrix) + "\n", encoding="utf-8")

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
            self._message, frames = self._populate(
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
                self.plt.theme(self._get_plotext_theme_name(self.app.theme))
                build(self.plt, frames)
                self.frames = [frame for _, frame in frames]
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
    ) -> tuple[str | None, list[tuple[Any, Frame]]]:
        """Put `description` on the plotext `figure`: (a message to show instead, or None; the axes drawn)."""
        figure.plotsize(width, height)
        figure._set_size(width, height)
        if isinstance(description, Plot):
            if description.message is not None:
                return description.message, []
            return None, [(figure, draw_axes(figure, description, width, height, colours, single=True))]
        plots = description.plots
        if not side_by_side:
            plot = plots[panel % len(plots)]
            if plot.message is not None:
                return plot.message, []
            return None, [(figure, draw_axes(figure, plot, width, height, colours, single=True))]
        figure.subplots(1, len(plots))
        figure._set_sizes()  # so each subplot knows its size before its axes are laid out
        frames = []
        for index, plot in enumerate(plots, start=1):
            axes = figure.subplot(1, index)
            if plot.message is not None:
                axes.title(plot.message)
                continue
            axes_width, axes_height = axes._width or width // len(plots), axes._height or height
            frames.append((axes, draw_axes(axes, plot, axes_width, axes_height, colours)))
        figure.main()
        return None, frames


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


class Frame:
    """Where one axes' canvas is, its grid axes, and what is drawn after plotext (bars, labels).

    Rows count from the bottom, as in plotext's matrix.
    """

    def __init__(self, x: plot_axes.GridAxis, y: plot_axes.GridAxis, left: int, bottom: int, title: str, ylabel: str):
        self.x, self.y = x, y
        self.left, self.bottom = left, bottom
        self.title, self.ylabel = title, ylabel
        self.bars: list[tuple[list[float], list[float], float, Any]] = []
        self.legend: tuple[int, int] = (0, 0)
        """(rows, columns) at the top left of the canvas that plotext's legend takes."""
        self.outside: str | None = None
        """Where the legend is when it is out of the data: "right" of the axes, "below" them, or None."""
        self.full: tuple[int, int] = (0, 0)
        """The size of the whole drawing, legend included (the axes may take less)."""
        self.entries: list[tuple[str, str, Any]] = []
        """The legend beside the axes: (sample, label, colour), one a row from the canvas top."""
        self.below: list[list[tuple[str, str, Any]]] = []
        """The legend under the axes, line by line."""

    @property
    def columns(self) -> int:
        return self.x.cells

    @property
    def rows(self) -> int:
        return self.y.cells


def canvas_size(width: int, height: int, plot: Plot, y_label_width: int) -> tuple[int, int]:
    """The cells plotext leaves for data in a `width` x `height` axes: (columns, rows).

    The frame takes a column each side and a row above and below; the y tick labels take
    `y_label_width` columns, the x tick labels a row, the x label a row, and the row above
    the frame holds the title and the y label.
    """
    columns = width - 2 - y_label_width
    rows = height - 2 - 1 - (1 if plot.xlabel else 0) - (1 if plot.title or plot.ylabel else 0)
    return max(columns, 2), max(rows, 2)


LEGEND_SAMPLES = {"hd": "▀▄", "fhd": "▀▄", "sd": "██", "braille": "⠤⠤", "dot": "··"}
"""What an outside legend shows for a line drawn with each of plotext's named markers."""

LEGEND_GAP = 3
"""Columns between two entries of a legend line, and between the axes and a legend beside them."""


def legend_sample(kind: str, marker: str) -> str:
    """The mark an outside legend puts before a series' label: two cells for a line, one for a point."""
    if marker in LEGEND_SAMPLES:
        return LEGEND_SAMPLES[marker]
    if kind in ("bar", "histogram"):
        return BAR_LEGEND
    return marker if kind == "scatter" else marker * 2


def legend_lines(entries: list[tuple[str, str, Any]], width: int) -> list[list[tuple[str, str, Any]]]:
    """The entries of a legend packed into lines at most `width` cells wide, in order."""
    lines: list[list[tuple[str, str, Any]]] = [[]]
    used = 0
    for entry in entries:
        size = len(entry[0]) + 1 + len(entry[1])
        if lines[-1] and used + LEGEND_GAP + size > width:
            lines.append([])
            used = 0
        used += size + (LEGEND_GAP if lines[-1] else 0)
        lines[-1].append(entry)
    return lines if lines[-1] else []


def _marker_of(series: Series, lines: int, scatters: int) -> str:
    if series.kind == "line":
        return series.marker or LINE_MARKERS[lines % len(LINE_MARKERS)]
    if series.kind == "scatter":
        return series.marker or SCATTER_MARKERS[scatters % len(SCATTER_MARKERS)]
    if series.kind in ("hline", "vline"):
        return series.marker or "hd"
    return BAR_LEGEND


def _legend_entries(plot: Plot, colours: dict[str, tuple[int, int, int]] | None) -> list[tuple[str, str, Any]]:
    """(sample, label, colour) of every labelled series, with the markers `draw_axes` gives them."""
    entries = []
    lines = scatters = 0
    for series in plot.series:
        marker = _marker_of(series, lines, scatters)
        lines += series.kind == "line"
        scatters += series.kind == "scatter"
        if series.label:
            colour = colours.get(series.style, colours.get("primary")) if colours else None
            entries.append((legend_sample(series.kind, marker), series.label, colour))
    return entries


def draw_axes(
    axes: Any,
    plot: Plot,
    width: int,
    height: int,
    colours: dict[str, tuple[int, int, int]] | None,
    single: bool = False,
) -> Frame:
    """Draw one `Plot` on a plotext figure or subplot `width` x `height` cells in size.

    The limits are widened so every tick sits on the cell that holds its value, the ticks
    evenly spaced (see `plot_axes.grid_axis`); bars are drawn afterwards by `finish`.
    When the axes are the whole figure (`single`) and the legend goes outside the data
    (`Plot.legend`), it is drawn beside the axes (equal-scale geometry, which rarely needs
    the whole width) or on lines under them, and the axes take the rest of the room.
    """
    log = plot.yscale == "log"
    prepared = [_prepared(series, log) for series in plot.series]
    xlim, ylim = _limits(plot, prepared, log)
    entries = _legend_entries(plot, colours)
    outside = None
    if single and entries:
        _, rows = canvas_size(width, height, plot, 0)
        if plot.legend == "outside" or (
            plot.legend == "auto" and plot.ylim is not None and _legend_covers(plot, prepared, xlim, ylim, max(width - 8, 4), rows)
        ):
            outside = "right" if plot.equal_aspect else "below"
    plot_width, plot_height = width, height
    below: list = []
    if outside == "below":
        below = legend_lines(entries, width - 2)
        plot_height = height - len(below)
    x_axis, y_axis, categorical, bars_from_zero = _grid(plot, prepared, xlim, ylim, plot_width, plot_height, log, clear=outside is None)
    if outside == "right":
        tight = plot_axes.tight_axis(x_axis, xlim)
        y_width = max(map(len, y_axis.labels), default=0)
        needed = tight.cells + 2 + y_width
        room = width - needed - LEGEND_GAP
        if room >= max(len(sample) + 1 + len(label) for sample, label, _ in entries):
            x_axis, plot_width = tight, needed
        else:
            outside = "below"
            below = legend_lines(entries, width - 2)
            plot_height = height - len(below)
            x_axis, y_axis, categorical, bars_from_zero = _grid(plot, prepared, xlim, ylim, plot_width, plot_height, log, clear=False)
    if (plot_width, plot_height) != (width, height):
        axes.plotsize(plot_width, plot_height)
        axes._set_size(plot_width, plot_height)
    y_width = max(map(len, y_axis.labels), default=0)
    frame = Frame(x_axis, y_axis, y_width + 1, 2 + (1 if plot.xlabel else 0), plot.title, plot.ylabel)
    frame.outside, frame.full = outside, (width, height)
    frame.entries = entries if outside == "right" else []
    frame.below = below
    xlim, ylim = x_axis.limits, y_axis.limits

    lines = scatters = 0
    names: list[str] = []
    for series, (xs, ys) in zip(plot.series, prepared):
        colour = colours.get(series.style, colours.get("primary")) if colours else None
        label = (series.label or None) if outside is None else None
        marker = _marker_of(series, lines, scatters)
        if series.kind in ("line", "scatter"):
            if not xs:
                continue
            if series.kind == "line":
                lines += 1
                axes.plot(xs, ys, marker=marker, color=colour, label=label)
            else:
                scatters += 1
                axes.scatter(xs, ys, marker=marker, color=colour, label=label)
        elif series.kind in ("bar", "histogram"):
            if not xs:
                continue
            positions = list(range(1, len(xs) + 1)) if categorical else xs
            share = 1.0 if series.kind == "histogram" else (series.width if series.width is not None else 0.7)
            frame.bars.append((positions, ys, share, colour))
            if label:  # a point where the legend goes (it draws over it) gives the bars their line in the legend
                axes.scatter([xlim[0]], [ylim[1]], marker=BAR_LEGEND, color=colour, label=label)
        elif series.kind == "hline":
            for value in ys[:1]:
                if series.label:  # a labelled line is drawn with its marker, so the legend's sample matches it
                    axes.plot([xlim[0], xlim[1]], [value, value], marker=marker, color=colour, label=label)
                else:
                    axes.hline(value, color=colour)
        elif series.kind == "vline":
            for value in xs[:1]:
                if series.label:
                    axes.plot([value, value], [ylim[0], ylim[1]], marker=marker, color=colour, label=label)
                else:
                    axes.vline(value, color=colour)
        if label:
            names.append(label)
    # a point outside the axes: plotext draws the axes' ticks only when something is plotted on them
    axes.scatter([xlim[1] + (xlim[1] - xlim[0])], [ylim[1]], marker=" ")
    if names:
        frame.legend = (len(names), max(map(len, names)) + 8)
    axes.xlim(*xlim)
    axes.ylim(*ylim)
    if categorical:
        labels = next(xs for s, (xs, _) in zip(plot.series, prepared) if s.kind == "bar")
        axes.xticks(list(range(1, len(labels) + 1)), [str(text) for text in labels])
    else:
        axes.xticks(x_axis.ticks, x_axis.labels)
    axes.yticks(y_axis.ticks, y_axis.labels)
    if plot.title or plot.ylabel:
        axes.title("·")  # keeps the row above the frame; `finish` writes the title and the y label there
    if plot.xlabel:
        axes.xlabel(plot.xlabel)
    return frame


def _grid(
    plot: Plot,
    prepared: list[tuple[list, list[float]]],
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    width: int,
    height: int,
    log: bool,
    clear: bool,
) -> tuple[plot_axes.GridAxis, plot_axes.GridAxis, bool, bool]:
    """(x axis, y axis, categorical x, bars from zero) for `plot` drawn `width` x `height`."""
    _, rows = canvas_size(width, height, plot, 0)
    if plot.ylim is None and clear:
        ylim = _clear_legend(plot, prepared, xlim, ylim, max(width - 8, 4), rows)
    categorical = any(isinstance(x, str) for s, (xs, _) in zip(plot.series, prepared) if s.kind == "bar" for x in xs)
    data_low = min((y for s, (_, ys) in zip(plot.series, prepared) if s.kind != "vline" for y in ys), default=0.0)
    bars_from_zero = not log and ylim[0] >= 0 and (
        any(s.kind in ("bar", "histogram") for s in plot.series) or (plot.ylim is None and data_low == 0)
    )
    if bars_from_zero and plot.ylim is None:
        ylim = (0.0, ylim[1])
    if plot.equal_aspect and not categorical:
        y_guess = plot_axes.labelled_ticks(*ylim, 3)[1]
        columns, _ = canvas_size(width, height, plot, max(map(len, y_guess), default=1))
        x_axis, y_axis = plot_axes.equal_grid(xlim, ylim, columns, rows)
        y_width = max(map(len, y_axis.labels), default=0)
        if canvas_size(width, height, plot, y_width)[0] != columns:  # the labels came out wider or narrower
            columns, _ = canvas_size(width, height, plot, y_width)
            x_axis, y_axis = plot_axes.equal_grid(xlim, ylim, columns, rows)
        return x_axis, y_axis, categorical, bars_from_zero
    y_count = max(3, rows // 4)
    if log:
        y_axis = plot_axes.grid_axis(
            *ylim, rows, y_count, label=lambda tick, step: plot_axes._power_label(tick), steps=[1.0, 2.0, 3.0, 5.0, 10.0]
        )
        if len(y_axis.ticks) < 2:
            y_axis = plot_axes.grid_axis(*ylim, rows, y_count, label=lambda tick, step: plot_axes._power_label(tick))
    else:
        y_axis = plot_axes.grid_axis(*ylim, rows, y_count, keep_low=bars_from_zero)
    y_width = max(map(len, y_axis.labels), default=0)
    columns, _ = canvas_size(width, height, plot, y_width)
    if categorical:
        count = max(len(xs) for s, (xs, _) in zip(plot.series, prepared) if s.kind == "bar")
        x_axis = plot_axes.grid_axis(0.5, count + 0.5, columns, count, min_gap=1, steps=[1.0])
    else:
        x_axis = plot_axes.grid_axis(*xlim, columns, max(3, columns // 8), across=True, unit=_bar_spacing(plot, prepared))
    return x_axis, y_axis, categorical, bars_from_zero


def _bar_spacing(plot: Plot, prepared: list[tuple[list, list[float]]]) -> float | None:
    """The spacing of separate bars (one per value of a discrete variable), or None when there are none."""
    spacings = []
    for series, (xs, _) in zip(plot.series, prepared):
        if series.kind == "bar" and (series.width is None or series.width < 1) and len(xs) > 1:
            ordered = sorted(xs)
            spacings.append(min(b - a for a, b in zip(ordered, ordered[1:])))
    return min(spacings) if spacings else None


def finish(monitor: Any, frame: Frame) -> None:
    """After plotext has built `monitor`'s matrix: the bars, then the title and the y label above the frame."""
    matrix = monitor.matrix
    for positions, values, share, colour in frame.bars:
        _draw_bars(matrix, frame, positions, values, share, colour)
    if frame.title or frame.ylabel:
        row = matrix.rows - 1
        colour, style = monitor.ticks_color, monitor.ticks_style
        for column in range(matrix.cols):
            matrix.insert_element(column, row, " ")
        ylabel = frame.ylabel[: matrix.cols]
        matrix.add_horizontal_string(0, row, ylabel, colour, style)
        title = frame.title
        if title:
            start = frame.left + frame.columns // 2 - len(title) // 2
            start = max(start, len(ylabel) + 2 if ylabel else 0)
            start = min(start, max(matrix.cols - len(title), len(ylabel) + 2 if ylabel else 0))
            matrix.add_horizontal_string(start, row, title[: max(matrix.cols - start, 0)], colour, "bold")


EIGHTHS = " ▁▂▃▄▅▆▇█"


def bar_cells(frame: Frame, positions: list[float], values: list[float], share: float) -> dict[tuple[int, int], str]:
    """The canvas cells (column, row from the bottom of the canvas) of bars, and their characters.

    A bar narrower than the spacing between bars leaves at least one column between it and
    the next, or, when bars are under two columns apart, takes the left half of its column
    (so neighbours never touch); bars of `share` 1 (a histogram) touch. Heights are drawn
    to an eighth of a row.
    """
    x, y = frame.x, frame.y
    if not positions:
        return {}
    to_column = lambda value: (x.cells - 1) * (value - x.low) / (x.high - x.low)  # noqa: E731
    to_row = lambda value: (y.cells - 1) * (value - y.low) / (y.high - y.low)  # noqa: E731
    centres = [to_column(position) for position in positions]
    ordered = sorted(centres)
    spacing = min((b - a for a, b in zip(ordered, ordered[1:]) if b - a > 1e-9), default=float(x.cells))
    half = False
    if share >= 1:
        spans = [(math.ceil(centre - spacing / 2 - 1e-9), math.ceil(centre + spacing / 2 - 1e-9)) for centre in centres]
    elif spacing >= 2:
        width = max(1, min(round(spacing * share), math.floor(spacing + 1e-9) - 1))
        spans = [(round(centre) - (width - 1) // 2, round(centre) - (width - 1) // 2 + width) for centre in centres]
    else:
        half = spacing >= 1
        spans = [(round(centre), round(centre) + 1) for centre in centres]
    base = min(max(0.0, y.low), y.high)
    base_row = round(to_row(base))
    cells: dict[tuple[int, int], str] = {}
    for (first, last), value in zip(spans, values):
        if not math.isfinite(value) or value == base:
            continue
        top = to_row(value)
        for column in range(max(first, 0), min(last, x.cells)):
            if value > base:
                top_row = min(math.ceil(top + 0.5), y.cells)
                for row in range(max(base_row, 0), top_row):
                    filled = min(max(top - (row - 0.5), 0.0), 1.0)
                    if row == base_row:
                        filled = max(filled, 1 / 8)
                    if half:
                        text = "▌" if filled >= 0.75 else "▖" if filled >= 0.25 else ""
                    else:
                        text = EIGHTHS[max(1, round(filled * 8))] if filled > 0 else ""
                    if text:
                        cells[(column, row)] = text
            else:
                for row in range(max(math.floor(top + 0.5), 0), min(base_row + 1, y.cells)):
                    filled = min(max((row + 0.5) - top, 0.0), 1.0)
                    if half:
                        text = "▌" if filled >= 0.75 else "▘" if filled >= 0.25 else ""
                    else:
                        text = "█" if filled >= 0.75 else "▀" if filled >= 0.25 else "▔"
                    if text:
                        cells[(column, row)] = text
    return cells


def _draw_bars(matrix: Any, frame: Frame, positions: list[float], values: list[float], share: float, colour: Any) -> None:
    """Bars into the blank cells of the canvas: lines drawn over them stay on top, and the legend stays clear."""
    legend_rows, legend_columns = frame.legend
    for (column, row), text in bar_cells(frame, positions, values, share).items():
        if row >= frame.rows - legend_rows and column < legend_columns:
            continue
        col, r = frame.left + column, frame.bottom + row
        if matrix.legal(col, r) and matrix.marker[r][col] == " ":
            matrix.insert_element(col, r, text, colour if colour is not None else "default")


def build(figure: Any, frames: list[tuple[Any, Frame]]) -> None:
    """Build `figure`'s matrix as plotext does, finishing each axes (bars, labels) before the subplots are joined."""
    figure._set_sizes()
    finished = {id(axes): frame for axes, frame in frames}
    if figure._no_plots:
        figure.monitor.build_plot()
        if id(figure) in finished:
            finish(figure.monitor, finished[id(figure)])
            attach_legend(figure.monitor, finished[id(figure)])
        return
    from plotext._matrix import join_matrices

    grid = []
    for row in figure._Rows:
        line = []
        for col in figure._Cols:
            axes = figure._get_subplot(row, col)
            axes._build_matrix()
            if id(axes) in finished:
                finish(axes.monitor, finished[id(axes)])
            line.append(axes.monitor.matrix)
        grid.append(line)
    figure.monitor.matrix = join_matrices(grid)


def _blank(cols: int, rows: int, like: Any) -> Any:
    """An empty plotext matrix with the background of `like`'s axes."""
    from plotext._matrix import matrix_class

    matrix = matrix_class()
    matrix.set_size(max(cols, 0), rows)
    matrix.set_matrices()
    background = like.background[0][0] if like.rows and like.cols else None
    if background is not None:
        matrix.background = [[background] * matrix.cols for _ in range(rows)]
    return matrix


def attach_legend(monitor: Any, frame: Frame) -> None:
    """Put a legend that is out of the data beside or under the axes, so the drawing fills `frame.full`."""
    if frame.outside is None:
        return
    from plotext._matrix import join_matrices

    matrix = monitor.matrix
    colour, style = monitor.ticks_color, monitor.ticks_style
    width = frame.full[0]

    def write(target: Any, column: int, row: int, entry: tuple[str, str, Any]) -> int:
        sample, label, tint = entry
        target.add_horizontal_string(column, row, sample, tint if tint is not None else colour, "bold")
        target.add_horizontal_string(column + len(sample) + 1, row, label, colour, style)
        return column + len(sample) + 1 + len(label)

    if frame.outside == "right":
        side = _blank(width - matrix.cols, matrix.rows, matrix)
        top = frame.bottom + frame.rows - 1
        for index, entry in enumerate(frame.entries):
            if top - index >= 0:
                write(side, LEGEND_GAP - 1, top - index, entry)
        monitor.matrix = join_matrices([[matrix, side]])
        return
    under = _blank(matrix.cols, len(frame.below), matrix)
    for index, line in enumerate(frame.below):
        column = frame.left
        for entry in line:
            column = write(under, column, len(frame.below) - 1 - index, entry) + LEGEND_GAP
    monitor.matrix = join_matrices([[matrix], [under]])
    frame.bottom += len(frame.below)


def matrix_text(matrix: Any) -> str:
    """A built matrix as plain text, top row first."""
    return "\n".join("".join(matrix.marker[row]).rstrip() for row in reversed(range(matrix.rows)))


def _legend_covers(
    plot: Plot,
    prepared: list[tuple[list, list[float]]],
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    columns: int,
    rows: int,
) -> bool:
    """Whether data lies where plotext draws the legend (the top left of the canvas)."""
    labels = [series.label for series in plot.series if series.label]
    if not labels:
        return False
    x_span, y_span = xlim[1] - xlim[0], ylim[1] - ylim[0]
    right = xlim[0] + x_span * (max(len(label) for label in labels) + 5) / columns
    bottom = ylim[1] - y_span * (len(labels) + 0.5) / rows
    for series, (xs, ys) in zip(plot.series, prepared):
        if series.kind in ("hline", "vline") or any(isinstance(x, str) for x in xs):
            continue
        if any(xlim[0] <= x <= right and bottom <= y <= ylim[1] for x, y in zip(xs, ys)):
            return True
    return False


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
