"""The exercise editor: Textual's code editor, with Python's indentation, safe to undo.

Indentation, as in the REPL's prompt (`tutor.widgets.repl._input.next_indent`):
`enter` starts the new line at the indent of the line it leaves, one level
(four spaces) deeper after a line that ends in `:`; `backspace` with only
spaces left of the cursor goes back to the previous multiple of four.

Textual 8.2.8's `TextArea` can leave its wrapped copy of the document longer
than the document after undoing a batch of edits (type enter, a letter,
undo, another letter, undo): the next frame then asks for a line that no
longer exists and the app crashes (the family of textual#6686). After every
undo and redo this editor wraps the whole document again, a sub-millisecond
job for an exercise's few dozen lines.

Python's highlight query is compiled once a process, not for each document the
editor makes (`tutor.widgets.adapters.textual_text_area`).
"""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from tutor.widgets.adapters.textual_text_area import share_highlight_queries

share_highlight_queries()  # the editor's Python query compiled once, not twice an exercise opened

INDENT = 4
"""Spaces in one level of indentation."""


def line_break(before: str) -> str:
    """What `enter` inserts after `before` (the line's text left of the cursor): a newline and the indent."""
    indent = before[: len(before) - len(before.lstrip(" "))]
    if before.rstrip().endswith(":"):
        indent += " " * INDENT
    return "\n" + indent


def dedent_column(before: str) -> int | None:
    """Where `backspace` takes the cursor when only spaces are left of it (else None)."""
    if not before or before.strip(" "):
        return None
    return (len(before) - 1) // INDENT * INDENT


class CodeEditor(TextArea):
    """A `TextArea` that indents as Python does, and whose undo and redo keep its wrapped lines in step."""

    def _before_cursor(self, location: tuple[int, int]) -> str:
        row, column = location
        return self.document.get_line(row)[:column]

    async def _on_key(self, event: events.Key) -> None:
        # TextArea's own handler (which runs after this one unless it is prevented)
        # inserts a bare newline for enter.
        if event.key != "enter" or self.read_only:
            return
        event.stop()
        event.prevent_default()
        self._restart_blink()
        start, end = sorted(self.selection)
        self._replace_via_keyboard(line_break(self._before_cursor(start)), start, end)

    def action_delete_left(self) -> None:
        selection = self.selection
        if not self.read_only and selection.is_empty:
            row, column = selection.end
            target = dedent_column(self._before_cursor((row, column)))
            if target is not None:
                self._delete_via_keyboard((row, target), (row, column))
                return
        super().action_delete_left()

    def undo(self) -> None:
        super().undo()
        self._rewrap()

    def redo(self) -> None:
        super().redo()
        self._rewrap()

    def _rewrap(self) -> None:
        self.wrapped_document.wrap(self.wrap_width, self.indent_width)
        self.refresh()
