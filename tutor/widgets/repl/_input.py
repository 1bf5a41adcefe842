"""The REPL's prompt line, and the dropdown that shows tab's choices under it.

:class:`ReplInput` is an :class:`~textual.widgets.Input` whose every printable key types
(``q``, ``n``, ``r``, ``?`` and digits included: Input consumes printable keys before any
binding of the screen or app sees them). It edits the last line of an input that may span
several: ``enter`` either finishes the input (it is complete, or invalid: Python will say
why) or keeps the line as pending and starts a ``...`` line, indented like it. That
happens within the key press, so keys typed right after ``enter`` (a fast typist, a
terminal replaying keys) land on the fresh line. A paste of several lines becomes one
input. ``ctrl+c`` interrupts a running cell, or discards the input at an idle prompt.

:class:`ReplCompletions` is textual-autocomplete's dropdown, driven by tab instead of by
typing: the pane asks the kernel for the names that complete the word at the cursor and
offers them here when there are several; typing on narrows them, ``up``/``down`` choose,
``tab``/``enter`` take one, ``escape`` closes the list. The list opens above the prompt,
in a box of its own colour with a border, so it stands apart from the transcript under it
(textual-autocomplete has no public way to place its list: the one private hook is in
:mod:`tutor.widgets.adapters.autocomplete`).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.geometry import Offset
from textual.message import Message
from textual.widgets import Input
from textual_autocomplete import DropdownItem, TargetState

from tutor.kernel.completeness import is_complete
from tutor.widgets.adapters.autocomplete import PlacedAutoComplete
from tutor.widgets.adapters.textual_input import SteadyInput
from tutor.widgets.repl._frame import FrameHold

INDENT = "    "
MAX_ROWS = 8
"""Choices shown at once in the completion list (it scrolls for more)."""


def next_indent(line: str) -> str:
    """The indentation a continuation line starts with: the line's own, one level deeper after a colon."""
    indent = line[: len(line) - len(line.lstrip())]
    return indent + INDENT if line.rstrip().endswith(":") else indent


