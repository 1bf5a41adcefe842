"""The footer: the keys that work here, drawn on one line by a single widget.

It shows what Textual's `Footer` shows (each shown binding once per action,
grouped bindings as their keys and the group's label, disabled keys dimmed,
the command palette key at the right) and a click on a key presses it.

Why not Textual's `Footer`: it mounts one widget per key and recomposes them
all whenever the bindings change (every focus change), inside a batch that
holds back every frame until the new widgets are mounted and styled. On the
lesson screen that discarded the first rendered frame and cost about 50 ms
before the learner saw anything, and it ran again on each focus change. This
widget only refreshes: the keys are laid out in `render`.
"""

from __future__ import annotations

from itertools import groupby
from typing import NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import ActiveBinding, Binding
from textual.screen import Screen
from textual.widget import Widget


class FooterItem(NamedTuple):
    """One thing the footer shows: a key and what it does, or a group of keys and its label."""

    keys: tuple[tuple[str, str, bool], ...]
    """(key, how the key is displayed, enabled) for each key of the item."""
    description: str
    compact: bool = False


def footer_items(screen: Screen, active: dict[str, ActiveBinding]) -> list[FooterItem]:
    """What the footer shows for `screen`, given its `active_bindings`, in Textual's
    order: the focused widget's keys first."""
    app = screen.app
    first_by_action: dict[str, tuple[Binding, bool]] = {}
    for _node, binding, enabled, _tooltip in active.values():
        if binding.show and binding.action not in first_by_action:
            first_by_action[binding.action] = (binding, enabled)
    items: list[FooterItem] = []
    for group, members in groupby(first_by_action.values(), lambda member: member[0].group):
        members = list(members)
        keys = [(binding.key, app.get_key_display(binding), enabled) for binding, enabled in members]
        if group is not None and len(members) > 1:
            items.append(FooterItem(tuple(keys), group.description, group.compact))
        else:
            items.extend(
                FooterItem((key,), binding.description) for key, (binding, _) in zip(keys, members)
            )
    return items


def palette_item(screen: Screen, active: dict[str, ActiveBinding]) -> FooterItem | None:
    """The command palette's key, when the palette can be opened here."""
    app = screen.app
    if not app.ENABLE_COMMAND_PALETTE:
        return None
    found = active.get(app.COMMAND_PALETTE_BINDING)
    if found is None:
        return None
    _node, binding, enabled, _tooltip = found
    return FooterItem(((binding.key, app.get_key_display(binding), enabled),), binding.description)


class KeyFooter(Widget):
    """The active keys along the bottom of a screen; refreshed when the screen's bindings change."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-footer--key", "key-footer--description", "key-footer--hover"}

    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-footer--hover {
            background: $block-hover-background;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._spans: list[tuple[int, int, str, bool]] = []
        """(first column, end column, key, enabled) of each key drawn, for clicks."""
        self._hover_x: int | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen) -> None:
        self.refresh()

    # -- drawing -------------------------------------------------------------

    def render(self) -> Text:
        width = self.size.width
        key_style = self.get_component_rich_style("key-footer--key")
        description_style = self.get_component_rich_style("key-footer--description")
        active = self.screen.active_bindings  # costly (each action is parsed and checked): once
        palette = palette_item(self.screen, active)
        palette_text = Text()
        if palette is not None:  # at the right edge, after a thin rule: "▏^p palette "
            (_key, display, enabled), = palette.keys
            palette_text = Text("▏", style=Style(dim=True))
            palette_text.append(f"{display} ", key_style + (Style() if enabled else Style(dim=True)))
            palette_text.append(f"{palette.description} ", description_style)
        room = width - palette_text.cell_len
        line = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int, str, bool]] = []
        for item in footer_items(self.screen, active):
            text = self._item_text(item, key_style, description_style)
            if line.cell_len + text.cell_len > room:
                break  # a key shown in part is worse than one left out; `?` lists them all
            spans.extend(self._key_spans(item, line.cell_len))
            line.append_text(text)
        if palette is not None:
            line.append(" " * max(0, room - line.cell_len))
            spans.extend(self._key_spans(palette, line.cell_len))
            line.append_text(palette_text)
        self._spans = spans
        if self._hover_x is not None:
            for start, end, _key, enabled in spans:
                if start <= self._hover_x < end and enabled:
                    line.stylize(self.get_component_rich_style("key-footer--hover", partial=True), start, end)
        return line

    @staticmethod
    def _item_text(item: FooterItem, key_style: Style, description_style: Style) -> Text:
        """' k Description ' for one key; ' ↑↓ Label ' for a group of keys."""
        text = Text()
        dim = Style(dim=True)
        if len(item.keys) == 1:
            (_key, display, enabled), = item.keys
            text.append(f" {display} ", key_style + (dim if not enabled else Style()))
            if item.description:
                text.append(f"{item.description} ", description_style + (dim if not enabled else Style()))
            return text
        joiner = "" if item.compact else " "
        text.append(" ")
        for position, (_key, display, enabled) in enumerate(item.keys):
            if position:
                text.append(joiner)
            text.append(display, key_style + (dim if not enabled else Style()))
        text.append(f" {item.description} ", description_style)
        return text

    @staticmethod
    def _key_spans(item: FooterItem, start: int) -> list[tuple[int, int, str, bool]]:
        """Where each of the item's keys is drawn when the item starts at column `start`."""
        if len(item.keys) == 1:
            (key, display, enabled), = item.keys
            end = start + cell_len(display) + 2 + (cell_len(item.description) + 1 if item.description else 0)
            return [(start, end, key, enabled)]
        spans = []
        column = start + 1
        for key, display, enabled in item.keys:
            spans.append((column, column + cell_len(display), key, enabled))
            column += cell_len(display) + (0 if item.compact else 1)
        return spans

    # -- the mouse -----------------------------------------------------------

    def key_at(self, x: int) -> tuple[str, bool] | None:
        """The key drawn at column `x` and whether it is enabled, or None."""
        for start, end, key, enabled in self._spans:
            if start <= x < end:
                return key, enabled
        return None

    def on_click(self, event: events.Click) -> None:
        event.stop()
        found = self.key_at(event.x)
        if found is None:
            return
        key, enabled = found
        if enabled:
            self.app.simulate_key(key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._hover_x != event.x:
            self._hover_x = event.x
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        self._hover_x = None
        self.refresh()
