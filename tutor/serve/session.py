"""One browser tab's tutor: the process textual-serve starts for each WebSocket.

`python -P -m tutor.serve.session [--lesson ID]` opens the tutor as `tutor [--lesson ID]`
does in a terminal (the same catalogue, the serving account's progress file), drawing
through Textual's web driver, which textual-serve selects in the environment. `-P` keeps
the current folder off the module path, as the installed `tutor` script does.

Nothing is lost however the tab's tutor ends:

- `q` quits as in a terminal, saving the reading place;
- a closed tab, or `tutor serve` stopping, sends the app a "quit" message, and SIGINT and
  SIGTERM are turned into the same by the web driver: all three reach the app as
  `ExitApp`, on which `ServedTutorApp` first saves what `q` saves;
- SIGHUP (the serving terminal went away) does the same;
- if `tutor serve` itself dies without a word (SIGKILL), Linux sends this process SIGTERM
  (`PR_SET_PDEATHSIG`), so no tutor is left running with nobody to draw for.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import inspect
import os
import signal
import sys
from pathlib import Path, PurePath

from textual import messages

from tutor.app import TutorApp
from tutor.cli.main import USAGE_ERROR, resolve_start
from tutor.lesson.registry import discover
from tutor.store import Store


def _beside_the_app(paths: str | PurePath | list[str | PurePath] | None) -> list[Path]:
    """TutorApp's stylesheets, which Textual finds beside the module of the class that names them."""
    folder = Path(inspect.getfile(TutorApp)).parent
    listed = [paths] if isinstance(paths, (str, PurePath)) else list(paths or [])
    return [folder / path for path in listed]


class ServedTutorApp(TutorApp):
    """The tutor in a browser tab: it saves its reading place on every way out, not only on `q`,
    and its first screen gets focus once the tab has it."""

    CSS_PATH = _beside_the_app(TutorApp.CSS_PATH)

    def on_mount(self) -> None:
        # Textual calls the on_mount of every class in the app's lineage: TutorApp's runs too.
        # SIGHUP as the web driver takes SIGINT and SIGTERM: an ExitApp message (`App.exit()`
        # would first mark the app as leaving, and the screens would refuse to save).
        try:
            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.post_message, messages.ExitApp())
        except (NotImplementedError, RuntimeError):  # pragma: no cover - not on Unix
            pass

    def on_app_focus(self) -> None:
        # Textual's web driver starts the app blurred (the page's terminal has no focus yet),
        # before the first screen mounts: that screen's AUTO_FOCUS waits for an app with focus,
        # and nothing remembers it, so the list or text would get no keys (`enter` on home would
        # do nothing) until a Tab. When the tab takes focus, give the screen its focus, at once:
        # a key may be right behind this message.
        screen = self.screen
        selector = screen.AUTO_FOCUS if screen.AUTO_FOCUS is not None else self.AUTO_FOCUS
        if screen.focused is not None or not selector:
            return
        for widget in screen.query(selector):
            if widget.focusable:
                screen.set_focus(widget, scroll_visible=False)
                return

    def on_exit_app(self, _message: messages.ExitApp) -> None:
        # Runs before Textual's own handler of the message, while every screen is still up.
        from tutor.screens.lesson import LessonScreen  # as tutor.app does: not before the first frame

        for screen in self.screen_stack:
            if isinstance(screen, LessonScreen):
                screen.save_reading()


SERVER_PID = "TUTOR_SERVE_PID"
"""The environment variable in which `tutor serve` gives its tutors its process id."""


def end_with_parent() -> None:
    """Ask Linux for SIGTERM when the serving process dies; exit now if it already has."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - no prctl: the tab's close still ends it
        return
    server = os.environ.get(SERVER_PID)
    if server and server.isdigit() and os.getppid() != int(server):
        sys.exit(0)  # orphaned before the request took effect


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tutor.serve.session")
    parser.add_argument("--lesson", metavar="ID")
    args = parser.parse_args(argv)
    end_with_parent()
    # As `tutor` does (tutor/cli/main.py): no collections while start-up builds what lives
    # as long as the process, then all of that frozen out of the collector's sight.
    gc.disable()
    try:
        catalogue = discover()
        start = resolve_start(catalogue, args.lesson, None)
        if isinstance(start, str):
            print(f"tutor: {start}", file=sys.stderr)
            return USAGE_ERROR
        app = ServedTutorApp(catalogue=catalogue, store=Store.open(), start=start)
        gc.freeze()
    finally:
        gc.enable()
    sys.setswitchinterval(0.001)
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
