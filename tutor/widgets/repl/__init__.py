"""The REPL pane: the dock that opens it beside or below the lesson, the pane (transcript, input, plot), and their parts.

The pane is the view; `tutor.repl` runs the cells.

The names below load their module on first use (as `textual.widgets` does), so importing
the package costs nothing before a screen needs one of them.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "ReplCompletions": "_input",
    "ReplDock": "_dock",
    "ReplInput": "_input",
    "ReplLog": "_log",
    "ReplPane": "_pane",
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
