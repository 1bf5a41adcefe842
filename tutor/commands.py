"""Command palette entries: "Go to section: …", "Open lesson: …" and "REPL: restart"."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tutor.app import TutorApp


class LessonCommands(Provider):
    """Sections of the lesson on screen (or of every lesson, from home) and every lesson."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        from tutor.screens.lesson import LessonScreen

        app: TutorApp = self.app  # type: ignore[assignment]
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
        if isinstance(screen, LessonScreen):
            commands.append(("REPL: restart", "A fresh Python; the lesson's variables are set up again",
                             screen.action_repl_restart))
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
