"""The README's key table says what the code binds: `BINDINGS` is the one source of the keys.

Each row group of the table ("lesson", "quiz", …) is read against the classes whose
bindings act there. Every key the table names must be bound there, and every key a
footer shows there (a binding with `show=True`) must be in the table.
"""

from __future__ import annotations

import re
from importlib import import_module
from pathlib import Path

import pytest
from textual.binding import Binding

README = Path(__file__).resolve().parent.parent / "README.md"

WHERE = {
    "everywhere": ["tutor.app:TutorApp"],
    "home": ["tutor.widgets.lesson_list:LessonList", "tutor.screens.home:HomeScreen"],
    "lesson": ["tutor.screens.lesson:LessonScreen", "tutor.widgets.section._section_view:SectionView"],
    "checkpoint": ["tutor.widgets.section._checkpoint:CheckpointBlock"],
    "code listing": ["tutor.widgets.section._code_listing:CodeListing"],
    "REPL": ["tutor.widgets.repl._input:ReplInput", "tutor.widgets.repl._pane:ReplPane"],
    "figure": ["tutor.widgets.figures._figure_block:FigureBlock"],
    "explorable": ["tutor.widgets.figures._explorable:ExplorableBlock"],
    "quiz card": ["tutor.widgets.section._quiz_card:QuizCard"],
    "quiz": ["tutor.screens.quiz:QuizScreen"],
    "review": ["tutor.screens.review:ReviewScreen"],
    "exercise card": ["tutor.widgets.section._exercise_card:ExerciseCard"],
    "exercise": ["tutor.screens.exercise:ExerciseScreen", "tutor.widgets.code_editor:CodeEditor"],
}
"""Which classes' bindings act in each row group of the README's table (a block's group also
has the lesson screen's keys, which reach the screen when the block does not take them)."""

BLOCKS = {"checkpoint", "code listing", "figure", "explorable", "quiz card", "exercise card"}

SPELLING = {"?": "question_mark", "pgup": "pageup", "pgdn": "pagedown", "esc": "escape"}
"""How the README writes a key, where Textual names it otherwise."""


def readme_keys() -> dict[str, set[str]]:
    """The keys in backticks in the key column of each row group of the README's table."""
    text = README.read_text(encoding="utf-8")
    table = text[text.index("| where | key | does |"):].split("\n\n", 1)[0]
    groups: dict[str, set[str]] = {}
    where = ""
    for line in table.splitlines()[2:]:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        where = cells[0] or where
        column = cells[1]
        for first, last in re.findall(r"`(\w)`\s*[–…]\s*`(\w)`", column):  # `a`–`d`, `1` … `9`
            column += "".join(f" `{chr(code)}`" for code in range(ord(first), ord(last) + 1))
        keys = {SPELLING.get(key, key) for key in re.findall(r"`([^`]+)`", column)}
        groups.setdefault(where, set()).update(keys)
    return groups


def bindings(names: list[str]) -> list[Binding]:
    """Every binding of the named classes, with those they inherit (Textual merges them)."""
    found = []
    for name in names:
        module, _, attribute = name.partition(":")
        cls = getattr(import_module(module), attribute)
        for klass in cls.__mro__:
            for binding in klass.__dict__.get("BINDINGS", []):
                found.extend(Binding.make_bindings([binding]))
            if not klass.__dict__.get("inherit_bindings", True):
                break
    return found


def keys_of(binding: Binding) -> set[str]:
    return {binding.key} | ({binding.key_display} if binding.key_display else set())


def test_the_table_has_every_group():
    assert set(readme_keys()) == set(WHERE)


@pytest.mark.parametrize("where", sorted(WHERE))
def test_every_key_in_the_table_is_bound_there(where):
    from tutor.app import TutorApp

    acting = WHERE[where] + (WHERE["lesson"] if where in BLOCKS else [])
    bound = set().union(*(keys_of(binding) for binding in bindings(acting + WHERE["everywhere"])))
    bound.add(TutorApp.COMMAND_PALETTE_BINDING)
    named = readme_keys()[where]
    # keys a text box or a list handles itself (typing, moving, choosing), which no binding of ours names
    built_in = {"backspace", "up", "down", "enter", "tab", "shift+tab"}
    unbound = {key for key in named if key not in bound | built_in and " " not in key}
    assert not unbound, f"the README's {where!r} rows name keys nothing binds there: {sorted(unbound)}"


@pytest.mark.parametrize("where", sorted(WHERE))
def test_every_key_a_footer_shows_is_in_the_table(where):
    named = readme_keys()[where] | readme_keys()["everywhere"]
    shown = [binding for binding in bindings(WHERE[where]) if binding.show and binding.description]
    missing = sorted({binding.key for binding in shown if not keys_of(binding) & named})
    assert not missing, f"the footer shows these {where!r} keys, the README's table does not: {missing}"
