"""TutorApp: the screens, the global keys, the command palette and the theme."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.binding import Binding

from tutor.commands import LessonCommands
from tutor.lesson.registry import Catalogue
from tutor.services import Services
from tutor.screens.help import HelpScreen, describe_keys
from tutor.screens.home import HomeScreen
from tutor.screens.too_small import TooSmallScreen
from tutor.store import Store

if TYPE_CHECKING:
    from tutor.repl.session import ReplSession

MIN_SIZE = (50, 12)
"""Columns and rows below which the tutor shows only a 'too small' notice."""

DEFAULT_THEME = "textual-dark"


class TutorApp(App[int]):
    """The tutor. `start` is (lesson id, section index or None); None resumes."""

    CSS_PATH = "app.tcss"
    TITLE = "ML maths tutor"
    COMMANDS = App.COMMANDS | {LessonCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(
        self,
        catalogue: Catalogue,
        store: Store,
        start: tuple[str, int | None] | None = None,
        review: tuple[str, str] | bool | None = None,
    ) -> None:
        """`review`: open on the review screen: True for what is due, (lesson id, skill id)
        to practise one skill (`tutor review`, `tutor practice SKILL`)."""
        super().__init__()
        self.catalogue = catalogue
        self.store = store
        self.services = Services(store, start_repl=self._start_repl)
        """What the widgets ask for with `tutor.services.services(widget)`."""
        self._start = start
        self._review = review
        self._opening: tuple[str, int | None] | None = None
        """Where the tutor opens: the lesson and section asked for, or the one to resume."""

    def _start_repl(self) -> ReplSession:
        """The REPL's session: one kernel child for the app's life, started when the pane first opens."""
        from tutor.repl.session import ReplSession

        return ReplSession(self.store)

    async def on_unmount(self) -> None:
        if self.services.repl_started:
            await self.services.repl.close()

    def get_default_screen(self) -> HomeScreen:
        """Home is the bottom of the screen stack: escape from a lesson lands there.

        When the tutor opens straight into a lesson, home is built only when the
        learner first goes there, so the lesson's first frame does not wait for it.
        """
        self._opening = None if self._review else (self._start or self._resume_point())
        deferred = self._opening is not None or bool(self._review)
        return HomeScreen(self.catalogue, self.store, deferred=deferred)

    def on_mount(self) -> None:
        theme = self.store.setting("theme", DEFAULT_THEME)
        if theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.store.notice:
            self.notify(self.store.notice, title="Progress", severity="warning", timeout=15)
        if self._review:
            self.open_review(self._review if isinstance(self._review, tuple) else None)
        elif self._opening is not None:
            self.open_lesson(*self._opening)
        self._check_size(self.size.width, self.size.height)

    def _resume_point(self) -> tuple[str, None] | None:
        last = self.store.last_lesson()
        entry = self.catalogue.get(last) if last else None
        return (last, None) if entry is not None and entry.lesson is not None else None

    def _remember_theme(self, theme) -> None:
        self.store.set_setting("theme", theme.name)

    # -- lessons -------------------------------------------------------------

    def open_lesson(self, lesson_id: str, section_index: int | None = None) -> None:
        """Open `lesson_id` at `section_index`, or where the learner last was."""
        from tutor.screens.lesson import LessonScreen

        entry = self.catalogue.get(lesson_id)
        if entry is None or entry.lesson is None:
            self.notify(f"Lesson {lesson_id!r} cannot be opened.", severity="error")
            return
        lesson = entry.lesson
        screen = self.screen
        if isinstance(screen, LessonScreen) and screen.lesson.id == lesson_id:
            if section_index is not None:
                screen.go_to(section_index)
            return
        if section_index is None:
            section_index = lesson.section_index(self.store.position(lesson_id) or "") or 0
        while not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        self.push_screen(LessonScreen(lesson, self.store, section_index))

    def open_review(self, skill: tuple[str, str] | None = None) -> None:
        """The review of what is due, or (`skill`: lesson id, skill id) practice of one skill."""
        from tutor.screens.review import ReviewScreen

        self.push_screen(ReviewScreen(self.catalogue.lessons, self.store, skill=skill))

    async def action_quit(self) -> None:
        """Quit, keeping the reading place of an open lesson (it is otherwise saved a moment
        after scrolling stops, and `q` may come sooner)."""
        from tutor.screens.lesson import LessonScreen

        for screen in self.screen_stack:
            if isinstance(screen, LessonScreen):
                screen.save_reading()
        await super().action_quit()

    def action_command_palette(self) -> None:
        """Textual's palette, safe against keys that arrive before it is laid out."""
        from tutor.commands import TutorCommandPalette

        if self.use_command_palette and not TutorCommandPalette.is_open(self):
            self.push_screen(TutorCommandPalette(id="--command-palette"))

    def search_themes(self) -> None:
        """The palette's theme switcher, in the same safe palette."""
        from textual.theme import ThemeProvider

        from tutor.commands import TutorCommandPalette

        self.push_screen(TutorCommandPalette(providers=[ThemeProvider], placeholder="Search for themes…"))

    # -- help and size -------------------------------------------------------

    def action_help(self) -> None:
        if isinstance(self.screen, (HelpScreen, TooSmallScreen)):
            return
        where = self.screen.sub_title or self.screen.title or self.title
        self.push_screen(HelpScreen(describe_keys(self, self.screen.active_bindings), where))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if isinstance(self.screen, TooSmallScreen) and action in {"help", "command_palette"}:
            return False
        return True

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        too_small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small and showing:
            self.screen.update_size((width, height))
        elif too_small:
            self.push_screen(TooSmallScreen(MIN_SIZE, (width, height)))
        elif showing:
            self.pop_screen()
