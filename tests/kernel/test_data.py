"""Arrays and variables cross the pipe as raw bytes; completion uses the live namespace."""

from __future__ import annotations

import numpy as np
import pytest

from tutor.kernel.client import Completion, Kernel, KernelError

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest.mark.parametrize(
    "code",
    [
        "np.linspace(0, 1, 7)",
        "np.arange(-5, 5, dtype=np.int32)",
        "np.array([True, False, True])",
        "np.arange(12.0).reshape(3, 4)",
        "np.arange(24, dtype=np.int16).reshape(2, 3, 4)[:, ::2]",
        "np.asfortranarray(np.arange(6).reshape(2, 3))",
        "np.zeros((0, 3))",
    ],
)
async def test_get_array_round_trip(kernel: Kernel, code: str) -> None:
    await kernel.run(f"A = {code}")
    expected = eval(code, {"np": np})
    received = await kernel.get_array("A")
    assert received.dtype == expected.dtype
    assert received.shape == expected.shape
    np.testing.assert_array_equal(received, expected)


async def test_get_array_of_scalars_and_lists(kernel: Kernel) -> None:
    await kernel.run("s = 2.5\nL = [1, 2, 3]")
    assert (await kernel.get_array("s")).shape == ()
    np.testing.assert_array_equal(await kernel.get_array("L"), [1, 2, 3])


async def test_get_array_reduces_for_plotting(kernel: Kernel) -> None:
    await kernel.run("t = np.linspace(0, 20, 100_001)\nwave = np.sin(t) * t")
    full = await kernel.get_array("wave")
    reduced = await kernel.get_array("wave", max_points=500)
    assert len(full) == 100_001
    assert 400 <= len(reduced) <= 500
    assert reduced.max() == full.max() and reduced.min() == full.min()
    assert reduced[0] == full[0]


async def test_get_array_errors(kernel: Kernel) -> None:
    with pytest.raises(KernelError) as missing:
        await kernel.get_array("nope")
    assert missing.value.error_type == "NameError"
    await kernel.run("o = [object()]")
    with pytest.raises(KernelError) as wrong:
        await kernel.get_array("o")
    assert wrong.value.error_type == "TypeError"
    assert (await kernel.run("1+1")).value_repr == "2"


async def test_set_variables_then_use_them(kernel: Kernel) -> None:
    weights = np.array([[1.0, 2.0], [3.0, 4.0]])
    await kernel.set_variables(
        W=weights, mask=np.array([True, False]), n=3, rate=0.5, name="loss", sizes=[1, 2], meta={"k": None},
        step=np.int64(7),
    )
    assert (await kernel.run("W @ np.ones(2)")).value_repr == "array([3., 7.])"
    assert (await kernel.run("W.flags.writeable, W.dtype, mask.dtype")).value_repr == (
        "(True, dtype('float64'), dtype('bool'))"
    )
    assert (await kernel.run("n * rate, name, sizes, meta")).value_repr == "(1.5, 'loss', [1, 2], {'k': None})"
    assert (await kernel.run("type(step).__name__, step + 1")).value_repr == "('int64', np.int64(8))"


async def test_set_variables_refuses_unsendable_values(kernel: Kernel) -> None:
    with pytest.raises(TypeError):
        await kernel.set_variables(f=lambda: 1)
    with pytest.raises(ValueError):
        await kernel.set_variables(**{"not a name": 1})


async def test_completion_examples(kernel: Kernel) -> None:
    await kernel.run("A = np.eye(3)\nmy_value = 1")
    assert "np.linalg" in (await kernel.complete("np.lin")).matches
    assert (await kernel.complete("A.sh")) == Completion(0, 4, ("A.shape",))
    assert "my_value" in (await kernel.complete("my_v")).matches
    assert "print" in (await kernel.complete("pri")).matches
    assert "len" in (await kernel.complete("le")).matches
    mid = await kernel.complete("y = np.lin + 1", cursor=10)
    assert mid.start == 4 and mid.end == 10 and "np.linalg" in mid.matches
    # scipy.stats is imported on first use, which can outlast a completion's time limit on a
    # loaded machine (the completion then answers nothing): import it first, then complete
    await kernel.run("stats.norm")
    assert "stats.norm" in (await kernel.complete("stats.nor")).matches
    assert (await kernel.complete("1 + ")).matches == ()


async def test_completion_while_busy_answers_nothing(kernel: Kernel) -> None:
    import asyncio

    cell = asyncio.create_task(kernel.run("import time; time.sleep(0.5)"))
    await asyncio.sleep(0.1)
    assert (await kernel.complete("np.lin")).matches == ()
    await cell
