"""The catalogue list on the home screen: one card a lesson, broken ones included."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import ListItem, ListView, Static

from tutor.lesson.registry import CatalogueEntry
from tutor.progress import LessonProgress, quiz_text

BAR_WIDTH = 12


def progress_bar(done: int, total: int, width: int = BAR_WIDTH, highlighted: bool = False) -> Content:
    """A bar of `width` cells, filled in proportion to done / total.

    Filled and empty cells differ in shape (heavy ━, light ─), so the bar reads
    without colour. On the highlighted card both take contrast-aware colours:
    a theme colour or a blend of the foreground can vanish into the highlight
    once the terminal rounds it to 256 or 16 colours.
    """
    filled = round(width * done / total) if total else 0
    done_style, todo_style = ("bold $text", "$text-muted") if highlighted else ("$success", "$foreground 45%")
    return Content.assemble(("━" * filled, done_style), ("─" * (width - filled), todo_style))


def progress_line(progress: LessonProgress) -> Content:
    """Exercises passed of the total, the best quiz score and (once read) the skills
    proficient and due: the card's third line."""
    if progress.exercises_total:
        passed = f"{progress.exercises_passed}/{progress.exercises_total}"
        exercises = Content.assemble(("exercises ", "$text-muted"), passed)
    else:
        exercises = Content.styled("no exercises", "$text-muted")
    if progress.quiz_questions:
        quiz = Content.assemble(("quiz ", "$text-muted"), quiz_text(progress))
    else:
        quiz = Content.styled("no quiz", "$text-muted")
    parts = [exercises, quiz]
    if progress.skills:
        skills = Content.assemble(
            ("skills ", "$text-muted"), f"{progress.skills_proficient}/{len(progress.skills)}",
            (" proficient", "$text-muted"),
        )
        if progress.skills_due:
            skills = Content.assemble(skills, (f", {progress.skills_due} due", "$warning"))
        parts.append(skills)
    return _joined(parts)


def _joined(parts: list[Content]) -> Content:
    """The parts with a muted ` · ` between them."""
    joined = parts[0]
    for part in parts[1:]:
        joined = Content.assemble(joined, ("  ·  ", "$text-muted"), part)
    return joined


class LessonCard(ListItem):
    """A lesson's number, title, summary and a bar of how many sections were seen.

    One widget a card (not a row of nested containers): the home screen is
    the first frame, and every extra node costs start-up time.
    """

    DEFAULT_CSS = """
    LessonCard { height: auto; padding: 0 1; }
    LessonCard > Static { width: 1fr; }
    """

    def __init__(self, entry: CatalogueEntry, seen: int = 0, line: Content | None = None) -> None:
        super().__init__(Static())
        self.entry = entry
        self.seen_count = seen
        self.progress_line = line
        """Exercises and quiz, under the summary (see `progress_line`)."""

    def show_seen(self, seen: int) -> None:
        """Redraw the card for `seen` sections seen."""
        self.seen_count = seen
        self.query_one(Static).update(self._render_card())

    def show_progress(self, seen: int, line: Content) -> None:
        """Redraw the card for `seen` sections seen and the exercises-and-quiz `line`."""
        self.progress_line = line
        self.show_seen(seen)

    def _render_card(self) -> Content:
        entry = self.entry
        if entry.lesson is None:
            error = "" if self.highlighted else "$text-error"  # red would vanish into the highlight
            return Content.assemble(
                (" !  ", error), (f"{entry.id}: broken", f"bold {error}"), "\n",
                ("    This lesson failed to load.", "$text-muted"),
            )
        lesson = entry.lesson
        total = len(lesson.sections)
        count = f" {self.seen_count}/{total}"
        number = f"{lesson.number:>2}  "
        room = max(0, self.size.width - len(number) - BAR_WIDTH - len(count) - 1) or 40
        title = lesson.title if len(lesson.title) <= room else lesson.title[: room - 1] + "…"
        return Content.assemble(
            (number, "$text-muted"), (title.ljust(room), "bold"), " ",
            progress_bar(self.seen_count, total, highlighted=self.highlighted), (count, "$text-muted"), "\n",
            " " * len(number), (lesson.summary, "$text-muted"),
            *(("\n", " " * len(number), self.progress_line) if self.progress_line else ()),
        )

    def on_resize(self) -> None:
        """Drawn once the card knows its width (the title is padded to it)."""
        self.show_seen(self.seen_count)

    def watch_highlighted(self, value: bool) -> None:
        """Redrawn when the highlight comes or goes: the bar's colours depend on it."""
        super().watch_highlighted(value)
        if self.size.width:
            self.show_seen(self.seen_count)


class LessonList(ListView):
    """The list of lesson cards; `enter` opens the highlighted one."""

    BINDINGS = [Binding("enter", "select_cursor", "Open", show=True)]

    @property
    def highlighted_entry(self) -> CatalogueEntry | None:
        item = self.highlighted_child
        return item.entry if isinstance(item, LessonCard) else None
