"""Pilot tests of the REPL pane: typing, multi-line input, history, completion, interrupt, plots.

Every test drives a real pane whose kernel is a real child process.
"""

from __future__ import annotations

from textual import events

from tests.helpers import screen_text, type_keys, wait_until
from tests.widgets.conftest import PaneApp, assert_answers, ready, run, transcript
from tutor.widgets.figures._plot_view import PlotView
from tutor.widgets.repl._pane import ReplPane


async def test_start_runs_the_lesson_setup_and_says_so(pane_app: PaneApp) -> None:
    async with pane_app.run_test(size=(80, 24)) as pilot:
        pane = pane_app.query_one(ReplPane)
        await ready(pilot, pane)
        text = "\n".join(transcript(pane))
        assert "Ready: np, math, stats, scipy" in text
        assert "The lesson's setup ran: a, b, A, B, M" in text
        lines = await run(pilot, pane, "A @ B")
        assert lines == [">>> A @ B", "array([[ 27,  30,  33],", "       [ 61,  68,  75],", "       [ 95, 106, 117]])"]
        assert (await run(pilot, pane, "a @ b"))[-1] == "np.float64(32.0)"
        assert (await run(pilot, pane, "X.shape, w.round(3)"))[-1] == "((100, 2), array([9.897, 3.515]))"


async def test_every_printable_key_types_at_the_prompt(pane_app: PaneApp) -> None:
    async with pane_app.run_test(size=(80, 24)) as pilot:
        pane = pane_app.query_one(ReplPane)
        await type_keys(pilot, *"qnpsr?0123456789", "e", "question_mark")
        assert pane.prompt_input.value == "qnpsr?0123456789e?"


async def test_a_value_is_shown_and_kept_as_underscore(pane_app: PaneApp) -> None:
    async with pane_app.run_test(size=(80, 24)) as pilot:
        pane = pane_app.query_one(ReplPane)
        await ready(pilot, pane)
        assert (await run(pilot, pane, "6 * 7"))[-1] == "42"
        assert (await run(pilot, pane, "_ + 1"))[-1] == "43"
        assert await run(pilot, pane, "None") == [">>> None"]
        assert (await run(pilot, pane, "stats.norm.cdf(0)"))[-1] == "np.float64(0.5)"  # no import needed


async def test_an_incomplete_input_continues_and_a_blank_line_ends_the_block(pane_app: PaneApp) -> None:
    async with pane_app.run_test(size=(80, 24)) as pilot:
        pane = pane_app.query_one(ReplPane)
        prompt = pane.prompt_input
        await ready(pilot, pane)
        await type_keys(pilot, *"def twice(x):", "enter")
        assert prompt.pending == ["def twice(x):"] and prompt.value == "    "  # indented for the body
        assert str(pane.query_one("#repl-prompt").render()) == "... "
        await type_keys(pilot, *"return 2 * x", "enter")
        assert prompt.pending == ["def twice(x):", "    return 2 * x"] and not pane.results
        await pilot.press("enter")  # the blank line ends the block and runs it
        await wait_until(pilot, lambda: len(pane.results) == 1 and not pane.busy)
        assert transcript(pane)[-3:] == [">>> def twice(x):", "...     return 2 * x", "..."]
        assert str(pane.query_one("#repl-prompt").render()) == ">>> "
        assert (await run(pilot, pane, "twice(21)"))[-1] == "42"
        await type_keys(pilot, *"[1,", "enter")  # an open bracket continues too
        assert prompt.pending == ["[1,"]
        await type_keys(pilot, *"2]", "enter")
        await wait_until(pilot, lambda: len(pane.results) == 3 and not pane.busy)
        assert transcript(pane)[-1] == "[1, 2]"


async def test_a_paste_of_several_lines_runs_as_one_cell(pane_app: PaneApp) -> None:
    async with pane_app.run_test(size=(80, 24)) as pilot:
        pane = pane_app.query_one(ReplPane)
        await ready(pilot, pane)
        pane.prompt_input.post_message(events.Paste("total = 0\nfor k in range(4):\n    total += k\nprint(total)\n"))
        await wait_until(pilot, lambda: len(pane.results) == 1 and not pane.busy)
        assert pane.results[-1].stdout == "6\n"
        assert transcript(pane)[-5:] == [
            ">>> total = 0",
            "... for k in range(4):",
            "...     total += k",
            "... print(total)",
            "6",
        ]
        pane.prompt_input.post_message(events.Paste("values = [1,\n2,"))  # unfinished: left to finish
        await pilot.pause()
        assert pane.prompt_input.pending == ["values = [1,"] and pane.prompt_input.value == "2,"
        assert len(pane.results) == 1


