"""Tab completion inside the kernel child, against the live namespace.

The token ending at the cursor (a dotted name such as ``np.lin`` or ``A.sh``) is
completed with :mod:`rlcompleter`, which knows the namespace, builtins and keywords.
Matches are whole replacements for the token, without the ``(`` / ``:`` / space that
rlcompleter appends, sorted and de-duplicated.
"""

from __future__ import annotations

from typing import Any

MAX_MATCHES = 500


def token_start(text: str, cursor: int) -> int:
    """Where the dotted name that ends at ``cursor`` begins."""
    start = cursor
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_."):
        start -= 1
    return start


def complete(namespace: dict[str, Any], text: str, cursor: int) -> tuple[int, list[str]]:
    """Return ``(start, matches)``: each match replaces ``text[start:cursor]``."""
    cursor = max(0, min(cursor, len(text)))
    start = token_start(text, cursor)
    token = text[start:cursor]
    if not token or not (token[0].isalpha() or token[0] == "_"):
        return cursor, []

    import rlcompleter  # imported on first use: it pulls in readline and inspect

    completer = rlcompleter.Completer(namespace)
    found: list[str] = []
    state = 0
    while len(found) < MAX_MATCHES:
        match = completer.complete(token, state)
        if match is None:
            break
        found.append(match.rstrip("(: "))
        state += 1
    return start, sorted(set(found))