class ReplInput(SteadyInput):
    """The prompt line of a possibly multi-line input."""

    DEFAULT_CSS = """
    ReplInput {
        border: none;
        height: 1;
        padding: 0;
        background: transparent;
        &:focus { border: none; background: transparent; }
    }
    """

    BINDINGS = [
        Binding("ctrl+c", "interrupt", "Interrupt", tooltip="Stop the running cell, or discard the input"),
    ]

    @dataclass
    class Entered(Message):
        """The learner finished an input (``source``; blank: an empty prompt line).

        ``hold`` holds the app's repaints from the key press on, so the answer to a quick
        cell is painted in the same frame as its echo; the receiver releases it.
        """

        input: ReplInput
        source: str
        hold: FrameHold | None = None

    @dataclass
    class PendingChanged(Message):
        """The unfinished lines above the prompt line changed."""

        input: ReplInput
        pending: tuple[str, ...]

    @dataclass
    class Interrupted(Message):
        """ctrl+c: stop the running cell (``discarded`` is None), or the input just discarded."""

        input: ReplInput
        discarded: str | None

    busy = False
    """A cell is running (the pane sets it): ctrl+c then interrupts instead of discarding."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="", id=id, select_on_focus=False, compact=True)
        self.pending: list[str] = []
        self.completions: ReplCompletions | None = None
        """The dropdown of choices; while it is open, enter takes a choice."""

    @property
    def source(self) -> str:
        """The whole input so far: the pending lines and the prompt line."""
        return "\n".join([*self.pending, self.value])

    def load(self, source: str) -> None:
        """Put a (possibly multi-line) input at the prompt, ready to edit its last line."""
        *pending, last = source.split("\n")
        self._set_pending(pending)
        self.value = last
        self.cursor_position = len(last)

    def take(self) -> str:
        """The whole input, leaving the prompt empty."""
        source = self.source
        self._set_pending([])
        self.value = ""
        return source

    def replace_span(self, start: int, end: int, text: str) -> None:
        """Put ``text`` in place of ``value[start:end]`` and the cursor after it."""
        self.value = self.value[:start] + text + self.value[end:]
        self.cursor_position = start + len(text)

    # -- keys ----------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        # enter is handled here, not by a binding: a binding runs only once the key has
        # bubbled up to the app, after keys typed behind it have reached this line.
        # Other keys go on to Input's own handler (Textual calls a subclass's handler
        # first, and stops at prevent_default).
        if event.key == "enter" and not (self.completions is not None and self.completions.display):
            event.stop()
            event.prevent_default()
            self.enter()

    def enter(self) -> None:
        """Finish the input if it is complete (or cannot be), else start a ``...`` line."""
        line = self.value
        source = self.source
        if line.strip() or self.pending:
            if is_complete(source) == "incomplete":
                self._set_pending([*self.pending, line])
                self.value = next_indent(line)
                return
        hold = FrameHold(self)
        self.take()
        self.post_message(self.Entered(self, source, hold))

    def action_interrupt(self) -> None:
        self.post_message(self.Interrupted(self, None if self.busy else self.take()))

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # Input's own handler would paste the first line again
        text = event.text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
        if "\n" not in text.rstrip("\n"):
            self._paste_line(text.rstrip("\n"))
            return
        cursor = self.cursor_position
        source = "\n".join([*self.pending, self.value[:cursor] + text + self.value[cursor:]]).rstrip()
        if is_complete(source + "\n") == "incomplete":
            self.load(source)  # an open bracket: the learner finishes it
            return
        self.take()
        self.post_message(self.Entered(self, source))

    def _paste_line(self, text: str) -> None:
        """Paste one line as Input does: in place of the selection, or at the cursor."""
        lines = text.splitlines()
        if not lines:
            return
        if self.selection.is_empty:
            self.insert_text_at_cursor(lines[0])
        else:
            self.replace(lines[0], *self.selection)

    def _set_pending(self, pending: list[str]) -> None:
        if pending != self.pending:
            self.pending = pending
            self.post_message(self.PendingChanged(self, tuple(pending)))


class ReplCompletions(PlacedAutoComplete):
    """The names tab found for the word at the cursor, in a list that opens above the prompt."""

    DEFAULT_CSS = f"""
    ReplCompletions {{
        max-height: {MAX_ROWS + 2};
        border: round $accent;
        background: $panel;
    }}
    """

    def __init__(self, target: ReplInput) -> None:
        super().__init__(target, candidates=None, prevent_default_enter=True, prevent_default_tab=True)
        self._choices: list[str] = []
        self._start = 0

    @property
    def choices(self) -> list[str]:
        """The names on offer (empty when the list is closed)."""
        return list(self._choices)

    def offer(self, start: int, matches: list[str]) -> None:
        """Show ``matches`` for the word that starts at ``start`` of the input."""
        self._start = start
        self._choices = list(matches)
        target = self.target
        target.post_message(Input.Changed(target, target.value))  # the dropdown rebuilds on this

    # -- textual-autocomplete's hooks -----------------------------------------------------

    def get_candidates(self, target_state: TargetState) -> list[DropdownItem]:
        return [DropdownItem(choice) for choice in self._choices]

    def get_search_string(self, target_state: TargetState) -> str:
        if target_state.cursor_position < self._start:
            return ""
        return target_state.text[self._start : target_state.cursor_position]

    def match(self, query: str, candidate: str) -> tuple[float, tuple[int, ...]]:
        """Names that start with what is typed, in their (alphabetical) order."""
        if candidate.startswith(query):
            return 1.0, tuple(range(len(query)))
        return 0.0, ()

    def should_show_dropdown(self, search_string: str) -> bool:
        return bool(self._choices) and super().should_show_dropdown(search_string)

    def apply_completion(self, value: str, state: TargetState) -> None:
        target = self.target
        assert isinstance(target, ReplInput)
        target.replace_span(self._start, state.cursor_position, value)

    def post_completion(self) -> None:
        self.action_hide()

    def action_hide(self) -> None:
        self._choices = []
        self.option_list.clear_options()
        super().action_hide()

    def dropdown_offset(self) -> Offset:
        """Above the prompt, over the transcript (textual-autocomplete opens it below).

        The prompt is the pane's last line, often the screen's last but the footer. The
        border takes a row above and below and a column each side: the names stay where
        they were without it, starting a column left of the cursor.
        """
        x, y = self.target.cursor_screen_offset
        width = self.option_list.outer_size.width + 2
        height = min(self.option_list.option_count, MAX_ROWS) + 2  # (its size lags a layout behind)
        area = self.screen.scrollable_content_region
        top = y - height if y - height >= area.y else y + 1
        return Offset(max(area.x, min(x - 2, area.right - width)), top)
