"""The lesson sidebar: every section, a mark on those seen, the current one highlighted."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tutor.lesson.format import Section

SEEN_MARK = "✓"
CURRENT_MARK = "▶"


class SectionList(OptionList, can_focus=False):
    """A non-focusable list: keys go to the content; a click jumps to a section."""

    DEFAULT_CSS = """
    SectionList { width: 26; height: 1fr; border: none; border-right: vkey $foreground 20%; padding: 0; }
    """

    def show(self, sections: tuple[Section, ...], current: int, seen: set[str]) -> None:
        """Redraw the list for the current position and the set of seen section ids."""
        options = []
        for index, section in enumerate(sections):
            mark = SEEN_MARK if section.id in seen else " "
            pointer = CURRENT_MARK if index == current else " "
            label = Content.assemble(
                (pointer, "bold $accent"), (mark, "$success"), (f"{index + 1:>2} ", "$text-muted"),
                section.title,
            )
            options.append(Option(label, id=section.id))
        self.set_options(options)
        self.highlighted = current
