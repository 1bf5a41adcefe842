"""Figures and explorables in a lesson section: the plot widget and the drawing behind it, the matrix stepper, the greyscale shades.

The plot widget draws a plot description (`tutor.lesson.plots`); the drawing itself (`_plot_draw`, `_plot_build`, `_plot_data`, `_plot_axes`) has no Textual import.

Each name loads its module on first use (see `tutor.widgets._lazy`).
"""

from tutor.widgets._lazy import lazy_exports

_WHERE = {
    "ExplorableBlock": "_explorable",
    "FigureBlock": "_figure_block",
    "FigureView": "_figure_view",
    "MatrixStepView": "_matrix_steps",
    "PlotView": "_plot_view",
    "ShadesView": "_shades",
}

__all__, __getattr__ = lazy_exports(__name__, _WHERE)
