"""Import hygiene, checked in fresh interpreters: the engine never loads the UI stack, and
the app side never imports what runs inside the child."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHILD_PACKAGE = "tutor.kernel.child"


def modules_after(code: str, *, full: bool = False) -> set[str]:
    """Package names in ``sys.modules`` after running ``code`` in a fresh interpreter.

    Top-level names only, unless ``full``.
    """
    probe = (
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n{code}\n"
        "print(__import__('json').dumps(sorted(sys.modules)))"
    )
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    names = json.loads(output.stdout.splitlines()[-1])
    return set(names) if full else {name.split(".")[0] for name in names}


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
        "for info in pkgutil.walk_packages(tutor.kernel.__path__, 'tutor.kernel.'):\n"
        "    if not info.name.endswith('__main__'):\n"
        "        importlib.import_module(info.name)"
    )
    loaded = modules_after(code, full=True)
    assert f"{CHILD_PACKAGE}.session" in loaded  # the walk reached the child side
    assert not {name.split(".")[0] for name in loaded} & {"textual", "rich", "scipy"}


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_app_side_never_imports_the_child_side() -> None:
    tutor = ROOT / "tutor"
    child = tutor / "kernel" / "child"
    offenders = {
        str(path.relative_to(ROOT)): sorted(name for name in _imported_modules(path) if name.startswith(CHILD_PACKAGE))
        for path in tutor.rglob("*.py")
        if child not in path.parents
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_child_side_imports_only_the_shared_kernel_modules() -> None:
    shared = ("tutor.kernel.protocol", "tutor.kernel.arrays")
    for path in (ROOT / "tutor" / "kernel" / "child").rglob("*.py"):
        for name in _imported_modules(path):
            if name.startswith("tutor") and not name.startswith(CHILD_PACKAGE) and name != "tutor.kernel":
                assert name.startswith(shared), f"{path.name} imports {name}"


def test_running_the_repl_pane_loads_no_child_module() -> None:
    loaded = modules_after("import tutor.app, tutor.screens.lesson, tutor.widgets.repl._pane", full=True)
    assert not {name for name in loaded if name.startswith(CHILD_PACKAGE)}
