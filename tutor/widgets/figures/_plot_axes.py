"""Axis arithmetic for the plot widget: limits, round-numbered ticks, equal scales.

plotext picks its own ticks from the data's extremes, which gives labels
such as 6.48 and -1.03 and can put the zero line between two labelled rows.
These functions choose limits and ticks a reader expects (-6, -3, 0, 3, 6)
and keep only the points that can be drawn. Plain Python, no numpy, no
textual: the tests call them directly.
"""

from __future__ import annotations

import math
from typing import Any, Iterable, Sequence

STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)


def as_floats(values: Any) -> list[float]:
    """`values` (a list, tuple or numpy array) as Python floats; non-numbers become nan."""
    if hasattr(values, "tolist"):
        values = values.tolist()
    result = []
    for value in values:
        try:
            result.append(float(value))
        except (TypeError, ValueError):
            result.append(math.nan)
    return result


def finite_pairs(xs: Sequence[float], ys: Sequence[float]) -> tuple[list[float], list[float]]:
    """The (x, y) points where both coordinates are finite numbers."""
    kept_x, kept_y = [], []
    for x, y in zip(xs, ys):
        if math.isfinite(x) and math.isfinite(y):
            kept_x.append(x)
            kept_y.append(y)
    return kept_x, kept_y


def span(values: Iterable[float]) -> tuple[float, float] | None:
    """The smallest and largest finite value, or None when there is none."""
    finite = [value for value in values if math.isfinite(value)]
    if not finite:
        return None
    return min(finite), max(finite)


def widen(limits: tuple[float, float], margin: float = 0.0) -> tuple[float, float]:
    """Limits with a margin (a share of their width); a single value gets a unit range."""
    low, high = limits
    if high - low <= 1e-12 * max(1.0, abs(low), abs(high)):
        pad = max(abs(low) * 0.1, 1.0)
        return low - pad, high + pad
    pad = (high - low) * margin
    return low - pad, high + pad


def nice_step(width: float, count: int) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about `count` ticks over `width`."""
    raw = width / max(count, 1)
    if not raw > 0 or not math.isfinite(raw):
        return 1.0
    power = 10.0 ** math.floor(math.log10(raw))
    for multiple in STEPS:
        if multiple * power >= raw * 0.999:
            return multiple * power
    return 10.0 * power


def nice_ticks(low: float, high: float, count: int) -> list[float]:
    """Round-numbered ticks inside [low, high], about `count` of them (at least two when possible)."""
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        return []
    wanted = max(2, count)
    step = nice_step(high - low, wanted)
    ticks = _multiples(low, high, step)
    while len(ticks) < wanted:  # a round step can leave too few inside: take the next smaller one
        step = max(_smaller_steps(step), default=step / 2)
        ticks = _multiples(low, high, step)
    return ticks


def _smaller_steps(step: float) -> list[float]:
    """The round steps just below `step`."""
    power = 10.0 ** math.floor(math.log10(step) + 1e-9)
    candidates = [multiple * power for multiple in STEPS] + [multiple * power / 10 for multiple in STEPS]
    return [candidate for candidate in candidates if candidate < step * 0.999]


def _multiples(low: float, high: float, step: float) -> list[float]:
    first = math.ceil(low / step - 1e-9)
    last = math.floor(high / step + 1e-9)
    ticks = [index * step for index in range(first, last + 1)]
    return [0.0 if abs(tick) < step * 1e-9 else tick for tick in ticks]


def tick_label(value: float, step: float) -> str:
    """`value` written with as many decimals as the tick step needs, and no more."""
    if value == 0:
        return "0"
    magnitude = max(abs(value), step)
    if magnitude >= 1e5 or magnitude < 1e-3:
        return f"{value:.0e}".replace("e+0", "e").replace("e-0", "e-").replace("e+", "e")
    decimals = 0
    while decimals < 6 and abs(round(step, decimals) - step) > step * 1e-6:
        decimals += 1
    return f"{value:.{decimals}f}"


def labelled_ticks(low: float, high: float, count: int) -> tuple[list[float], list[str]]:
    """Ticks inside [low, high] and their labels."""
    ticks = nice_ticks(low, high, count)
    if len(ticks) < 2:
        return ticks, [tick_label(tick, abs(high - low) or 1.0) for tick in ticks]
    step = ticks[1] - ticks[0]
    return ticks, [tick_label(tick, step) for tick in ticks]


def log_ticks(low: float, high: float, count: int) -> tuple[list[float], list[str]]:
    """Ticks for an axis already in log₁₀ units, labelled with the values they stand for."""
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        return [], []
    step = max(1, math.ceil((high - low) / max(count, 1)))
    ticks = [float(power) for power in range(math.ceil(low), math.floor(high) + 1, step)]
    if len(ticks) < 2:
        ticks, _ = labelled_ticks(low, high, count)
    return ticks, [_power_label(tick) for tick in ticks]


def _power_label(exponent: float) -> str:
    value = 10.0**exponent
    if 1 <= value < 1e5:
        return str(int(round(value)))
    if 1e-3 <= value < 1:
        return f"{value:.3g}"
    return f"{value:.0e}".replace("e+0", "e").replace("e-0", "e-").replace("e+", "e")


def equal_scale(
    xlim: tuple[float, float], ylim: tuple[float, float], columns: int, rows: int, cell_ratio: float = 2.0
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Limits widened on one axis so a unit is as long across as up, on cells `cell_ratio` times taller than wide."""
    x_width = xlim[1] - xlim[0]
    y_width = ylim[1] - ylim[0]
    if columns <= 0 or rows <= 0 or x_width <= 0 or y_width <= 0:
        return xlim, ylim
    # One x unit spans columns / x_width cells across; one y unit spans rows / y_width cells up,
    # and each cell is cell_ratio times as tall as it is wide.
    x_per_unit = columns / x_width
    y_per_unit = rows * cell_ratio / y_width
    if x_per_unit > y_per_unit:
        centre, half = sum(xlim) / 2, columns / y_per_unit / 2
        return (centre - half, centre + half), ylim
    centre, half = sum(ylim) / 2, rows * cell_ratio / x_per_unit / 2
    return xlim, (centre - half, centre + half)


