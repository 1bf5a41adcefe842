"""The pieces of `tutor serve`'s protection, one at a time (the whole is in test_security.py)."""

from __future__ import annotations

import logging

import pytest

from tutor.serve._address import is_loopback, refusal
from tutor.serve._auth import new_token, origin_matches_host, same_secret


def test_a_token_is_43_url_safe_characters_and_new_every_time():
    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50
    assert all(len(token) == 43 and token.replace("-", "").replace("_", "").isalnum() for token in tokens)


def test_secrets_are_compared_whole_and_any_text_is_refused_quietly():
    token = new_token()
    assert same_secret(token, token)
    assert not same_secret(token[:-1], token)
    assert not same_secret(None, token)
    assert not same_secret("", token)
    assert not same_secret("é" * 43, token)  # non-ASCII: no TypeError from compare_digest
    assert not same_secret("\udcff" * 43, token)  # undecodable bytes as aiohttp passes them


@pytest.mark.parametrize(
    ("origin", "host", "same"),
    [
        ("http://127.0.0.1:8000", "127.0.0.1:8000", True),
        ("http://LOCALHOST:8000", "localhost:8000", True),
        ("https://tutor.example.org", "tutor.example.org", True),  # behind a TLS proxy
        ("https://tutor.example.org:443", "tutor.example.org", True),
        ("http://tutor.example.org", "tutor.example.org:80", True),
        ("http://[::1]:8000", "[::1]:8000", True),
        ("http://127.0.0.1:8001", "127.0.0.1:8000", False),  # another port is another site
        ("http://evil.example", "127.0.0.1:8000", False),
        ("http://127.0.0.1.evil.example:8000", "127.0.0.1:8000", False),
        ("https://tutor.example.org:8443", "tutor.example.org", False),
        ("null", "127.0.0.1:8000", False),  # a sandboxed frame or a file:// page
        ("file://", "127.0.0.1:8000", False),
        ("", "127.0.0.1:8000", False),
        (None, "127.0.0.1:8000", False),
        ("http://127.0.0.1:8000/path", "127.0.0.1:8000", False),  # not an origin at all
        ("http://127.0.0.1:notaport", "127.0.0.1:8000", False),
    ],
)
def test_the_origin_must_name_the_served_host(origin, host, same):
    assert origin_matches_host(origin, host) is same


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost", "LOCALHOST"])
def test_loopback_addresses_need_no_public(host):
    assert is_loopback(host) and refusal(host, public=False) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "tutor.example.org", ""])
def test_every_other_address_needs_public(host):
    assert not is_loopback(host)
    assert "without --public" in refusal(host, public=False)
    assert refusal(host, public=True) is None


def test_the_log_never_shows_the_token():
    from tutor.serve._server import Redacted

    token = new_token()
    record = logging.LogRecord("aiohttp.server", logging.ERROR, __file__, 1, "bad request %s", (f"/?token={token}",), None)
    assert token not in Redacted([token]).format(record)
    assert "<token>" in Redacted([token]).format(record)
