"""The REPL's input history: walking it, and what it keeps."""

from __future__ import annotations

from tutor.repl.history import MAX_ENTRY_CHARS, History


def test_history_walks_back_and_returns_to_the_draft() -> None:
    history = History(["a = 1", "b = 2"])
    assert history.previous("typing") == "b = 2"
    assert history.previous("ignored") == "a = 1"
    assert history.previous("ignored") is None  # the oldest stays
    assert history.next() == "b = 2"
    assert history.next() == "typing"
    assert history.next() is None and not history.walking


def test_history_skips_blanks_repeats_and_huge_cells_and_keeps_the_newest() -> None:
    history = History(limit=3)
    assert history.add("x = 1") and not history.add("x = 1") and not history.add("   ")
    assert not history.add("y" * (MAX_ENTRY_CHARS + 1))
    for code in ("a", "b", "c"):
        history.add(code)
    assert history.entries == ["a", "b", "c"]
