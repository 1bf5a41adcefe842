"""Runs one cell of learner code against the child's namespace, REPL-style.

The cell is parsed with :mod:`ast`. Its statements run with ``exec``; if the last
statement is an expression, it is evaluated on its own and, as in Python's REPL, its
``repr`` is the cell's value (``None`` shows nothing) and it is kept as ``_``. Reprs are
cut at ``repr_limit`` characters. ``SystemExit`` (``exit()``, ``sys.exit``) is reported
as a note instead of ending the child. Every other exception, KeyboardInterrupt
included, becomes an :class:`~tutor.kernel.child.tracebacks.ErrorReport`.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from types import CodeType
from typing import Any

from tutor.kernel.child.tracebacks import ErrorReport, cell_filename, remember_source, report_error

REPR_LIMIT = 20 * 1024


@dataclass(frozen=True)
class CellOutcome:
    value_repr: str | None = None
    error: ErrorReport | None = None
    note: str | None = None
    interrupted: bool = False

    @classmethod
    def late_interrupt(cls) -> CellOutcome:
        """The interrupt arrived as the cell was finishing."""
        report = ErrorReport("KeyboardInterrupt", "", "KeyboardInterrupt\n")
        return cls(error=report, interrupted=True)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with a note of how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… [repr truncated: {len(text) - limit} more characters]"


def describe_exit(stop: SystemExit) -> str:
    code = f"({stop.code!r})" if stop.code not in (None, 0) else "()"
    return (
        f"exit{code} was ignored: the kernel keeps running and your variables are kept. "
        "Use restart for a fresh start."
    )


class CellRunner:
    """Executes cells in one namespace, numbering them ``<cell 1>``, ``<cell 2>``, ..."""

    def __init__(self, namespace: dict[str, Any], repr_limit: int = REPR_LIMIT) -> None:
        self._namespace = namespace
        self._repr_limit = repr_limit
        self._count = 0

    def run(self, source: str) -> CellOutcome:
        self._count += 1
        filename = cell_filename(self._count)
        remember_source(filename, source)
        try:
            statements, final_expression = _compile_cell(source, filename)
            if statements is not None:
                exec(statements, self._namespace)
            if final_expression is None:
                return CellOutcome()
            value = eval(final_expression, self._namespace)
            if value is None:
                return CellOutcome()
            self._namespace["_"] = value
            return CellOutcome(value_repr=shorten(repr(value), self._repr_limit))
        except SystemExit as stop:
            return CellOutcome(note=describe_exit(stop))
        except BaseException as error:  # the learner's error, whatever it is, is reported
            return CellOutcome(
                error=report_error(error), interrupted=isinstance(error, KeyboardInterrupt)
            )


def _compile_cell(source: str, filename: str) -> tuple[CodeType | None, CodeType | None]:
    """Compile the statements and, separately, a trailing expression."""
    tree = ast.parse(source, filename, "exec")
    final: ast.expr | None = None
    last = tree.body[-1] if tree.body else None
    if isinstance(last, ast.Expr):
        tree.body.pop()
        final = last.value
    statements = compile(tree, filename, "exec") if tree.body else None
    expression = None
    if final is not None:
        expression = compile(ast.Expression(final), filename, "eval")
    return statements, expression
