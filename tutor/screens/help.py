"""The help screen: every key that works where the learner pressed `?`."""

from __future__ import annotations

import textwrap
from itertools import groupby

from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

HIDDEN_ACTIONS = {
    "app.focus_next", "app.focus_previous", "screen.copy_text",
    "scroll_left", "scroll_right", "page_left", "page_right",
}
"""Bindings every Textual screen has that a learner of this tutor never needs."""

BETTER_DESCRIPTIONS = {
    "command_palette": "Command palette: go to a section, open a lesson, theme",
    "quit": "Quit (progress is saved as you go)",
    "external_editor": "Edit in your $VISUAL / $EDITOR; the checks run when you return",
    "task_down": "Scroll the exercise's task down (from the editor too)",
    "task_up": "Scroll the exercise's task up",
}


class HelpScreen(ModalScreen[None]):
    """A list of keys and what they do; any of `escape`, `?` or `q` closes it."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close help"),
    ]

    def __init__(self, keys: list[tuple[str, str]], where: str) -> None:
        super().__init__()
        self.keys = keys
        self.where = where

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-panel") as panel:
            panel.border_title = f"Keys: {self.where}"
            panel.border_subtitle = "escape closes"
            yield Static(self._table(self.app.size.width), id="help-keys")

    def on_resize(self) -> None:
        self.query_one("#help-keys", Static).update(self._table(self.size.width))

    def _table(self, screen_width: int) -> Content:
        """Keys in one column, what they do in the next, wrapped under itself to fit the panel
        (at most 90% of the screen, less its border and padding)."""
        rows = self.keys
        width = max(len(key) for key, _ in rows)
        room = max(20, int(screen_width * 0.9) - 6 - width - 2)
        lines = []
        for key, description in rows:
            parts = textwrap.wrap(description, room) or [""]
            lines.append(Content.assemble((key.ljust(width), "bold $accent"), "  ", parts[0]))
            lines.extend(Content(" " * (width + 2) + part) for part in parts[1:])
        return Content("\n").join(lines)


def _editing_keys() -> set[tuple[str, str]]:
    """(key, action) of the editing keys every Textual text box has (arrows, home, ctrl+w, …).

    Help lists them as one line: fifteen rows of cursor movement would bury the keys
    that belong to the screen. Enter is not one of them: in an answer box it submits,
    and a learner looking for how to answer must find it.
    """
    from textual.widgets import Input, TextArea

    keys = set()
    for widget in (Input, TextArea):
        for binding in widget.BINDINGS:
            if isinstance(binding, Binding):
                keys.update((key.strip(), binding.action) for key in binding.key.split(","))
    return {(key, action) for key, action in keys if key != "enter"}


EDITING_ROW = ("← → home end …", "Edit the text as in any text box")


def describe_keys(app: App, active: dict[str, ActiveBinding]) -> list[tuple[str, str]]:
    """One row per thing a key does: the screen's keys first, then the content's, then the app's.

    Keys bound to the same action with the same label share a row (`q` and `ctrl+q` quit;
    `a b c` choose), and the section digits 1 … 9 fold into one row, "1–9". Keys with
    different labels never share one: up and down on an explorable do different things.
    """
    def rank(binding: ActiveBinding) -> int:
        if isinstance(binding.node, App):
            return 2
        return 0 if isinstance(binding.node, Screen) else 1

    editing = _editing_keys()
    chosen = [
        binding for binding in active.values()
        if binding.binding.description
        and not binding.binding.system
        and binding.binding.action not in HIDDEN_ACTIONS
    ]
    has_editing = any((binding.binding.key, binding.binding.action) in editing for binding in chosen)
    chosen = [binding for binding in chosen if (binding.binding.key, binding.binding.action) not in editing]
    chosen.sort(key=rank)
    rows = []

    def same_row(binding: ActiveBinding) -> tuple[int, str, str]:
        return rank(binding), binding.binding.action.split("(")[0], binding.binding.description

    for (row_rank, action, description), group in groupby(chosen, key=same_row):
        keys = [app.get_key_display(binding.binding) for binding in group]
        if len(keys) > 3 and all(key.isdigit() for key in keys):
            shown = f"{keys[0]}–{keys[-1]}"  # the section digits
        else:
            shown = " ".join(keys)
        if has_editing and row_rank == 2 and EDITING_ROW not in rows:
            rows.append(EDITING_ROW)
        rows.append((shown, BETTER_DESCRIPTIONS.get(action, description)))
    if has_editing and EDITING_ROW not in rows:
        rows.append(EDITING_ROW)
    return rows
