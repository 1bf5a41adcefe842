"""The home screen: the lesson catalogue with the learner's progress."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from tutor.lesson.registry import Catalogue, CatalogueEntry
from tutor.progress import lesson_progress
from tutor.store import Store
from tutor.widgets.key_footer import KeyFooter
from tutor.widgets.lesson_list import LessonCard, LessonList, progress_line


class HomeScreen(Screen):
    """Lists every lesson; `enter` opens the highlighted one where the learner left it."""

    AUTO_FOCUS = "LessonList"

    def __init__(self, catalogue: Catalogue, store: Store, *, deferred: bool = False) -> None:
        """`deferred`: compose nothing until the screen is first shown (the tutor is
        opening straight into a lesson, which should not wait for home)."""
        super().__init__()
        self.catalogue = catalogue
        self.store = store
        self._deferred = deferred

    def compose(self) -> ComposeResult:
        if self._deferred:
            return
        yield Header(icon="∑")
        yield Static("Lessons", id="catalogue-title")
        yield LessonList(*self._cards(), id="catalogue")
        yield Static(id="detail")
        yield KeyFooter()

    def _cards(self) -> list[LessonCard]:
        cards = []
        for entry in self.catalogue:
            progress = lesson_progress(entry, self.store)
            cards.append(LessonCard(entry, progress.sections_seen, progress_line(progress)))
        return cards

    def on_mount(self) -> None:
        self.sub_title = "Home"
        if not self._deferred:
            self._show_empty_catalogue()

    def _show_empty_catalogue(self) -> None:
        if not len(self.catalogue):
            self.query_one("#detail", Static).update(
                "No lessons are installed. Lessons register through the "
                "`tutor.lessons` entry-point group."
            )

    async def on_screen_resume(self) -> None:
        """Coming back from a lesson: redraw the progress (sections, exercises, quiz) and the detail."""
        if self._deferred:
            if self.app.screen is not self:  # resumed under the lesson at start-up: not shown yet
                return
            self._deferred = False  # first shown now: build it
            await self.recompose()
            self._show_empty_catalogue()
            self.query_one(LessonList).focus()
        for card in self.query(LessonCard):
            if card.entry.lesson is not None:
                progress = lesson_progress(card.entry, self.store)
                card.show_progress(progress.sections_seen, progress_line(progress))
        entry = self.query_one(LessonList).highlighted_entry
        if entry is not None:
            self.query_one("#detail", Static).update(self._describe(entry))

    def on_list_view_highlighted(self, event: LessonList.Highlighted) -> None:
        entry = self.query_one(LessonList).highlighted_entry
        if entry is not None:
            self.query_one("#detail", Static).update(self._describe(entry))

    def on_list_view_selected(self, event: LessonList.Selected) -> None:
        entry = self.query_one(LessonList).highlighted_entry
        if entry is None:
            return
        if entry.lesson is None:
            self.notify(entry.error or "This lesson is broken.", title="Lesson failed to load",
                        severity="error", timeout=8)
            return
        self.app.open_lesson(entry.id)

    def _describe(self, entry: CatalogueEntry) -> Content:
        if entry.lesson is None:
            return Content.assemble(
                ("Broken lesson ", "bold $error"), (entry.id, "bold"), "\n",
                (entry.error or "", "$error"), "\n",
                ("Other lessons still work. Run `tutor lessons --check` for details.", "$text-muted"),
            )
        lesson = entry.lesson
        where = self.store.position(lesson.id)
        index = lesson.section_index(where) if where else None
        if index is None:
            action = f"enter: start at 1. {lesson.sections[0].title}"
        else:
            action = f"enter: continue at {index + 1}. {lesson.sections[index].title}"
        return Content.assemble(
            (f"Lesson {lesson.number}: {lesson.title}", "bold"), "\n",
            lesson.summary, "\n", (action, "$text-muted"),
        )
