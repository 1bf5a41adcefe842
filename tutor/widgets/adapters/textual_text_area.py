"""One compiled highlight query per language for Textual's TextArea, instead of one per document.

Textual's `TextArea` makes a new `SyntaxAwareDocument` whenever its language is set (when
the exercise editor is made, and again when it mounts, from its `language` watcher) and
asks each document to compile the language's tree-sitter highlight query
(`SyntaxAwareDocument.prepare_query`). Compiling Python's query takes 40-60 ms here, so
opening an exercise compiled the same text twice before its first frame. A compiled query
belongs to its language, not to a document: the document runs it with a new
`QueryCursor` each time, and `prepare_query`'s own docstring says to prepare a query once
and reuse it.
`share_highlight_queries` makes `prepare_query` keep what it compiled, per language and
query text.

That `TextArea` prepares its query through this method is Textual's internal behaviour
(8.2.8), hence an adapter; `tests/widgets/test_adapters.py` checks that it still does.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from textual.widgets.text_area import SyntaxAwareDocument

__all__ = ["compiled_queries", "share_highlight_queries"]

_compiled: dict[tuple[int, str], tuple[Any, Any]] = {}
"""(id of the tree-sitter language, query text) -> (the language, kept alive so that its id
stays its own; the compiled query)."""


def compiled_queries() -> int:
    """How many queries have been compiled since `share_highlight_queries`."""
    return len(_compiled)


def share_highlight_queries() -> None:
    """Make `SyntaxAwareDocument.prepare_query` compile each (language, query) once (idempotent)."""
    prepare: Callable[[SyntaxAwareDocument, str], Any] = SyntaxAwareDocument.prepare_query
    if getattr(prepare, "shares_queries", False):
        return

    @wraps(prepare)
    def prepare_once(document: SyntaxAwareDocument, query: str) -> Any:
        key = (id(document.language), query)
        kept = _compiled.get(key)
        if kept is None:
            kept = _compiled[key] = (document.language, prepare(document, query))
        return kept[1]

    prepare_once.shares_queries = True  # type: ignore[attr-defined]
    SyntaxAwareDocument.prepare_query = prepare_once  # type: ignore[method-assign]
