"""Random keys across every screen: home, lesson, REPL pane, explorables, exercise, quiz.

A hypothesis test drives the real tutor (the installed lesson, a real REPL child, real
checking children) in Textual's test harness (`run_test`, headless, 80x24) with random
sequences drawn from every key any screen or widget binds, collected from the ``BINDINGS``
of the app, every screen and widget class in ``tutor.screens`` and ``tutor.widgets`` and
the Textual widgets they compose, plus printable characters. Each sequence starts at home,
with the REPL pane opened (``r``) in some section, on an explorable (focused), or in an
exercise or the quiz (its card focused and opened with ``enter``), so that the sequences
cross every screen; the test checks afterwards that together they did.

After every key the tutor must still run, with home at the bottom of the screen stack.
Any unhandled exception fails the test: the app's recorded exception is checked after
every key, and `run_test` re-raises it when the app ends. Between two sequences
``escape`` must lead back to the lesson text (or home); every app ends with ``escape``
back home and ``q``, which must quit cleanly (return code 0, no exception).

One app runs up to 60 sequences, a shard's whole share in CI (see :class:`Tutor`): opening
a lesson builds its sections, the costliest part of a sequence, and a kept app builds them
once. A failure ends its app, so hypothesis replays and shrinks it on fresh ones; if it
needed the earlier sequences it may not repeat ("Flaky"), so its report lists them too.

``q`` is pressed only where it does not quit (an input, the editor, help, the solution)
and ``ctrl+q`` never: quitting is what the end of every app checks. The command palette's
own "Quit" may still end an app early; that must be a clean exit too.

Keys are sent as the terminal driver sends them, one after another, each handled before
the next (see :func:`settle`), without Pilot's fixed pauses of 20 ms and more a key, so
that the sequences fit in the time. In CI (``CI`` set) 200 sequences of 40 keys run, plus
5 fixed ones a shard, one from each kind of start; locally 25. They run in SHARDS tests of
equal share, so that pytest-xdist runs them on every core, and each checks that its
sequences reached every screen. Each shard draws its own sequences: in CI hypothesis seeds
a test from its code, the same in every shard, so each shard is given a seed of its own.
A failure prints hypothesis's ``@reproduce_failure`` blob.

The last test here drives the sample lesson (and a broken one on the home screen) with
Pilot's own `press`, checks after every key that the saved position is the section shown,
and ends with ``ctrl+q``, which must quit cleanly.
"""

from __future__ import annotations

import asyncio
import contextvars
import importlib
import inspect
import os
import pkgutil
import random
import tempfile
import time
from collections import Counter
from collections.abc import Coroutine
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, seed, settings
from hypothesis import strategies as st
from textual.binding import Binding
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.widgets import Input, OptionList, TextArea

import tutor.screens
import tutor.widgets
from lessons.maths_foundations import LESSON
from tests.conftest import entry_point
from tests.helpers import press, settle
from tutor.app import TutorApp
from tutor.lesson.format import Choice, Exercise, Explorable, Numeric, Quiz, Shape
from tutor.lesson.registry import discover
from tutor.screens.exercise import ExerciseScreen
from tutor.screens.help import HelpScreen
from tutor.screens.home import HomeScreen
from tutor.screens.lesson import LessonScreen
from tutor.screens.quiz import QuizScreen
from tutor.screens.solution import SolutionScreen
from tutor.store import Store
from tutor.widgets.figures._explorable import ExplorableBlock
from tutor.widgets.repl._pane import ReplPane
from tutor.widgets.section._exercise_card import ExerciseCard
from tutor.widgets.section._quiz_card import QuizCard
from tutor.widgets.section._section_view import SectionView

pytestmark = pytest.mark.build_ahead  # the tutor as it runs: sections built in idle time, between keys

IN_CI = bool(os.environ.get("CI"))
SEQUENCES = 200 if IN_CI else 25
SHARDS = 4
"""The sequences are split over this many tests (SEQUENCES in all), which pytest-xdist spreads over the cores."""
KEYS_PER_SEQUENCE = 40