# -- axes on the character grid ------------------------------------------------------
#
# plotext puts a value v of an axis from `low` to `high` with `cells` cells in the cell
# floor(0.5 + (cells - 1) * (v - low) / (high - low)): `low` is the centre of the first
# cell, `high` the centre of the last, and one cell is (high - low) / (cells - 1) wide.
# A tick is on the cell that holds its value, and ticks are evenly spaced, only when the
# tick step is a whole number of cells and `low` is a whole number of cells from a tick.
# The functions below choose limits so that both hold.


def cell_of(value: float, low: float, high: float, cells: int) -> int:
    """The cell (0 = first) that plotext draws `value` in, on an axis of `cells` cells."""
    return math.floor(round(0.5 + (cells - 1) * (value - low) / (high - low), 8))


class GridAxis:
    """Limits, ticks and labels of one axis whose ticks sit on whole cells, evenly spaced."""

    __slots__ = ("low", "high", "ticks", "labels", "cells", "pitch")

    def __init__(self, low: float, high: float, ticks: list[float], labels: list[str], cells: int, pitch: float):
        self.low, self.high, self.ticks, self.labels, self.cells, self.pitch = low, high, ticks, labels, cells, pitch

    @property
    def limits(self) -> tuple[float, float]:
        return self.low, self.high

    @property
    def tick_cells(self) -> list[int]:
        return [cell_of(tick, self.low, self.high, self.cells) for tick in self.ticks]

    def __repr__(self) -> str:  # pragma: no cover - for debugging
        return f"GridAxis({self.low:g}..{self.high:g}, ticks={self.labels}, cells={self.cells})"


def _round_steps(width: float) -> list[float]:
    """Round steps (1, 2, 2.5, 5 times a power of ten) from about width/200 to width."""
    if not width > 0 or not math.isfinite(width):
        return [1.0]
    top = math.floor(math.log10(width)) + 1
    return [multiple * 10.0**power for power in range(top - 3, top + 1) for multiple in STEPS[:-1]]


