"""The help screen: every key that works where the learner pressed `?`."""

from __future__ import annotations

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
            yield Static(self._table(), id="help-keys")

    def _table(self) -> Content:
        rows = self.keys
        width = max(len(key) for key, _ in rows)
        lines = [
            Content.assemble((key.ljust(width), "bold $accent"), "  ", description)
            for key, description in rows
        ]
        return Content("\n").join(lines)


def describe_keys(app: App, active: dict[str, ActiveBinding]) -> list[tuple[str, str]]:
    """One row per action: the screen's keys first, then the content's, then the app's.

    Keys that share a description merge: 1 … 9 "Jump to section" becomes one row.
    """
    def rank(binding: ActiveBinding) -> int:
        if isinstance(binding.node, App):
            return 2
        return 0 if isinstance(binding.node, Screen) else 1

    chosen = [
        binding for binding in active.values()
        if binding.binding.description
        and not binding.binding.system
        and binding.binding.action not in HIDDEN_ACTIONS
    ]
    chosen.sort(key=rank)
    rows = []
    for _, group in groupby(chosen, key=lambda binding: (rank(binding), binding.binding.action.split("(")[0])):
        group = list(group)
        keys = [app.get_key_display(binding.binding) for binding in group]
        if len(keys) > 3:  # a run of digits; 0 (the tenth section) comes after 9
            tail = keys[-1:] if keys[-1] == "0" else []
            run = keys[: len(keys) - len(tail)]
            shown = " ".join([f"{run[0]}–{run[-1]}", *tail])
        else:
            shown = " ".join(keys)
        action = group[0].binding.action
        rows.append((shown, BETTER_DESCRIPTIONS.get(action, group[0].binding.description)))
    return rows
