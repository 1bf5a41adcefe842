"""Nothing heavy is imported before the first frame (checked in fresh interpreters)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

HEAVY = ("numpy", "scipy")


def loaded_after(code: str, env_dir: str) -> list[str]:
    probe = code + textwrap.dedent(
        f"""
        import sys
        print("LOADED", sorted(m for m in {HEAVY!r} if m in sys.modules))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60,
        env={"TUTOR_DATA_DIR": env_dir, "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("LOADED"))
    return eval(line.removeprefix("LOADED "))


def test_importing_the_app_loads_neither_numpy_nor_scipy(tmp_path):
    assert loaded_after("import tutor.app, tutor.cli", str(tmp_path)) == []


def test_first_frame_of_home_and_of_a_lesson_loads_neither(tmp_path):
    """The UI thread imports neither before the first frame of home or of a lesson.

    A figure in the first section starts building on a worker thread as soon as it is
    mounted, and that thread may import numpy while the first frame is still being
    drawn: that is the design (the frame never waits for it). So the probe records which
    thread imports each heavy module and asserts only on the UI thread's.
    """
    code = textwrap.dedent(
        """
        import asyncio, sys, threading

        class Watch:
            # a meta-path finder that finds nothing: it only notes who asked for a heavy module
            def find_spec(self, name, path=None, target=None):
                if name in HEAVY and threading.current_thread() is threading.main_thread():
                    UI_IMPORTS.add(name)
                return None

        HEAVY = {"numpy", "scipy"}
        UI_IMPORTS = set()
        sys.meta_path.insert(0, Watch())

        from tutor.app import TutorApp
        from tutor.lesson.registry import discover
        from tutor.store import Store

        async def main():
            for start in (None, ("maths_foundations", 6)):
                app = TutorApp(catalogue=discover(), store=Store.open(), start=start)
                async with app.run_test(size=(80, 24)) as pilot:
                    await pilot.pause()
                    assert type(app.screen).__name__ == ("HomeScreen" if start is None else "LessonScreen")
                    assert not UI_IMPORTS, f"the UI thread imported {sorted(UI_IMPORTS)} by the first frame"

        asyncio.run(main())
        print("UI_IMPORTS", sorted(UI_IMPORTS))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
        env={"TUTOR_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert "UI_IMPORTS []" in result.stdout, result.stdout
