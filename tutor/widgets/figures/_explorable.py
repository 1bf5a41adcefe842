"""ExplorableBlock: a figure whose parameters the learner moves with the keys.

up/down choose a parameter, left/right step it (shift: ten steps), 0 puts
every parameter back, w saves the figure as text and escape returns to the
section text. Under the drawing a line shows the parameters, the chosen one
in brackets (so it reads without colour too), then the readouts. Parameters
the current view does not use (`Plot.inactive`: n and p while the sampling
explorable shows a Normal) are left off the line and skipped by up/down, so
no key moves something that changes nothing.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from tutor.lesson.format import Explorable, Param
from tutor.lesson.numbers import fixed
from tutor.widgets.figures._figure_block import FigureBlock
from tutor.widgets.figures._figure_view import FigureView

CHOOSE = Binding.Group("Parameter", compact=True)
CHANGE = Binding.Group("Change", compact=True)


def decimals(param: Param) -> int:
    """How many decimals show a parameter's steps exactly."""
    if param.is_choice or param.step is None:
        return 0
    step = float(param.step)
    for places in range(7):
        if abs(round(step, places) - step) <= 1e-9 * max(step, 1.0):
            return places
    return 6


def format_value(param: Param, value: float | str) -> str:
    """A parameter value as shown on the parameter line."""
    if param.is_choice or isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return str(value)
    return fixed(float(value), decimals(param))


def parameter_line(
    params: tuple[Param, ...],
    values: dict[str, Any],
    selected: int,
    inactive: tuple[str, ...] = (),
    width: int = 0,
) -> Content:
    """Every parameter in use as `label value`, the selected one as `[label value]` in bold accent.

    Those named in `inactive` are left out. With a `width`, lines break between
    parameters, never inside one.
    """
    parts = []
    for index, param in enumerate(params):
        text = f"{param.label} {format_value(param, values[param.name])}"
        if index == selected:
            parts.append(Content.assemble("[", (text, "bold $accent"), "]"))
        elif param.name in inactive:
            continue
        else:
            parts.append(Content(f" {text} "))
    if width <= 0:
        return Content(" ").join(parts)
    lines: list[list[Content]] = [[]]
    used = 0
    for part in parts:
        if lines[-1] and used + 1 + part.cell_length > width:
            lines.append([])
            used = 0
        used += part.cell_length + (1 if lines[-1] else 0)
        lines[-1].append(part)
    return Content("\n").join(Content(" ").join(line) for line in lines)


class ExplorableBlock(FigureBlock, inherit_bindings=False):
    """An explorable: the figure, the parameter line and the readouts."""

    DEFAULT_CSS = """
    ExplorableBlock > .parameters {
        height: auto;
    }
    """

    BINDINGS = [
        Binding("up", "choose(-1)", "Previous parameter", group=CHOOSE),
        Binding("down", "choose(1)", "Next parameter", group=CHOOSE),
        Binding("left", "change(-1)", "Step down", group=CHANGE),
        Binding("right", "change(1)", "Step up", group=CHANGE),
        Binding("shift+left", "change(-10)", "Ten steps down", show=False),
        Binding("shift+right", "change(10)", "Ten steps up", show=False),
        Binding("0", "reset", "Reset"),
        *FigureBlock.BINDINGS,
    ]

    def __init__(self, block: Explorable, section_id: str = "", *, id: str | None = None) -> None:
        super().__init__(block, section_id, id=id)
        self.current_values: dict[str, Any] = block.defaults()
        self.selected = 0

    def compose(self) -> ComposeResult:
        yield FigureView()
        yield Static(self._line(), classes="parameters")
        yield Static("", classes="caption", markup=False)

    @property
    def params(self) -> tuple[Param, ...]:
        return self.block.params

    def values(self) -> dict[str, Any]:
        return dict(self.current_values)

    @property
    def inactive(self) -> tuple[str, ...]:
        """The parameters the drawing shown does not use."""
        return tuple(getattr(self.description, "inactive", ()))

    def _line(self) -> Content:
        inactive = self.inactive
        width = self.content_size.width
        return parameter_line(self.params, self.current_values, self.selected, inactive, width)

    def on_resize(self) -> None:
        self.set_text(self.query_one(".parameters", Static), self._line())

    def described(self, description: Any) -> None:
        if self.params and self.params[self.selected].name in self.inactive:
            self.selected = self._next_active(self.selected, 1)
        self.set_text(self.query_one(".parameters", Static), self._line())

    def _next_active(self, start: int, offset: int) -> int:
        """The first parameter from `start` on (moving by `offset`, wrapping) that the drawing uses."""
        count = len(self.params)
        inactive = self.inactive
        index = start
        for _ in range(count):
            if self.params[index].name not in inactive:
                return index
            index = (index + offset) % count
        return start

    # -- actions ------------------------------------------------------------------

    def action_choose(self, offset: int) -> None:
        """Select the previous or next parameter in use (wrapping round)."""
        if not self.params:
            return
        self.selected = self._next_active((self.selected + offset) % len(self.params), offset)
        self.set_text(self.query_one(".parameters", Static), self._line())

    def action_change(self, steps: int) -> None:
        """Move the selected parameter by `steps` steps and redraw."""
        if not self.params:
            return
        param = self.params[self.selected]
        if param.name in self.inactive:
            return  # the drawing does not use it: moving it would change nothing
        value = param.stepped(self.current_values[param.name], steps)
        if value == self.current_values[param.name]:
            return  # at an end of its range: nothing to redraw
        self.current_values[param.name] = value
        self.set_text(self.query_one(".parameters", Static), self._line())
        self.rebuild()

    def action_reset(self) -> None:
        """Put every parameter back to its default."""
        if self.current_values == self.block.defaults():
            return
        self.current_values = self.block.defaults()
        self.set_text(self.query_one(".parameters", Static), self._line())
        self.rebuild()

    def set_values(self, **values: Any) -> None:
        """Set parameters by name (clamped to their ranges) and redraw; for tests and tools."""
        for param in self.params:
            if param.name in values:
                self.current_values[param.name] = param.clamp(values[param.name])
        self.set_text(self.query_one(".parameters", Static), self._line())
        self.rebuild()
