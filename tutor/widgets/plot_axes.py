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
