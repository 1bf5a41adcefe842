"""The REPL engine: learner code runs in a persistent child process that cannot freeze or kill the tutor.

Public API (imported lazily, so ``import tutor.kernel`` stays cheap and loads no numpy):
:class:`Kernel`, :class:`Result`, :class:`Stream`, :class:`Plotted`, :class:`PlotSeries`,
:class:`Completion`, :class:`KernelError`, :class:`KernelDied` and :func:`is_complete`, all from
:mod:`tutor.kernel.client`.

Layout: the client side (:mod:`.client`, :mod:`.process`, :mod:`.results`,
:mod:`.reports`, :mod:`.completeness`) runs in the app; :mod:`.protocol` (the wire
format) and :mod:`.arrays` (arrays on the wire) are shared by both sides; everything
that runs inside the child process lives in :mod:`tutor.kernel.child`, which the app
never imports.
"""

from __future__ import annotations

from typing import Any

_PUBLIC = (
    "Kernel",
    "Result",
    "Stream",
    "Plotted",
    "PlotSeries",
    "Completion",
    "KernelError",
    "KernelDied",
    "is_complete",
)

__all__ = list(_PUBLIC)


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        from tutor.kernel import client

        return getattr(client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
