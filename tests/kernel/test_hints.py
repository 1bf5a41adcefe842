"""Tracebacks keep Python's own "Did you mean" hints, as the interpreter prints them."""

from __future__ import annotations

import pytest
from tutor.kernel.client import Kernel

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_a_misspelt_name_is_offered_the_builtin(kernel: Kernel) -> None:
    result = await kernel.run("pritn(1)")
    assert result.error == "NameError"
    assert result.traceback.endswith("NameError: name 'pritn' is not defined. Did you mean: 'print'?\n")


async def test_a_misspelt_attribute_is_offered_the_right_one(kernel: Kernel) -> None:
    result = await kernel.run("np.linespace(0, 1, 5)")
    assert result.error == "AttributeError"
    assert result.traceback.endswith(
        "AttributeError: module 'numpy' has no attribute 'linespace'. Did you mean: 'linspace'?\n"
    )


async def test_the_learners_own_names_are_offered(fresh_kernel: Kernel) -> None:
    await fresh_kernel.run("total = 3")
    result = await fresh_kernel.run("def show():\n    return totl + 1\nshow()")
    assert result.traceback.endswith("NameError: name 'totl' is not defined. Did you mean: 'total'?\n")
    assert '"<cell 2>", line 2, in show' in result.traceback
    assert "tutor" not in result.traceback  # still the learner's frames only


async def test_each_error_of_a_chain_keeps_its_hint(kernel: Kernel) -> None:
    result = await kernel.run("try:\n    pritn\nexcept NameError:\n    np.linespac")
    first, _, second = result.traceback.partition("During handling of the above exception")
    assert "NameError: name 'pritn' is not defined. Did you mean: 'print'?" in first
    assert second.endswith("no attribute 'linespac'. Did you mean: 'linspace'?\n")


async def test_no_hint_when_python_has_none(kernel: Kernel) -> None:
    result = await kernel.run("zzz_nothing_like_it")
    assert result.traceback.endswith("NameError: name 'zzz_nothing_like_it' is not defined\n")
    assert result.error_message == "name 'zzz_nothing_like_it' is not defined"
