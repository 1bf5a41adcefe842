"""An Input whose typing repaints the input instead of laying out the whole screen.

Textual's Input sets its virtual size (the width of its text) on every change, and a
widget's ``virtual_size`` is a reactive that asks for a layout when it changes: every key
typed into any Input lays out the whole screen again. On the lesson screen (some fifty
widgets, the REPL pane among them) that was a quarter of the time a typed key took.
The layout can only matter to an Input whose own size follows its text (``width: auto``),
and Input asks for that layout itself (``styles.auto_dimensions``); every other one
scrolls its text within the size it has. :class:`SteadyInput` keeps ``virtual_size`` a
reactive that repaints but does not lay out. `tests/widgets/test_adapters.py` checks
that this still holds after a Textual upgrade: no layout while typing, and the cursor
kept in view on a line longer than the input.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Input

__all__ = ["SteadyInput", "layout_reactive_ok"]


class SteadyInput(Input):
    """An Input whose typing lays nothing out (unless its width follows its text)."""

    virtual_size = Reactive(Size(0, 0), layout=False)


def layout_reactive_ok() -> bool:
    """Whether Textual still keeps ``virtual_size`` as the reactive this module replaces."""
    return isinstance(Widget.__dict__.get("virtual_size"), Reactive) and "virtual_size" not in Input.__dict__
