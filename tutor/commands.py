"""The command palette: entries "Go to section: …" and "Open lesson: …", and the palette
screen itself, made safe against page keys that arrive before its list has a size.

The lesson screen adds its own entries (see `tutor.screens.lesson_commands`).
"""

from __future__ import annotations

from functools import partial
from typing import Callable, Protocol

from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.css.query import NoMatches

from tutor.lesson.registry import Catalogue


class OpensLessons(Protocol):
    """What these commands need of the app: the lessons, and a way to open one."""

    catalogue: Catalogue

    def open_lesson(self, lesson_id: str, section_index: int | None = None) -> None: ...


class LessonCommands(Provider):
    """Sections of the lesson on screen (or of every lesson, from home) and every lesson."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        from tutor.screens.lesson import LessonScreen

        app: OpensLessons = self.app  # type: ignore[assignment]
        commands = []
        screen = self.screen
        for lesson in app.catalogue.lessons:
            if isinstance(screen, LessonScreen) and screen.lesson.id != lesson.id:
                continue
            for index, section in enumerate(lesson.sections):
                title = f"Go to section: {index + 1}. {section.title}"
                if not isinstance(screen, LessonScreen):
                    title += f" ({lesson.title})"
                commands.append((title, f"Lesson {lesson.number}: {lesson.title}",
                                 partial(app.open_lesson, lesson.id, index)))
        for lesson in app.catalogue.lessons:
            commands.append((f"Open lesson: {lesson.title}", lesson.summary,
                             partial(app.open_lesson, lesson.id)))
        return commands

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)


class TutorCommandPalette(CommandPalette):
    """Textual's command palette, which ignores `pageup`/`pagedown` until its list is laid out.

    Textual 8.2.8's OptionList pages by line positions it computes only once the list has a
    size, so `ctrl+p` and `pagedown` arriving together (one read from the terminal) raised
    KeyError and ended the tutor. Until the list has a size there is nothing to page through,
    so the public `check_action` hook turns those two actions off (no private method is
    overridden).
    """

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "command_list" and parameters and parameters[0] in ("page_up", "page_down"):
            try:
                return bool(self.query_one(CommandList).scrollable_content_region)
            except NoMatches:
                return False
        return super().check_action(action, parameters)
