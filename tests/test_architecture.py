"""The import contracts of ARCHITECTURE.md hold: layers, UI-free packages, lesson packages, the kernel's wire.

The contracts themselves are in pyproject.toml (`[tool.importlinter]`); import-linter reads the
import graph of the source, so a layer-breaking import anywhere, even inside a function, fails here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_import_contract_is_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout
    kept = result.stdout.count(" KEPT")
    assert kept >= 5, f"expected every contract to run, saw {kept} kept:\n{result.stdout}"
