"""Turns what the kernel child said, or how it died, into the :class:`Result` of a cell.

Pure functions: a ``result`` reply becomes a Result (noting a restart the learner has
not been told about yet); a child's exit becomes a Result whose error and message say
what happened: interrupted and restarted, restarted or shut down on request, died by
itself (exit code or signal, stderr tail), or could not start.
"""

from __future__ import annotations

from tutor.kernel import protocol
from tutor.kernel.results import ExitInfo, KernelDied, Result


def cell_result(message: protocol.Message, stdout: str, elapsed: float, lost: ExitInfo | None) -> Result:
    error = message.get("error") or {}
    notes = []
    if lost is not None:
        notes.append(
            f"The kernel had stopped ({lost.describe()}) and was restarted; variables from earlier cells were lost."
        )
    if message.get("note"):
        notes.append(str(message["note"]))
    return Result(
        ok=bool(message.get("ok")),
        value_repr=message.get("value"),
        stdout=stdout,
        error=error.get("type"),
        error_message=str(error.get("message", "")),
        traceback=str(error.get("traceback", "")),
        message=" ".join(notes) or None,
        interrupted=bool(message.get("interrupted")),
        restarted=lost is not None,
        namespace_lost=lost is not None,
        exit_code=lost.exit_code if lost is not None else None,
        exit_signal=lost.signal_name if lost is not None else None,
        truncated_chars=int(message.get("truncated", 0)),
        elapsed=elapsed,
    )


def death_result(info: ExitInfo, stdout: str, elapsed: float, restarted: bool, grace: float) -> Result:
    fresh = " A fresh kernel has been started." if restarted else ""
    if info.kill_reason == "interrupt":
        return Result(
            ok=False,
            stdout=stdout,
            error="KeyboardInterrupt",
            error_message="the cell did not stop when interrupted",
            message=(
                f"The cell did not stop within {grace:g} s of the interrupt, so its kernel was stopped."
                f"{fresh} Your variables were lost."
            ),
            interrupted=True,
            restarted=restarted,
            namespace_lost=True,
            elapsed=elapsed,
        )
    if info.kill_reason in ("restart", "shutdown"):
        what = "restarted" if info.kill_reason == "restart" else "shut down"
        return Result(
            ok=False,
            stdout=stdout,
            error="KernelRestarted" if info.kill_reason == "restart" else "KernelShutdown",
            error_message=f"the kernel was {what} while the cell ran",
            message=f"The kernel was {what} while this cell ran; your variables were lost.",
            interrupted=True,
            restarted=info.kill_reason == "restart",
            namespace_lost=True,
            elapsed=elapsed,
        )
    return Result(
        ok=False,
        stdout=stdout,
        error="KernelDied",
        error_message=f"The kernel process died ({info.describe()}).",
        message=f"The kernel stopped unexpectedly ({info.describe()}).{fresh} Your variables were lost.",
        died=True,
        restarted=restarted,
        namespace_lost=True,
        exit_code=info.exit_code,
        exit_signal=info.signal_name,
        stderr_tail=info.stderr_tail,
        elapsed=elapsed,
    )


def start_failure_result(died: KernelDied, elapsed: float) -> Result:
    return Result(
        ok=False,
        error="KernelDied",
        error_message=str(died),
        message=str(died),
        died=True,
        namespace_lost=True,
        exit_code=died.exit_code,
        exit_signal=died.exit_signal,
        stderr_tail=died.stderr_tail,
        elapsed=elapsed,
    )
