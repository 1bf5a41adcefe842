"""The REPL transcript writes what it is given even when Textual never sends it a Resize, and
what a cell says once the transcript is gone (the pane being removed) is dropped, not raised.

Textual can lay a new widget out without a Resize event (textual#5024, #6123). RichLog holds
its writes until one comes, so the transcript once stayed blank for good: under load, in the
browser test, the pane opened while the lesson scrolled. Here the event is switched off on
purpose, so the case is the same every run.
"""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult

from tests.helpers import wait_until
from tests.widgets.conftest import PaneApp, ready
from tutor.kernel.results import Plotted
from tutor.widgets.repl._log import ReplLog
from tutor.widgets.repl._pane import ReplPane


class LogApp(App[None]):
    def __init__(self, log: ReplLog) -> None:
        super().__init__()
        self.log_view = log

    def compose(self) -> ComposeResult:
        yield self.log_view


async def test_the_transcript_shows_its_lines_without_a_resize_event() -> None:
    log = ReplLog(id="repl-log")
    log.disable_messages(events.Resize)
    app = LogApp(log)
    async with app.run_test(size=(60, 12)) as pilot:
        log.note("Starting Python…")
        log.echo("6*7")
        log.value("42")
        await wait_until(pilot, lambda: log.plain_lines == ["Starting Python…", ">>> 6*7", "42"],
                         what="the three lines in the transcript")
        assert log.size.width == 60


async def test_write_pending_writes_what_waited_for_a_width() -> None:
    """What the pane calls once it is shown again, as no Resize may say it has a width."""
    log = ReplLog(id="repl-log")
    log.disable_messages(events.Resize)
    log.display = False
    app = LogApp(log)
    async with app.run_test(size=(60, 12)) as pilot:
        log.note("written while hidden")
        await pilot.pause()
        assert log.plain_lines == []
        log.display = True
        log.call_after_refresh(log.write_pending)
        await wait_until(pilot, lambda: log.plain_lines == ["written while hidden"], what="the line, once shown")


async def test_what_a_cell_says_after_the_pane_lost_its_parts_is_dropped_not_raised() -> None:
    """A restart that ends while the pane is being removed (the learner left the lesson; the
    random keys found it) writes to a transcript that is gone: nothing must raise."""
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(ReplPane)
        await ready(pilot, pane)
        await pane.query_one("#repl-plot-area").remove()
        await pane.log_view.remove()
        view = pane.controller.view
        view.note("Python restarted with a fresh namespace.")
        view.echo("6*7")
        view.output("stdout", "printed\n")
        view.end_output()
        view.value("42")
        view.error("KeyboardInterrupt")
        view.plot(Plotted(series=()))
        view.busy_changed(False)
        await pilot.pause()
        assert app.is_running and app._exception is None
