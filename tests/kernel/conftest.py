"""Fixtures for the kernel tests: a started kernel that is always shut down."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tutor.kernel.client import Kernel


@pytest.fixture
async def kernel() -> AsyncIterator[Kernel]:
    kernel = Kernel(width=80)
    await kernel.start()
    yield kernel
    await kernel.shutdown()


@pytest.fixture
async def quick_grace_kernel() -> AsyncIterator[Kernel]:
    kernel = Kernel(grace=0.5)
    await kernel.start()
    yield kernel
    await kernel.shutdown()
