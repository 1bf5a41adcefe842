"""A stand-in for the REPL pane: a view that writes down what its controller tells it.

The controller tests drive a :class:`~tutor.repl.controller.ReplController` with this
view, a real session and a real kernel child, and no app: no Pilot, no Textual.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from tutor.kernel.client import Plotted
from tutor.repl.controller import ReplController


class Recorder:
    """A :class:`~tutor.repl.controller.ReplView` keeping ``(kind, text)`` in the order told."""

    def __init__(self) -> None:
        self.told: list[tuple[str, str]] = []
        self.plots: list[Plotted] = []
        self.busy_changes: list[bool] = []

    def echo(self, source: str) -> None:
        self.told.append(("echo", source))

    def output(self, stream: str, text: str) -> None:
        self.told.append((stream, text))

    def end_output(self) -> None:
        pass

    def value(self, text: str) -> None:
        self.told.append(("value", text))

    def error(self, text: str) -> None:
        self.told.append(("error", text))

    def note(self, text: str) -> None:
        self.told.append(("note", text))

    def plot(self, plotted: Plotted) -> None:
        self.plots.append(plotted)
        self.told.append(("plot", plotted.title or ""))

    def busy_changed(self, busy: bool) -> None:
        self.busy_changes.append(busy)

    def said(self, kind: str) -> list[str]:
        """Everything told of one kind (``note``, ``error``, ``echo``, ``value``, ``stdout``…)."""
        return [text for told_kind, text in self.told if told_kind == kind]

    def since(self, mark: int) -> list[tuple[str, str]]:
        return self.told[mark:]


async def wait_until(condition: Callable[[], bool], what: str, timeout: float = 15.0) -> None:
    """Let the event loop run until ``condition()`` holds (fails after ``timeout`` seconds)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


async def settled(controller: ReplController) -> None:
    """Wait until the controller has started (kernel and setup) and runs nothing."""
    await wait_until(lambda: controller.ready.is_set() and not controller.busy, "the controller to settle")


async def run(controller: ReplController, source: str, timeout: float = 15.0) -> list[tuple[str, str]]:
    """Enter ``source`` as the learner would; return what the view was told until it ended."""
    view = controller.view
    assert isinstance(view, Recorder)
    mark = len(view.told)
    before = len(controller.results)
    controller.enter(source)
    await wait_until(lambda: len(controller.results) > before and not controller.busy, f"{source!r} to finish", timeout)
    return view.since(mark)
