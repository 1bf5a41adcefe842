"""The web server of `tutor serve`: textual-serve's handlers in an aiohttp app of the tutor's own.

`serve()` binds the socket first (a busy port is a one-line error, and `--port 0` learns
its port before anything prints), makes the token, and runs:

    /                 the page (`_page.py`): a token trades for the session cookie here
    /ws               textual-serve's WebSocket handler: one tutor process per connection
    /download/{key}   textual-serve's download handler
    /static/…         textual-serve's static files: the only routes open without the cookie

`tutor.serve._auth.Guard` checks every request; the page carries a Content-Security-Policy
that lets it reach its own host only. Each connection's handler runs as a task this module
keeps (`Sessions`), so stopping (SIGINT, SIGTERM or SIGHUP) closes every one: textual-serve
tells its tutor to quit, the tutor saves and exits; a tutor still running after
`GRACE_SECONDS` is sent SIGTERM, and SIGKILL after `KILL_SECONDS` more.

The token is printed once, in the banner. Requests are logged without their query string
(`AccessLog`), and every log line passes through `Redacted`, which blanks the token should
any library ever log it.
"""

from __future__ import annotations

import asyncio
import errno
import getpass
import logging
import os
import re
import secrets
import shlex
import signal
import socket
import sys
from collections.abc import Awaitable, Callable
from contextlib import suppress
from pathlib import Path
from typing import TextIO

from aiohttp import hdrs, web
from aiohttp.abc import AbstractAccessLogger

from tutor.serve import _page
from tutor.serve._address import is_wildcard, refusal
from tutor.serve._auth import Guard, new_token
from tutor.serve._textual_serve import make_server, static_folder

LOG = logging.getLogger("tutor.serve")
ACCESS_LOG = logging.getLogger("tutor.serve.access")

GRACE_SECONDS = 10.0
"""How long stopping waits for the tutors to save and quit after being asked."""
KILL_SECONDS = 3.0
"""How long after SIGTERM a tutor still running is killed."""
TITLE = "tutor"
CHILD_MODULE = "tutor.serve.session"
SERVER_PID = "TUTOR_SERVE_PID"
"""Where the tutors find this process's id (`tutor.serve.session` reads it; not imported from
there, which would load the whole app into the server)."""
SAFE_HOST = re.compile(r"^[A-Za-z0-9.\-]+(:[0-9]+)?$|^\[[0-9A-Fa-f:.]+\](:[0-9]+)?$")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def child_command(lesson: str | None = None) -> str:
    """The shell command textual-serve runs for each tab: this Python, the tutor's session module.

    `exec` makes the tutor the server's own child (no shell in between), so signals and
    `PR_SET_PDEATHSIG` reach it. `-P`: the current folder is not put on the module path.
    """
    args = [sys.executable, "-P", "-m", CHILD_MODULE]
    if lesson:
        args += ["--lesson", lesson]
    return "exec " + shlex.join(args)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on `host`:`port` (0: any free port). Raises OSError."""
    infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    # Prefer IPv4 for a name with both (localhost): 127.0.0.1 is what the banner shows.
    infos.sort(key=lambda info: info[0] != socket.AF_INET)
    family, kind, protocol, _, address = infos[0]
    sock = socket.socket(family, kind, protocol)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6 and is_wildcard(host):
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        sock.bind(address)
        sock.listen(128)
        sock.setblocking(False)
    except OSError:
        sock.close()
        raise
    return sock


def url_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def addresses(sock: socket.socket, host: str, token: str) -> list[str]:
    """The URLs to print: the bound address, or this machine's name and 127.0.0.1 for a wildcard."""
    port = sock.getsockname()[1]
    names = [socket.gethostname(), "127.0.0.1"] if is_wildcard(host) else [sock.getsockname()[0]]
    return [f"http://{url_host(name)}:{port}/?token={token}" for name in names]


# -- logging ----------------------------------------------------------------------------------


class Redacted(logging.Formatter):
    """A formatter that writes the token as `<token>` wherever it would appear."""

    def __init__(self, secrets_: list[str]) -> None:
        super().__init__("%(asctime)s %(message)s", datefmt="%H:%M:%S")
        self.secrets = [each for each in secrets_ if each]

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self.secrets:
            text = text.replace(secret, "<token>")
        return text


