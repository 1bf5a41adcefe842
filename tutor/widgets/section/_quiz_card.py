"""The quiz as it sits in its section: a card with the best score; `enter` opens the quiz."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content

from tutor.lesson.format import Lesson, Quiz
from tutor.services import services
from tutor.widgets.section._section_card import SectionCard


class QuizCard(SectionCard):
    """Title, number of questions and best score so far. Focusable: `tab` reaches it."""

    DEFAULT_CSS = """
    QuizCard { border: round $primary 60%; border-title-color: $primary; }
    """

    BINDINGS = [Binding("enter", "open", "Start quiz")]
    OPEN = "start the quiz"

    def __init__(self, quiz: Quiz, lesson: Lesson) -> None:
        super().__init__(lesson, quiz, quiz.title)
        self.quiz = quiz

    def lines(self) -> list[Content]:
        best = services(self).store.best_score(self.lesson.id)
        if best is None:
            score = Content.styled("Not taken yet", "$text-muted")
        else:
            percent = round(100 * best[0] / best[1]) if best[1] else 0
            score = Content.assemble("Best score: ", (f"{best[0]} / {best[1]}", "bold $success"), f" ({percent}%)")
        return [Content(f"{len(self.quiz.questions)} questions on the whole lesson"), score]
