"""Figures and explorables in a lesson section: the plot widget and the drawing behind it, the matrix stepper, the greyscale shades.

The plot widget draws a plot description (`tutor.lesson.plots`); the drawing itself (`_plot_draw`, `_plot_build`, `_plot_data`, `_plot_axes`) has no Textual import.

The names below load their module on first use (as `textual.widgets` does), so importing
the package costs nothing before a screen needs one of them.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "ExplorableBlock": "_explorable",
    "FigureBlock": "_figure_block",
    "FigureView": "_figure_view",
    "MatrixStepView": "_matrix_steps",
    "PlotView": "_plot_view",
    "ShadesView": "_shades",
}
"""Each public name, and the private module that defines it."""

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    try:
        module = _WHERE[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