class AccessLog(AbstractAccessLogger):
    """One line a request: address, method, path (never the query, where a token travels), status.

    Requests for static files that succeed are left out: every page load makes a few.
    """

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        if request.path.startswith("/static/") and response.status < 400:
            return
        what = "WebSocket closed" if response.status == 101 else str(response.status)
        self.logger.info('%s "%s %s" %s (%.1f s)', request.remote, request.method, request.path, what, time)


def configure_logging(stream: TextIO, hidden: list[str]) -> logging.Handler:
    handler = logging.StreamHandler(stream)
    handler.setFormatter(Redacted(hidden))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    for noisy in ("aiohttp.access",):  # never used (AccessLog replaces it), silenced all the same
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return handler


# -- the sessions: one WebSocket, one tutor ----------------------------------------------------


class Sessions:
    """The WebSocket handlers running now, each with its tutor process, so that stopping can end them."""

    def __init__(self) -> None:
        self.tasks: set[asyncio.Task] = set()
        self.opened = 0

    def wrap(self, handler: Handler) -> Handler:
        async def session(request: web.Request) -> web.StreamResponse:
            if request.headers.get(hdrs.UPGRADE, "").lower() != "websocket":
                # textual-serve's handler would log a traceback and drop the connection
                return web.Response(status=400, text="400 Bad Request: this address takes a WebSocket only\n")
            task = asyncio.current_task()
            assert task is not None
            self.tasks.add(task)
            self.opened += 1
            LOG.info("tutor %d opened for %s (%d running)", self.opened, request.remote, len(self.tasks))
            try:
                return await handler(request)
            finally:
                self.tasks.discard(task)

        return session

    async def close_all(self, grace: float, hurry: asyncio.Event) -> None:
        """Ask every tutor to quit and wait for them: at most `grace` seconds, less once `hurry` is set.

        Cancelling a connection's handler is how textual-serve is told: its handler then sends
        its tutor "quit", waits for the process to end, and closes the socket with the browser
        (which waits for a browser that may be gone: the runner's cleanup cuts that short).
        What is waited for here is the tutors; any still running at the end gets a signal.
        """
        pending = set(self.tasks)
        for task in pending:
            task.cancel()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + grace
        while not hurry.is_set() and loop.time() < deadline and (
            running_children() if HAVE_PROC else any(not task.done() for task in pending)
        ):
            await asyncio.sleep(0.05)
        if left := running_children():
            await end_children(left)
        if pending:  # a moment for the handlers to close their sockets; the runner's cleanup ends the rest
            await asyncio.wait(pending, timeout=1)


HAVE_PROC = Path("/proc/self/stat").exists()


def child_pids() -> list[int]:
    """This process's children (Linux: from /proc), the tutors textual-serve started."""
    me = os.getpid()
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[1]) == me:
            found.append(int(entry.name))
    return found


def running_children() -> list[int]:
    """The tutors still running (not those that exited and wait to be reaped)."""
    return [pid for pid in child_pids() if _alive(pid)] if HAVE_PROC else []


async def end_children(pids: list[int]) -> None:
    """SIGTERM to the tutors that did not quit when asked (it saves as quitting does); SIGKILL after."""
    LOG.warning("%d tutor(s) did not quit in time: sending SIGTERM", len(pids))
    for pid in pids:
        with suppress(OSError):
            os.kill(pid, signal.SIGTERM)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + KILL_SECONDS
    while loop.time() < deadline and any(_alive(pid) for pid in pids):
        await asyncio.sleep(0.05)
    for pid in pids:
        if _alive(pid):
            LOG.warning("tutor process %d is still running: killing it", pid)
            with suppress(OSError):
                os.kill(pid, signal.SIGKILL)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    try:  # a zombie (exited, not yet reaped by asyncio) is not running
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except (OSError, IndexError):
        return True


# -- the application --------------------------------------------------------------------------


