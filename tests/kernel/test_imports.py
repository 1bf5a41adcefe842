"""Import hygiene, checked in fresh interpreters: the engine never loads the UI stack."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def modules_after(code: str) -> set[str]:
    """Top-level package names in ``sys.modules`` after running ``code`` in a fresh interpreter."""
    probe = (
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n{code}\n"
        "print(__import__('json').dumps(sorted(sys.modules)))"
    )
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    return {name.split(".")[0] for name in json.loads(output.stdout.splitlines()[-1])}


def test_client_imports_no_ui_and_no_numpy() -> None:
    loaded = modules_after("import tutor.kernel.client")
    assert not loaded & {"textual", "rich", "numpy", "scipy"}


def test_package_exports_lazily() -> None:
    assert not modules_after("import tutor.kernel") & {"asyncio", "numpy"}
    loaded = modules_after("from tutor.kernel import Kernel, Result, is_complete")
    assert not loaded & {"textual", "rich", "numpy"}


def test_no_kernel_module_imports_textual_or_rich() -> None:
    code = (
        "import pkgutil, importlib, tutor.kernel\n"
        "for info in pkgutil.iter_modules(tutor.kernel.__path__):\n"
        "    importlib.import_module('tutor.kernel.' + info.name)"
    )
    loaded = modules_after(code)
    assert not loaded & {"textual", "rich", "scipy"}
