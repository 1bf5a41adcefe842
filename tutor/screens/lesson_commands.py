"""The lesson screen's own entries in the command palette ("REPL: restart", "Next lesson: …").

Textual asks a screen's `COMMANDS` only while that screen is under the palette,
so the entry exists only where it applies, and it runs the screen's action by
name instead of the palette calling into the screen.
"""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider

RESTART = ("REPL: restart", "A fresh Python; the lesson's variables are set up again", "repl_restart")


class LessonScreenCommands(Provider):
    """Commands that act on the lesson screen the palette was opened over."""

    def _commands(self) -> list[tuple[str, str, str]]:
        commands = [RESTART]
        following = getattr(self.screen, "next_lesson", lambda: None)()
        if following is not None:
            commands.append((f"Next lesson: {following[1]}", "The lesson that follows this one", "next_lesson"))
        return commands

    async def discover(self) -> Hits:
        for title, help_text, action in self._commands():
            yield DiscoveryHit(title, self._run(action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), self._run(action), help=help_text)

    def _run(self, action: str):
        screen = self.screen

        async def run() -> None:
            await screen.run_action(action)

        return run
