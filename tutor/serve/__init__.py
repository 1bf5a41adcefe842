"""`tutor serve`: the tutor in a web browser, through textual-serve, behind a token.

Each browser tab gets its own tutor process (`tutor.serve.session`), with the serving
account's progress, exactly as `tutor` in a terminal. The REPL in it is a real Python
running as that account, so the server lets in only who holds the token it printed at
start (`_auth`), listens on 127.0.0.1 unless told `--public`, and its page fetches nothing
from anywhere else (`_page`). `_server` builds and runs it; `_textual_serve` is the one
module that touches textual-serve. Nothing here is imported until `tutor serve` runs.
"""

from __future__ import annotations

import sys
from typing import TextIO

__all__ = ["serve"]


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    lesson: str | None = None,
    public: bool = False,
    command: str | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Serve the tutor until ctrl+c (or SIGTERM, SIGHUP); the exit status (2: refused, 1: cannot listen)."""
    from tutor.serve._address import refusal

    if problem := refusal(host, public):  # before the server's imports: refused at once
        (err or sys.stderr).write(problem)
        return 2
    from tutor.serve._server import serve as run

    return run(host, port, lesson=lesson, public=public, command=command, out=out, err=err)
