"""A checking child shared by a test module, with short time limits so the suite stays fast.

The child is a real kernel process: nothing is mocked. Each check still runs in
a fresh namespace, as in the app (which starts a fresh child for every check).
"""

from __future__ import annotations

import pytest_asyncio

from tutor.grading.runner import Checker

FAST = {"case_limit": 0.5, "budget": 3.0, "margin": 0.5, "grace": 0.5}
"""Limits for tests: a hung case costs half a second, a hopeless check about four."""


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def checker():
    shared = Checker(reuse_child=True, **FAST)
    yield shared
    await shared.close()
