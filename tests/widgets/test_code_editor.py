"""The exercise editor survives the undo sequence that crashes Textual's TextArea."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import TextArea

from tutor.widgets.code_editor import CodeEditor

STARTER = 'def dot(a, b):\n    """The dot product."""\n    raise NotImplementedError\n'
CRASHING_KEYS = ["enter", "h", "ctrl+z", "y", "ctrl+z"]


class EditorApp(App[None]):
    def __init__(self, editor_class: type[TextArea]) -> None:
        super().__init__()
        self.editor_class = editor_class

    def compose(self) -> ComposeResult:
        yield self.editor_class.code_editor(STARTER, language="python")


async def press_all(app: App, keys: list[str]) -> list[tuple[int, int]]:
    """(document lines, wrapped lines) after each key."""
    counts = []
    async with app.run_test(size=(60, 12)) as pilot:
        editor = app.query_one(TextArea)
        for key in keys:
            await pilot.press(key)
            counts.append((editor.document.line_count, editor.wrapped_document.height))
        await pilot.pause()
    return counts


async def test_textual_text_area_still_has_the_bug() -> None:
    """If this starts failing, Textual fixed it and `CodeEditor` can go."""
    with pytest.raises(IndexError):
        await press_all(EditorApp(TextArea), CRASHING_KEYS)


async def test_undo_and_redo_keep_the_wrapped_lines_in_step() -> None:
    counts = await press_all(EditorApp(CodeEditor), [*CRASHING_KEYS, "ctrl+y", "ctrl+z", "ctrl+z"])
    assert all(lines == wrapped for lines, wrapped in counts)
    assert counts[4][0] == STARTER.count("\n") + 1  # the second undo took the text back to the start
