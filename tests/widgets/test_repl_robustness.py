"""The REPL pane never freezes or dies: each hostile input, as a Pilot test of the pane.

For every case: the pane shows what happened, the UI answered keys while the cell ran
(typed keys reached the prompt, and the app's event loop never stalled long), and the
next ``1+1`` answers ``2``.
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass

import pytest
from textual import events

from tests.helpers import type_keys, wait_until
from tests.kernel.lag import LagMeter
from tests.widgets.conftest import PaneApp, assert_answers, ready, transcript
from tutor.widgets.repl._pane import ReplPane

MAX_UI_LAG = 0.25
"""The longest the app's event loop may stall while a hostile cell runs (seconds; about
20 ms here when the machine is quiet, the rest is room for a 2-core machine under load)."""

MAX_KEY_SECONDS = 1.0
"""How long a key typed meanwhile may take to reach the prompt (a Pilot press waits for the
screen to settle, so this is generous: `make test` runs a test on each core beside the
child). A UI blocked on the cell would hold the key for the whole cell; the lag meter
catches a shorter stall."""


@dataclass(frozen=True)
class Case:
    name: str
    code: str
    expect: tuple[str, ...]
    """Texts that must appear in the transcript."""
    interrupt_after: float | None = None
    paste: bool = False
    timeout: float = 20.0


STUBBORN_LOOP = "while True:\n    try:\n        while True:\n            pass\n    except KeyboardInterrupt:\n        pass"

CASES = [
    Case("busy loop", "while True: pass", ("KeyboardInterrupt",), interrupt_after=0.5),
    Case("sleep", "import time; time.sleep(100)", ("KeyboardInterrupt",), interrupt_after=0.5),
    Case(
        "loop swallowing the interrupt",
        STUBBORN_LOOP,
        ("did not stop within 2 s", "A fresh kernel has been started", "variables are back"),
        interrupt_after=0.5,
        paste=True,
    ),
    Case("numpy memory bomb", "np.ones(10**11)", ("MemoryError",)),
    Case("bytearray memory bomb", "bytearray(20 * 2**30)", ("MemoryError",)),
    # a million lines, 500 times what the transcript keeps (tests/kernel counts a flood of 10**7 exactly)
    Case("print flood", "for i in range(10**6): print(i)", ("1999", "[output truncated: ")),
    Case(
        "os._exit",
        "import os; os._exit(1)",
        ("stopped unexpectedly (exit code 1)", "A fresh kernel has been started", "variables are back"),
    ),
    Case(
        "segfault",
        "import ctypes; ctypes.string_at(0)",
        ("stopped unexpectedly (killed by SIGSEGV)", "A fresh kernel has been started", "variables are back"),
    ),
    Case("input", "input()", ("EOFError: EOF when reading a line",)),
    Case("exit", "exit()", ("exit() was ignored",)),
    Case(
        "recursion",
        "def f(): return f()\n\nf()",
        ("RecursionError: maximum recursion depth exceeded", "[Previous line repeated"),
        paste=True,
    ),
    Case("big array", "np.arange(10**6)", ("array([ 0, 1, 2, ..., 999997, 999998, 999999], shape=(1000000,))",)),
    Case("paste of 5,000 lines", "\n".join(f"v{i} = {i}" for i in range(5000)) + "\nv4999", ("4999",), paste=True),
]


@pytest.fixture
def fresh_heap():
    """Measure stalls as a fresh tutor would have them: the objects every earlier test left
    in this process are moved out of the garbage collector's sight for the test."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
async def test_the_pane_survives(case: Case, fresh_heap) -> None:
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(ReplPane)
        prompt = pane.prompt_input
        await ready(pilot, pane)
        async with LagMeter() as meter:
            if case.paste:
                prompt.post_message(events.Paste(case.code))
            else:
                await type_keys(pilot, *case.code, "enter")
                if prompt.pending:  # a one-line block needs its blank line
                    await pilot.press("enter")
            for key in "typed":  # the UI answers keys while the cell runs
                started = time.monotonic()
                await pilot.press(key)
                assert time.monotonic() - started < MAX_KEY_SECONDS
            assert prompt.value == "typed"
            await pilot.press("ctrl+u")
            if case.interrupt_after is not None:
                await pilot.pause(case.interrupt_after)
                assert pane.busy
                await pilot.press("ctrl+c")
            text = lambda: " ".join(" ".join(transcript(pane)).split())  # noqa: E731  (wrapped lines joined)
            await wait_until(
                pilot,
                lambda: not pane.busy and all(expected in text() for expected in case.expect),
                timeout=case.timeout,
                what=f"{case.expect} in the transcript",
                seen=lambda: (
                    f"the pane {'is still busy' if pane.busy else 'is idle'}, its prompt holds "
                    f"{prompt.source!r}, and its transcript ends {transcript(pane)[-6:]}"
                ),
            )
        assert meter.max_lag < MAX_UI_LAG, f"the UI stalled for {meter.max_lag:.3f} s"
        await assert_answers(pilot, pane)


async def test_a_long_paste_is_echoed_short() -> None:
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(ReplPane)
        await ready(pilot, pane)
        pane.prompt_input.post_message(events.Paste("\n".join(f"v{i} = {i}" for i in range(5000))))
        await wait_until(pilot, lambda: len(pane.results) == 1 and not pane.busy)
        echo = [line for line in transcript(pane) if line.startswith((">>>", "..."))]
        assert echo[0] == ">>> v0 = 0" and echo[-1] == "... [4989 more lines]" and len(echo) == 12


async def test_recursion_traceback_is_short() -> None:
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(ReplPane)
        await ready(pilot, pane)
        pane.prompt_input.post_message(events.Paste("def f(): return f()\n\nf()"))
        await wait_until(pilot, lambda: len(pane.results) == 1 and not pane.busy)
        assert pane.results[-1].error == "RecursionError"
        assert len(pane.results[-1].traceback.splitlines()) < 15
