"""`tutor serve [--host 127.0.0.1] [--port 8000] [--lesson ID] [--public]`: the tutor in a web browser.

Parsing and the checks that need no server live here; the server (textual-serve, aiohttp)
is imported only when the command runs (`tutor.serve`), so `tutor` starts no slower.
"""

from __future__ import annotations

import argparse
import sys

from tutor.lesson.registry import Catalogue

USAGE_ERROR = 2
INTERRUPTED = 130
"""128 + SIGINT, as a shell reports a process ctrl+c ended."""
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Register the `serve` subcommand on `commands`."""
    serve = commands.add_parser(
        "serve", help="serve the tutor to a web browser (token-protected)",
        usage="tutor serve [--host 127.0.0.1] [--port 8000] [--lesson ID] [--public]",
        description="Serve the tutor to a web browser: open the address it prints (it carries a "
        "fresh token); each tab runs its own tutor with this account's progress. ctrl+c stops it. "
        "Whoever has the address runs Python as this account: it listens on 127.0.0.1 unless "
        "--public is given.",
    )
    serve.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    serve.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port to listen on (default {DEFAULT_PORT}; 0: any free port)"
    )
    serve.add_argument("--lesson", metavar="ID", dest="serve_lesson", help="open every tab at this lesson")
    serve.add_argument(
        "--public", action="store_true",
        help="allow an address other machines can reach (anyone with the URL gets a shell as this account)",
    )


def run(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from tutor.cli.main import resolve_start

    if args.serve_lesson is not None and isinstance(start := resolve_start(catalogue, args.serve_lesson, None), str):
        print(f"tutor: {start}", file=sys.stderr)
        return USAGE_ERROR
    if not 0 <= args.port <= 65535:
        print(f"tutor: --port must be between 0 and 65535, not {args.port}", file=sys.stderr)
        return USAGE_ERROR
    try:
        from tutor.serve import serve

        return serve(args.host, args.port, lesson=args.serve_lesson, public=args.public)
    except KeyboardInterrupt:  # ctrl+c before the server took the signal over: nothing started yet
        print("tutor: stopped", file=sys.stderr)
        return INTERRUPTED
