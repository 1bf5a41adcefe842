"""`Kernel.replace_when_lost`: a child killed between requests is replaced and reported once.

The REPL pane waits in it to tell the learner at once; these tests hold it to its word with
real children: it returns after an idle `kill -9` with a fresh child running, the next cell
does not report that death a second time, and neither a restart nor a death during a cell
(which the cell itself reports) wakes it.
"""

from __future__ import annotations

import asyncio
import os
import signal

import pytest

from tutor.kernel.client import Kernel, KernelError

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_an_idle_kill_returns_with_a_fresh_child(fresh_kernel: Kernel) -> None:
    await fresh_kernel.run("x = 1")
    old = fresh_kernel.pid
    assert old is not None
    watch = asyncio.create_task(fresh_kernel.replace_when_lost())
    await asyncio.sleep(0.1)
    assert not watch.done()
    os.kill(old, signal.SIGKILL)
    info = await asyncio.wait_for(watch, 10)
    assert info.signal_name == "SIGKILL"
    assert fresh_kernel.pid not in (None, old)
    result = await fresh_kernel.run("1+1")
    assert result.value_repr == "2" and not result.restarted and result.message is None, result
    assert (await fresh_kernel.run("x")).error == "NameError"


async def test_restarts_and_deaths_in_a_cell_are_not_its_to_report(fresh_kernel: Kernel) -> None:
    watch = asyncio.create_task(fresh_kernel.replace_when_lost())
    await fresh_kernel.restart()
    died = await fresh_kernel.run("import os; os._exit(3)")
    assert died.died and died.exit_code == 3 and died.restarted
    await asyncio.sleep(0.2)
    assert not watch.done(), "a restart or a death the cell reported woke the watch"
    assert (await fresh_kernel.run("1+1")).value_repr == "2"
    os.kill(fresh_kernel.pid, signal.SIGKILL)
    assert (await asyncio.wait_for(watch, 10)).signal_name == "SIGKILL"


async def test_shutdown_ends_the_wait() -> None:
    kernel = Kernel()
    with pytest.raises(KernelError):
        await kernel.replace_when_lost()  # nothing started yet
    await kernel.start()
    watch = asyncio.create_task(kernel.replace_when_lost())
    await asyncio.sleep(0.05)
    await kernel.shutdown()
    with pytest.raises(KernelError):
        await asyncio.wait_for(watch, 10)
