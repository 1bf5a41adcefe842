"""Who may use a served tutor: the holder of the start-up token, or of the cookie it buys.

textual-serve has no authentication of its own, and every page it serves opens a real
Python running as the serving account. The tutor protects it as Jupyter does:

- `tutor serve` makes a random token at every start (`new_token`) and prints it once, in
  the URL to open (`?token=…`).
- A request bearing the right token on the page (`/`) gets a session cookie (`HttpOnly`,
  `SameSite=Strict`, `Path=/`, `Secure` behind TLS) and a redirect to the same URL without
  the token, so the token leaves the address bar, the history and any Referer at once.
- Every other request needs that cookie (or the token), compared in constant time; without
  it the answer is 403: the page, the WebSocket that starts a tutor, downloads, and any
  path the server does not know. Only the static assets (textual-serve's JavaScript, CSS
  and font, the same for everyone) are open.
- The WebSocket must also come from the served host: its `Origin` (which a browser always
  sends and a page cannot forge) has to name the host the request was sent to.

The cookie holds a second random secret, not the token; both die with the server.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from aiohttp import hdrs, web

TOKEN_PARAMETER = "token"
TOKEN_BYTES = 32
"""`secrets.token_urlsafe(32)`: 256 random bits, 43 URL-safe characters."""

FORBIDDEN_TEXT = (
    "403 Forbidden: open the address `tutor serve` printed when it started (the one with "
    "?token=…). A tutor started again prints a new one.\n"
)
ORIGIN_TEXT = "403 Forbidden: this connection was not opened by the tutor's own page.\n"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def new_token() -> str:
    """A fresh random secret for one run of the server."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def same_secret(given: str | None, expected: str) -> bool:
    """Whether `given` is `expected`, in time that does not depend on where they differ."""
    if given is None:
        return False
    # As bytes: compare_digest refuses str with non-ASCII characters, which a client may send.
    return hmac.compare_digest(given.encode("utf-8", "surrogateescape"), expected.encode("utf-8"))


DEFAULT_PORTS = {"http": 80, "https": 443}


def origin_matches_host(origin: str | None, host: str | None) -> bool:
    """Whether a WebSocket's `Origin` names the host (and port) the request was addressed to.

    Only the scheme is not compared: behind a TLS reverse proxy the page is https while the
    request reaching the tutor is plain http. A `Host` without a port means the default port
    of the page's scheme, as a browser sends it.
    """
    if not origin or not host:
        return False
    try:
        page = urlsplit(origin)
        served = urlsplit(f"//{host}")
        page_port, served_port = page.port, served.port
    except ValueError:
        return False
    if page.scheme not in DEFAULT_PORTS or not page.hostname or page.path not in ("", "/"):
        return False
    page_port = page_port or DEFAULT_PORTS[page.scheme]
    return page.hostname == served.hostname and page_port == (served_port or DEFAULT_PORTS[page.scheme])


class Guard:
    """The token, the session secret and the aiohttp middleware that checks them.

    `open_resources` are routes anyone may fetch (the static assets); `cookie_name` carries
    the port, because browsers share cookies between the ports of one host.
    """

    def __init__(self, token: str, cookie_name: str, session: str | None = None) -> None:
        self.token = token
        self.session = session or new_token()
        self.cookie_name = cookie_name
        self.open_resources: list[web.AbstractResource] = []

    def is_open(self, request: web.Request) -> bool:
        route = request.match_info.route
        resource = route.resource if route is not None else None
        return resource is not None and any(resource is each for each in self.open_resources)

    def authorised(self, request: web.Request) -> bool | None:
        """True with the right token or cookie; False with a wrong token; None with neither."""
        if TOKEN_PARAMETER in request.query:
            return all(same_secret(given, self.token) for given in request.query.getall(TOKEN_PARAMETER))
        cookie = request.cookies.get(self.cookie_name)
        return True if same_secret(cookie, self.session) else None

    def session_response(self, request: web.Request) -> web.Response:
        """The redirect that trades the token for the cookie: the same URL, token removed."""
        query = request.rel_url.query.copy()
        query.popall(TOKEN_PARAMETER)
        location = request.rel_url.with_query(query) if query else request.rel_url.with_query(None)
        response = web.Response(status=303, headers={
            hdrs.LOCATION: str(location),
            hdrs.CACHE_CONTROL: "no-store",
            "Referrer-Policy": "no-referrer",
        })
        response.set_cookie(
            self.cookie_name, self.session, path="/", httponly=True, samesite="Strict",
            secure=behind_tls(request) or None,
        )
        return response

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if self.is_open(request):
            return await handler(request)
        allowed = self.authorised(request)
        if not allowed:
            return forbidden(FORBIDDEN_TEXT)
        websocket = request.headers.get(hdrs.UPGRADE, "").lower() == "websocket"
        if websocket and not origin_matches_host(request.headers.get(hdrs.ORIGIN), request.host):
            return forbidden(ORIGIN_TEXT)
        if TOKEN_PARAMETER in request.query and request.path == "/" and not websocket:
            return self.session_response(request)
        return await handler(request)


def behind_tls(request: web.Request) -> bool:
    """Whether the browser reached the tutor over https (directly, or through a proxy that says so)."""
    return request.secure or request.headers.get("X-Forwarded-Proto", "").lower() == "https"


def forbidden(text: str) -> web.Response:
    return web.Response(status=403, text=text, headers={hdrs.CACHE_CONTROL: "no-store"})
