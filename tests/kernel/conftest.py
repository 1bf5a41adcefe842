"""Fixtures for the kernel tests: started kernels that are always shut down.

Starting a child costs a few tenths of a second, so the tests that only run cells share one
child (`kernel`), and only the tests that need a child of their own (`fresh_kernel`) start
one: those that kill, restart or shut it down, run it out of memory, or look at what only a
fresh child has (the first cell's number, a module not imported yet). Between two tests the
shared child is checked (it still answers) and given back the settings a fresh child starts
with; a test that broke it gets a new one.

Every test here runs on the session's event loop, as the shared child's pipes belong to one loop
(each module sets ``pytestmark = pytest.mark.asyncio(loop_scope="session")``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio

from tutor.kernel.client import Kernel, KernelSettings

WIDTH = 80
DEFAULTS = KernelSettings(width=WIDTH)


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def shared_kernel() -> AsyncIterator[Kernel]:
    kernel = Kernel(width=WIDTH)
    await kernel.start()
    yield kernel
    await kernel.shutdown()


@pytest_asyncio.fixture(loop_scope="session")
async def kernel(shared_kernel: Kernel) -> AsyncIterator[Kernel]:
    """The shared child, answering and with a fresh child's width and plot size."""
    await shared_kernel.config(width=DEFAULTS.width, plot_size=DEFAULTS.plot_size)
    answer = await shared_kernel.run("1+1")
    if not (answer.ok and answer.value_repr == "2") or answer.restarted:
        await shared_kernel.restart()
    yield shared_kernel


@pytest_asyncio.fixture(loop_scope="session")
async def fresh_kernel() -> AsyncIterator[Kernel]:
    """A child of the test's own."""
    kernel = Kernel(width=WIDTH)
    await kernel.start()
    yield kernel
    await kernel.shutdown()


@pytest_asyncio.fixture(loop_scope="session")
async def quick_grace_kernel() -> AsyncIterator[Kernel]:
    kernel = Kernel(grace=0.5)
    await kernel.start()
    yield kernel
    await kernel.shutdown()
