"""Canaries for what `tutor serve` takes from textual-serve (all of it in tutor/serve/_textual_serve.py).

The tutor uses only public names of textual-serve, but its page speaks to textual.js, and its
app routes to textual-serve's handlers and static files. These tests fail, with a sentence
saying what to update, when a textual-serve release changes any of that, or when the
installed release is not the one pyproject.toml pins.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

from tests.helpers import assert_installed_is_pinned
from tutor.serve import _page
from tutor.serve import _textual_serve as adapter

ROOT = Path(__file__).resolve().parents[2]
UPGRADE = (
    "textual-serve changed under tutor/serve/_textual_serve.py: read the new release's server.py, "
    "app_service.py, templates/app_index.html and static/js/textual.js, update the adapter and "
    "tutor/serve/_page.py, then re-pin textual-serve in pyproject.toml."
)


def test_everything_the_tutor_relies_on_is_still_there():
    gone = adapter.missing()
    assert not gone, f"textual-serve {version('textual-serve')} no longer has {', '.join(gone)}. {UPGRADE}"


def test_the_installed_textual_serve_is_the_pinned_one():
    assert_installed_is_pinned("textual-serve", UPGRADE)


def test_the_page_keeps_what_textual_serves_own_template_gives_textual_js():
    """The hooks of textual-serve's template, each present in the tutor's page."""
    server = adapter.make_server("true", "127.0.0.1", 0, "probe")
    template = (Path(server.templates_path) / "app_index.html").read_text(encoding="utf-8")
    page = _page.render(title="tutor", font_size=16, nonce="n")
    for hook in ('class="textual-terminal"', "data-font-size=", "css/xterm.css", "js/textual.js",
                 'id="start"', "intro-dialog", "closed-dialog"):
        assert hook in template, f"textual-serve's own page no longer has {hook!r}. {UPGRADE}"
        assert hook in page, f"tutor/serve/_page.py lost {hook!r}, which textual.js relies on"
    assert "data-session-websocket-url" in template, f"textual-serve's page no longer names its WebSocket so. {UPGRADE}"
    assert "sessionWebsocketUrl" in page
    # what the tutor's page does differently: no font from anywhere else, the font textual.js asks for served here
    assert "googleapis" not in page and "http://" not in page and "https://" not in page
    assert 'font-family: "Roboto Mono"' in page and "/static/fonts/RobotoMono-VariableFont_wght.ttf" in page


def test_no_module_but_the_adapter_imports_textual_serve():
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "tutor").rglob("*.py"))
        if path != ROOT / "tutor" / "serve" / "_textual_serve.py"
        and re.search(r"^\s*(from|import)\s+textual_serve\b", path.read_text(encoding="utf-8"), re.M)
    ]
    assert not offenders, f"textual-serve imported outside tutor/serve/_textual_serve.py: {offenders}"
