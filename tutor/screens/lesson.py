"""The lesson screen: a sidebar of sections and one section's content at a time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList

from tutor.lesson.format import Lesson
from tutor.store import Store
from tutor.widgets.section_list import SectionList
from tutor.widgets.section_view import SectionView

NARROW = 72
"""Below this many columns the sidebar starts hidden (`s` still shows it)."""


class LessonScreen(Screen):
    """Reads a lesson section by section and records where the learner is."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-wide")]
    AUTO_FOCUS = "SectionView"

    BINDINGS = [
        Binding("n", "next", "Next"),
        Binding("p", "previous", "Prev"),
        Binding("s", "toggle_sidebar", "Sections"),
        Binding("escape", "home", "Home"),
        *[
            Binding(str(number), f"jump({number})", "Jump to section", show=False)
            for number in range(1, 10)
        ],
    ]

    index: reactive[int] = reactive(-1, init=False)
    sidebar_override: reactive[bool | None] = reactive(None, init=False)
    """None follows the width; True or False is the learner's choice with `s`."""

    def __init__(self, lesson: Lesson, store: Store, index: int = 0) -> None:
        super().__init__()
        self.lesson = lesson
        self.store = store
        self._start = index

    def compose(self) -> ComposeResult:
        yield Header(icon="∑")
        with Horizontal(id="lesson-body"):
            yield SectionList(id="sidebar")
            yield SectionView(id="content")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.lesson.title
        self.index = self._start

    async def watch_index(self, index: int) -> None:
        section = self.lesson.sections[index]
        self.sub_title = f"{index + 1}/{len(self.lesson.sections)} {section.title}"
        self.store.set_position(self.lesson.id, section.id)
        self.query_one(SectionList).show(self.lesson.sections, index, self.store.seen(self.lesson.id))
        await self.query_one(SectionView).show(self.lesson, index)

    def go_to(self, index: int) -> None:
        """Show the section at `index` (0-based), clamped to the lesson."""
        self.index = max(0, min(index, len(self.lesson.sections) - 1))

    def action_next(self) -> None:
        if self.index + 1 >= len(self.lesson.sections):
            self.notify("This is the last section.", timeout=2)
        self.go_to(self.index + 1)

    def action_previous(self) -> None:
        if self.index == 0:
            self.notify("This is the first section.", timeout=2)
        self.go_to(self.index - 1)

    def action_jump(self, number: int) -> None:
        if number > len(self.lesson.sections):
            self.notify(f"This lesson has {len(self.lesson.sections)} sections.", timeout=2)
            return
        self.go_to(number - 1)

    def action_home(self) -> None:
        self.dismiss()

    def action_toggle_sidebar(self) -> None:
        self.sidebar_override = not self.query_one(SectionList).display

    def watch_sidebar_override(self, shown: bool | None) -> None:
        sidebar = self.query_one(SectionList)
        sidebar.set_class(shown is True, "-shown")
        sidebar.set_class(shown is False, "-hidden")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.go_to(event.option_index)