COMPOSED_TEXTUAL_WIDGETS = (Input, TextArea, OptionList, CommandPalette)
"""Textual widgets the tutor's screens compose, whose own bindings are keys the learner has too."""

NEVER = {"ctrl+q"}
"""Keys left out: ctrl+q always quits (the end of each sequence checks quitting)."""

PRINTABLE = [*"abcdefghijklmnopqrstuvwxyz0123456789", "A", "X", "space", "full_stop", "comma",
             "left_parenthesis", "right_parenthesis", "left_square_bracket", "right_square_bracket",
             "plus", "minus", "asterisk", "slash", "equals_sign", "colon", "question_mark", "at"]
"""Characters a learner types: into the REPL, the exercise editor, quiz answers and the palette."""

OTHER_KEYS = ["tab", "shift+tab", "escape", "enter", "up", "down", "left", "right", "home", "end",
              "pageup", "pagedown", "backspace", "delete", "ctrl+c", "ctrl+l", "ctrl+r", "ctrl+s",
              "ctrl+p", "ctrl+u", "ctrl+z", "ctrl+g", "ctrl+down", "ctrl+up", "f1", "f2", "f3", "f4", "f5"]
"""Keys pressed whether or not a binding names them: the app's command palette key, editing keys."""

WEIGHTED = ["tab"] * 3 + ["enter"] * 2 + ["r"] * 2 + ["right"] * 2
"""Drawn more often, so sequences move into blocks, open cards and the REPL, and check exercises."""


def binding_keys(node_class: type) -> set[str]:
    """Every key named in the BINDINGS of `node_class` and the classes it inherits from."""
    keys: set[str] = set()
    for klass in node_class.__mro__:
        for binding in klass.__dict__.get("BINDINGS", ()):
            names = binding.key if isinstance(binding, Binding) else binding[0]
            keys.update(name.strip() for name in names.split(",") if name.strip())
    return keys


