"""The REPL pane: the dock that opens it beside or below the lesson, the pane (transcript, input, plot), and their parts.

The pane is the view; `tutor.repl` runs the cells.

Each name loads its module on first use (see `tutor.widgets._lazy`).
"""

from tutor.widgets._lazy import lazy_exports

_WHERE = {
    "ReplCompletions": "_input",
    "ReplDock": "_dock",
    "ReplInput": "_input",
    "ReplLog": "_log",
    "ReplPane": "_pane",
}

__all__, __getattr__ = lazy_exports(__name__, _WHERE)
