"""An exercise as it sits in its section: a card with its status; `enter` opens the exercise."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content

from tutor.grading.status import IN_PROGRESS, NOT_STARTED, PASSED, status
from tutor.lesson.format import Exercise, Lesson
from tutor.services import services
from tutor.widgets.section._section_card import SectionCard

STATUS_STYLES = {NOT_STARTED: "$text-muted", IN_PROGRESS: "bold $warning", PASSED: "bold $success"}


class ExerciseCard(SectionCard):
    """Title, status (not started, in progress, passed) and how to open it. `tab` reaches it."""

    BINDINGS = [Binding("enter", "open", "Open exercise")]
    OPEN = "open the exercise"

    def __init__(self, exercise: Exercise, lesson: Lesson) -> None:
        super().__init__(lesson, exercise, exercise.title)
        self.exercise = exercise
        self.status = ""

    def lines(self) -> list[Content]:
        self.status = status(services(self).store, self.lesson.id, self.exercise)
        return [
            Content("Code it yourself; the tutor checks it."),
            Content.assemble("Status: ", (self.status, STATUS_STYLES.get(self.status, ""))),
        ]
