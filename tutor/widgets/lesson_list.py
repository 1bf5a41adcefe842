"""The catalogue list on the home screen: one card a lesson, broken ones included."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import ListItem, ListView, Static

from tutor.lesson.registry import CatalogueEntry

BAR_WIDTH = 12


def progress_bar(done: int, total: int, width: int = BAR_WIDTH) -> Content:
    """A bar of `width` cells, filled in proportion to done / total."""
    filled = round(width * done / total) if total else 0
    return Content.assemble(("━" * filled, "$success"), ("━" * (width - filled), "$foreground 20%"))


class LessonCard(ListItem):
    """A lesson's number, title, summary and a bar of how many sections were seen.

    One widget a card (not a row of nested containers): the home screen is
    the first frame, and every extra node costs start-up time.
    """

    DEFAULT_CSS = """
    LessonCard { height: auto; padding: 0 1; }
    LessonCard > Static { width: 1fr; }
    """

    def __init__(self, entry: CatalogueEntry, seen: int = 0) -> None:
        super().__init__(Static())
        self.entry = entry
        self.seen_count = seen

    def show_seen(self, seen: int) -> None:
        """Redraw the card for `seen` sections seen."""
        self.seen_count = seen
        self.query_one(Static).update(self._render_card())

    def _render_card(self) -> Content:
        entry = self.entry
        if entry.lesson is None:
            return Content.assemble(
                (" !  ", "$error"), (f"{entry.id}: broken", "bold $error"), "\n",
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
            progress_bar(self.seen_count, total), (count, "$text-muted"), "\n",
            " " * len(number), (lesson.summary, "$text-muted"),
        )

    def on_resize(self) -> None:
        """Drawn once the card knows its width (the title is padded to it)."""
        self.show_seen(self.seen_count)


class LessonList(ListView):
    """The list of lesson cards; `enter` opens the highlighted one."""

    BINDINGS = [Binding("enter", "select_cursor", "Open", show=True)]

    @property
    def highlighted_entry(self) -> CatalogueEntry | None:
        item = self.highlighted_child
        return item.entry if isinstance(item, LessonCard) else None
