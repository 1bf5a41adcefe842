"""The REPL controller, driven without an app: a real session, a real kernel child, a recorder.

What the pane shows comes from here, so these tests hold the controller to what the
learner is promised: the lesson's setup runs once per child, cells run in the order
entered and wait their turn, ctrl+c stops the running cell and drops the waiting ones,
a child killed between cells or in one is reported and replaced with the setup run
again, and a restart gives a fresh namespace with the setup back.
"""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import AsyncIterator, Callable

import pytest

from tests.repl.recorder import Recorder, run, settled, wait_until
from tutor.kernel.client import Kernel
from tutor.lesson.format import Example, Lesson
from tutor.repl.controller import BUILTIN_NAMES, ReplController
from tutor.repl.jobs import Jobs
from tutor.repl.session import ReplSession
from tutor.store import Store

SETUP = "mine = 40\nscale = 2\n"
LESSON = Lesson(id="tiny", number=1, title="Tiny", summary="A lesson with a setup", sections=(), repl_setup=SETUP)
SLEEPING_CELL = "import time; time.sleep(30)"

MakeController = Callable[..., ReplController]


@pytest.fixture
async def session(store: Store) -> AsyncIterator[ReplSession]:
    """The app's REPL session, with a real kernel child (shut down after the test)."""
    repl = ReplSession(store, Kernel(grace=0.5))
    yield repl
    await repl.close()


@pytest.fixture
async def make_controller(session: ReplSession) -> AsyncIterator[MakeController]:
    """Controllers on the session (one per lesson screen), closed after the test."""
    made: list[ReplController] = []

    def make(lesson: Lesson | None = LESSON) -> ReplController:
        controller = ReplController(session, lesson, Recorder())
        made.append(controller)
        return controller

    yield make
    for controller in made:
        await controller.close()  # raises what any of its jobs failed with


@pytest.fixture
async def controller(make_controller: MakeController) -> ReplController:
    """A started controller whose kernel runs and whose setup ran."""
    started = make_controller()
    started.start()
    await settled(started)
    return started


def told(controller: ReplController) -> Recorder:
    view = controller.view
    assert isinstance(view, Recorder)
    return view


def said(controller: ReplController) -> str:
    return " ".join(text for _, text in told(controller).told)


# -- start-up and setup ------------------------------------------------------------------


async def test_starting_starts_python_and_runs_the_lessons_setup(controller: ReplController) -> None:
    assert told(controller).told == [
        ("note", "Starting Python…"),
        ("note", f"Ready: {BUILTIN_NAMES}."),
        ("note", "The lesson's setup ran: mine, scale."),
    ]
    assert controller.session.setup_for == "tiny"
    assert await run(controller, "mine * scale") == [("echo", "mine * scale"), ("value", "80")]
    assert controller.results[-1].value_repr == "80"


async def test_the_next_screens_controller_finds_the_variables_still_there(
    controller: ReplController, make_controller: MakeController
) -> None:
    await run(controller, "kept = 'yes'")
    pid = controller.session.kernel.pid
    again = make_controller()
    again.start()
    await settled(again)
    assert told(again).said("note") == [f"Ready: {BUILTIN_NAMES}.", "Your variables from before are still here."]
    assert (await run(again, "kept"))[-1] == ("value", "'yes'")
    assert again.session.kernel.pid == pid


async def test_a_failing_setup_is_shown_and_not_marked_as_run(make_controller: MakeController) -> None:
    broken = Lesson(id="broken", number=1, title="B", summary="", sections=(), repl_setup="x = 1\n1/0\n")
    controller = make_controller(broken)
    controller.start()
    await settled(controller)
    assert "ZeroDivisionError" in told(controller).said("error")[-1]
    assert told(controller).said("note")[-1] == "The lesson's setup failed; its variables may be missing."
    assert controller.session.setup_for is None


async def test_without_a_lesson_no_setup_runs(make_controller: MakeController) -> None:
    controller = make_controller(None)
    controller.start()
    await settled(controller)
    assert told(controller).said("note") == ["Starting Python…", f"Ready: {BUILTIN_NAMES}."]
    assert (await run(controller, "1+1"))[-1] == ("value", "2")


# -- cells ---------------------------------------------------------------------------------


async def test_output_values_and_errors_are_told_in_order(controller: ReplController) -> None:
    assert await run(controller, "print('a'); print('b', file=__import__('sys').stderr); 7") == [
        ("echo", "print('a'); print('b', file=__import__('sys').stderr); 7"),
        ("stdout", "a\n"),
        ("stderr", "b\n"),
        ("value", "7"),
    ]
    kind, text = (await run(controller, "1/0"))[-1]
    assert kind == "error" and text.rstrip().endswith("ZeroDivisionError: division by zero")
    assert controller.results[-1].error == "ZeroDivisionError"


async def test_a_cell_that_draws_is_told_as_a_plot(controller: ReplController) -> None:
    await run(controller, "plot([1, 2, 3], title='mine')")
    assert [plotted.title for plotted in told(controller).plots] == ["mine"]


async def test_cells_entered_while_one_runs_wait_their_turn(controller: ReplController) -> None:
    view = told(controller)
    answered: list[str] = []
    view.busy_changes.clear()
    controller.enter("import time; time.sleep(0.3); first = 1", lambda: answered.append("first"))
    assert controller.busy and view.busy_changes == [True]
    await wait_until(lambda: controller.session.kernel.busy, "the first cell to start")
    controller.enter("first + 1", lambda: answered.append("second"))
    assert answered == ["second"], "a cell that waits is shown waiting at once"
    assert controller.waiting == 1
    await wait_until(lambda: not controller.busy, "both cells to run")
    assert view.said("echo")[-2:] == ["import time; time.sleep(0.3); first = 1", "first + 1"]
    assert view.said("value")[-1] == "2"
    assert answered == ["second", "first", "first"]  # written, then done (a second call is harmless)
    assert view.busy_changes == [True, False]
    assert controller.session.history.entries[-2:] == ["import time; time.sleep(0.3); first = 1", "first + 1"]


