"""The lesson format: plain dataclasses a lesson author fills in.

A lesson is an ordered list of sections; a section is an ordered list of
blocks. Lesson modules build these objects and expose one `Lesson` as
`LESSON`; they never touch the screens or widgets.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Union


def resolve(reference: Callable[..., Any] | str) -> Callable[..., Any]:
    """A function given itself or as `"package.module:function"`, imported on first use.

    Lessons name their figure builds and question generators this way so that
    loading a lesson imports no numpy: the module is imported only when the
    figure is drawn or the question is made.
    """
    if callable(reference):
        return reference
    module_name, _, attribute = str(reference).partition(":")
    if not module_name or not attribute:
        raise ValueError(f"{reference!r} is not 'package.module:function'")
    found = getattr(importlib.import_module(module_name), attribute)
    if not callable(found):
        raise TypeError(f"{reference} is a {type(found).__name__}, not a function")
    return found


def _is_reference(reference: object) -> bool:
    """A function, or a string shaped like `"package.module:function"` (not imported here)."""
    if callable(reference):
        return True
    if not isinstance(reference, str):
        return False
    module_name, _, attribute = reference.partition(":")
    return bool(module_name) and attribute.isidentifier()


@dataclass(frozen=True)
class Prose:
    """Markdown text. Write maths in Unicode: Aᵀ, λ, Σ, ŷ, x², √."""

    markdown: str


@dataclass(frozen=True)
class Example:
    """A code listing the learner can read (and later send to the REPL).

    `output` is exactly what plain Python prints when `setup` and then `code`
    run in a fresh interpreter; the test-suite runs every example to prove it.
    """

    code: str
    output: str | None = None
    setup: str = ""
    title: str = ""


@dataclass(frozen=True)
class Figure:
    """A figure drawn in its section.

    `build()` returns a plot description (see `tutor.lesson.plots`): plain data
    the plot widget draws and the tests read. Give it as a function or, so
    that loading the lesson imports no numpy, as `"package.module:function"`.
    """

    title: str
    build: Callable[[], Any] | str
    name: str = ""
    """A short file-safe name, used when the learner saves the figure as text."""

    def make_plot(self) -> Any:
        """The plot description: the build function, imported if named, then called."""
        return resolve(self.build)()


@dataclass(frozen=True)
class Param:
    """One parameter of an explorable: a number in [low, high] moved by `step`, or a choice."""

    name: str
    label: str
    default: float | str
    low: float | None = None
    high: float | None = None
    step: float | None = None
    choices: tuple[str, ...] = ()

    @property
    def is_choice(self) -> bool:
        return bool(self.choices)

    def clamp(self, value: float | str) -> float | str:
        """`value` kept inside the range (a choice is returned as it is if known)."""
        if self.is_choice:
            return value if value in self.choices else self.default
        value = min(max(float(value), float(self.low)), float(self.high))
        if isinstance(self.default, int) and float(self.step).is_integer():
            return int(round(value))
        return round(value, 10)

    def stepped(self, value: float | str, steps: int) -> float | str:
        """`value` moved by `steps` steps (choices wrap around; numbers stop at the ends)."""
        if self.is_choice:
            index = self.choices.index(value) if value in self.choices else 0
            return self.choices[(index + steps) % len(self.choices)]
        return self.clamp(float(value) + steps * float(self.step))

    def extremes(self) -> tuple[float | str, ...]:
        """The values `tutor lessons --check` builds at: default, low and high (every choice)."""
        if self.is_choice:
            return self.choices
        return (self.default, self.clamp(self.low), self.clamp(self.high))


@dataclass(frozen=True)
class Explorable:
    """A figure with parameters: every change calls `build(**values)` and redraws."""

    title: str
    params: tuple[Param, ...]
    build: Callable[..., Any] | str
    name: str = ""

    def defaults(self) -> dict[str, float | str]:
        return {param.name: param.default for param in self.params}

    def make_plot(self, **values: float | str) -> Any:
        """The plot description at `values`: the build function, imported if named, then called."""
        return resolve(self.build)(**values)


@dataclass(frozen=True)
class Exercise:
    """A task the learner solves in an editor and the tutor checks.

    `checks` names a function `module:function` that runs inside a checking
    child process (see `tutor.grading`); it receives the learner's namespace and
    yields one case result per input. `function` is the name the learner's
    code must define.
    """

    id: str
    title: str
    task: str
    starter: str
    solution: str
    checks: str
    function: str
    hints: tuple[str, ...] = ()
    skill: str = ""
    """The skill a pass shows (an id from `Lesson.skills`)."""


@dataclass(frozen=True)
class Choice:
    """A multiple-choice question: `answer` is the index of the right option."""

    id: str
    prompt: str
    options: tuple[str, ...]
    answer: int
    explanation: str
    section: str = ""
    skill: str = ""


@dataclass(frozen=True)
class Numeric:
    """A question answered with a number, right within `tolerance` (absolute)."""

    id: str
    prompt: str
    answer: float
    tolerance: float
    explanation: str
    section: str = ""
    skill: str = ""


@dataclass(frozen=True)
class Shape:
    """A question answered with an array shape, typed as `(3, 3)` or `3x3`."""

    id: str
    prompt: str
    answer: tuple[int, ...]
    explanation: str
    section: str = ""
    skill: str = ""


Question = Union[Choice, Numeric, Shape]
QUESTION_TYPES: tuple[type, ...] = (Choice, Numeric, Shape)


@dataclass(frozen=True)
class Skill:
    """One thing a learner can do, tracked for mastery and spaced review.

    Every question, drill, checkpoint and exercise names one skill by `id`;
    `section` is where the lesson teaches it.
    """

    id: str
    title: str
    section: str


@dataclass(frozen=True)
class Drill:
    """A question generator: a fresh question of one kind, with new numbers, on every call.

    `make(rng)` receives a seeded `numpy.random.Generator` and returns a
    concrete `Choice`, `Numeric` or `Shape` whose numbers can be worked by
    hand and whose explanation is worked out with them. Give `make` as a
    function or as `"package.module:function"` (imported when first asked).
    `seconds` is how long the question typically takes: slower right answers
    count as hard ones when the review is scheduled.
    """

    id: str
    skill: str
    section: str
    make: Callable[[Any], Question] | str
    seconds: float = 60.0

    def variant(self, rng: Any) -> Question:
        """A fresh question from `rng`, labelled with this drill's id, skill and section."""
        question = resolve(self.make)(rng)
        if not isinstance(question, QUESTION_TYPES):
            raise TypeError(f"drill {self.id} made a {type(question).__name__}, not a question")
        return replace(question, id=self.id, skill=self.skill, section=self.section)


