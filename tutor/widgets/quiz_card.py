"""The quiz as it sits in its section: a card with the best score; `enter` opens the quiz
once the card has focus (the card says "tab, then enter" until it has)."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from tutor.lesson.format import Lesson, Quiz
from tutor.widgets.exercise_card import how_to_open


class QuizCard(Static, can_focus=True):
    """Title, number of questions and best score so far. Focusable: `tab` reaches it."""

    DEFAULT_CSS = """
    QuizCard {
        height: auto; padding: 0 1; margin: 0 0 1 0;
        border: round $primary 60%; border-title-color: $primary;
    }
    QuizCard:focus { border: round $accent; border-title-color: $accent; background-tint: $foreground 5%; }
    """

    BINDINGS = [
        Binding("enter", "open", "Start quiz"),
        Binding("escape", "leave", "Back to text"),
    ]

    def __init__(self, quiz: Quiz, lesson: Lesson) -> None:
        super().__init__()
        self.quiz = quiz
        self.lesson = lesson

    def on_mount(self) -> None:
        self.border_title = self.quiz.title
        self.refresh_score()

    def refresh_score(self) -> None:
        """Redraw the card from the progress store (after the quiz screen closes)."""
        best = self.app.store.best_score(self.lesson.id)
        if best is None:
            score = Content.styled("Not taken yet", "$text-muted")
        else:
            percent = round(100 * best[0] / best[1]) if best[1] else 0
            score = Content.assemble(
                "Best score: ", (f"{best[0]} / {best[1]}", "bold $success"), f" ({percent}%)"
            )
        self.update(
            Content("\n").join([
                Content(f"{len(self.quiz.questions)} questions on the whole lesson"),
                score,
                Content.styled(how_to_open(self.has_focus, "start the quiz"), "$text-muted"),
            ])
        )

    def watch_has_focus(self, has_focus: bool) -> None:
        super().watch_has_focus(has_focus)
        self.refresh_score()  # the last line says which keys open the quiz now

    def action_open(self) -> None:
        from tutor.screens.quiz import QuizScreen

        screen = QuizScreen(self.lesson, self.quiz, self.app.store)
        self.app.push_screen(screen, callback=lambda _: self.refresh_score())

    def action_leave(self) -> None:
        self.screen.query_one("SectionView").focus()

    def on_click(self) -> None:
        self.focus()
        self.action_open()
