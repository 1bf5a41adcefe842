"""The REPL pane: a Python prompt beside the lesson, with the lesson's variables in it.

It shows the transcript (:class:`~tutor.widgets.repl_log.ReplLog`), the lines typed so
far of an unfinished input, the prompt line (:class:`~tutor.widgets.repl_input.ReplInput`)
and, once something is drawn, a plot area. Code runs in the app's kernel child
(:class:`~tutor.widgets.repl_session.ReplSession`), never in the app, so nothing the
learner types can freeze or kill the tutor. If the child dies (``kill -9`` from outside,
a crash), the pane says so and a fresh child takes its place, with the lesson's setup run
again: at once when it died waiting for input, as the cell's result when it died running one.

Keys while the prompt has focus: ``enter`` runs a complete input (an incomplete one
continues on a ``...`` line; a blank line ends a block), ``up``/``down`` walk the history,
``tab`` completes, ``ctrl+c`` interrupts the running cell or discards the input,
``ctrl+l`` clears, ``ctrl+g`` hides the plot (the next one shows it again),
``pageup``/``pagedown`` scroll, ``escape`` goes back to the lesson.
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
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from tutor.kernel.client import KernelDied, KernelError, Plotted, Result, Stream
from tutor.lesson.format import Example, Lesson
from tutor.widgets.repl_frame import FrameHold
from tutor.widgets.repl_input import INDENT, ReplCompletions, ReplInput
from tutor.widgets.repl_log import CONTINUATION_PROMPT, PRIMARY_PROMPT, ReplLog
from tutor.widgets.repl_session import ReplSession, assigned_names

TITLE = "Python"
KEPT_RESULTS = 50
PENDING_LINES_SHOWN = 4
BUILTIN_NAMES = "np, math, stats, scipy; plot(), scatter(), hist() and bar() draw here"


def common_prefix(words: list[str]) -> str:
    return os.path.commonprefix(words) if words else ""


@dataclass(frozen=True)
class Cell:
    """An input waiting to run, with the setup to run before it (an example's).

    ``as_script``: numpy prints with its own options, so what the cell prints is what the
    same code prints run as a script (the lesson's examples promise that).
    """

    source: str
    setup: str = ""
    note: str | None = None
    as_script: bool = False
    hold: FrameHold | None = None
    """Repaints held since Enter, released once the answer is written."""


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
        self.results: deque[Result] = deque(maxlen=KEPT_RESULTS)
        """The newest cells' results, newest last."""
        self._ready = asyncio.Event()
        self._queue: deque[Cell] = deque()
        self._draining = False
        self._stop_before_start = False
        self._watching = False

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
        self._prepare()

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

    def focus_input(self) -> None:
        self.prompt_input.focus()

    # -- start-up and setup --------------------------------------------------------------

    @work(group="repl-prepare")
    async def _prepare(self) -> None:
        """Start the kernel and run the lesson's setup, unless this child already has it."""
        log = self.log_view
        kernel = self.session.kernel
        try:
            if kernel.pid is None:
                log.note("Starting Python…")
                await kernel.start()
            log.note(f"Ready: {BUILTIN_NAMES}.")
            self._watch_for_loss()
            await self._run_setup(restored=False)
        except KernelError as error:  # the pane stays; the next cell tries again
            log.error(f"Python could not start: {error}")
        finally:
            self._ready.set()

    def _watch_for_loss(self) -> None:
        """Say so when Python dies between cells (``kill -9`` from outside, say): the kernel
        has started a fresh child by then, and the lesson's setup runs again in it.

        A death while a cell runs is that cell's result, reported by :meth:`_report`.
        """
        if not self._watching:
            self._watching = True
            self._watch()

    @work(group="repl-watch")
    async def _watch(self) -> None:
        try:
            while True:
                try:
                    info = await self.session.kernel.replace_when_lost()
                    self.session.setup_for = None
                    self.log_view.note(
                        f"Python stopped unexpectedly ({info.describe()}) while waiting for input. "
                        "A fresh one has started; your variables were lost."
                    )
                    await self._run_setup(restored=True)
                except KernelDied as error:
                    self.log_view.error(f"Python stopped and could not start again: {error}")
                    return
                except KernelError:  # shut down, or no child now: the next cell starts one
                    return
        finally:
            self._watching = False

    async def _run_setup(self, *, restored: bool) -> None:
        """Run the lesson's setup in the kernel if the current child has not run it."""
        lesson = self.lesson
        if lesson is None or not lesson.repl_setup.strip():
            return
        if self.session.setup_for == lesson.id:
            if not restored:
                self.log_view.note("Your variables from before are still here.")
            return
        result = await self.session.kernel.run(lesson.repl_setup)
        names = ", ".join(name for name in assigned_names(lesson.repl_setup) if name != "np")
        if not result.ok:
            self.log_view.error(result.traceback or f"{result.error}: {result.error_message}")
            self.log_view.note("The lesson's setup failed; its variables may be missing.")
            return
        self.session.setup_for = lesson.id
        if restored:
            self.log_view.note(f"The lesson's setup ran again, so its variables are back: {names}.")
        else:
            self.log_view.note(f"The lesson's setup ran: {names}.")

    # -- running cells -------------------------------------------------------------------

    def run_source(
        self,
        source: str,
        *,
        setup: str = "",
        note: str | None = None,
        as_script: bool = False,
        hold: FrameHold | None = None,
    ) -> None:
        """Echo ``source`` and run it, after ``setup`` (run without an echo) when given.

        Cells entered while one runs wait their turn, as typed-ahead lines do in Python.
        """
        self._queue.append(Cell(source, setup, note, as_script, hold))
        if not self._draining:
            self._draining = True
            self.busy = True
            self._drain()

    def run_example(self, example: Example) -> None:
        """Run a lesson example with its setup, as if the learner had pasted it."""
        code = example.code.strip("\n")
        note = None
        if example.setup.strip():
            count = len(example.setup.strip("\n").split("\n"))
            note = f"(the example's setup ran first: {count} lines)"
        self.session.remember(code)
        self.run_source(code, setup=example.setup, note=note, as_script=True)

    @work(group="repl-cell")
    async def _drain(self) -> None:
        """Run queued cells one after another."""
        try:
            await self._ready.wait()
            while self._queue:
                cell = self._queue.popleft()
                try:
                    await self._run(cell)
                except KernelError as error:  # the kernel was shut down (the app is closing)
                    self.log_view.error(f"Python is not running: {error}")
                finally:
                    if cell.hold is not None:
                        cell.hold.release()
        finally:
            self._draining = False
            self.busy = False
            if self.session.kernel.pid is not None:
                self._watch_for_loss()  # again, if a failed start had ended the watch

    async def _run(self, cell: Cell) -> None:
        log = self.log_view
        if cell.setup.strip() and not self._stop_before_start:
            setup_result = await self._execute(cell.setup, as_script=cell.as_script)
            if cell.note:
                log.note(cell.note)
            if setup_result is not None and not setup_result.ok:
                return
        log.echo(cell.source)
        if self._stop_before_start:
            self._stop_before_start = False
            log.error("KeyboardInterrupt")
            return
        result = await self._execute(cell.source, as_script=cell.as_script)
        if cell.hold is not None:
            cell.hold.release()  # the answer is written: paint it with its echo
        if result is not None and result.namespace_lost and result.error != "KernelRestarted":
            self.session.setup_for = None
            await self._run_setup(restored=True)

    async def _execute(self, source: str, *, as_script: bool = False) -> Result | None:
        """Run one cell, writing its output as it comes and then how it ended."""
        log = self.log_view
        result: Result | None = None
        events = self.session.kernel.execute(source, numpy_defaults=as_script)
        async with contextlib.aclosing(events):
            async for event in events:
                if isinstance(event, Stream):
                    log.output(event.name, event.text)
                elif isinstance(event, Plotted):
                    self.show_plot(event)
                else:
                    result = event
        if result is not None:
            self.results.append(result)
            self._report(result)
        return result

    def _report(self, result: Result) -> None:
        log = self.log_view
        log.end_output()
        if result.value_repr is not None:
            log.value(result.value_repr)
        if result.error is not None:
            if result.traceback:
                log.error(result.traceback)
            elif result.error == "KeyboardInterrupt":
                log.error("KeyboardInterrupt")
            elif not result.message:
                log.error(f"{result.error}: {result.error_message}")
        if result.message:
            log.note(result.message)

    @work(group="repl-interrupt")
    async def _interrupt(self) -> None:
        """Interrupt the running cell and drop the ones waiting; one not started yet will not."""
        dropped = len(self._queue)
        self._queue.clear()
        if dropped:
            self.log_view.note(f"({dropped} waiting input{'s' if dropped > 1 else ''} dropped)")
        if not await self.session.kernel.interrupt():
            self._stop_before_start = self._draining

    # -- plots ---------------------------------------------------------------------------

    def show_plot(self, plotted: Plotted) -> None:
        """Draw what a cell drew in the plot area (shown from the first plot on)."""
        from tutor.widgets.plot_view import PlotView
        from tutor.widgets.repl_plot import plot_description

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
        self.prompt_input.busy = busy

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
        source = event.source
        if not source.strip():
            self.log_view.echo(source)
            if event.hold is not None:
                event.hold.release()
            return
        self.session.remember(source.rstrip())
        hold = event.hold
        if self._draining and hold is not None:
            hold.release()  # it waits behind the running cell: show it waiting now
            hold = None
        self.run_source(source, hold=hold)

    @on(ReplInput.Interrupted)
    def _interrupted(self, event: ReplInput.Interrupted) -> None:
        event.stop()
        if event.discarded is None:
            self._interrupt()
            return
        if event.discarded.strip():
            self.log_view.echo(event.discarded)
        self.log_view.error("KeyboardInterrupt")
        self.session.history.reset()

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

    # -- restart -------------------------------------------------------------------------

    @work(group="repl-restart", exclusive=True)
    async def restart(self) -> None:
        """Start a fresh kernel (variables are lost) and run the lesson's setup again."""
        log = self.log_view
        log.note("Restarting Python…")
        self.busy = True
        try:
            await self.session.kernel.restart()
            self.session.setup_for = None
            log.note("Python restarted with a fresh namespace.")
            await self._run_setup(restored=True)
        except KernelError as error:  # a fresh child could not start: the next cell tries again
            log.error(f"Python could not restart: {error}")
        finally:
            self.busy = self._draining

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
