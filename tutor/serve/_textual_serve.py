"""textual-serve, as the tutor uses it: the one module that imports it.

The tutor takes from textual-serve (pinned in pyproject.toml) only public names:
`Server(command, host=, port=, title=)`, its handlers `handle_websocket` (one app process
per WebSocket, started with the command, stopped with a "quit" message when the socket
closes) and `handle_download`, and `statics_path` (textual.js, xterm's CSS, the Roboto Mono
font). It builds the aiohttp application itself (textual-serve's own, from the private
`_make_app`, has no authentication and no way to add any), renders a page of its own
(`tutor/serve/_page.py`: textual-serve's asks Google Fonts for its font), and runs the
server itself (`Server.serve` would log every request line, token and all).

What the page relies on is textual.js's contract, not a Python name: the terminal element's
`data-session-websocket-url` and `data-font-size`, the body classes it sets, the font family
it asks for, and the `/download/{key}` path it opens. `missing()` lists whatever of all this
an upgrade took away; `tests/serve/test_textual_serve_adapter.py` fails with that list.
"""

from __future__ import annotations

from pathlib import Path

from textual_serve.server import Server

__all__ = ["STATIC_FILES", "Server", "make_server", "missing", "static_folder"]

STATIC_FILES = (
    "js/textual.js",
    "css/xterm.css",
    "fonts/RobotoMono-VariableFont_wght.ttf",
    "fonts/RobotoMono-Italic-VariableFont_wght.ttf",
    "images/background.png",
)
"""The static files the tutor's page names (under `static_folder()`, served at /static/)."""

TEXTUAL_JS_CONTRACT = (
    "dataset.sessionWebsocketUrl",  # where the page tells it the WebSocket's address
    "dataset.fontSize",
    'querySelectorAll(".textual-terminal")',  # the element it draws into
    "'Roboto Mono'",  # the font family it asks xterm for: the page serves that face itself
    "window.onload=",  # it starts on load; the page waits for the font first
    '"-first-byte"',  # the body classes the page's CSS shows and hides by
    '"-closed"',
    "/download/${",  # where a delivered file is fetched from
    '"?width="',  # the first size travels in the WebSocket's query
)

SERVER_NAMES = ("handle_websocket", "handle_download", "statics_path")


def make_server(command: str, host: str, port: int, title: str) -> Server:
    """textual-serve's Server for `command`: one process of it per WebSocket."""
    return Server(command, host=host, port=port, title=title)


def static_folder(server: Server) -> Path:
    return Path(server.statics_path)


def missing() -> list[str]:
    """Whatever of textual-serve the tutor relies on that the installed release lacks (empty when all is there)."""
    gone: list[str] = []
    server = Server("true", host="127.0.0.1", port=0, title="probe")
    gone += [f"Server.{name}" for name in SERVER_NAMES if not hasattr(server, name)]
    folder = static_folder(server)
    gone += [f"static/{name}" for name in STATIC_FILES if not (folder / name).is_file()]
    script = folder / "js" / "textual.js"
    text = script.read_text(encoding="utf-8", errors="replace") if script.is_file() else ""
    gone += [f"textual.js: {needle}" for needle in TEXTUAL_JS_CONTRACT if needle not in text]
    return gone
