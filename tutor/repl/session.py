"""What the REPL keeps for the app's whole life: the kernel child, history, setup and transcript.

The app holds one :class:`ReplSession` (``TutorApp.repl``), so the learner's variables,
history and transcript outlive a lesson screen; the controller of each lesson screen's
REPL pane drives it. Creating a session starts nothing: the kernel child starts when a
pane first opens.
"""

from __future__ import annotations

import ast
from collections import deque
from typing import Any

from tutor.kernel.client import Kernel
from tutor.repl.history import History
from tutor.store import HISTORY_LIMIT, Store

TRANSCRIPT_PIECES = 2000
"""Pieces of transcript kept across lesson screens (a piece is an input, a value, a note
or up to a hundred lines of output); the pane itself keeps its last 5,000 lines."""


def assigned_names(code: str) -> list[str]:
    """Names a setup assigns at top level, in order: what to tell the learner it defines."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        else:
            continue
        for target in targets:
            for name in ast.walk(target):
                if isinstance(name, ast.Name) and name.id not in names:
                    names.append(name.id)
    return names


class ReplSession:
    """The kernel, the history (kept in the progress store) and which lesson's setup ran."""

    def __init__(self, store: Store, kernel: Kernel | None = None) -> None:
        self.store = store
        self.kernel = kernel or Kernel()
        self.history = History(store.history(), limit=HISTORY_LIMIT)
        self.setup_for: str | None = None
        """The lesson whose setup ran in the current child (None: none yet, or lost)."""
        self.transcript: deque[Any] = deque(maxlen=TRANSCRIPT_PIECES)
        """What the panes wrote (inputs, output, values, notes), newest last, in the form
        the pane writes it (the session never looks inside): the pane of the next lesson
        screen shows it, as the variables it describes are still there."""

    def remember(self, source: str) -> None:
        """Add a cell to the history, and to the store so the next session has it."""
        if self.history.add(source):
            self.store.add_history(source)

    async def close(self) -> None:
        """Stop the kernel child (the app is closing)."""
        await self.kernel.shutdown()