def _whole(value: float) -> bool:
    return value >= 1 - 1e-9 and abs(value - round(value)) < 1e-6


def _is_quarter(step: float) -> bool:
    """Whether `step` is 2.5 times a power of ten (its ticks read less easily than 1, 2 or 5)."""
    mantissa = step / 10.0 ** math.floor(math.log10(step) + 1e-9)
    return abs(mantissa - 2.5) < 1e-6


def grid_axis(
    low: float,
    high: float,
    cells: int,
    count: int,
    *,
    min_gap: int = 2,
    label=None,
    steps: list[float] | None = None,
    keep_low: bool = False,
    across: bool = False,
    unit: float | None = None,
) -> GridAxis:
    """An axis covering [low, high] in `cells` cells, with about `count` round ticks on whole cells.

    Ticks are at least `min_gap` cells apart (and, with `label`, a function giving a tick's
    text, at least one cell more than the widest label). `keep_low` starts the axis at `low`
    when `low` is itself on the grid (a bar chart's zero), instead of centring the slack.
    `across`: the labels stand side by side (an x axis), so they need room between ticks.
    `unit`: when given (the spacing of bars, say), it spans a whole number of cells too, so
    equally spaced values are drawn equally spaced; if no such axis fits, it is ignored.
    """
    options = dict(min_gap=min_gap, label=label or tick_label, steps=steps, keep_low=keep_low, across=across)
    if unit is not None and unit > 0:
        axis = _grid_axis(low, high, max(int(cells), 2), count, whole_unit=unit, **options)
        if axis is not None:
            return axis
    axis = _grid_axis(low, high, max(int(cells), 2), count, whole_unit=None, **options)
    if axis is None:  # too few cells for two ticks: the limits as asked, one tick in the middle
        cells = max(int(cells), 2)
        pitch = (high - low) / (cells - 1)
        middle = low + (cells - 1) // 2 * pitch
        return GridAxis(low, high, [middle], [options["label"](middle, high - low)], cells, pitch)
    return axis


def _grid_axis(low, high, cells, count, *, min_gap, label, steps, keep_low, across, whole_unit) -> GridAxis | None:
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        low, high = widen((low if math.isfinite(low) else 0.0,) * 2)
    width = high - low
    best = None
    for step in steps or _round_steps(width):
        # the most cells per tick that still fits [low, high] on the axis
        per_tick = math.floor(step * (cells - 1) / width + 1e-9)
        while per_tick >= 1:
            pitch = step / per_tick
            start = math.floor(low / pitch + 1e-9)
            fits = (start + cells - 1) * pitch >= high - 1e-9 * max(1.0, abs(high))
            if fits and (whole_unit is None or _whole(whole_unit / pitch)):
                break
            per_tick -= 1
        if per_tick < 1:
            continue
        first = math.ceil(start / per_tick - 1e-9) * per_tick
        ticks = [index * pitch for index in range(first, start + cells, per_tick)]
        if len(ticks) < 2:
            continue
        labels = [label(tick, step) for tick in ticks]
        gap = max(min_gap, max(len(text) for text in labels) + 1) if across else min_gap
        if per_tick < gap:
            continue
        waste = (cells - 1) * pitch / width - 1
        score = (
            waste
            + 0.5 * abs(len(ticks) - count) / max(count, 1)
            + (0.3 if len(ticks) < 3 else 0.0)
            + (0.15 if _is_quarter(step) else 0.0)
        )
        if best is None or score < best[0] - 1e-12:
            best = (score, step, per_tick, pitch, start)
    if best is None:
        return None
    _, step, per_tick, pitch, start = best
    used = math.ceil(round((high - start * pitch) / pitch, 6))
    slack = cells - 1 - used
    shift = slack // 2
    if keep_low and abs(start * pitch - low) < pitch * 1e-6:
        shift = 0
    start -= shift
    first = math.ceil(start / per_tick - 1e-9) * per_tick
    ticks = [_clean(index * pitch, pitch) for index in range(first, start + cells, per_tick)]
    return GridAxis(
        start * pitch, (start + cells - 1) * pitch, ticks, [label(tick, step) for tick in ticks], cells, pitch
    )