@dataclass(frozen=True)
class Checkpoint:
    """Predict before you see: a question inside a section, just before the block that answers it.

    The learner answers it in place (or reads on past it); the feedback
    appears under it.
    """

    question: Question


@dataclass(frozen=True)
class Quiz:
    """The questions that close a lesson."""

    title: str
    questions: tuple[Question, ...]


Block = Union[Prose, Example, Figure, Explorable, Exercise, Quiz, Checkpoint]
BLOCK_TYPES: tuple[type, ...] = (Prose, Example, Figure, Explorable, Exercise, Quiz, Checkpoint)


@dataclass(frozen=True)
class Section:
    """One screenful of a lesson: a title and its blocks, in order."""

    id: str
    title: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Lesson:
    """A whole lesson: what the catalogue lists and the sections it opens."""

    id: str
    number: int
    title: str
    summary: str
    sections: tuple[Section, ...]
    repl_setup: str = ""
    """Code the REPL runs when it starts and after every restart (the lesson's variables)."""
    skills: tuple[Skill, ...] = ()
    drills: tuple[Drill, ...] = ()
    next_lesson: str = ""
    """The id of the lesson that follows this one: its last section offers it (`n`, the palette)."""

    def skill(self, skill_id: str) -> Skill | None:
        """The skill called `skill_id`, or None."""
        return next((skill for skill in self.skills if skill.id == skill_id), None)

    def checkpoints(self) -> list[Checkpoint]:
        return self.blocks(Checkpoint)

    def drills_for(self, skill_id: str) -> list[Drill]:
        """The generators that make questions of `skill_id`."""
        return [drill for drill in self.drills if drill.skill == skill_id]

    def blocks(self, kind: type) -> list:
        """Every block of type `kind`, in lesson order."""
        return [block for section in self.sections for block in section.blocks if isinstance(block, kind)]

    def exercises(self) -> list["Exercise"]:
        return self.blocks(Exercise)

    def quiz(self) -> "Quiz | None":
        quizzes = self.blocks(Quiz)
        return quizzes[0] if quizzes else None

    def section_index(self, section_id: str) -> int | None:
        """The position of the section called `section_id`, or None."""
        for index, section in enumerate(self.sections):
            if section.id == section_id:
                return index
        return None


def validate(lesson: object, *, compile_code: bool = True) -> list[str]:
    """Every problem with `lesson`, as sentences; an empty list means valid.

    With `compile_code` every example is also compiled (a few milliseconds a
    lesson: `tutor lessons --check` does it, start-up does not).
    """
    if not isinstance(lesson, Lesson):
        return [f"expected a Lesson, got {type(lesson).__name__}"]
    problems: list[str] = []
    if not lesson.id or not lesson.id.isidentifier():
        problems.append(f"lesson id {lesson.id!r} must be a Python identifier")
    if not lesson.title.strip():
        problems.append("lesson has no title")
    if not isinstance(lesson.number, int) or lesson.number < 0:
        problems.append(f"lesson number {lesson.number!r} must be a whole number ≥ 0")
    if not lesson.sections:
        problems.append("lesson has no sections")
    seen: set[str] = set()
    for position, section in enumerate(lesson.sections, start=1):
        where = f"section {position}"
        if not isinstance(section, Section):
            problems.append(f"{where}: expected a Section, got {type(section).__name__}")
            continue
        if section.id in seen:
            problems.append(f"{where}: duplicate section id {section.id!r}")
        seen.add(section.id)
        if not section.title.strip():
            problems.append(f"{where}: no title")
        if not section.blocks:
            problems.append(f"{where} ({section.title}): no blocks")
        for number, block in enumerate(section.blocks, start=1):
            problems.extend(
                f"{where} ({section.title}), block {number}: {problem}"
                for problem in _block_problems(block, compile_code)
            )
    problems.extend(_practice_problems(lesson))
    return problems