async def test_a_blank_input_is_only_echoed(controller: ReplController) -> None:
    answered: list[bool] = []
    before = len(told(controller).told)
    controller.enter("   ", lambda: answered.append(True))
    assert told(controller).since(before) == [("echo", "   ")]
    assert answered == [True] and not controller.busy and not controller.session.history.entries


async def test_a_discarded_input_says_keyboard_interrupt(controller: ReplController) -> None:
    history = controller.session.history
    history.add("older")
    assert history.previous("draft") == "older"
    before = len(told(controller).told)
    controller.discard("half typed")
    assert told(controller).since(before) == [("echo", "half typed"), ("error", "KeyboardInterrupt")]
    assert not history.walking


async def test_an_example_runs_after_its_setup_as_a_script(controller: ReplController) -> None:
    example = Example(code="print(np.array([0.5, 1.0]) * factor)\n", setup="import numpy as np\nfactor = 2\n")
    before = len(told(controller).told)
    controller.run_example(example)
    await wait_until(lambda: not controller.busy and controller.results, "the example to run")
    assert told(controller).since(before) == [
        ("note", "(the example's setup ran first: 2 lines)"),
        ("echo", "print(np.array([0.5, 1.0]) * factor)"),
        ("stdout", "[1. 2.]\n"),
    ]
    assert controller.session.history.entries[-1] == "print(np.array([0.5, 1.0]) * factor)"


# -- stopping ------------------------------------------------------------------------------


async def test_interrupt_stops_the_running_cell_and_drops_the_waiting_ones(controller: ReplController) -> None:
    controller.enter(SLEEPING_CELL)
    controller.enter("never = 1")
    controller.enter("never_either = 1")
    await wait_until(lambda: controller.session.kernel.busy, "the sleeping cell to start")
    await asyncio.sleep(0.2)
    controller.interrupt()
    await wait_until(lambda: not controller.busy, "the interrupt to end the cell", timeout=10)
    view = told(controller)
    assert "(2 waiting inputs dropped)" in view.said("note")
    assert "KeyboardInterrupt" in view.said("error")[-1]
    assert view.said("echo")[-1] == SLEEPING_CELL
    assert (await run(controller, "'never' in dir()"))[-1] == ("value", "False")


# -- a lost child, and restart -------------------------------------------------------------


async def test_a_child_killed_between_cells_is_told_once_and_the_setup_runs_again(controller: ReplController) -> None:
    await run(controller, "mine = 41")
    kernel = controller.session.kernel
    old = kernel.pid
    assert old is not None
    os.kill(old, signal.SIGKILL)
    await wait_until(lambda: "variables are back" in said(controller), "the lost child to be reported")
    notes = told(controller).said("note")
    assert notes[-2] == (
        "Python stopped unexpectedly (killed by SIGKILL) while waiting for input. "
        "A fresh one has started; your variables were lost."
    )
    assert notes[-1] == "The lesson's setup ran again, so its variables are back: mine, scale."
    assert kernel.pid not in (None, old)
    assert (await run(controller, "mine"))[-1] == ("value", "40")
    assert said(controller).count("SIGKILL") == 1


async def test_a_child_killed_in_a_cell_is_that_cells_result_and_the_setup_runs_again(
    controller: ReplController,
) -> None:
    kernel = controller.session.kernel
    controller.enter(SLEEPING_CELL)
    await wait_until(lambda: kernel.busy, "the sleeping cell to start")
    await asyncio.sleep(0.2)
    os.kill(kernel.pid, signal.SIGKILL)
    await wait_until(lambda: not controller.busy, "the cell to end")
    assert controller.results[-1].died
    assert told(controller).said("note")[-1] == "The lesson's setup ran again, so its variables are back: mine, scale."
    assert (await run(controller, "mine"))[-1] == ("value", "40")


async def test_restart_gives_a_fresh_namespace_with_the_setup_back(controller: ReplController) -> None:
    await run(controller, "gone = 1")
    kernel = controller.session.kernel
    old = kernel.pid
    view = told(controller)
    view.busy_changes.clear()
    before = len(view.told)
    controller.restart()
    await asyncio.sleep(0)
    assert controller.busy
    await wait_until(lambda: not controller.busy, "the restart")
    assert view.since(before) == [
        ("note", "Restarting Python…"),
        ("note", "Python restarted with a fresh namespace."),
        ("note", "The lesson's setup ran again, so its variables are back: mine, scale."),
    ]
    assert view.busy_changes == [True, False]
    assert kernel.pid not in (None, old)
    assert (await run(controller, "gone"))[-1][0] == "error"
    assert (await run(controller, "mine"))[-1] == ("value", "40")


# -- the jobs ------------------------------------------------------------------------------


async def test_jobs_cancel_their_group_when_exclusive_and_report_errors_on_close() -> None:
    jobs = Jobs()
    first = jobs.start(asyncio.sleep(30), group="g")
    other = jobs.start(asyncio.sleep(30), group="h")
    second = jobs.start(asyncio.sleep(30), group="g", exclusive=True)
    await asyncio.sleep(0)
    assert first.cancelled() and not other.done() and not second.done()

    async def fail() -> None:
        raise ValueError("a job failed")

    jobs.start(fail(), group="f")
    await asyncio.sleep(0)
    with pytest.raises(ValueError, match="a job failed"):
        await jobs.close()
    assert other.cancelled() and second.cancelled() and jobs.running() == 0
