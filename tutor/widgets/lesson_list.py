"""The catalogue list on the home screen: one card a lesson, broken ones included."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, ListItem, ListView, ProgressBar

from tutor.lesson.registry import CatalogueEntry


class LessonCard(ListItem):
    """A lesson's number, title, summary and how many of its sections were seen."""

    DEFAULT_CSS = """
    LessonCard { height: auto; padding: 0 1; }
    LessonCard Horizontal, LessonCard Vertical { height: auto; }
    LessonCard .number { width: 4; color: $text-muted; }
    LessonCard .title { text-style: bold; width: 1fr; }
    LessonCard .summary { color: $text-muted; }
    LessonCard .seen { width: auto; color: $text-muted; margin-left: 1; }
    LessonCard ProgressBar { width: auto; }
    LessonCard ProgressBar Bar { width: 12; }
    LessonCard.-broken .title { color: $error; }
    """

    def __init__(self, entry: CatalogueEntry, seen: int = 0) -> None:
        super().__init__(classes="-broken" if entry.broken else "")
        self.entry = entry
        self.seen_count = seen

    def compose(self) -> ComposeResult:
        entry = self.entry
        with Horizontal(classes="heading"):
            yield Label(str(entry.lesson.number) if entry.lesson else "!", classes="number")
            with Vertical():
                with Horizontal():
                    if entry.lesson is None:
                        yield Label(f"{entry.id}: broken", classes="title")
                    else:
                        yield Label(entry.lesson.title, classes="title")
                        total = len(entry.lesson.sections)
                        yield ProgressBar(
                            total=total, show_eta=False, show_percentage=False, id="progress"
                        )
                        yield Label(f"{self.seen_count}/{total}", classes="seen")
                summary = entry.lesson.summary if entry.lesson else "This lesson failed to load."
                yield Label(summary, classes="summary")

    def on_mount(self) -> None:
        if self.entry.lesson is not None:
            self.query_one(ProgressBar).update(progress=self.seen_count)


class LessonList(ListView):
    """The list of lesson cards; `enter` opens the highlighted one."""

    BINDINGS = [Binding("enter", "select_cursor", "Open", show=True)]

    @property
    def highlighted_entry(self) -> CatalogueEntry | None:
        item = self.highlighted_child
        return item.entry if isinstance(item, LessonCard) else None
