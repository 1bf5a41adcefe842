"""The REPL pane: a Python prompt beside the lesson, with the lesson's variables in it.

It shows the transcript (:class:`~tutor.widgets.repl._log.ReplLog`), the lines typed so
far of an unfinished input, the prompt line (:class:`~tutor.widgets.repl._input.ReplInput`)
and, once something is drawn, a plot area. The pane is the view only: its
:class:`~tutor.repl.controller.ReplController` runs the cells (the queue, the lesson's
setup, a lost child, restart) in the app's kernel child
(:class:`~tutor.repl.session.ReplSession`), never in the app, so nothing the learner types
can freeze or kill the tutor, and the pane shows what the controller reports.

The pane's keys are its `BINDINGS` and the prompt's (the footer, help and the README's
table read them; `tests/test_readme_keys.py` holds the table to them).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections import deque
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import DOMQuery
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from tutor.kernel.client import Plotted, Result
from tutor.lesson.format import Example, Lesson
from tutor.repl.controller import ReplController
from tutor.repl.session import ReplSession
from tutor.widgets.repl._input import INDENT, ReplCompletions, ReplInput
from tutor.widgets.repl._log import CONTINUATION_PROMPT, PRIMARY_PROMPT, ReplLog

TITLE = "Python"
PENDING_LINES_SHOWN = 4


def common_prefix(words: list[str]) -> str:
    return os.path.commonprefix(words) if words else ""


class PaneView:
    """The pane as its controller's :class:`~tutor.repl.controller.ReplView`: the transcript
    writes what the controller says, the plot area draws, the title shows a running cell.

    A cell or a restart can end while the pane is being removed (the learner left the
    lesson): its parts are gone by then, and what it says is dropped.
    """

    def __init__(self, pane: ReplPane) -> None:
        self._pane = pane

    def _logs(self) -> DOMQuery[ReplLog]:
        """The transcript (none once the pane is being removed)."""
        return self._pane.query(ReplLog)

    def echo(self, source: str) -> None:
        for log in self._logs():
            log.echo(source)

    def output(self, stream: str, text: str) -> None:
        for log in self._logs():
            log.output(stream, text)

    def end_output(self) -> None:
        for log in self._logs():
            log.end_output()

    def value(self, text: str) -> None:
        for log in self._logs():
            log.value(text)

    def error(self, text: str) -> None:
        for log in self._logs():
            log.error(text)

    def note(self, text: str) -> None:
        for log in self._logs():
            log.note(text)

    def plot(self, plotted: Plotted) -> None:
        if self._pane.query("#repl-plot-area"):
            self._pane.show_plot(plotted)

    def busy_changed(self, busy: bool) -> None:
        self._pane.busy = busy


class ReplPane(Vertical):
    """A Python prompt and its transcript, running code in the app's kernel."""

    DEFAULT_CSS = """
    ReplPane {
        border-top: solid $primary 60%;
        border-title-color: $text-muted;
        padding: 0 0 0 1;
        &:focus-within { border-top: solid $accent; border-title-color: $text; }
        #repl-plot-area { display: none; height: 70%; min-height: 6; }
        &.-plotted #repl-plot-area { display: block; }
        #repl-log { height: 1fr; }
        #repl-pending { height: auto; color: $text-muted; display: none; }
        #repl-line { height: 1; }
        #repl-prompt { width: 4; color: $text-muted; }
        #repl-input { width: 1fr; }
    }
    """

    BINDINGS = [
        Binding("escape", "leave", "Back to lesson"),
        Binding("tab", "complete", "Complete", show=False),
        Binding("up", "history(-1)", "Previous input", show=False),
        Binding("down", "history(1)", "Next input", show=False),
        Binding("ctrl+l", "clear", "Clear"),
        Binding("ctrl+g", "hide_plot", "Hide plot", tooltip="Give the transcript the room (the next plot shows again)"),
        Binding("pageup", "scroll_log(-1)", "Scroll up", show=False),
        Binding("pagedown", "scroll_log(1)", "Scroll down", show=False),
    ]

    busy: reactive[bool] = reactive(False, init=False)
    """A cell is running (or waiting for the kernel)."""

    @dataclass
    class Left(Message):
        """The learner pressed escape: focus goes back to the lesson."""

        pane: ReplPane

    def __init__(self, session: ReplSession, lesson: Lesson | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.lesson = lesson
        self.controller = ReplController(session, lesson, PaneView(self), spawn=self.run_worker)
        """Runs the cells; its jobs are this pane's workers, so they end with it."""

    def compose(self) -> ComposeResult:
        with Vertical(id="repl-plot-area"):
            pass
        yield ReplLog(kept=self.session.transcript, id="repl-log")
        yield Static("", id="repl-pending", markup=False)
        with Horizontal(id="repl-line"):
            yield Static(PRIMARY_PROMPT, id="repl-prompt", markup=False)
            prompt = ReplInput(id="repl-input")
            yield prompt
        prompt.completions = ReplCompletions(prompt)
        yield prompt.completions

    def on_mount(self) -> None:
        self.border_title = TITLE
        self.controller.start()

    # -- parts ---------------------------------------------------------------------------

    @property
    def log_view(self) -> ReplLog:
        return self.query_one(ReplLog)

    @property
    def prompt_input(self) -> ReplInput:
        return self.query_one(ReplInput)

    @property
    def completions(self) -> ReplCompletions:
        return self.query_one(ReplCompletions)

    @property
    def results(self) -> deque[Result]:
        """The newest cells' results, newest last."""
        return self.controller.results

    @property
    def _ready(self) -> asyncio.Event:
        """Set once the kernel started and the setup ran (the Pilot tests' fixtures wait on it)."""
        return self.controller.ready

    def focus_input(self) -> None:
        self.prompt_input.focus()

    # -- running cells -------------------------------------------------------------------

    def run_example(self, example: Example) -> None:
        """Run a lesson example with its setup, as if the learner had pasted it."""
        self.controller.run_example(example)

    def restart(self) -> None:
        """Start a fresh kernel (variables are lost) and run the lesson's setup again."""
        self.controller.restart()

    def write_kept(self) -> None:
        """Write what the transcript kept while the pane was hidden (the dock calls this once
        the pane is shown again; a pane still opening, or already closing, has nothing to write)."""
        for log in self.query(ReplLog):
            log.write_pending()

    # -- plots ---------------------------------------------------------------------------

    def show_plot(self, plotted: Plotted) -> None:
        """Draw what a cell drew in the plot area (shown from the first plot on)."""
        from tutor.widgets.figures._plot_view import PlotView
        from tutor.widgets.repl._plot import plot_description

        area = self.query_one("#repl-plot-area", Vertical)
        views = area.query(PlotView)
        if views:
            view = views.first()
        else:
            view = PlotView(id="repl-plot")
            area.mount(view)
        view.show(plot_description(plotted))
        if not self.has_class("-plotted"):
            self.add_class("-plotted")
            self.call_after_refresh(self.log_view.scroll_end, animate=False)
            self.refresh_bindings()

    # -- the prompt ----------------------------------------------------------------------

    def watch_busy(self, busy: bool) -> None:
        self.border_title = f"{TITLE} · running… ctrl+c stops it" if busy else TITLE
        # a restart may end as the pane is being removed (the learner quit): its prompt is gone
        for prompt in self.query(ReplInput):
            prompt.busy = busy

    @on(ReplInput.PendingChanged)
    def _pending_changed(self, event: ReplInput.PendingChanged) -> None:
        event.stop()
        pending = event.pending
        self.query_one("#repl-prompt", Static).update(CONTINUATION_PROMPT if pending else PRIMARY_PROMPT)
        lines = [(PRIMARY_PROMPT if number == 0 else CONTINUATION_PROMPT) + line for number, line in enumerate(pending)]
        if len(lines) > PENDING_LINES_SHOWN:
            hidden = len(lines) - PENDING_LINES_SHOWN + 1
            lines = [f"{CONTINUATION_PROMPT}[{hidden} lines above]", *lines[-PENDING_LINES_SHOWN + 1 :]]
        view = self.query_one("#repl-pending", Static)
        view.update("\n".join(lines))
        view.display = bool(lines)

    @on(ReplInput.Entered)
    def _entered(self, event: ReplInput.Entered) -> None:
        event.stop()
        self.controller.enter(event.source, event.hold.release if event.hold is not None else None)

    @on(ReplInput.Interrupted)
    def _interrupted(self, event: ReplInput.Interrupted) -> None:
        event.stop()
        if event.discarded is None:
            self.controller.interrupt()
        else:
            self.controller.discard(event.discarded)

    # -- actions -------------------------------------------------------------------------

    def action_leave(self) -> None:
        self.post_message(self.Left(self))

    def action_clear(self) -> None:
        self.log_view.clear()
        self.remove_class("-plotted")
        self.query_one("#repl-plot-area").remove_children()
        self.refresh_bindings()

    def action_hide_plot(self) -> None:
        """Hide the plot area until the next plot (the transcript gets its rows back)."""
        if self.has_class("-plotted"):
            self.remove_class("-plotted")
            self.call_after_refresh(self.log_view.scroll_end, animate=False)
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hide_plot":
            return self.has_class("-plotted")
        return True

    def action_scroll_log(self, direction: int) -> None:
        if direction < 0:
            self.log_view.scroll_page_up()
        else:
            self.log_view.scroll_page_down()

    def action_history(self, direction: int) -> None:
        history = self.session.history
        if direction < 0:
            entry = history.previous(self.prompt_input.source)
        else:
            entry = history.next()
        if entry is None:
            self.app.bell()
            return
        self.prompt_input.load(entry)

    def action_complete(self) -> None:
        prompt = self.prompt_input
        before = prompt.value[: prompt.cursor_position]
        if not before.strip():
            prompt.insert_text_at_cursor(INDENT)
            return
        self._complete(prompt.value, prompt.cursor_position)

    @work(group="repl-complete", exclusive=True)
    async def _complete(self, text: str, cursor: int) -> None:
        completion = await self.session.kernel.complete(text, cursor)
        prompt = self.prompt_input
        if prompt.value != text or prompt.cursor_position != cursor:
            return  # the learner typed on meanwhile
        matches = list(completion.matches)
        if not matches:
            self.app.bell()
            return
        word = text[completion.start : cursor]
        prefix = common_prefix(matches)
        if len(prefix) > len(word):
            prompt.replace_span(completion.start, cursor, prefix)
        if len(matches) > 1:
            self.completions.offer(completion.start, matches)

    # -- size ----------------------------------------------------------------------------

    def on_resize(self) -> None:
        self.call_after_refresh(self._configure)

    @work(group="repl-config", exclusive=True)
    async def _configure(self) -> None:
        """Tell the kernel how wide numpy may print and how large plots are drawn."""
        width = max(20, self.log_view.scrollable_content_region.width - 1)
        columns = max(20, self.size.width - 8)
        rows = max(6, (self.size.height * 3) // 5 - 4)
        with contextlib.suppress(Exception):  # best effort: a dead kernel is reported by the next cell
            await self.session.kernel.config(width=width, plot_size=(columns, rows))