def tutor_node_classes() -> list[type]:
    """The app and every screen and widget class defined in tutor.screens and tutor.widgets."""
    found: list[type] = [TutorApp]
    for package in (tutor.screens, tutor.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            found += [
                member for _, member in inspect.getmembers(module, inspect.isclass)
                if issubclass(member, DOMNode) and member.__module__ == module.__name__
            ]
    return found


def bound_keys() -> set[str]:
    keys: set[str] = set()
    for node_class in [*tutor_node_classes(), *COMPOSED_TEXTUAL_WIDGETS]:
        keys |= binding_keys(node_class)
    return keys - NEVER


BOUND = sorted(bound_keys())
ALPHABET = sorted(set(BOUND) | set(PRINTABLE) | set(OTHER_KEYS)) + WEIGHTED


BLOCKS = {"explorable": (Explorable, ExplorableBlock), "exercise": (Exercise, ExerciseCard),
          "quiz": (Quiz, QuizCard)}
"""The blocks sequences start at: the lesson's block type and the widget that shows it."""


def block_targets(kind: str) -> list[tuple[str, int, int]]:
    """(kind, section index, n) for the n-th block of `kind` (0-based) in every section."""
    block_type = BLOCKS[kind][0]
    targets = []
    for index, section in enumerate(LESSON.sections):
        count = sum(isinstance(block, block_type) for block in section.blocks)
        targets += [(kind, index, n) for n in range(count)]
    return targets


def quiz_targets() -> list[tuple[str, int, int]]:
    """("quiz", section index, k): the section's quiz card opened, then its first k questions
    answered (0, 1, 2, 3, 5, 8, 13, ..., and all of them: the summary), so that sequences meet
    every kind of question."""
    targets = []
    for index, section in enumerate(LESSON.sections):
        quiz = next((block for block in section.blocks if isinstance(block, Quiz)), None)
        if quiz is not None:
            total = len(quiz.questions)
            answered = [0, 1, 2, 3, 5, 8, 13, 21, 34]
            targets += [("quiz", index, k) for k in [*(k for k in answered if k < total), total]]
    return targets


EXPLORABLES, EXERCISES = block_targets("explorable"), block_targets("exercise")
QUIZZES = quiz_targets()

ANSWER_KEYS = {Choice: ["a"], Numeric: ["1"], Shape: ["3", "x", "3"]}
"""An answer in the right form to each kind of question (right or wrong, it moves the quiz on)."""

starts = st.one_of(
    st.none(),  # at home
    st.sampled_from(range(len(LESSON.sections))).map(lambda index: ("repl", index, 0)),  # `r` in a section
    st.sampled_from(EXPLORABLES),  # an explorable, focused
    st.sampled_from(EXERCISES),  # an exercise card, opened with enter
    st.sampled_from(QUIZZES),  # the quiz card, opened with enter, some questions answered
)
"""Where a sequence starts: None (home) or (kind, section index, n); the random keys follow."""


visited: Counter[str] = Counter()
"""What the sequences reached, summed over the whole run (checked at the end)."""

EVERYWHERE = {"home", "lesson", "repl", "explorable", "exercise", "quiz"}


def where(app: TutorApp) -> set[str]:
    """The places of EVERYWHERE the app is at now."""
    screen, focused = app.screen, app.focused
    places = set()
    if isinstance(screen, HomeScreen):
        places.add("home")
    elif isinstance(screen, LessonScreen):
        places.add("lesson")
    elif isinstance(screen, ExerciseScreen):
        places.add("exercise")
    elif isinstance(screen, QuizScreen):
        places.add("quiz")
    if focused is not None:
        if isinstance(focused, ExplorableBlock):
            places.add("explorable")
        if any(isinstance(node, ReplPane) for node in focused.ancestors_with_self):
            places.add("repl")
    return places


def would_quit(app: TutorApp, key: str) -> bool:
    """True when `q` would reach the app's quit binding (not typed, not closing a panel)."""
    if key != "q":
        return False
    if isinstance(app.focused, (Input, TextArea)):
        return False
    return not isinstance(app.screen, (HelpScreen, SolutionScreen))


def assert_sane(app: TutorApp) -> None:
    assert app._exception is None, f"the app raised {app._exception!r}"
    assert isinstance(app.screen_stack[0], HomeScreen), app.screen_stack
    for screen in app.screen_stack:
        if isinstance(screen, LessonScreen) and screen.index >= 0:
            assert 0 <= screen.index < len(screen.lesson.sections)


async def go_to_start(app: TutorApp, kind: str, section: int, n: int) -> None:
    """Open the lesson at `section`; then press `r`, or focus its n-th block of `kind` (as
    `tab` would, without the tabs' scrolling on the way) and, for a card, press `enter`;
    for the quiz, `n` is how many questions to answer next (with keys too)."""
    app.open_lesson(LESSON.id, section)
    await settle(app)
    if kind == "repl":
        await press(app, "r")
        return
    widget_class = BLOCKS[kind][1]
    view = app.screen.query_one(SectionView)
    deadline = time.monotonic() + 30
    # Built on its first visit; the blocks below the fold are mounted a moment later.
    while view.current is None or view.current.index != section or not view.current.complete:
        assert time.monotonic() < deadline, f"section {section + 1} never showed whole"
        await asyncio.sleep(0.01)
        await settle(app)
    block = list(view.current.query(widget_class))[0 if kind == "quiz" else n]
    block.focus()
    await settle(app)
    assert app.focused is block, f"{block} did not take focus ({app.focused} has it)"
    if widget_class is not ExplorableBlock:
        await press(app, "enter")
        opened = ExerciseScreen if widget_class is ExerciseCard else QuizScreen
        assert isinstance(app.screen, opened), f"enter on {widget_class.__name__} showed {app.screen}"
    if kind == "quiz":
        await answer_questions(app, n)


async def answer_questions(app: TutorApp, count: int) -> None:
    """Answer the quiz's next `count` questions: an answer in the right form, enter, enter."""
    quiz = app.screen
    assert isinstance(quiz, QuizScreen)
    for _ in range(count):
        question = quiz.round.current
        for key in ANSWER_KEYS[type(question)]:
            await press(app, key)
        await press(app, "enter")
        assert quiz.state == "feedback", f"{quiz.state} after answering {question.prompt!r}"
        await press(app, "enter")
    assert quiz.state in ("choice", "typed", "summary")


async def back_home(app: TutorApp) -> None:
    """`escape` until home is the only screen (at most 12 times), then `q`: the app must quit."""
    for _ in range(12):
        if isinstance(app.screen, HomeScreen) and len(app.screen_stack) == 1:
            break
        await press(app, "escape")
        assert_sane(app)
    assert isinstance(app.screen, HomeScreen) and len(app.screen_stack) == 1, (
        f"escape did not lead back home: {app.screen_stack}, focus on {app.focused}"
    )
    await press(app, "q")
    deadline = time.monotonic() + 15
    while app.is_running:
        assert time.monotonic() < deadline, "q on the home screen did not quit"
        await asyncio.sleep(0.01)


async def back_to_the_text(app: TutorApp) -> None:
    """`escape` until the lesson text (or home) has the focus, as between two tries of a learner."""
    for _ in range(12):
        if isinstance(app.screen, HomeScreen) and len(app.screen_stack) == 1:
            return
        if isinstance(app.screen, LessonScreen) and isinstance(app.focused, SectionView):
            return
        await press(app, "escape")
        assert_sane(app)
    raise AssertionError(f"escape did not lead back to the text: {app.screen_stack}, focus on {app.focused}")


async def sequence(app: TutorApp, start: tuple[str, int, int] | None, keys: list[str]) -> None:
    """Back to the text, to `start`, then every key: the tutor must stay sane throughout."""
    await back_to_the_text(app)
    if start is None:
        if isinstance(app.screen, LessonScreen):
            await press(app, "escape")
    else:
        await go_to_start(app, *start)
    for key in keys:
        visited.update(where(app))
        if would_quit(app, key):
            continue
        await press(app, key)
        if not app.is_running:  # the palette's "Quit": it must have been clean
            break
        assert_sane(app)
    visited.update(where(app))


class Tutor:
    """The tutor under test, kept running for SEQUENCES_PER_APP sequences.

    Opening a lesson builds its sections, the costliest part of a sequence; one app kept
    across sequences builds them once, as a learner's session does. Between two sequences
    `escape` leads back to the lesson text (or home). Every app ends as the test demands:
    `escape` back home and `q`, which must quit cleanly (return code 0, no exception). A
    failing sequence ends its app at once, so the sequences hypothesis tries next, to
    reproduce and shrink it, start on a fresh one.
    """

    SEQUENCES_PER_APP = 60

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.app: TutorApp | None = None
        self.store: Store | None = None
        self.history: list[tuple[object, list[str]]] = []
        """The sequences the current app has run, for the report of a failure."""
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._context: contextvars.Context | None = None
        self.apps = 0

    async def in_app(self, work: Coroutine[object, object, None]) -> None:
        """Run `work` as the app's own tasks run: with Textual's "active app" set to it."""
        await asyncio.create_task(work, context=self._context.copy())

    async def _hold(self, app: TutorApp, ready: asyncio.Event) -> None:
        async with app.run_test(size=(80, 24)):
            self._context = contextvars.copy_context()  # Textual's "active app" is set in it
            ready.set()
            while app.is_running and not self._stop.is_set():
                await asyncio.sleep(0.02)

    async def _start(self) -> TutorApp:
        self.apps += 1
        self.store = Store.open(self.folder / f"app-{self.apps}" / "progress.sqlite3")
        self.app = TutorApp(catalogue=discover(), store=self.store)
        self._stop = asyncio.Event()
        ready = asyncio.Event()
        self._task = asyncio.create_task(self._hold(self.app, ready))
        waiting = asyncio.create_task(ready.wait())
        await asyncio.wait({waiting, self._task}, return_when=asyncio.FIRST_COMPLETED)
        waiting.cancel()
        if self._task.done():
            self._task.result()  # it could not start: raise why
        self.history = []
        return self.app

    async def _stop_app(self) -> None:
        """Let run_test end (it re-raises what the app raised), and forget the app."""
        app, task, store = self.app, self._task, self.store
        self.app = self._task = self.store = None
        self._stop.set()
        try:
            if task is not None:
                await asyncio.wait_for(task, timeout=30)
        finally:
            if store is not None:
                store.close()
        assert app is None or app._exception is None, f"the app raised {app._exception!r}"
        assert app is None or app.return_code == 0, f"the tutor exited with {app.return_code}"

    async def finish(self) -> None:
        """End the current app: `escape` back home and `q` must quit it cleanly."""
        if self.app is None:
            return
        try:
            if self.app.is_running:
                await self.in_app(back_home(self.app))
        except BaseException:
            await self.abandon()
            raise
        await self._stop_app()

    async def abandon(self) -> None:
        """End the current app after a failure (which is reported already)."""
        try:
            await self._stop_app()
        except BaseException:
            pass

    async def run(self, start: tuple[str, int, int] | None, keys: list[str]) -> None:
        """Run one sequence: go to `start`, press `keys`, and end the app if its time has come."""
        app = self.app if self.app is not None else await self._start()
        self.history.append((start, keys))
        try:
            await self.in_app(sequence(app, start, keys))
            if not app.is_running or len(self.history) >= self.SEQUENCES_PER_APP:
                await self.finish()
        except BaseException as error:
            earlier = self.history[:-1]
            if earlier:
                error.add_note(f"This app had run {len(earlier)} sequences before this one "
                               f"(start, keys): {earlier!r}")
            await self.abandon()
            raise


def fixed_keys(seed: int) -> list[str]:
    """A fixed sequence from the alphabet, for the examples that always run."""
    chooser = random.Random(seed)
    return [chooser.choice(ALPHABET) for _ in range(KEYS_PER_SEQUENCE)]


ALWAYS = [None, ("repl", 1, 0), EXPLORABLES[0], EXERCISES[0], QUIZZES[0]]
"""One start of each kind, run first every time (hypothesis's explicit examples)."""


def with_fixed_examples(test, shard: int):
    """`test` runs first one fixed sequence from each kind of start, its keys the shard's own."""
    for number, start in enumerate(ALWAYS):
        test = example(start, fixed_keys(number + len(ALWAYS) * shard))(test)
    return test


def with_shard_seed(test, shard: int, derandomized: bool | None = None):
    """In CI hypothesis derandomizes (its "ci" profile): it seeds a test's examples from the
    test's code, and every shard runs the same code, so every shard drew the same sequences
    (200 were 50, four times over). There each shard gets a seed of its own; elsewhere the
    examples stay random. `derandomized` defaults to the profile hypothesis has loaded."""
    if derandomized is None:
        derandomized = settings.default.derandomize
    return seed(shard)(test) if derandomized else test


def shard_size(shard: int) -> int:
    """How many of the SEQUENCES random sequences shard number `shard` runs (together: all)."""
    return SEQUENCES // SHARDS + (1 if shard < SEQUENCES % SHARDS else 0)


def random_sequences(tutor: Tutor, loop: asyncio.AbstractEventLoop, shard: int):
    """The hypothesis test of shard number `shard`: each example runs one sequence in `tutor`,
    on the loop the app runs on; the fixed ones, then the shard's share of random ones."""

    def sequences(start, keys):
        visited["start: " + (start[0] if start else "home")] += 1
        asyncio.run_coroutine_threadsafe(tutor.run(start, keys), loop).result(timeout=300)

    keys = st.lists(st.sampled_from(ALPHABET), min_size=KEYS_PER_SEQUENCE, max_size=KEYS_PER_SEQUENCE)
    test = settings(
        max_examples=shard_size(shard),
        deadline=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )(given(starts, keys)(with_fixed_examples(sequences, shard)))
    return with_shard_seed(test, shard)


def test_the_key_alphabet_holds_every_bound_key():
    """The keys drawn include every screen's and widget's, and printable characters."""
    for node_class in (TutorApp, HomeScreen, LessonScreen, ExerciseScreen, QuizScreen, HelpScreen,
                       SolutionScreen, ReplPane, ExplorableBlock):
        missing = binding_keys(node_class) - NEVER - set(ALPHABET)
        assert not missing, f"{node_class.__name__} binds {missing}, never pressed"
    assert {"n", "p", "r", "s", "0", "9", "ctrl+r", "ctrl+l", "ctrl+s", "f2", "f3", "f5",
            "left", "right", "v", "w", "e", "a", "d", "t", "y", "h"} <= set(ALPHABET)
    assert len(BOUND) > 60, BOUND


def test_the_shards_run_every_sequence_each_its_own():
    assert sum(shard_size(shard) for shard in range(SHARDS)) == SEQUENCES
    fixed = [tuple(map(tuple, (fixed_keys(number + len(ALWAYS) * shard) for number in range(len(ALWAYS)))))
             for shard in range(SHARDS)]
    assert len(set(fixed)) == SHARDS


def test_in_ci_every_shard_draws_its_own_random_sequences():
    def drawn(shard: int, seeded: bool) -> list[tuple[str, ...]]:
        seen = []

        @settings(max_examples=5, database=None, derandomize=True)
        @given(st.lists(st.sampled_from(ALPHABET), min_size=3, max_size=3))
        def draw(keys):
            seen.append(tuple(keys))

        (with_shard_seed(draw, shard, derandomized=True) if seeded else draw)()
        return seen

    assert drawn(0, seeded=False) == drawn(1, seeded=False)  # derandomized, the same code draws the same
    assert drawn(0, seeded=True) != drawn(1, seeded=True)


@pytest.mark.long
@pytest.mark.timeout(900)
@pytest.mark.parametrize("shard", range(SHARDS))
async def test_random_keys_across_every_screen(shard, tmp_path, monkeypatch):
    # Files the keys may write stay in tmp_path: figures saved with `w` (under the working
    # folder) and the palette's screenshots (the downloads folder).
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(tmp_path / "downloads"))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("VISUAL", "true")  # f4 in an exercise: an editor that changes nothing
    visited.clear()
    tutor = Tutor(tmp_path)
    started = time.monotonic()
    try:
        # hypothesis runs in a thread; the apps run here, on this test's event loop
        await asyncio.to_thread(random_sequences(tutor, asyncio.get_running_loop(), shard))
        await tutor.finish()
    finally:
        await tutor.abandon()
    elapsed = time.monotonic() - started
    print(f"\n{shard_size(shard)} of {SEQUENCES} sequences of {KEYS_PER_SEQUENCE} keys (and {len(ALWAYS)} fixed ones) in "
          f"{tutor.apps} apps, {elapsed:.0f} s; reached {dict(visited)}")
    assert EVERYWHERE <= set(visited), f"the sequences never reached {EVERYWHERE - set(visited)}"


