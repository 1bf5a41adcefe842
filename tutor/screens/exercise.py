"""The exercise screen: the task, an editor for the learner's code, and the check results.

What each key does is said once, in `BINDINGS`: the footer and the help screen
read it, and a test holds the README's key table to it. Checks run in a
checking child process (see `tutor.grading`). The reference solution unlocks
once the checks pass, or once every hint has been seen and one more check
failed. With neither $VISUAL nor $EDITOR set, the external-editor key says how
to set one: no editor is guessed.

Until the first check of a visit the results take a line or two and the task
gets the room; after it they share the space.

The code is saved to the progress store as the learner types: at most
SAVE_DELAY seconds after the first change that is not saved yet, so a crash
or a dropped connection loses at most that much.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical, VerticalScroll
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Markdown, Static, TextArea

from tutor.grading import status as exercise_status
from tutor.grading.report import CheckReport
from tutor.lesson.format import Exercise, Lesson
from tutor.store import Store
from tutor.widgets.check_results import CheckResults
from tutor.widgets.code_editor import CodeEditor
from tutor.widgets.key_footer import KeyFooter

SAVE_DELAY = 0.5
"""Seconds between the first unsaved change and the save."""

WIDE = 110
"""From this many columns the task and results sit beside the editor."""

NO_EDITOR = (
    "f4 opens your code in $VISUAL or $EDITOR, and neither is set. "
    "Quit (your code is saved), run `export EDITOR=nano` (or vim, emacs, `code -w`…) "
    "and start the tutor again."
)

HINT_TIERS = {1: "a nudge", 2: "the method", 3: "nearly the answer"}


class ExerciseScreen(Screen[None]):
    """One exercise: read the task, write code, check it, get hints."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]
    AUTO_FOCUS = "#editor"

    DEFAULT_CSS = """
    ExerciseScreen #exercise-body { layout: vertical; height: 1fr; }
    ExerciseScreen #task { height: auto; max-height: 50%; padding: 0 1; }
    ExerciseScreen #task Markdown { margin: 0; padding: 0; }
    ExerciseScreen #hints { height: auto; }
    ExerciseScreen #hints Markdown { margin: 1 0 0 0; }
    ExerciseScreen #editor { height: 1fr; min-height: 5; }
    ExerciseScreen #results { height: auto; max-height: 3; padding: 0 1; }
    ExerciseScreen.-checked #task { height: 5; }
    ExerciseScreen.-checked #results { height: 7; max-height: 100%; }
    ExerciseScreen #task:focus, ExerciseScreen #results:focus { background-tint: $foreground 5%; }
    ExerciseScreen.-wide #exercise-body { layout: grid; grid-size: 2 2; grid-columns: 2fr 3fr; grid-rows: 1fr 1fr; }
    ExerciseScreen.-wide #task, ExerciseScreen.-wide.-checked #task { height: 1fr; max-height: 100%; }
    ExerciseScreen.-wide #editor { row-span: 2; height: 1fr; }
    ExerciseScreen.-wide #results, ExerciseScreen.-wide.-checked #results {
        height: 1fr; max-height: 100%; border-top: solid $foreground 15%;
    }
    """

    BINDINGS = [
        Binding("ctrl+s", "check", "Check", priority=True),
        Binding("f5", "check", "Check", show=False, priority=True),
        Binding("f2", "hint", "Hint", priority=True),
        Binding("h", "hint", "Hint", show=False),
        Binding("ctrl+r", "reset", "Reset", priority=True),
        Binding("f4", "external_editor", "$EDITOR", priority=True),
        Binding("f3", "solution", "Solution", priority=True),
        Binding("escape", "leave_editor", "Results"),
        Binding("escape", "back", "Back"),
        Binding("ctrl+down", "task_down", "Task ↓"),
        Binding("ctrl+up", "task_up", "Task ↑", show=False),
        Binding("f1", "app.help", "Help (? types in the editor)", show=False),
    ]

    def __init__(self, lesson: Lesson, exercise: Exercise, store: Store) -> None:
        super().__init__()
        self.lesson = lesson
        self.exercise = exercise
        self.store = store
        saved = store.exercise_code(lesson.id, exercise.id)
        self._initial_code = saved if saved is not None else exercise.starter
        self._code = self._saved_code = self._initial_code
        self._save_timer: Timer | None = None
        self.unlocked = exercise_status.solution_unlocked(store, lesson.id, exercise)

    # -- building ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="∑")
        with Container(id="exercise-body"):
            with TaskPane(id="task"):
                yield Static("more ↓  ctrl+↓ scrolls", id="task-more", markup=False)
                yield Markdown(self.exercise.task)
                yield Vertical(id="hints")
            yield CodeEditor.code_editor(self._initial_code, language="python", id="editor")
            yield CheckResults(id="results")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = self.exercise.title
        self.sub_title = self.lesson.title
        try:
            self._show_hints()
            self._show_last_attempt()
        except NoMatches:  # closed before it was first shown (the tutor quit at once)
            return

    def _show_last_attempt(self) -> None:
        attempts = self.store.attempts(self.lesson.id, self.exercise.id)
        if attempts:
            passed, summary, _ = attempts[-1]
            mark, style = ("✓", "$success") if passed else ("✗", "$error")
            text = Content.assemble(
                ("Last check: ", "bold"), (f"{mark} {summary.removesuffix(exercise_status.AFTER_HINTS).strip()}", style),
                "\nctrl+s checks again.",
            )
        else:
            text = Content("Press ctrl+s (or f5) to check your code. f2 shows a hint.")
        self.query_one(CheckResults).show_text(text)

    # -- saving as the learner types ---------------------------------------------------------

    @property
    def code(self) -> str:
        """The editor's text (kept up to date as it changes, so it outlives the editor)."""
        return self._code

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._code = event.text_area.text
        if self._save_timer is None and self._code != self._saved_code:
            self._save_timer = self.set_timer(SAVE_DELAY, self.save_code)

    def _set_code(self, code: str) -> None:
        """Replace the editor's text and save it."""
        self.query_one("#editor", TextArea).load_text(code)
        self._code = code
        self.save_code()

    def save_code(self) -> None:
        """Write the editor's text to the store now, if it changed."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        code = self.code
        if code != self._saved_code:
            self.store.save_exercise_code(self.lesson.id, self.exercise.id, code)
            self._saved_code = code

    def on_unmount(self) -> None:
        self.save_code()

    # -- keys -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        editing = isinstance(self.focused, TextArea)
        if action == "solution":
            return self.unlocked
        if action == "leave_editor":
            return editing
        if action == "back":
            return not editing
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    def action_leave_editor(self) -> None:
        # The editor itself moves focus on (to the results) when escape is pressed in it;
        # this binding is there to show the key in the footer and in help.
        self.query_one(CheckResults).focus()

    def action_task_down(self) -> None:
        self.query_one(TaskPane).page(1)

    def action_task_up(self) -> None:
        self.query_one(TaskPane).page(-1)

    def action_back(self) -> None:
        self.save_code()
        self.dismiss()

    def action_check(self) -> None:
        self.save_code()
        self.run_checks(self.code)

    def action_hint(self) -> None:
        hints = self.exercise.hints
        shown = self.store.hints_shown(self.lesson.id, self.exercise.id)
        if not hints:
            self.notify("This exercise has no hints.", timeout=3)
            return
        if shown >= len(hints):
            more = "" if self.unlocked else " Check once more and the reference solution unlocks."
            self.notify(f"That was the last hint.{more}", timeout=4)
            return
        self.store.set_hints_shown(self.lesson.id, self.exercise.id, shown + 1, self.code)
        newest = self._show_hints()
        if newest is not None:
            self.call_after_refresh(newest.scroll_visible, animate=False, top=True)

    def _show_hints(self) -> Markdown | None:
        """Show the hints seen so far under the task; returns the newest one's widget."""
        hints = self.exercise.hints
        container = self.query_one("#hints")
        shown = min(self.store.hints_shown(self.lesson.id, self.exercise.id), len(hints))
        widgets = [
            Markdown(f"**Hint {number} of {len(hints)}** *({HINT_TIERS.get(number, 'more')})*: {hint}")
            for number, hint in enumerate(hints[:shown], start=1)
            if number > len(container.children)
        ]
        container.mount_all(widgets)
        return widgets[-1] if widgets else None

    def action_reset(self) -> None:
        from tutor.screens.confirm import ConfirmScreen

        def reset(confirmed: bool | None) -> None:
            if confirmed:
                self._reset_to_starter()

        self.app.push_screen(
            ConfirmScreen(
                "Replace your code with the starter code?\n"
                "Yours is kept: ctrl+z in the editor brings it back.",
                yes="reset to the starter code",
                no="keep my code",
            ),
            callback=reset,
        )

    def _reset_to_starter(self) -> None:
        """Put the starter code in the editor as one edit the editor can undo, and keep
        the replaced code in the store, so a reset is never the end of the learner's work."""
        editor = self.query_one("#editor", TextArea)
        replaced = editor.text
        if replaced == self.exercise.starter:
            self.query_one(CheckResults).show_text("The code is already the starter code.")
            return
        self.store.save_replaced_code(self.lesson.id, self.exercise.id, replaced)
        editor.replace(self.exercise.starter, editor.document.start, editor.document.end)
        editor.move_cursor(editor.document.start)
        editor.focus()
        self._code = self.exercise.starter
        self.save_code()
        self.query_one(CheckResults).show_text(
            "Back to the starter code. ctrl+z in the editor brings your code back."
        )

    def action_solution(self) -> None:
        from tutor.screens.solution import SolutionScreen

        if self.unlocked:
            self.app.push_screen(SolutionScreen(self.exercise))

    # -- checking -------------------------------------------------------------------------

    @work(exclusive=True, group="check")
    async def run_checks(self, code: str) -> None:
        """Check `code` in a checking child, then show and record the report."""
        from tutor.grading.runner import Checker

        results = self.query_one(CheckResults)
        results.show_running()
        report = await Checker().check(self.exercise, code)
        self._checked(report)

    def _checked(self, report: CheckReport) -> None:
        exercise_status.record(self.store, self.lesson.id, self.exercise, report)
        try:
            results = self.query_one(CheckResults)
        except NoMatches:  # the screen closed while the check ran (the learner left, or quit)
            return
        self.add_class("-checked")
        results.show_report(report)
        was_unlocked = self.unlocked
        self.unlocked = exercise_status.solution_unlocked(self.store, self.lesson.id, self.exercise)
        self.refresh_bindings()
        if report.passed:
            self.notify("Every check passed. f3 shows the reference solution.", title="Passed", timeout=5)
        elif self.unlocked and not was_unlocked:
            self.notify("The reference solution is unlocked: f3 shows it.", timeout=5)

    # -- $EDITOR --------------------------------------------------------------------------

    def action_external_editor(self) -> None:
        from textual.app import SuspendNotSupported

        command = _editor_command()
        if command is None:
            self.notify(NO_EDITOR, title="No editor set", severity="warning", timeout=10)
            return
        self.save_code()
        handle, name = tempfile.mkstemp(prefix=f"{self.exercise.id}-", suffix=".py", text=True)
        path = Path(name)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(self.code)
            try:
                with self.app.suspend():
                    subprocess.run([*command, str(path)], check=False)
            except SuspendNotSupported:
                self.notify("An external editor cannot be opened here.", severity="warning")
                return
            except OSError as error:
                self.notify(f"Could not start {command[0]}: {error}", severity="error")
                return
            edited = path.read_text(encoding="utf-8", errors="replace")
        finally:
            path.unlink(missing_ok=True)
        if edited != self.code:
            self._set_code(edited)
        self.run_checks(edited)


def _editor_command() -> list[str] | None:
    """$VISUAL or $EDITOR split into words; None when neither is set (no editor is guessed:
    a newcomer dropped into vi cannot get out)."""
    for variable in ("VISUAL", "EDITOR"):
        value = os.environ.get(variable, "").strip()
        if value:
            return shlex.split(value)
    return None


class TaskPane(VerticalScroll):
    """The task and the hints seen so far. While more of it is below, its last line says
    so (and how to scroll it from the editor): a thin scrollbar alone is easy to miss."""

    DEFAULT_CSS = """
    TaskPane > #task-more {
        dock: bottom; height: 1; width: 100%; display: none;
        text-align: right; color: $text-muted; background: $boost;
    }
    TaskPane.-more > #task-more { display: block; }
    """

    def page(self, direction: int) -> None:
        """Scroll a page (less a line, to keep the place) down (1) or up (-1)."""
        step = max(1, self.scrollable_content_region.height - 1)
        self.scroll_relative(y=direction * step, animate=False)

    @property
    def more_below(self) -> bool:
        return round(self.scroll_y) < self.max_scroll_y

    def _show_more(self) -> None:
        self.set_class(self.more_below, "-more")

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._show_more()

    def on_resize(self) -> None:
        self._show_more()
