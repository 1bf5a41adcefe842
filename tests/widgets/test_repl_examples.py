"""Every Example of every lesson, run in the REPL pane, prints the output its listing shows.

The pane runs each example as the ``e`` key does (its setup first, in the one REPL
namespace, one example after another). What ``print`` writes must match the listing's
recorded output exactly. That a fresh ``python3`` prints that output too is each lesson's
own test (``tests/lessons/``: every example, run alone in an isolated interpreter); an
example without a recorded output is compared with a fresh ``python3`` here instead.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.widgets.conftest import PaneApp, ready, wait_until
from tutor.lesson.format import Example
from tutor.lesson.registry import discover
from tutor.widgets.repl._pane import ReplPane

ROOT = Path(__file__).resolve().parents[2]


def every_example() -> list[tuple[str, Example]]:
    examples = []
    for lesson in discover().lessons:
        for number, section in enumerate(lesson.sections, start=1):
            for block in section.blocks:
                if isinstance(block, Example):
                    examples.append((f"{lesson.id} §{number} {block.title or block.code[:30]!r}", block))
    return examples


def as_script(example: Example) -> str:
    """What plain python3 prints for the example's setup and code run as one script (for an
    example without a recorded output: the lessons' own tests run the others)."""
    script = example.setup + "\n" + example.code
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


async def test_every_example_prints_in_the_repl_what_its_listing_shows() -> None:
    examples = every_example()
    assert len(examples) >= 20  # the first lesson alone has more
    expected = {name: example.output or as_script(example) for name, example in examples}
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(ReplPane)
        await ready(pilot, pane)
        for name, example in examples:
            # the pane keeps only its newest results: count the cells that ended instead
            count = pane.controller.finished
            pane.run_example(example)
            cells = 2 if example.setup.strip() else 1
            await wait_until(pilot, lambda: pane.controller.finished >= count + cells and not pane.busy, 60, name)
            result = pane.results[-1]
            assert result.ok, f"{name}: {result.error}: {result.error_message}"
            assert expected[name] and result.stdout == expected[name], name
