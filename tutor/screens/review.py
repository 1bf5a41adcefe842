"""The review screen: the skills due across every lesson, each as a fresh question.

Three ways in, one screen:

* **review** (`tutor review`, `r` on home): every due skill of every installed
  lesson, interleaved, each as a fresh variant from its drill (a fixed question
  only when the skill has no drill). With nothing due it says when the next
  review is, and `p` starts a short practice round of the weakest skills;
* **practice round** (`p`): those weakest skills, once each;
* **practice a skill** (`tutor practice SKILL_ID`): fresh variants of one skill
  until it is proficient (at most `PRACTICE_LIMIT` questions).

It shows how many are left, explains every answer, and ends with a summary:
each skill's level before and after, and when the next review falls due.
"""

from __future__ import annotations

import random
from dataclasses import replace

from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from tutor.grading.answers import Verdict
from tutor.grading.quiz_round import QuizRound
from tutor.lesson.format import Lesson, Question
from tutor.practice import clock, log
from tutor.practice.mastery import Level
from tutor.practice.rating import typical_seconds
from tutor.practice.review import ReviewItem, due_states, items, next_due, weakest
from tutor.practice.skills import SkillState, skill_states
from tutor.screens.asking import HELP_KEY, AskingScreen
from tutor.store import Store

PRACTICE_LIMIT = 10
"""The most questions `tutor practice SKILL` asks in one sitting."""

REVIEW, ROUND, SKILL = "review", "practice round", "practice"


def when(timestamp: float | None, now: float) -> str:
    """When something falls due, in words (`not scheduled` for None)."""
    return "not scheduled" if timestamp is None else clock.describe(timestamp, now)


