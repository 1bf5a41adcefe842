"""`tutor serve` lets in only who holds its token: every case against a real server on 127.0.0.1.

The REPL of a served tutor is a real Python running as the serving account, so the server
must refuse (403) every request without the token it printed or the cookie that token buys,
on the page, the WebSocket that starts a tutor, and downloads; it must refuse a WebSocket
opened by another site's page; it must never write the token anywhere but the banner; and
it must not listen beyond this machine unless told `--public`. (The page's own requests are
checked in a real browser, in test_browser.py.)
"""

from __future__ import annotations

import base64
import http.client
import os
import re
import subprocess
from http.cookies import SimpleCookie
from urllib.parse import quote

import pytest

from tests.helpers import TUTOR
from tests.serve.served import Served, wait_until

pytestmark = pytest.mark.skipif(not TUTOR.exists(), reason=f"the tutor console script is not installed at {TUTOR}")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    running = Served(tmp_path_factory.mktemp("serve-security"))
    yield running
    running.stop()


def fetch(served: Served, path: str, headers: dict[str, str] | None = None, method: str = "GET"):
    """(status, headers, body) of one request, redirects not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def cookie_of(served: Served) -> str:
    """The session cookie, as a browser gets it: by opening the printed URL."""
    status, headers, _ = fetch(served, f"/?token={served.token}")
    assert status == 303
    jar = SimpleCookie(headers["Set-Cookie"])
    (name, morsel), = jar.items()
    return f"{name}={morsel.value}"


def handshake(served: Served, path: str = "/ws", **headers: str) -> int:
    """The status of a WebSocket handshake on `path` (101: a tutor was started for it)."""
    key = base64.b64encode(os.urandom(16)).decode()
    status, _, _ = fetch(served, path, {
        "Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Key": key,
        "Sec-WebSocket-Version": "13", **headers,
    })
    return status


# -- the token and the cookie ------------------------------------------------------------------

def test_without_the_token_every_route_answers_403(served):
    for path in ("/", "/?fontsize=20", "/ws", "/download/anything", "/no/such/page", "/static/../ws"):
        status, _, body = fetch(served, path)
        assert status == 403, f"{path} answered {status} without a token"
        assert served.token not in body
    assert fetch(served, "/", method="HEAD")[0] == 403
    assert handshake(served) == 403, "a WebSocket without the token or cookie started a tutor"


def test_a_wrong_token_answers_403(served):
    wrong = served.token[:-1] + ("A" if served.token[-1] != "A" else "B")
    for token in (wrong, "", served.token + "x", quote("é" * 43)):
        for path in ("/", "/ws", "/download/anything"):
            assert fetch(served, f"{path}?token={token}")[0] == 403, (path, token)
    # a right token repeated beside a wrong one is not the right token
    assert fetch(served, f"/?token={served.token}&token={wrong}")[0] == 403


def test_the_token_buys_a_strict_http_only_cookie_and_leaves_the_address(served):
    status, headers, _ = fetch(served, f"/?fontsize=20&token={served.token}")
    assert status == 303
    assert headers["Location"] == "/?fontsize=20", "the redirect must drop the token and keep the rest"
    assert headers["Cache-Control"] == "no-store"
    cookie = headers["Set-Cookie"]
    flags = {part.strip().lower() for part in cookie.split(";")[1:]}
    assert "httponly" in flags
    assert "samesite=strict" in flags
    assert "path=/" in flags
    name, value = cookie.split(";")[0].split("=", 1)
    assert name == f"tutor-{served.port}"
    assert value and value != served.token, "the cookie must not carry the token itself"
    status, _, _ = fetch(served, "/", method="GET")
    assert status == 403


def test_the_cookie_opens_the_page_and_a_wrong_one_does_not(served):
    cookie = cookie_of(served)
    status, headers, page = fetch(served, "/", {"Cookie": cookie})
    assert status == 200
    assert "textual-terminal" in page and "/static/js/textual.js" in page
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert headers["X-Frame-Options"] == "DENY"
    name = cookie.split("=")[0]
    assert fetch(served, "/", {"Cookie": f"{name}=forged"})[0] == 403
    assert fetch(served, "/", {"Cookie": f"{name}={served.token}"})[0] == 403  # the token is not a cookie
    assert fetch(served, "/download/no-such-key", {"Cookie": cookie})[0] == 404  # in, and nothing to fetch


def test_the_page_names_no_other_host(served):
    _, _, page = fetch(served, "/", {"Cookie": cookie_of(served)})
    assert "googleapis" not in page and "gstatic" not in page
    assert "http://" not in page and "https://" not in page
    references = re.findall(r'(?:src|href)="([^"]*)"|url\("?([^")]*)', page)
    assert references, "the page names its static files"
    for reference in (first or second for first, second in references):
        assert reference.startswith(("/static/", "data:")), reference


def test_static_files_are_open_and_only_they(served):
    assert fetch(served, "/static/js/textual.js")[0] == 200
    assert fetch(served, "/static/fonts/RobotoMono-VariableFont_wght.ttf")[0] == 200
    assert fetch(served, "/static/")[0] in (403, 404), "no listing of the static folder"
    assert fetch(served, "/static/../../../../etc/passwd")[0] in (403, 404)


# -- the WebSocket -----------------------------------------------------------------------------

def test_a_websocket_needs_the_cookie_and_the_served_origin(served):
    cookie = cookie_of(served)
    own = f"http://127.0.0.1:{served.port}"
    assert handshake(served, Cookie=cookie, Origin="http://evil.example") == 403
    assert handshake(served, Cookie=cookie, Origin=f"http://127.0.0.1:{served.port + 1}") == 403
    assert handshake(served, Cookie=cookie, Origin="null") == 403
    assert handshake(served, Cookie=cookie) == 403, "a WebSocket without an Origin"
    assert handshake(served, f"/ws?token={served.token}", Origin="http://evil.example") == 403
    assert handshake(served, Cookie="tutor=forged", Origin=own) == 403
    # and the page's own, which starts a tutor (it quits when the socket closes)
    assert handshake(served, Cookie=cookie, Origin=own) == 101


# -- what is written where ---------------------------------------------------------------------

def test_the_token_is_printed_once_in_the_banner_and_never_logged(served):
    fetch(served, f"/?token={served.token}")
    fetch(served, f"/ws?token={served.token}")
    fetch(served, f"/no/such/page?token={served.token}", {"Referer": f"http://127.0.0.1/?token={served.token}"})
    fetch(served, "/?token=wrong")
    wait_until(lambda: sum('"GET /' in line for line in served.err) >= 4, "the access log of those requests")
    out, err = "".join(served.out), "".join(served.err)
    assert out.count(served.token) == 1, "the token must appear once, in the URL of the banner"
    assert served.token not in err
    assert "token=" not in err, "requests are logged without their query string"
    assert '"GET /" 303' in err and '"GET /" 403' in err  # the log itself is there


# -- where it listens --------------------------------------------------------------------------

def run_serve(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([str(TUTOR), "serve", *args], capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "example.com", "192.0.2.1"])
def test_an_address_beyond_this_machine_needs_public(host):
    result = run_serve("--host", host, "--port", "0")
    assert result.returncode == 2
    assert "without --public" in result.stderr and "shell" in result.stderr
    assert "token" not in result.stdout


def test_public_listens_on_every_address_and_warns(tmp_path):
    served = Served(tmp_path, "--host", "0.0.0.0", "--public")
    try:
        banner = "".join(served.out)
        assert "WARNING" in banner and "gets a shell as" in banner and "TLS" in banner
        assert f"http://127.0.0.1:{served.port}/?token=" in banner
        assert fetch(served, "/")[0] == 403  # still behind the token
    finally:
        assert served.stop() == 0


def test_loopback_needs_no_warning(served):
    assert served.url.startswith("http://127.0.0.1:")
    assert "WARNING" not in "".join(served.out)


def test_a_busy_port_is_one_clear_line(served):
    result = run_serve("--port", str(served.port))
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{served.port}" in result.stderr and "--port 0" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_lesson_is_refused_before_serving():
    result = run_serve("--lesson", "astrology", "--port", "0")
    assert result.returncode == 2 and "unknown lesson 'astrology'" in result.stderr


def test_every_start_makes_a_new_token(tmp_path):
    first = Served(tmp_path / "a")
    second = Served(tmp_path / "b")
    try:
        assert first.token != second.token and len(first.token) >= 43
        # one server's token is nothing to the other
        assert fetch(second, f"/?token={first.token}")[0] == 403
    finally:
        first.stop()
        second.stop()
