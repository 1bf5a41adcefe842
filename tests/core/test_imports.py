"""The numerical core stays light: no scipy, and never anything that draws on screen.

Each check runs in a fresh interpreter, because this test session itself has
long since imported scipy (the property tests compare against it).
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import tutor.core

REPO_ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("scipy", "textual", "rich")
EXPECTED_MODULES = {"linalg", "calculus", "regression", "optimize", "probability"}
CORE_MODULES = sorted(
    ["tutor.core"] + [f"tutor.core.{info.name}" for info in pkgutil.iter_modules(tutor.core.__path__)]
)


def loaded_after_import(module: str) -> list[str]:
    """Import ``module`` in a new interpreter; report which forbidden packages got loaded."""
    script = (
        "import importlib, json, sys\n"
        f"importlib.import_module({module!r})\n"
        f"print(json.dumps(sorted(name for name in sys.modules if name.split('.')[0] in {FORBIDDEN!r})))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def test_every_core_module_is_checked():
    assert {name.rsplit(".", 1)[-1] for name in CORE_MODULES} >= EXPECTED_MODULES


@pytest.mark.parametrize("module", CORE_MODULES)
def test_importing_core_loads_no_scipy_textual_or_rich(module):
    assert loaded_after_import(module) == []


def test_fresh_interpreter_check_can_see_a_forbidden_import():
    """Guard the guard: the same probe does notice scipy when something loads it."""
    assert "scipy" in loaded_after_import("scipy.special")
