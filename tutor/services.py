"""What the widgets need from the running tutor, behind one typed accessor.

A widget deep in a lesson section (an exercise card reading its status, the
REPL pane running cells) needs the progress store or the REPL session. Passing
them through every constructor on the way down (screen, section view, page,
block factory) would thread two arguments through code that never uses them;
reading `self.app.store` made every widget depend on one concrete app class,
and tests had to fake its attributes one by one. Instead the app holds one
`Services`, and a widget asks for it with `services(self)`; a test host gives
its own `Services` and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Protocol

from tutor.store import Store

if TYPE_CHECKING:
    from tutor.repl.session import ReplSession


@dataclass
class Services:
    """The store every screen writes progress to, and the REPL session, started on first use."""

    store: Store
    start_repl: Callable[[], "ReplSession"] = field(repr=False, default=lambda: _no_repl())
    _repl: "ReplSession | None" = field(default=None, init=False, repr=False)

    @property
    def repl(self) -> "ReplSession":
        """The one REPL session of the tutor's life: its kernel child starts when first asked for."""
        if self._repl is None:
            self._repl = self.start_repl()
        return self._repl

    @property
    def repl_started(self) -> bool:
        return self._repl is not None


class _App(Protocol):
    @property
    def app(self) -> object: ...


def services(node: _App) -> Services:
    """The services of the app `node` runs in."""
    found = getattr(node.app, "services", None)
    if not isinstance(found, Services):
        raise LookupError(
            f"{type(node.app).__name__} has no `services`: a host app for tutor widgets must set "
            "`self.services = Services(store, ...)` (see tutor.services)"
        )
    return found


def _no_repl() -> "ReplSession":
    raise LookupError("this app was given no REPL session (Services(start_repl=...))")