def _block_problems(block: object, compile_code: bool) -> list[str]:
    if not isinstance(block, BLOCK_TYPES):
        return [f"unknown block type {type(block).__name__}"]
    if isinstance(block, Prose):
        return [] if block.markdown.strip() else ["empty prose"]
    if isinstance(block, Figure):
        return [] if _is_reference(block.build) and block.title.strip() else ["a figure needs a title and a build function"]
    if isinstance(block, Explorable):
        return _explorable_problems(block)
    if isinstance(block, Exercise):
        return _exercise_problems(block, compile_code)
    if isinstance(block, Quiz):
        return _quiz_problems(block)
    if isinstance(block, Checkpoint):
        return _question_problems(block.question)
    if not block.code.strip():
        return ["empty example"]
    if not compile_code:
        return []
    problems = []
    for name, source in (("setup", block.setup), ("code", block.code)):
        try:
            compile(source, f"<example {name}>", "exec")
        except SyntaxError as error:
            problems.append(f"example {name} does not compile: {error.msg} (line {error.lineno})")
    return problems


def _explorable_problems(block: Explorable) -> list[str]:
    problems = [] if _is_reference(block.build) else ["an explorable needs a build function"]
    for param in block.params:
        if param.is_choice:
            if param.default not in param.choices:
                problems.append(f"parameter {param.name!r}: default {param.default!r} is not a choice")
        elif None in (param.low, param.high, param.step) or not param.low <= param.default <= param.high:
            problems.append(f"parameter {param.name!r} needs low <= default <= high and a step")
        elif param.step <= 0:
            problems.append(f"parameter {param.name!r}: step must be positive")
    return problems


def _exercise_problems(block: Exercise, compile_code: bool) -> list[str]:
    problems = []
    if not block.id.isidentifier():
        problems.append(f"exercise id {block.id!r} must be a Python identifier")
    if ":" not in block.checks:
        problems.append(f"exercise {block.id}: checks must be 'module:function'")
    if compile_code:
        for name in ("starter", "solution"):
            try:
                compile(getattr(block, name), f"<exercise {name}>", "exec")
            except SyntaxError as error:
                problems.append(f"exercise {block.id} {name} does not compile: {error.msg}")
    return problems


def _quiz_problems(block: Quiz) -> list[str]:
    problems = [] if block.questions else ["a quiz needs questions"]
    seen: set[str] = set()
    for question in block.questions:
        problems.extend(_question_problems(question))
        if isinstance(question, QUESTION_TYPES):
            if question.id in seen:
                problems.append(f"duplicate question id {question.id!r}")
            seen.add(question.id)
    return problems


def _question_problems(question: object) -> list[str]:
    if not isinstance(question, QUESTION_TYPES):
        return [f"unknown question type {type(question).__name__}"]
    if isinstance(question, Choice) and not 0 <= question.answer < len(question.options):
        return [f"question {question.id}: answer index out of range"]
    return []


def _practice_problems(lesson: Lesson) -> list[str]:
    """Skills, drills and the skills that questions name, checked against each other."""
    problems: list[str] = []
    section_ids = {section.id for section in lesson.sections}
    skill_ids: set[str] = set()
    for skill in lesson.skills:
        if not isinstance(skill, Skill):
            problems.append(f"skills: expected a Skill, got {type(skill).__name__}")
            continue
        if skill.id in skill_ids:
            problems.append(f"duplicate skill id {skill.id!r}")
        skill_ids.add(skill.id)
        if skill.section not in section_ids:
            problems.append(f"skill {skill.id}: no section {skill.section!r}")
    drill_ids: set[str] = set()
    for drill in lesson.drills:
        if not isinstance(drill, Drill):
            problems.append(f"drills: expected a Drill, got {type(drill).__name__}")
            continue
        if drill.id in drill_ids:
            problems.append(f"duplicate drill id {drill.id!r}")
        drill_ids.add(drill.id)
        if not _is_reference(drill.make):
            problems.append(f"drill {drill.id}: make must be a function or 'module:function'")
        if drill.skill not in skill_ids:
            problems.append(f"drill {drill.id}: unknown skill {drill.skill!r}")
    if skill_ids:
        for named in _skill_users(lesson):
            if named.skill and named.skill not in skill_ids:
                problems.append(f"{named.id}: unknown skill {named.skill!r}")
    return problems


def _skill_users(lesson: Lesson) -> list[Any]:
    """Everything that names a skill: quiz questions, checkpoints' questions and exercises."""
    users: list[Any] = list(lesson.exercises())
    users.extend(checkpoint.question for checkpoint in lesson.checkpoints())
    quiz = lesson.quiz()
    if quiz is not None:
        users.extend(question for question in quiz.questions if isinstance(question, QUESTION_TYPES))
    return users
