"""The home screen: the lesson catalogue with the learner's progress, and the review that is due.

The skills' mastery and the due count are read just after the first frame
(one read of the answer log for every lesson), so they cost start-up nothing.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from tutor.lesson.registry import Catalogue, CatalogueEntry
from tutor.practice import clock
from tutor.practice.review import next_due
from tutor.practice.skills import skill_states
from tutor.progress import lesson_progress
from tutor.store import Store
from tutor.widgets.key_footer import KeyFooter
from tutor.widgets.lesson_list import LessonCard, LessonList, progress_line


class HomeScreen(Screen):
    """Lists every lesson; `enter` opens the highlighted one where the learner left it."""

    AUTO_FOCUS = "LessonList"
    BINDINGS = [Binding("r", "review", "Review")]

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
        yield Static(self._catalogue_title(), id="catalogue-title")
        yield LessonList(*self._cards(), id="catalogue")
        yield Static(id="review-line")
        yield Static(id="detail")
        yield KeyFooter()

    def _catalogue_title(self) -> Content:
        """"Lessons", and when they do not start at 1, why: they keep their numbers in the course."""
        numbers = sorted({lesson.number for lesson in self.catalogue.lessons})
        if not numbers or numbers[0] <= 1:
            return Content("Lessons")
        listed = ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}" if len(numbers) > 1 else str(numbers[0])
        return Content.assemble(
            "Lessons", (f"  numbered as in the full course: this tutor teaches lesson{'s' if len(numbers) > 1 else ''} "
                        f"{listed}", "$text-muted not bold"),
        )

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
            self.call_after_refresh(self.show_practice)

    def show_practice(self) -> None:
        """Mastery on each card and the "Review: N due" line (after the first frame)."""
        if self._deferred:
            return
        lessons = self.catalogue.lessons
        states = skill_states(lessons, self.store)
        now = clock.timestamp()
        for card in self.query(LessonCard):
            if card.entry.lesson is not None:
                progress = lesson_progress(card.entry, self.store, states, now)
                card.show_progress(progress.sections_seen, progress_line(progress))
        due = sum(state.is_due(now) for state in states)
        line = self.query_one("#review-line", Static)
        if due:
            line.update(Content.assemble(
                ("Review: ", "bold"), (f"{due} due", "bold $warning"), ("  r: start it", "$text-muted")
            ))
            drills = [
                drill for lesson in lessons for drill in lesson.drills
                if any(state.is_due(now) and state.skill.id == drill.skill for state in states)
            ]
            self.run_worker(lambda: _warm_the_review(drills), thread=True, group="warm", exclusive=True)
        elif (upcoming := next_due(states)) is not None:
            line.update(Content.assemble(
                ("Review: ", "bold"), "nothing due", (f"  next {clock.describe(upcoming, now)}", "$text-muted"),
                ("  r: practise", "$text-muted"),
            ))
        elif any(lesson.skills for lesson in lessons):
            line.update(Content.assemble(
                ("Review: ", "bold"), ("skills you meet are scheduled here", "$text-muted"),
            ))
        line.display = any(lesson.skills for lesson in lessons)

    def action_review(self) -> None:
        self.app.open_review()

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
        self.show_practice()
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


def _warm_the_review(drills: list) -> None:
    """Import what the review needs off the UI thread while the learner reads home (numpy,
    the due skills' drill modules, the scheduler, the screen): its first question should
    not wait for them."""
    import numpy  # noqa: F401

    import tutor.practice.schedule  # noqa: F401
    import tutor.screens.review  # noqa: F401
    from tutor.lesson.format import resolve

    for drill in drills:
        resolve(drill.make)
