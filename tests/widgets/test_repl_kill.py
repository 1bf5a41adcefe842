"""The REPL child killed from outside, and kept away from the tutor's terminal.

Each test drives a real pane whose kernel is a real child process, and kills that child
with ``kill -9`` (``os.kill(pid, SIGKILL)``) as a learner's other shell, or the OOM killer,
would: once while it waits for input, once while it runs a cell. The pane must say so, a
fresh child must replace it (a new pid), the lesson's variables must come back, and the
next ``1+1`` must answer ``2``.

The last test checks what the child can reach: it leads its own session (so no
controlling terminal, and signals for the tutor's terminal never reach it), and its
standard streams are pipes or /dev/null, never the terminal the tutor draws on.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

from textual import events

from tests.helpers import type_keys, wait_until
from tests.widgets.conftest import PaneApp, assert_answers, ready, run, transcript
from tutor.widgets.repl._pane import ReplPane

SLEEPING_CELL = "import time; time.sleep(30)"


def said(pane: ReplPane) -> str:
    """The transcript as one line of single-spaced words (wrapped lines joined)."""
    return " ".join(" ".join(transcript(pane)).split())


def gone(pid: int) -> bool:
    """True once ``pid`` is no process of ours (reaped), or only a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state == "Z"


async def test_a_child_killed_while_idle_is_reported_and_replaced(pane_app: PaneApp) -> None:
    async with pane_app.run_test(size=(80, 24)) as pilot:
        pane = pane_app.query_one(ReplPane)
        kernel = pane_app.repl.kernel
        await ready(pilot, pane)
        await run(pilot, pane, "mine = 41")
        old = kernel.pid
        assert old is not None

        os.kill(old, signal.SIGKILL)
        # Nothing is typed: the pane notices by itself, says so, and has a fresh child.
        await wait_until(
            pilot,
            lambda: "killed by SIGKILL" in said(pane) and "variables are back" in said(pane),
            what="the pane reporting the killed child",
        )
        assert "Python stopped unexpectedly (killed by SIGKILL)" in said(pane), said(pane)
        assert "your variables were lost" in said(pane)
        fresh = kernel.pid
        assert fresh is not None and fresh != old and gone(old)
        assert not pane.busy

        await assert_answers(pilot, pane)
        assert (await run(pilot, pane, "mine"))[-1].startswith("NameError")
        assert (await run(pilot, pane, "M.shape"))[-1] == "(2, 2)"  # the lesson's setup ran again
        # The death was told once, by the pane: the next cell does not report it again.
        assert said(pane).count("killed by SIGKILL") == 1
        assert kernel.pid == fresh


async def test_a_child_killed_while_running_a_cell_is_reported_and_replaced(pane_app: PaneApp) -> None:
    async with pane_app.run_test(size=(80, 24)) as pilot:
        pane = pane_app.query_one(ReplPane)
        kernel = pane_app.repl.kernel
        await ready(pilot, pane)
        old = kernel.pid
        assert old is not None

        await type_keys(pilot, *SLEEPING_CELL, "enter")
        await wait_until(pilot, lambda: pane.busy, what="the cell to start")
        await pilot.pause(0.3)  # the child is inside time.sleep now
        assert pane.busy and not pane.results
        os.kill(old, signal.SIGKILL)
        await wait_until(
            pilot,
            lambda: not pane.busy and "variables are back" in said(pane),
            timeout=10,
            what="the pane reporting the killed child",
        )
        result = pane.results[-1]
        assert result.died and result.exit_signal == "SIGKILL" and result.restarted, result
        assert result.elapsed < 10  # the 30 s sleep did not have to end
        assert "stopped unexpectedly (killed by SIGKILL)" in said(pane), said(pane)
        assert "A fresh kernel has been started" in said(pane)
        fresh = kernel.pid
        assert fresh is not None and fresh != old and gone(old)

        await assert_answers(pilot, pane)
        assert said(pane).count("killed by SIGKILL") == 1


async def paste_and_run(pilot, pane: ReplPane, code: str) -> list[str]:
    """Paste one line at the prompt (quicker than typing it) and enter it; the lines it added."""
    before, start = len(pane.results), len(transcript(pane))
    pane.prompt_input.post_message(events.Paste(code))
    await wait_until(pilot, lambda: pane.prompt_input.value == code, what="the paste")
    await pilot.press("enter")
    await wait_until(pilot, lambda: len(pane.results) > before and not pane.busy and not pane.log_view.writing,
                     what=f"{code!r} to finish")
    await pilot.pause()
    return transcript(pane)[start:]


def terminal_names() -> set[str]:
    """The terminals this test process (standing in for the tutor) has open on fds 0-2."""
    names = {"/dev/tty"}
    for fd in (0, 1, 2):
        try:
            if os.isatty(fd):
                names.add(os.ttyname(fd))
        except OSError:
            pass
    return names


async def test_the_child_has_its_own_session_and_no_terminal(pane_app: PaneApp) -> None:
    async with pane_app.run_test(size=(80, 24)) as pilot:
        pane = pane_app.query_one(ReplPane)
        await ready(pilot, pane)
        pid = pane_app.repl.kernel.pid
        assert pid is not None

        assert os.getsid(pid) == pid != os.getsid(0), "the child does not lead a session of its own"
        assert os.getpgid(pid) == pid != os.getpgid(0)
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        assert fields[4] == "0", f"the child has a controlling terminal (tty_nr {fields[4]})"

        ours = terminal_names()
        for fd in (0, 1, 2):
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
            assert target.startswith("pipe:") or target == os.devnull, f"fd {fd} of the child is {target}"
            assert target not in ours and not target.startswith(("/dev/pts/", "/dev/tty")), target
        assert os.readlink(f"/proc/{pid}/fd/0") == os.devnull  # input() meets end of file

        # From inside: the learner's code cannot open the terminal, nor can a process it starts.
        lines = await paste_and_run(pilot, pane, "open('/dev/tty', 'w')")
        assert any(line.startswith("OSError: [Errno 6]") for line in lines), lines  # ENXIO: no terminal
        probe = (
            "import subprocess; "
            "subprocess.run(['sh', '-c', 'echo leaked > /dev/tty'], capture_output=True).returncode"
        )
        assert (await paste_and_run(pilot, pane, probe))[-1] != "0"
        await assert_answers(pilot, pane)