async def test_print_output_appears_while_the_cell_runs(pane_app: PaneApp) -> None:
    async with pane_app.run_test(size=(80, 24)) as pilot:
        pane = pane_app.query_one(ReplPane)
        await ready(pilot, pane)
        await type_keys(pilot, *"import time; print('first', flush=True); time.sleep(1.5); print('second')", "enter")
        await wait_until(pilot, lambda: "first" in transcript(pane), what="the first line")
        assert pane.busy and "second" not in transcript(pane)
        await wait_until(pilot, lambda: "second" in transcript(pane) and not pane.busy, what="the second line")


async def test_keys_typed_right_after_enter_land_on_the_next_line(pane_app: PaneApp) -> None:
    async with pane_app.run_test(size=(80, 24)) as pilot:
        pane = pane_app.query_one(ReplPane)
        await ready(pilot, pane)
        await type_keys(pilot, *"x = 2", "enter", *"x * 10", "enter")  # no pause between them
        await wait_until(pilot, lambda: len(pane.results) == 2 and not pane.busy)
        assert transcript(pane)[-3:] == [">>> x = 2", ">>> x * 10", "20"]


async def test_errors_show_only_the_learners_frames(pane_app: PaneApp) -> None:
    async with pane_app.run_test(size=(80, 24)) as pilot:
        pane = pane_app.query_one(ReplPane)
        await ready(pilot, pane)
        await type_keys(pilot, *"def f(x): return 1 / x", "enter", "enter")  # a block ends with a blank line
        await wait_until(pilot, lambda: len(pane.results) == 1 and not pane.busy)
        lines = await run(pilot, pane, "f(0)")
        text = "\n".join(lines)
        assert lines[-1] == "ZeroDivisionError: division by zero"
        assert text.count('File "<cell') == 2 and "tutor" not in text and "site-packages" not in text


async def test_up_and_down_walk_the_history_and_keep_the_draft(pane_app: PaneApp) -> None:
    async with pane_app.run_test(size=(80, 24)) as pilot:
        pane = pane_app.query_one(ReplPane)
        prompt = pane.prompt_input
        await ready(pilot, pane)
        await run(pilot, pane, "first = 1")
        await type_keys(pilot, *"def g():", "enter", *"return first", "enter", "enter")
        await wait_until(pilot, lambda: len(pane.results) == 2 and not pane.busy)
        await type_keys(pilot, *"draft")
        await pilot.press("up")
        assert prompt.pending == ["def g():"] and prompt.value == "    return first"
        await pilot.press("up")
        assert prompt.pending == [] and prompt.value == "first = 1"
        await pilot.press("down", "down")
        assert prompt.value == "draft" and prompt.pending == []
        assert pane_app.store.history()[-2:] == ["first = 1", "def g():\n    return first"]


async def test_history_is_kept_across_sessions(data_dir) -> None:
    first = PaneApp()
    async with first.run_test(size=(80, 24)) as pilot:
        pane = first.query_one(ReplPane)
        await ready(pilot, pane)
        await run(pilot, pane, "remembered = 7")
    second = PaneApp()
    async with second.run_test(size=(80, 24)) as pilot:
        pane = second.query_one(ReplPane)
        await pilot.press("up")
        assert pane.prompt_input.value == "remembered = 7"


async def test_tab_completes_from_the_live_namespace(pane_app: PaneApp) -> None:
    async with pane_app.run_test(size=(80, 24)) as pilot:
        pane = pane_app.query_one(ReplPane)
        prompt = pane.prompt_input
        await ready(pilot, pane)
        await type_keys(pilot, *"A.sh", "tab")
        await wait_until(pilot, lambda: prompt.value == "A.shape", what="A.shape")
        await pilot.press("ctrl+u", *"np.lin", "tab")
        await wait_until(pilot, lambda: pane.completions.display, what="the choices")
        assert pane.completions.choices == ["np.linalg", "np.linspace"]
        await pilot.press("s")  # typing narrows the choices
        assert [option.prompt.plain for option in pane.completions.option_list.options] == ["np.linspace"]
        await pilot.press("tab")  # takes the highlighted choice
        assert prompt.value == "np.linspace" and not pane.completions.display
        await pilot.press("ctrl+u")
        await run(pilot, pane, "my_value = 3")
        await type_keys(pilot, *"my_v", "tab")
        await wait_until(pilot, lambda: prompt.value == "my_value", what="a learner's name")
        await pilot.press("ctrl+u", "tab")  # at the start of a line tab indents
        assert prompt.value == "    "


async def test_escape_closes_the_choices_and_up_walks_history_again(pane_app: PaneApp) -> None:
    async with pane_app.run_test(size=(80, 24)) as pilot:
        pane = pane_app.query_one(ReplPane)
        await ready(pilot, pane)
        await run(pilot, pane, "earlier = 1")
        await type_keys(pilot, *"np.lin", "tab")
        await wait_until(pilot, lambda: pane.completions.display, what="the choices")
        await pilot.press("escape")
        assert not pane.completions.display and pane.prompt_input.has_focus
        await pilot.press("ctrl+u", "up")
        assert pane.prompt_input.value == "earlier = 1"