class ReviewScreen(AskingScreen):
    """Asks review or practice items, records each under its skill, and sums up."""

    BINDINGS = [
        Binding("p", "practice", "Practise weakest"),
        Binding("escape", "leave", "Leave"),
        HELP_KEY,
    ]
    LAST_STEP = "see the summary"

    def __init__(self, lessons: list[Lesson], store: Store, *, skill: tuple[str, str] | None = None) -> None:
        """`skill`: (lesson id, skill id) to practise alone; otherwise the due review."""
        super().__init__()
        self.lessons = {lesson.id: lesson for lesson in lessons}
        self.store = store
        self.rng = random.Random(f"review/{clock.timestamp()}/{len(store.skill_answers())}")
        self.skill = skill
        self.mode = SKILL if skill else REVIEW
        self.before = {self._key(state): state.level for state in self._states()}
        self.items: list[ReviewItem] = self._first_items()
        self.round = self._round(self.items)

    # -- the items ---------------------------------------------------------------

    def _states(self) -> list[SkillState]:
        return skill_states(self.lessons.values(), self.store)

    @staticmethod
    def _key(state: SkillState) -> tuple[str, str]:
        return state.lesson_id, state.skill.id

    def _first_items(self) -> list[ReviewItem]:
        states = self._states()
        if self.skill is not None:
            chosen = [state for state in states if self._key(state) == self.skill]
            return items(chosen, self.lessons, self.rng)
        return items(due_states(states, clock.timestamp()), self.lessons, self.rng)

    def _round(self, chosen: list[ReviewItem]) -> QuizRound:
        """A round of the items' questions, each with an id of its own (two may share a drill)."""
        return QuizRound(tuple(replace(item.question, id=f"{number}:{item.question.id}")
                               for number, item in enumerate(chosen)))

    def _item(self, question: Question) -> ReviewItem:
        return self.items[int(question.id.split(":", 1)[0])]

    # -- AskingScreen ------------------------------------------------------------

    def summary_widget(self) -> Widget:
        return Static(id="quiz-summary")

    def on_mount(self) -> None:
        self.title = "Practice" if self.mode == SKILL else "Review"
        self.sub_title = self._sub_title()
        super().on_mount()

    def _sub_title(self) -> str:
        if self.mode == SKILL and self.items:
            return self.items[0].state.skill.title
        return f"{len(self.items)} due" if self.mode == REVIEW else f"{len(self.items)} weakest skills"

    def progress_text(self, question: Question) -> str:
        item = self._item(question)
        position, total = self.round.position + 1, self.round.total
        left = total - self.round.position
        where = f"{item.lesson.title} › {item.state.skill.title}"
        if self.mode == SKILL:
            return f"Question {position} · {where}"
        return f"{self.mode.capitalize()} {position} of {total} · {left} left · {where}"

    def record(self, question: Question, verdict: Verdict, seconds: float) -> None:
        item = self._item(question)
        drill_seconds = item.drill.seconds if item.drill is not None else None
        source = "review" if self.mode == REVIEW else "practice"
        log.record(
            self.store, item.lesson.id, item.state.skill.id, item.drill.id if item.drill else item.question.id,
            source, verdict.correct, seconds=seconds, typical=typical_seconds(item.question, drill_seconds),
        )
        if self.mode == SKILL:
            self._maybe_one_more(item)

    def _maybe_one_more(self, item: ReviewItem) -> None:
        """Practising one skill: ask another fresh variant until it is proficient (or the limit)."""
        state = next(state for state in self._states() if self._key(state) == self._key(item.state))
        if state.level >= Level.PROFICIENT or self.round.total >= PRACTICE_LIMIT:
            return
        more = items([state], self.lessons, self.rng)
        if more:
            self.items.append(more[0])
            number = len(self.items) - 1
            self.round.questions = (*self.round.questions, replace(more[0].question, id=f"{number}:{more[0].question.id}"))

    def show_summary(self) -> None:
        now = clock.timestamp()
        states = self._states()
        after = {self._key(state): state for state in states}
        lines: list[Content] = []
        if not self.items:
            self.query_one("#quiz-progress", Static).update("Nothing to ask")
            lines += self._nothing_due(states, now)
        else:
            heading = {REVIEW: "Review finished", ROUND: "Practice round finished", SKILL: "Practice finished"}
            self.query_one("#quiz-progress", Static).update(heading[self.mode])
            lines.append(Content.assemble(
                ("Right: ", "bold"), (f"{self.round.score} of {self.round.total}", "bold $accent"),
            ))
            lines.append(Content(""))
            lines += self._level_lines(after)
            lines.append(Content(""))
            lines.append(Content.styled(f"Next review: {when(next_due(states), now)}.", "$text-muted"))
        lines.append(Content(""))
        keys = ["escape: back"] + (["p: practise your weakest skills"] if self.check_action("practice", ()) else [])
        lines.append(Content.styled(" · ".join(keys), "$text-muted"))
        self.query_one("#quiz-summary", Static).update(Content("\n").join(lines))
        self.show_summary_widget()

    def _nothing_due(self, states: list[SkillState], now: float) -> list[Content]:
        upcoming = next_due(states)
        if upcoming is None:
            return [
                Content.styled("Nothing to review yet.", "bold"),
                Content("Answer a checkpoint, a quiz question or a practice round: each skill you meet is "
                        "scheduled for review just before you would forget it."),
            ]
        return [
            Content.styled("Nothing is due.", "bold $success"),
            Content(f"The next review is {when(upcoming, now)}."),
        ]

    def _level_lines(self, after: dict[tuple[str, str], SkillState]) -> list[Content]:
        """Each skill asked: right or wrong this time, its level before and after."""
        lines, seen = [], set()
        for number, question in enumerate(self.round.questions):
            item = self.items[number]
            key = self._key(item.state)
            verdict = self.round.verdicts.get(question.id)
            if verdict is None or key in seen:
                continue
            seen.add(key)
            right = all(
                self.round.verdicts[other.id].correct
                for index, other in enumerate(self.round.questions)
                if other.id in self.round.verdicts and self._key(self.items[index].state) == key
            )
            before, now = self.before.get(key, Level.NOT_STARTED), after[key].level
            change = f"{before.label} → {now.label}" if now != before else now.label
            lines.append(Content.assemble(
                ("✓ " if right else "✗ ", "$success" if right else "$error"),
                (item.state.skill.title, "bold"), ("  " + change, "$text-muted"),
            ))
        return lines

    # -- keys --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "practice":
            return self.state == "summary" and self.mode != SKILL and bool(self._weakest())
        return super().check_action(action, parameters)

    def _weakest(self) -> list[SkillState]:
        return weakest(self._states(), self.lessons)

    def action_practice(self) -> None:
        """A short round of the weakest skills, once each, interleaved."""
        self.mode = ROUND
        self.before = {self._key(state): state.level for state in self._states()}
        self.items = items(self._weakest(), self.lessons, self.rng)
        self.round = self._round(self.items)
        self.sub_title = self._sub_title()
        self.show_question()

    def action_leave(self) -> None:
        answered = len(self.round.verdicts)
        if answered and not self.round.finished:
            self.notify(f"{answered} answered, all saved.", title=self.title, timeout=4)
        self.dismiss()
