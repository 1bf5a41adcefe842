"""Start, restart, shutdown and deaths outside cells."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

from tutor.kernel.client import Kernel, KernelDied, KernelError

pytestmark = pytest.mark.asyncio(loop_scope="session")


def process_gone(pid: int) -> bool:
    """True when ``pid`` no longer runs (absent, or a zombie waiting for its reaper)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"


async def test_shutdown_leaves_no_process() -> None:
    kernel = Kernel()
    await kernel.start()
    pid = kernel.pid
    assert pid is not None
    grandchild = (await kernel.run("import subprocess\nsubprocess.Popen(['sleep', '100']).pid")).value_repr
    assert grandchild is not None
    await kernel.shutdown()
    assert kernel.pid is None
    assert not Path(f"/proc/{pid}").exists()
    for _ in range(50):
        if process_gone(int(grandchild)):
            break
        await asyncio.sleep(0.02)
    assert process_gone(int(grandchild))


async def test_calls_after_shutdown_raise_until_started_again() -> None:
    kernel = Kernel()
    await kernel.start()
    await kernel.shutdown()
    with pytest.raises(KernelError):
        await kernel.run("1+1")
    await kernel.start()
    try:
        assert (await kernel.run("1+1")).value_repr == "2"
    finally:
        await kernel.shutdown()


async def test_shutdown_during_a_cell_ends_it(fresh_kernel: Kernel) -> None:
    cell = asyncio.create_task(fresh_kernel.run("while True: pass"))
    await asyncio.sleep(0.2)
    await fresh_kernel.shutdown()
    result = await asyncio.wait_for(cell, 5)
    assert result.error == "KernelShutdown" and result.namespace_lost


async def test_first_call_starts_the_kernel() -> None:
    kernel = Kernel()
    try:
        assert kernel.pid is None
        assert (await kernel.run("1+1")).value_repr == "2"
        assert kernel.pid is not None
        assert kernel.memory_limit is not None and kernel.memory_limit > 2**30
    finally:
        await kernel.shutdown()


async def test_restart_gives_a_fresh_namespace(fresh_kernel: Kernel) -> None:
    await fresh_kernel.run("x = 1")
    old_pid = fresh_kernel.pid
    await fresh_kernel.restart()
    assert fresh_kernel.pid != old_pid
    assert (await fresh_kernel.run("x")).error == "NameError"
    result = await fresh_kernel.run("1+1")
    assert result.value_repr == "2" and not result.restarted


async def test_restart_during_a_cell(fresh_kernel: Kernel) -> None:
    cell = asyncio.create_task(fresh_kernel.run("while True: pass"))
    await asyncio.sleep(0.2)
    await fresh_kernel.restart()
    result = await asyncio.wait_for(cell, 5)
    assert result.error == "KernelRestarted" and result.restarted and result.namespace_lost
    assert (await fresh_kernel.run("1+1")).value_repr == "2"


async def test_start_failure_is_reported() -> None:
    kernel = Kernel(python="/bin/false")
    with pytest.raises(KernelDied) as died:
        await kernel.start()
    assert died.value.exit_code == 1
    result = await kernel.run("1+1")
    assert result.died and result.error == "KernelDied"
    await kernel.shutdown()


async def test_death_during_get_array_raises(fresh_kernel: Kernel) -> None:
    await fresh_kernel.run("class Bomb:\n    def __array__(self, *a, **k):\n        import os; os._exit(3)\nb = Bomb()")
    with pytest.raises(KernelDied) as died:
        await fresh_kernel.get_array("b")
    assert died.value.exit_code == 3
    assert (await fresh_kernel.run("1+1")).value_repr == "2"


async def test_slow_completion_is_interrupted() -> None:
    kernel = Kernel(complete_timeout=0.2)
    await kernel.start()
    try:
        await kernel.run(
            "class Slow:\n    def __dir__(self):\n        import time; time.sleep(100)\nslow = Slow()\nkept = 1"
        )
        loop = asyncio.get_running_loop()
        started = loop.time()
        assert (await kernel.complete("slow.x")).matches == ()
        assert loop.time() - started < 2
        assert (await kernel.run("kept")).value_repr == "1"
    finally:
        await kernel.shutdown()


async def test_child_dies_with_its_parent(tmp_path: Path) -> None:
    """A tutor that vanishes without shutdown() takes its busy kernel with it."""
    script = tmp_path / "parent.py"
    root = Path(__file__).resolve().parents[2]
    script.write_text(
        "import asyncio, os, sys\n"
        f"sys.path.insert(0, {str(root)!r})\n"
        "from tutor.kernel.client import Kernel\n"
        "async def main():\n"
        "    kernel = Kernel()\n"
        "    await kernel.start()\n"
        "    print(kernel.pid, flush=True)\n"
        "    asyncio.create_task(kernel.run('while True: pass'))\n"
        "    await asyncio.sleep(0.2)\n"
        "    os._exit(0)\n"
        "asyncio.run(main())\n"
    )
    parent = await asyncio.create_subprocess_exec(
        sys.executable, str(script), stdout=asyncio.subprocess.PIPE
    )
    output, _ = await asyncio.wait_for(parent.communicate(), 20)
    child_pid = int(output.split()[0])
    for _ in range(100):
        if process_gone(child_pid):
            break
        await asyncio.sleep(0.02)
    assert process_gone(child_pid)
