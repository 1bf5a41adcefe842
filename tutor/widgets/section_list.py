"""The lesson sidebar: every section, a mark on those seen, the current one highlighted,
and at the right end of each row how far the section's skills have come: `·` none met,
○ ◔ ◑ ◕ by quarters of the way to mastered, `●` all mastered.

One widget that renders its rows itself: an OptionList here cost a tenth of the
lesson screen's first frame and redrew option by option on every section switch.
It never takes focus (keys go to the content); a click on a row posts
`SectionList.Selected` with that row's index.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from tutor.lesson.format import Section
from tutor.practice.mastery import section_mark

SEEN_MARK = "✓"
CURRENT_MARK = "▶"


class SectionList(Widget, can_focus=False):
    """The sections of a lesson, one row each."""

    DEFAULT_CSS = """
    SectionList {
        width: 26; height: 1fr; padding: 0;
        border-right: vkey $foreground 20%;
        text-wrap: nowrap; text-overflow: ellipsis;
        overflow-y: auto;
    }
    """

    @dataclass
    class Selected(Message):
        """The learner clicked the row of section `index` (0-based)."""

        index: int

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.labels: list[Content] = []
        self.marks: list[Content] = []
        self.highlighted: int | None = None
        self.mastery: dict[str, float] = {}
        """{section id: how far its skills have come, 0 to 1}; sections without skills have no mark."""

    def show_mastery(self, sections: tuple[Section, ...], mastery: dict[str, float]) -> None:
        """Redraw the mastery marks (after an answer, or once the answer log is read)."""
        self.mastery = mastery
        self.marks = [self._mark(section) for section in sections]
        self.refresh()

    def _mark(self, section: Section) -> Content:
        share = self.mastery.get(section.id)
        if share is None:
            return Content("")
        style = "$success" if share >= 0.75 else "$text-muted"
        return Content.styled(section_mark(share), style)

    def show(self, sections: tuple[Section, ...], current: int, seen: set[str]) -> None:
        """Redraw the list for the current position and the set of seen section ids."""
        labels = []
        for index, section in enumerate(sections):
            mark = SEEN_MARK if section.id in seen else " "
            pointer = CURRENT_MARK if index == current else " "
            label = Content.assemble(
                (pointer, "bold $accent"), (mark, "$success"), (f"{index + 1:>2} ", "$text-muted"),
                section.title,
            )
            if index == current:
                label = label.stylize("bold $block-cursor-foreground on $block-cursor-background")
            labels.append(label)
        # Only the markers change as the learner moves: a new layout is needed only when the
        # rows' widths do (a full layout of the lesson screen costs several milliseconds).
        layout = [label.cell_length for label in labels] != [label.cell_length for label in self.labels]
        self.labels, self.highlighted = labels, current
        self.refresh(layout=layout)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.labels)

    def render(self) -> Content:
        width = self.content_region.width or self.size.width
        rows = []
        for index, label in enumerate(self.labels):
            mark = self.marks[index] if index < len(self.marks) else Content("")
            if not mark.cell_length:
                rows.append(label.truncate(width, ellipsis=True, pad=True))
                continue
            room = max(width - 2, 0)
            row = Content.assemble(label.truncate(room, ellipsis=True, pad=True), " ", mark)
            if index == self.highlighted:
                row = row.stylize("on $block-cursor-background")
            rows.append(row)
        return Content("\n").join(rows)

    def on_click(self, event: events.Click) -> None:
        row = event.y + int(self.scroll_offset.y)
        if 0 <= row < len(self.labels):
            self.post_message(self.Selected(row))
