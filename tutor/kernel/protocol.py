"""Wire format shared by the tutor and its kernel child.

Every message is one JSON object on one line (ASCII, ``\\n``-terminated), in both
directions. A message whose ``nbytes`` field is a positive integer is followed by exactly
that many raw bytes; that is how array data travels (``dtype`` string + ``shape`` +
C-order bytes). Nothing is ever pickled: a learner's objects never cross the pipe,
only JSON values and raw numeric buffers do.

Requests carry an integer ``id``; every reply to a request carries the same ``id``.

Requests (client to child)::

    {"type": "exec", "id": 1, "code": "x = 1\\nx"}
    {"type": "complete", "id": 2, "text": "np.lin", "cursor": 6}
    {"type": "get_array", "id": 3, "name": "A", "max_points": 400}
    {"type": "set_variables", "id": 4, "values": {...}, "arrays": [...], "nbytes": N}
    {"type": "config", "id": 5, "width": 100}
    {"type": "shutdown", "id": 6}

Replies (child to client)::

    {"type": "ready", "pid": 123, "memory_limit": 1234}      (once, no id)
    {"type": "started", "id": 1}      (exec/complete: now interruptible by SIGINT)
    {"type": "stream", "id": 1, "name": "stdout", "text": "..."}  (0..n, before the result)
    {"type": "plot", "id": 1, "title": "", "series": [...], "nbytes": N}  + N bytes
                                      (0..1, before the result: what plot() etc. drew)
    {"type": "result", "id": 1, "ok": true, "value": "1", "error": null, ...}
    {"type": "completions", "id": 2, "start": 0, "matches": ["np.linalg", ...]}
    {"type": "array", "id": 3, "dtype": "<f8", "shape": [3], "nbytes": 24}  + 24 bytes
    {"type": "done", "id": 4}
    {"type": "error", "id": 3, "error_type": "NameError", "message": "..."}

Interrupts are not messages: the client sends SIGINT to the child, and only after the
request's ``started`` reply, so the signal can never arrive too early (and be lost) or
too late (and hit the next request): the child ignores SIGINT outside a request's gate.
An ``exec`` request may carry ``width`` to update numpy's line width first,
``plot_size`` ([columns, rows]) for the plotting functions' reduction, and
``numpy_defaults`` (true: the cell prints arrays with numpy's own options, as a script).

A ``plot`` reply's ``series`` are objects with ``kind`` ("line", "scatter", "histogram",
"bar"), ``label``, and ``x`` / ``y`` array headers (``dtype``, ``shape``, ``size`` in
bytes) whose bytes follow in that order; a bar chart has ``labels`` instead of ``x``.
A histogram's ``x`` holds the bin edges and its ``y`` the counts.
"""

from __future__ import annotations

import json
from typing import Any

Message = dict[str, Any]

# Request types.
EXEC = "exec"
COMPLETE = "complete"
GET_ARRAY = "get_array"
SET_VARIABLES = "set_variables"
CONFIG = "config"
SHUTDOWN = "shutdown"

# Reply types.
READY = "ready"
STARTED = "started"
STREAM = "stream"
PLOT = "plot"
RESULT = "result"
COMPLETIONS = "completions"
ARRAY = "array"
DONE = "done"
ERROR = "error"

# Start-up options (the child's one command-line argument, a JSON object): how much of
# the free memory the child's address space may grow by, and a cap in bytes.
DEFAULT_MEMORY_FRACTION = 0.5
DEFAULT_MEMORY_CAP = 8 * 2**30

# Longest accepted message line; a cell's whole capped output fits many times over.
MAX_LINE_BYTES = 16 * 2**20


class ProtocolError(Exception):
    """A line on the pipe is not a well-formed protocol message."""


def encode(message: Message, payload_size: int = 0) -> bytes:
    """Return the wire form of ``message``; ``payload_size`` raw bytes are to follow it."""
    if payload_size:
        message = {**message, "nbytes": payload_size}
    return json.dumps(message, separators=(",", ":")).encode("ascii") + b"\n"


def decode(line: bytes | bytearray) -> Message:
    """Parse one message line (with or without its newline)."""
    try:
        message = json.loads(line)
    except ValueError as error:
        raise ProtocolError(f"not JSON: {bytes(line[:80])!r}") from error
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        raise ProtocolError(f"not a message: {bytes(line[:80])!r}")
    return message


def payload_size(message: Message) -> int:
    """How many raw bytes follow ``message`` on the pipe (0 for none)."""
    size = message.get("nbytes", 0)
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise ProtocolError(f"bad nbytes: {size!r}")
    return size
