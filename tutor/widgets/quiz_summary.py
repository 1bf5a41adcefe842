"""The end of a quiz round: the score, the keys that come next, and every question missed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from tutor.grading.quiz_round import QuizRound
from tutor.lesson.format import Lesson, Question, Quiz


def section_label(lesson: Lesson, question: Question) -> str:
    """The section a question tests, as the sidebar numbers it: `3. Matrix products`."""
    index = lesson.section_index(question.section) if question.section else None
    return f"{index + 1}. {lesson.sections[index].title}" if index is not None else ""


class QuizSummary(Vertical):
    """Shows a finished round; the quiz screen calls `show` and owns the keys."""

    DEFAULT_CSS = """
    QuizSummary { height: auto; }
    QuizSummary #summary-score { margin: 1 0 0 0; }
    QuizSummary #summary-missed { height: auto; }
    QuizSummary .missed { height: auto; margin: 0 0 1 0; }
    QuizSummary .missed .number { width: 4; text-style: bold; }
    QuizSummary .missed .detail { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="summary-score")
        yield Vertical(id="summary-missed")

    def show(self, round_: QuizRound, quiz: Quiz, lesson: Lesson, best: tuple[int, int] | None) -> None:
        """Redraw for a finished `round_` of `quiz`; `best` is the best whole-quiz score recorded."""
        self.query_one("#summary-score", Static).update(self._score(round_, best))
        missed = self.query_one("#summary-missed", Vertical)
        missed.remove_children()
        missed.mount_all(self._missed_rows(round_, quiz, lesson))

    def _score(self, round_: QuizRound, best: tuple[int, int] | None) -> Content:
        percent = round(100 * round_.score / round_.total) if round_.total else 0
        if round_.full:
            lines = [Content.assemble(
                ("Score: ", "bold"), (f"{round_.score} / {round_.total}", "bold $accent"), f"  ({percent}%)"
            )]
        else:
            lines = [Content.assemble(
                ("Retry: ", "bold"), (f"{round_.score} of {round_.total}", "bold $accent"), " now right",
            )]
        if best is not None:
            lines.append(Content.styled(f"Best whole-quiz score: {best[0]} / {best[1]}", "$text-muted"))
        if not round_.full:
            lines.append(Content.styled("Only a whole quiz changes the recorded score.", "$text-muted"))
        missed = round_.missed
        keys = [f"r: retry {len(missed)} missed"] if missed else []
        keys += ["t: take it all again", "escape: back to the lesson"]
        lines += [Content(""), Content.styled(" · ".join(keys), "$text-muted"), Content("")]
        if missed:
            lines.append(Content.styled("Missed:" if round_.full else "Still missed:", "bold"))
        else:
            lines.append(Content.styled("Every answer right.", "bold $success"))
        return Content("\n").join(lines)

    def _missed_rows(self, round_: QuizRound, quiz: Quiz, lesson: Lesson) -> list[Horizontal]:
        """One row a missed question: its number in the quiz, the prompt, both answers, its section."""
        rows = []
        for question in round_.missed:
            verdict = round_.verdicts[question.id]
            # by id: the round asks shuffled copies, or fresh variants, of the quiz's questions
            number = next(
                (index for index, asked in enumerate(quiz.questions, start=1) if asked.id == question.id), 0
            )
            section = section_label(lesson, question)
            detail = Content.assemble(
                question.prompt, "\n",
                ("you: ", "$text-muted"), (verdict.given, "$error"),
                ("  answer: ", "$text-muted"), (verdict.expected, "$success"),
                (f"  ({section})" if section else "", "$text-muted"),
            )
            rows.append(Horizontal(
                Static(f"{number:>2}.", classes="number"), Static(detail, classes="detail"), classes="missed",
            ))
        return rows
