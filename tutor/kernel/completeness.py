"""Is a cell ready to run? A pure function for the REPL pane (no kernel needed).

Answers "complete", "incomplete" or "invalid", following Python's interactive prompt:
an unfinished construct (open bracket, trailing ``:``, unterminated triple-quoted
string, decorator without its function) is incomplete; so is a cell whose last
statement is a block (``for``, ``def``, ``if`` ...) until it ends with a blank line,
the way the prompt waits for an empty line before running a block. A syntax error
that no further typing could fix is invalid.
"""

from __future__ import annotations

import ast
import codeop
import warnings
from typing import Literal

Completeness = Literal["complete", "incomplete", "invalid"]

_BLOCK_STATEMENTS = (
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.If,
    ast.With,
    ast.AsyncWith,
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.Try,
    ast.Match,
) + ((ast.TryStar,) if hasattr(ast, "TryStar") else ())


def is_complete(code: str) -> Completeness:
    """Whether ``code`` should run now ("complete"), needs more lines, or cannot parse."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compiled = codeop.compile_command(code, "<cell>", "exec")
    except (SyntaxError, OverflowError, ValueError):
        return "invalid"
    if compiled is None:
        return "incomplete"
    last_line = code.split("\n")[-1]
    if last_line.strip() and _ends_with_block(code):
        return "incomplete"
    return "complete"


def _ends_with_block(code: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return False
    return bool(tree.body) and isinstance(tree.body[-1], _BLOCK_STATEMENTS)
