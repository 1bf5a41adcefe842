"""What the kernel client hands back: events, results and errors (small frozen dataclasses).

``Kernel.execute`` yields :class:`Stream` events while a cell runs, a :class:`Plotted`
event if the cell drew something (``plot``, ``scatter``, ``hist``, ``bar``), then one
:class:`Result`. A kernel death during a cell is a :class:`Result` with ``died=True``
and ``error == "KernelDied"``; during any other call it raises :class:`KernelDied`.
"""

from __future__ import annotations

import signal
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Stream:
    """A piece of output printed by the running cell (``name`` is "stdout" or "stderr")."""

    name: str
    text: str


@dataclass(frozen=True, slots=True)
class PlotSeries:
    """One series a cell drew, already reduced in the child to what the plot can show.

    ``kind`` is "line", "scatter", "histogram" or "bar". ``x`` and ``y`` are read-only
    float numpy arrays, except: a histogram's ``x`` holds its bin edges (one more than
    ``y``, its counts), and a bar chart's ``x`` is a tuple of label strings.
    """

    kind: str
    x: Any
    y: Any
    label: str = ""


@dataclass(frozen=True, slots=True)
class Plotted:
    """What one cell drew: its series on shared axes (``dropped``: older series left out)."""

    series: tuple[PlotSeries, ...]
    title: str = ""
    dropped: int = 0


@dataclass(frozen=True, slots=True)
class Result:
    """How a cell ended.

    ``ok``: no error. ``value_repr``: repr of a final expression (``None``: nothing to
    show). ``stdout``: everything the cell printed, stdout and stderr interleaved, with
    the truncation line if the cap cut it. ``error``: exception type name ("ZeroDivisionError",
    "KeyboardInterrupt", "MemoryError", "KernelDied", "KernelRestarted", "KernelShutdown")
    with ``error_message`` and ``traceback`` (Python's text, learner frames only).
    ``message``: a sentence for the learner about what the kernel did (exit() ignored,
    kernel restarted, variables lost). ``interrupted``: the cell was stopped by an
    interrupt. ``died``: the child process died on its own (``exit_code`` or
    ``exit_signal``, and ``stderr_tail``). ``restarted``: a fresh child replaced the old
    one. ``namespace_lost``: variables from earlier cells are gone. ``truncated_chars``:
    characters the output cap left out. ``elapsed``: seconds from sending to result.
    """

    ok: bool
    value_repr: str | None = None
    stdout: str = ""
    error: str | None = None
    error_message: str = ""
    traceback: str = ""
    message: str | None = None
    interrupted: bool = False
    died: bool = False
    restarted: bool = False
    namespace_lost: bool = False
    exit_code: int | None = None
    exit_signal: str | None = None
    stderr_tail: str = ""
    truncated_chars: int = 0
    elapsed: float = 0.0


@dataclass(frozen=True, slots=True)
class Completion:
    """Completions for ``text[start:end]``; each match replaces that span."""

    start: int
    end: int
    matches: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ExitInfo:
    """How a child process ended: ``returncode`` as asyncio reports it (negative: signal)."""

    returncode: int | None
    stderr_tail: str = ""
    kill_reason: str | None = None

    @property
    def exit_code(self) -> int | None:
        return self.returncode if self.returncode is not None and self.returncode >= 0 else None

    @property
    def signal_name(self) -> str | None:
        if self.returncode is None or self.returncode >= 0:
            return None
        try:
            return signal.Signals(-self.returncode).name
        except ValueError:
            return f"signal {-self.returncode}"

    def describe(self) -> str:
        if self.signal_name is not None:
            return f"killed by {self.signal_name}"
        if self.exit_code is not None:
            return f"exit code {self.exit_code}"
        return "ended"


class KernelError(Exception):
    """A kernel request failed (``error_type`` is the child's exception type name, if any)."""

    def __init__(self, message: str, error_type: str | None = None) -> None:
        super().__init__(message)
        self.error_type = error_type


class KernelDied(KernelError):
    """The child process died (or could not start) while a request was pending."""

    def __init__(self, info: ExitInfo, message: str | None = None) -> None:
        super().__init__(message or f"The kernel process died ({info.describe()}).", "KernelDied")
        self.info = info
        self.exit_code = info.exit_code
        self.exit_signal = info.signal_name
        self.stderr_tail = info.stderr_tail
