"""Cells behave like Python's REPL: values, `_`, streaming output, learner-only tracebacks."""

from __future__ import annotations

import asyncio

import pytest

from tutor.kernel.client import Kernel, Result, Stream

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_final_expression_repr_and_underscore(kernel: Kernel) -> None:
    result = await kernel.run("a = 20\na + 22")
    assert result.ok and result.value_repr == "42"
    assert (await kernel.run("_ * 2")).value_repr == "84"
    assert (await kernel.run("'text'")).value_repr == "'text'"


async def test_none_and_statements_show_nothing(kernel: Kernel) -> None:
    assert (await kernel.run("None")).value_repr is None
    assert (await kernel.run("y = 3")).value_repr is None
    assert (await kernel.run("print('hi')")).value_repr is None
    assert (await kernel.run("")).ok


async def test_namespace_starts_with_np_and_math(kernel: Kernel) -> None:
    assert (await kernel.run("np.sqrt(math.pi) > 1")).value_repr == "np.True_"
    assert (await kernel.run("__name__")).value_repr == "'__main__'"


async def test_print_streams_before_the_result(kernel: Kernel) -> None:
    loop = asyncio.get_running_loop()
    arrivals: list[tuple[float, Stream | Result]] = []
    code = "import time\nprint('first')\ntime.sleep(0.3)\nprint('second')"
    async for event in kernel.execute(code):
        arrivals.append((loop.time(), event))
    first_time, first = arrivals[0]
    result_time, result = arrivals[-1]
    assert first == Stream("stdout", "first\n")
    assert isinstance(result, Result) and result.stdout == "first\nsecond\n"
    assert result_time - first_time > 0.1  # the first line came while the cell still slept


async def test_stderr_is_captured_as_its_own_stream(kernel: Kernel) -> None:
    events = [event async for event in kernel.execute("import sys\nprint('oops', file=sys.stderr)")]
    assert Stream("stderr", "oops\n") in events


async def test_traceback_has_learner_frames_only(fresh_kernel: Kernel) -> None:
    await fresh_kernel.run("def divide(a, b):\n    return a / b")
    result = await fresh_kernel.run("x = 1\ndivide(x, 0)")
    assert not result.ok and result.error == "ZeroDivisionError"
    assert result.error_message == "division by zero"
    assert result.traceback.startswith("Traceback (most recent call last):")
    assert '"<cell 1>", line 2, in divide' in result.traceback
    assert '"<cell 2>", line 2, in <module>' in result.traceback
    assert "return a / b" in result.traceback
    assert "tutor/kernel" not in result.traceback and "tutor" not in result.traceback
    assert result.traceback.endswith("ZeroDivisionError: division by zero\n")


async def test_library_errors_show_the_learner_line(fresh_kernel: Kernel) -> None:
    result = await fresh_kernel.run("np.linalg.inv(np.zeros((2, 2)))")
    assert result.error == "LinAlgError"
    assert '"<cell 1>", line 1' in result.traceback
    assert "numpy" not in result.traceback.split("\n")[1]
    assert "tutor/kernel" not in result.traceback


async def test_syntax_error_points_at_the_cell(fresh_kernel: Kernel) -> None:
    result = await fresh_kernel.run("x = (1 +")
    assert result.error == "SyntaxError"
    assert "<cell 1>" in result.traceback and "tutor/kernel" not in result.traceback


async def test_long_repr_is_cut(kernel: Kernel) -> None:
    result = await kernel.run("'x' * 100_000")
    assert result.value_repr is not None
    assert len(result.value_repr) < 21_000
    assert result.value_repr.endswith("more characters]")


async def test_width_config_sets_numpy_line_width(kernel: Kernel) -> None:
    await kernel.config(width=40)
    narrow = await kernel.run("np.arange(30)")
    assert narrow.value_repr is not None
    assert max(len(line) for line in narrow.value_repr.splitlines()) <= 40
    await kernel.config(width=200)
    wide = await kernel.run("np.arange(30)")
    assert wide.value_repr is not None and len(wide.value_repr.splitlines()) == 1


async def test_cells_run_one_at_a_time_in_order(kernel: Kernel) -> None:
    cells = [f"import time\ntime.sleep(0.02)\nseen = globals().get('seen', []) + [{i}]\nseen" for i in range(5)]
    results = await asyncio.gather(*(kernel.run(cell) for cell in cells))
    assert results[-1].value_repr == "[0, 1, 2, 3, 4]"


async def test_lazy_scipy_is_imported_on_first_use(fresh_kernel: Kernel) -> None:
    assert (await fresh_kernel.run("import sys; 'scipy' in sys.modules")).value_repr == "False"
    assert (await fresh_kernel.run("float(stats.norm.pdf(0))")).value_repr == "0.3989422804014327"
    assert (await fresh_kernel.run("import sys; 'scipy' in sys.modules")).value_repr == "True"
    assert (await fresh_kernel.run("type(stats).__name__, stats.__name__")).value_repr == "('module', 'scipy.stats')"
    assert (await fresh_kernel.run("scipy.special.gamma(5)")).value_repr == "np.float64(24.0)"


async def test_child_environment_is_contained(kernel: Kernel) -> None:
    import os

    checks = {
        "import os; os.nice(0) > 0": "True",
        "import resource; resource.getrlimit(resource.RLIMIT_AS)[0] > 0": "True",
        "import sys; sys.stdin.read()": "''",
        "import os; os.getsid(0) == os.getpid()": "True",
    }
    for code, expected in checks.items():
        assert (await kernel.run(code)).value_repr == expected, code
    if (os.cpu_count() or 1) <= 2:
        result = await kernel.run("import os; os.environ['OPENBLAS_NUM_THREADS']")
        assert result.value_repr == "'1'"


async def test_abandoning_a_cell_interrupts_it(kernel: Kernel) -> None:
    events = kernel.execute("import time\nprint('go')\ntime.sleep(100)")
    first = await events.__anext__()
    assert first == Stream("stdout", "go\n")
    await events.aclose()
    result = await asyncio.wait_for(kernel.run("1+1"), 5)
    assert result.value_repr == "2"
