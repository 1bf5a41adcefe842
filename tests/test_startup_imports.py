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
    code = textwrap.dedent(
        """
        import asyncio
        from tutor.app import TutorApp
        from tutor.lesson.registry import discover
        from tutor.store import Store

        async def main():
            for start in (None, ("maths_foundations", 6)):
                app = TutorApp(catalogue=discover(), store=Store.open(), start=start)
                async with app.run_test(size=(80, 24)) as pilot:
                    await pilot.pause()
                    assert type(app.screen).__name__ == ("HomeScreen" if start is None else "LessonScreen")

        asyncio.run(main())
        """
    )
    assert loaded_after(code, str(tmp_path)) == []
