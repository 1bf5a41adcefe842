"""The exercise editor: Textual's code editor, safe to undo.

Textual 8.2.8's `TextArea` can leave its wrapped copy of the document longer
than the document after undoing a batch of edits (type enter, a letter,
undo, another letter, undo): the next frame then asks for a line that no
longer exists and the app crashes (the family of textual#6686). After every
undo and redo this editor wraps the whole document again, a sub-millisecond
job for an exercise's few dozen lines.
"""

from __future__ import annotations

from textual.widgets import TextArea


class CodeEditor(TextArea):
    """A `TextArea` whose undo and redo keep its wrapped lines in step with the text."""

    def undo(self) -> None:
        super().undo()
        self._rewrap()

    def redo(self) -> None:
        super().redo()
        self._rewrap()

    def _rewrap(self) -> None:
        self.wrapped_document.wrap(self.wrap_width, self.indent_width)
        self.refresh()