def _clean(value: float, pitch: float) -> float:
    """A tick value without float crumbs (0.30000000000000004 is 0.3)."""
    if abs(value) < pitch * 1e-9:
        return 0.0
    return float(f"{value:.12g}")


def equal_grid(
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    columns: int,
    rows: int,
    *,
    label_width: int = 5,
    cell_ratio: int = 2,
) -> tuple[GridAxis, GridAxis]:
    """x and y axes on which a unit is as long across as up, both with ticks on whole cells.

    A cell is `cell_ratio` times as tall as it is wide, so a unit that spans r rows spans
    `cell_ratio` * r columns; both axes use the same round step, so a tick across is as far
    from the next as a tick up. The limits cover `xlim` and `ylim`, centred on them.
    """
    columns, rows = max(int(columns), 2), max(int(rows), 2)
    x_width, y_width = xlim[1] - xlim[0], ylim[1] - ylim[0]
    # the most rows a unit may span so that both ranges fit
    most = min((rows - 1) / y_width, (columns - 1) / (cell_ratio * x_width))
    best = None
    for step in _round_steps(max(x_width, y_width)):
        rows_per_tick = math.floor(step * most + 1e-9)
        while rows_per_tick >= 1:
            unit = rows_per_tick / step  # rows per unit
            if _fits(xlim, columns, unit * cell_ratio) and _fits(ylim, rows, unit):
                break
            rows_per_tick -= 1
        if rows_per_tick < 1:
            continue
        y_ticks = (rows - 1) // rows_per_tick + 1
        labels = max(len(tick_label(value * step, step)) for value in range(-3, 4))
        if cell_ratio * rows_per_tick < labels + 1 or y_ticks < 3:
            continue
        unit = rows_per_tick / step
        score = -unit * (0.85 if _is_quarter(step) else 1.0) + 0.02 * unit * abs(y_ticks - max(3, rows // 4))
        if best is None or score < best[0]:
            best = (score, step, rows_per_tick)
    if best is None:
        x = grid_axis(*xlim, columns, max(3, columns // 9))
        y = grid_axis(*ylim, rows, max(3, rows // 3))
        return x, y
    _, step, rows_per_tick = best
    return (
        _centred_axis(xlim, columns, step, rows_per_tick * cell_ratio),
        _centred_axis(ylim, rows, step, rows_per_tick),
    )


def tight_axis(axis: GridAxis, limits: tuple[float, float]) -> GridAxis:
    """`axis`'s scale and ticks on just enough cells to cover `limits` (and two ticks): equal-scale
    geometry need not stretch its x axis over the whole width when something else can use the room."""
    if len(axis.ticks) < 2:
        return axis
    step = axis.ticks[1] - axis.ticks[0]
    per_tick = max(1, round(step / axis.pitch))
    cells = math.ceil((limits[1] - limits[0]) / axis.pitch - 1e-9) + 2  # a cell of margin for the rounding
    cells = max(cells, 2 * per_tick + 1)
    if cells >= axis.cells:
        return axis
    return _centred_axis(limits, cells, step, per_tick)


def _fits(limits: tuple[float, float], cells: int, per_unit: float) -> bool:
    """Whether `limits` fit on `cells` cells at `per_unit` cells a unit, on whole cells."""
    pitch = 1 / per_unit
    start = math.floor(limits[0] / pitch + 1e-9)
    return (start + cells - 1) * pitch >= limits[1] - 1e-9 * max(1.0, abs(limits[1]))


def _centred_axis(limits: tuple[float, float], cells: int, step: float, per_tick: int) -> GridAxis:
    pitch = step / per_tick
    centre = (limits[0] + limits[1]) / 2
    start = round(centre / pitch - (cells - 1) / 2)
    first = math.ceil(start / per_tick - 1e-9) * per_tick
    ticks = [_clean(index * pitch, pitch) for index in range(first, start + cells, per_tick)]
    return GridAxis(start * pitch, (start + cells - 1) * pitch, ticks, [tick_label(t, step) for t in ticks], cells, pitch)