def content_security_policy(request: web.Request, nonce: str) -> str:
    """The page may reach its own host only: scripts, styles, the font, images and the WebSocket."""
    sockets = ""
    if SAFE_HOST.match(request.host or ""):
        sockets = f" ws://{request.host} wss://{request.host}"
    return (
        "default-src 'none'; "
        f"script-src 'self' 'nonce-{nonce}'; "
        "style-src 'self' 'unsafe-inline'; "
        "font-src 'self'; img-src 'self' data:; "
        f"connect-src 'self'{sockets}; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


async def page(request: web.Request) -> web.Response:
    nonce = secrets.token_urlsafe(16)
    try:
        font_size = min(max(int(request.query.get("fontsize", "16")), 6), 64)
    except ValueError:
        font_size = 16
    return web.Response(
        text=_page.render(title=TITLE, font_size=font_size, nonce=nonce),
        content_type="text/html",
        headers={
            "Content-Security-Policy": content_security_policy(request, nonce),
            hdrs.CACHE_CONTROL: "no-store",
            "Referrer-Policy": "no-referrer",
            "X-Content-Type-Options": "nosniff",
            "X-Frame-Options": "DENY",
        },
    )


def build_app(command: str, guard: Guard, sessions: Sessions, host: str = "127.0.0.1", port: int = 0) -> web.Application:
    """The aiohttp application: the page, textual-serve's WebSocket and downloads, its static files."""
    server = make_server(command, host=host, port=port, title=TITLE)
    app = web.Application(middlewares=[guard.middleware])
    app.router.add_get("/", page)
    app.router.add_get("/ws", sessions.wrap(server.handle_websocket))
    app.router.add_get("/download/{key}", server.handle_download)
    guard.open_resources.append(app.router.add_static("/static", static_folder(server), show_index=False))
    return app


# -- running ----------------------------------------------------------------------------------


def banner(urls: list[str], host: str, public: bool) -> str:
    account = getpass.getuser()
    lines = ["The tutor is served. Open this address in a web browser:", ""]
    lines += [f"    {url}" for url in urls]
    lines += [
        "",
        "Each browser tab runs its own tutor, with this account's progress.",
        f"Keep the address to yourself: whoever has it runs Python as {account!r}.",
    ]
    if public:
        lines += [
            "",
            f"WARNING: listening on {host}, reachable from other machines. Anyone who has this",
            f"address gets a shell as {account!r} on this machine (the tutor's REPL runs any command).",
            "Put it behind TLS (a reverse proxy) before it leaves the machine, run one `tutor serve`",
            "per learner account, and for a class prefer SSH (README: \"Host it for a class\").",
        ]
    lines += ["", "Press ctrl+c to stop: every tutor it started quits and keeps its progress.", ""]
    return "\n".join(lines)


async def run(sock: socket.socket, host: str, command: str, public: bool, out: TextIO, err: TextIO) -> int:
    os.environ[SERVER_PID] = str(os.getpid())  # the tutors inherit it: see tutor.serve.session.end_with_parent
    token = new_token()
    port = sock.getsockname()[1]
    guard = Guard(token, cookie_name=f"tutor-{port}")
    handler = configure_logging(err, [token, guard.session])
    sessions = Sessions()
    app = build_app(command, guard, sessions, host=host, port=port)
    runner = web.AppRunner(
        app, handle_signals=False, access_log_class=AccessLog, access_log=ACCESS_LOG, shutdown_timeout=3.0
    )
    loop = asyncio.get_running_loop()
    stop, hurry = asyncio.Event(), asyncio.Event()

    def on_signal(number: int) -> None:
        if stop.is_set():
            hurry.set()
            err.write(f"\n{signal.Signals(number).name} again: not waiting any longer for the tutors to quit\n")
        stop.set()

    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        loop.add_signal_handler(number, on_signal, number)
    try:
        await runner.setup()
        await web.SockSite(runner, sock).start()
        out.write(banner(addresses(sock, host, token), host, public))
        out.flush()
        await stop.wait()
        running = len(sessions.tasks)
        err.write(f"\nStopping: {running} tutor(s) running, asking each to quit.\n" if running else "\nStopping.\n")
        err.flush()
        await sessions.close_all(GRACE_SECONDS, hurry)
        await runner.cleanup()
    finally:
        for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            loop.remove_signal_handler(number)
        logging.getLogger().removeHandler(handler)
    err.write("Stopped.\n")
    return 0


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
    """Serve the tutor until a signal stops it; the exit status. `command` replaces the tutor (benchmarks)."""
    out, err = out or sys.stdout, err or sys.stderr
    if problem := refusal(host, public):
        err.write(problem)
        return 2
    try:
        sock = bind(host, port)
    except (OSError, UnicodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        hint = " (another program uses it: try --port 0 for any free port)" if getattr(error, "errno", None) == errno.EADDRINUSE else ""
        err.write(f"tutor: cannot listen on {url_host(host)}:{port}: {reason}{hint}\n")
        return 1
    with sock:
        return asyncio.run(run(sock, host, command or child_command(lesson), public, out, err))
