"""FigureBlock: a lesson figure in its section, with its readouts, that can be saved as text.

The figure's `build()` runs after the first frames, in a thread worker the
first time (it imports numpy) and whenever the last build was slow; quick
rebuilds run at once, so a key press redraws in the same frame. A build
that raises, or returns nothing drawable, shows why in the block instead.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path
from typing import Any

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from tutor.lesson.format import Explorable, Figure
from tutor.lesson.plots import Panels, problems
from tutor.widgets.section._block_messages import LeaveRequested
from tutor.widgets.figures._figure_view import FigureView

SLOW = 0.03
"""A build that took longer than this (seconds) runs in a worker next time."""

FIRST_BUILD_DELAY = 0.25
"""Seconds after mounting before the first figure build, while numpy is not yet imported."""

SAVE_FOLDER = "tutor-plots"


def file_name(block: Figure | Explorable) -> str:
    """The block's name, or its title made safe for a file name."""
    text = block.name or block.title
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "figure"


class FigureBlock(Vertical, can_focus=True):
    """A figure: its title in the frame, the drawing, and a caption of readouts."""

    DEFAULT_CSS = """
    FigureBlock {
        height: auto;
        margin: 0 0 1 0;
        padding: 0 1;
        border: round $foreground 25%;
        border-title-color: $text-primary;
        border-subtitle-color: $text-muted;
        background: $surface;
    }
    FigureBlock:focus {
        border: round $accent;
        border-title-style: bold;
        border-title-color: $text-accent;
    }
    SectionView SectionPage > FigureBlock {
        max-width: 150;  /* wider than prose: figures use the room on a wide terminal */
    }
    FigureBlock > .caption {
        height: auto;
        color: $text-muted;
    }
    """

    SCOPED_CSS = False  # so the rule widening figures in a section page (not inside a figure) applies

    BINDINGS = [
        Binding("v", "next_panel", "Next panel"),
        Binding("w", "save", "Save"),
        Binding("escape", "leave", "Text"),
    ]

    def __init__(self, block: Figure | Explorable, section_id: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.block = block
        self.section_id = section_id
        self.border_title = block.title
        self.description: Any = None
        """The last description drawn (None before the first build, or after a failed one)."""
        self.error: str | None = None
        """Why the last build could not be drawn, or None."""
        self.generation = 0
        self.last_duration: float | None = None
        self._rows: dict[int, int] = {}

    def compose(self) -> ComposeResult:
        yield FigureView()
        yield Static("", classes="caption", markup=False)

    def on_mount(self) -> None:
        if "numpy" in sys.modules:
            self.call_after_refresh(self.rebuild)
        else:
            # The first build imports numpy in a thread; importing holds the GIL for long stretches,
            # so let the screen's first frames out before it starts.
            self.set_timer(FIRST_BUILD_DELAY, self.rebuild)

    # -- building ---------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The parameters `build` is called with (none for a plain figure)."""
        return {}

    def rebuild(self) -> None:
        """Build the description again: at once when builds are quick, else in a worker."""
        self.generation += 1
        generation = self.generation
        values = self.values()
        quick = self.last_duration is not None and self.last_duration < SLOW and "numpy" in sys.modules
        if quick:
            self._apply(generation, *self._compute(values))
        else:
            if self.description is not None:
                self.border_subtitle = "computing…"
            self.run_worker(
                lambda: (generation, *self._compute(values)),
                name=f"build {self.block.title}",
                group="figure-build",
                thread=True,
                exclusive=True,
                exit_on_error=False,
            )

    def _compute(self, values: dict[str, Any]) -> tuple[Any, float]:
        """(description or the exception raised, seconds taken); runs on any thread."""
        start = time.perf_counter()
        try:
            result = self.block.make_plot(**values)
            if "tutor.widgets.figures._plot_view" not in sys.modules:
                import tutor.widgets.figures._plot_view  # noqa: F401  warm plotext off the UI thread
        except Exception as error:  # shown in the block; a figure never takes the app down
            result = error
        return result, time.perf_counter() - start

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "figure-build":
            return
        event.stop()
        if event.state == WorkerState.SUCCESS and event.worker.result is not None:
            self._apply(*event.worker.result)
        elif event.state == WorkerState.ERROR:
            self._apply(self.generation, event.worker.error, 0.0)

    def _apply(self, generation: int, result: Any, duration: float) -> None:
        if generation != self.generation:
            return  # a newer build has been asked for
        self.last_duration = duration
        view = self.query_one(FigureView)
        if isinstance(result, Exception):
            self._fail(f"This figure could not be built: {type(result).__name__}: {result}")
            return
        found = problems(result)
        if found:
            self._fail("Nothing to draw: " + "; ".join(found))
            return
        try:
            view.show(result)
        except Exception as error:
            self._fail(f"This figure could not be drawn: {type(error).__name__}: {error}")
            return
        panels_before = isinstance(self.description, Panels)
        self.description = result
        self.error = None
        self.border_subtitle = self.subtitle()
        self.set_text(self.query_one(".caption", Static), "\n".join(getattr(result, "caption", ())))
        if self.has_focus and (panels_before or isinstance(result, Panels)):
            self.refresh_bindings()  # `v` applies to panels only (and redrawing the footer costs a frame)
        self.described(result)

    def _fail(self, text: str) -> None:
        self.border_subtitle = ""
        self.description = None
        self.error = text
        self.query_one(FigureView).show_notice(text, error=True)
        self.set_text(self.query_one(".caption", Static), "")
        self.described(None)

    def set_text(self, static: Static, content: str | Content) -> None:
        """Update `static`, asking for a new layout only when the number of rows it needs changes."""
        width = max(static.content_size.width, 1)
        plain = content.plain if isinstance(content, Content) else content
        rows = sum(max(1, -(-cell_len(line) // width)) for line in plain.split("\n"))
        static.update(content, layout=rows != self._rows.get(id(static)))
        self._rows[id(static)] = rows

    def described(self, description: Any) -> None:
        """Called after each build is shown (or failed, with None): subclasses update their lines."""

    def subtitle(self) -> str:
        view = self._plot_view()
        if view is not None and isinstance(view.description, Panels) and not view.side_by_side:
            return f"panel {view.panel + 1} of {view.panel_count}: v for the next"
        return ""

    def _plot_view(self):
        current = self.query_one(FigureView).current
        return current if hasattr(current, "next_panel") else None

    # -- actions ------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_panel":
            view = self._plot_view()
            return view is not None and view.panel_count > 1 and not view.side_by_side
        return True

    def action_next_panel(self) -> None:
        view = self._plot_view()
        if view is not None:
            view.next_panel()
            self.border_subtitle = self.subtitle()

    def save_path(self) -> Path:
        section = f"{self.section_id}-" if self.section_id else ""
        return Path.cwd() / SAVE_FOLDER / f"{section}{file_name(self.block)}.txt"

    def action_save(self) -> None:
        path = self.save_path()
        try:
            self.query_one(FigureView).save(path)
            # the drawing as plotext wrote it, between the figure's title and its readouts
            caption = "\n".join(getattr(self.description, "caption", ()))
            drawing = path.read_text(encoding="utf-8").rstrip("\n")
            path.write_text(f"{self.block.title}\n\n{drawing}\n\n{caption}\n".replace("\n\n\n", "\n\n"), encoding="utf-8")
        except Exception as error:
            self.notify(f"Could not save the figure: {error}", severity="error")
            return
        from tutor.widgets.figures._path_text import toast_width, wrap_path

        self.notify(wrap_path(path, toast_width(self.app.size.width)), title="Figure saved as text", timeout=6)

    def action_leave(self) -> None:
        """Give focus back to the section text (a second escape reaches the screen)."""
        self.post_message(LeaveRequested())

    def on_resize(self) -> None:
        self.border_subtitle = self.subtitle()
        if self.has_focus:  # the footer shows this block's keys only while it has focus
            self.refresh_bindings()
