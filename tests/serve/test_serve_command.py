"""`tutor serve` as a command: its help, `--lesson`, and nothing of it loaded until it runs."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from lessons.maths_foundations import LESSON
from tests.helpers import TUTOR
from tests.serve.served import Served, Tab

SERVER_MODULES = ("aiohttp", "textual_serve", "tutor.serve._server")


def loaded(code: str) -> list[str]:
    probe = code + textwrap.dedent(
        f"""
        import sys
        print("LOADED", sorted(m for m in {SERVER_MODULES!r} if m in sys.modules))
        """
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    line = next((line for line in result.stdout.splitlines() if line.startswith("LOADED")), None)
    assert line, result.stdout + result.stderr
    return eval(line.removeprefix("LOADED "))


def test_starting_the_tutor_loads_no_server():
    assert loaded("import tutor.cli, tutor.app\nfrom tutor.cli import main\nmain(['lessons'])") == []


def test_a_refused_address_is_refused_before_the_server_loads():
    code = "from tutor.cli import main\nassert main(['serve', '--host', '0.0.0.0']) == 2"
    assert loaded(code) == []


def test_help_shows_serve_and_its_options():
    result = subprocess.run([sys.executable, "-m", "tutor", "--help"], capture_output=True, text=True, timeout=60)
    assert "tutor serve [--host 127.0.0.1] [--port 8000] [--lesson ID] [--public]" in result.stdout
    sub = subprocess.run([sys.executable, "-m", "tutor", "serve", "--help"], capture_output=True, text=True, timeout=60)
    for option in ("--host", "--port", "--lesson", "--public", "token"):
        assert option in sub.stdout, option


@pytest.mark.skipif(not TUTOR.exists(), reason=f"the tutor console script is not installed at {TUTOR}")
async def test_lesson_opens_every_tab_at_that_lesson(tmp_path):
    served = Served(tmp_path, "--lesson", LESSON.id)
    try:
        async with Tab(served) as tab:
            await tab.wait_for(f"Section 1 of {len(LESSON.sections)}")
    finally:
        assert served.stop() == 0