async def test_ctrl_c_interrupts_a_running_cell(pane_app: PaneApp) -> None:
    async with pane_app.run_test(size=(80, 24)) as pilot:
        pane = pane_app.query_one(ReplPane)
        await ready(pilot, pane)
        await type_keys(pilot, *"while True: pass", "enter", "enter")
        await wait_until(pilot, lambda: pane.busy)
        await pilot.pause(0.3)
        await pilot.press("ctrl+c")
        await wait_until(pilot, lambda: not pane.busy, timeout=5)
        assert transcript(pane)[-1] == "KeyboardInterrupt"
        assert pane.results[-1].interrupted and not pane.results[-1].restarted
        await assert_answers(pilot, pane)


async def test_ctrl_c_at_an_idle_prompt_discards_the_input(pane_app: PaneApp) -> None:
    async with pane_app.run_test(size=(80, 24)) as pilot:
        pane = pane_app.query_one(ReplPane)
        await ready(pilot, pane)
        await type_keys(pilot, *"for i in range(3):", "enter", *"print(i)")
        await pilot.press("ctrl+c")
        assert pane.prompt_input.value == "" and pane.prompt_input.pending == []
        assert transcript(pane)[-3:] == [">>> for i in range(3):", "...     print(i)", "KeyboardInterrupt"]
        assert not pane.results
        await assert_answers(pilot, pane)


async def test_ctrl_l_clears_the_pane(pane_app: PaneApp) -> None:
    async with pane_app.run_test(size=(80, 24)) as pilot:
        pane = pane_app.query_one(ReplPane)
        await ready(pilot, pane)
        await run(pilot, pane, "plot([1, 2, 3])")
        assert pane.has_class("-plotted")
        await pilot.press("ctrl+l")
        assert transcript(pane) == [] and not pane.has_class("-plotted")
        await assert_answers(pilot, pane)


async def test_restart_gives_a_fresh_namespace_with_the_lesson_variables(pane_app: PaneApp) -> None:
    async with pane_app.run_test(size=(80, 24)) as pilot:
        pane = pane_app.query_one(ReplPane)
        await ready(pilot, pane)
        await run(pilot, pane, "mine = 5")
        old_pid = pane_app.repl.kernel.pid
        pane.restart()
        await wait_until(pilot, lambda: "variables are back" in "\n".join(transcript(pane)) and not pane.busy)
        assert pane_app.repl.kernel.pid != old_pid
        assert "Python restarted with a fresh namespace." in transcript(pane)
        await run(pilot, pane, "mine")
        assert pane.results[-1].error_message == "name 'mine' is not defined"  # (Python adds: did you mean 'min'?)
        assert (await run(pilot, pane, "M.sum()"))[-1] == "np.float64(8.0)"


async def test_plot_functions_draw_in_the_plot_area(pane_app: PaneApp) -> None:
    async with pane_app.run_test(size=(100, 30)) as pilot:
        pane = pane_app.query_one(ReplPane)
        await ready(pilot, pane)
        assert not pane.query(PlotView)
        await run(pilot, pane, "x = np.linspace(-3, 3, 100)")
        await run(pilot, pane, "plot(x, x**2)")
        view = pane.query_one(PlotView)
        assert view.display and view.region.height >= 8
        (series,) = view.description.series
        assert series.kind == "line" and len(series.x) == 100 and series.y[0] == 9.0
        await run(pilot, pane, "plot(np.linspace(0, 1, 10**6), label='long')")
        (series,) = view.description.series
        assert 2 <= len(series.x) <= 4 * pane.size.width  # reduced in the child to the width
        await run(pilot, pane, "scatter(area, price, label='houses'); plot(area, X @ w, label='fit')")
        assert [s.kind for s in view.description.series] == ["scatter", "line"]
        await run(pilot, pane, "hist(np.random.default_rng(0).normal(size=1000), bins=20)")
        (series,) = view.description.series
        assert series.kind == "bar" and len(series.x) == 20 and sum(series.y) == 1000
        await run(pilot, pane, "bar(['a', 'b', 'c'], [3, 1, 2])")
        (series,) = view.description.series
        assert list(series.x) == ["a", "b", "c"] and list(series.y) == [3.0, 1.0, 2.0]
        lines = await run(pilot, pane, "plot([1, 2], [1, 2, 3])")
        assert lines[-1] == "ValueError: plot() needs x and y of the same length, not 2 and 3"
        await pilot.pause()
        screen = screen_text(pane_app)
        assert "┤" in screen  # the plot is on screen: axis ticks drawn by plotext