SAMPLE_KEYS = [
    "n", "p", "s", "1", "2", "3", "7", "9", "up", "down", "pageup", "pagedown", "home", "end",
    "enter", "escape", "question_mark", "tab", "x", "space", "ctrl+p", "left", "right",
]
"""Keys for the sample lesson: sections, scrolling, help, the sidebar and the palette."""


async def drive_the_sample_lesson(keys: list[str], folder: Path) -> None:
    catalogue = discover([entry_point("sample", "tests.fixtures.sample_lesson"),
                          entry_point("broken", "tests.fixtures.broken_lesson")])
    store = Store.open(folder / "progress.sqlite3")
    app = TutorApp(catalogue=catalogue, store=store)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            for key in keys:
                await pilot.press(key)
                assert app.is_running, f"{key} quit the tutor"
                assert isinstance(app.screen_stack[0], HomeScreen)
                for screen in app.screen_stack:
                    if isinstance(screen, LessonScreen):
                        assert 0 <= screen.index < len(screen.lesson.sections)
                        assert store.position("sample") == screen.lesson.sections[screen.index].id
            await pilot.press("escape", "escape", "escape")
            await pilot.press("ctrl+q")
            deadline = time.monotonic() + 15
            while app.is_running:
                assert time.monotonic() < deadline, "ctrl+q did not quit"
                await pilot.pause(0.02)
    finally:
        store.close()
    assert app._exception is None, f"the app raised {app._exception!r}"
    assert app.return_code == 0, f"ctrl+q did not quit cleanly: return code {app.return_code}"


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(SAMPLE_KEYS), min_size=1, max_size=25))
def test_random_keys_in_the_sample_lesson_keep_the_saved_position(keys):
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(drive_the_sample_lesson(keys, Path(folder)))
