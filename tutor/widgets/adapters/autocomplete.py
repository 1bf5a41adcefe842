"""textual-autocomplete's dropdown placement, which has no public hook.

``AutoComplete`` opens its list under the cursor: its private ``_align_to_target`` sets
the widget's ``absolute_offset`` whenever the target changes or the screen lays out again,
and nothing public lets a subclass choose another place. The REPL's completion list must
open above the prompt (the prompt is the pane's last line, often the screen's last but
the footer), so :class:`PlacedAutoComplete` overrides that one method and asks a public
method of its own, :meth:`PlacedAutoComplete.dropdown_offset`, where the list goes.

This module is the only place the tutor touches textual-autocomplete's internals. It
checks at import time that the hook is still there, and :func:`placement_problems` (run
by ``tests/widgets/test_repl_adapters.py``) checks that the library still places its
list through it, so an upgrade fails with a sentence saying what moved.
"""

from __future__ import annotations

import inspect

from textual.geometry import Offset
from textual_autocomplete import AutoComplete

HOOK = "_align_to_target"
"""The private method that places the dropdown."""

CALLERS = ("on_mount", "_handle_target_update", "_align_and_rebuild")
"""AutoComplete's methods that place the dropdown by calling :data:`HOOK`."""

_UPGRADE = (
    "Update tutor/widgets/adapters/autocomplete.py (the REPL's completion list, "
    "ReplCompletions in tutor/widgets/repl/_input.py, opens above the prompt through it)."
)

if not callable(getattr(AutoComplete, HOOK, None)):  # pragma: no cover - only after an upgrade
    raise ImportError(f"textual_autocomplete.AutoComplete.{HOOK} is gone: this release places its dropdown another way. {_UPGRADE}")


def placement_problems() -> list[str]:
    """What no longer holds of the hook in the installed textual-autocomplete (empty: all holds)."""
    problems: list[str] = []
    hook = getattr(AutoComplete, HOOK, None)
    if not callable(hook):
        return [f"AutoComplete.{HOOK} is gone. {_UPGRADE}"]
    if list(inspect.signature(hook).parameters) != ["self"]:
        problems.append(f"AutoComplete.{HOOK} now takes {inspect.signature(hook)}, not just self. {_UPGRADE}")
    if "self.absolute_offset" not in inspect.getsource(hook):
        problems.append(f"AutoComplete.{HOOK} no longer places the dropdown with absolute_offset. {_UPGRADE}")
    for name in CALLERS:
        method = getattr(AutoComplete, name, None)
        if method is None or f"self.{HOOK}()" not in inspect.getsource(method):
            problems.append(f"AutoComplete.{name} no longer places the dropdown through {HOOK}. {_UPGRADE}")
    return problems


class PlacedAutoComplete(AutoComplete):
    """An ``AutoComplete`` whose dropdown goes where :meth:`dropdown_offset` says."""

    def dropdown_offset(self) -> Offset | None:
        """Where the dropdown's top-left corner goes on the screen (None: under the cursor,
        as textual-autocomplete places it)."""
        return None

    def _align_to_target(self) -> None:
        offset = self.dropdown_offset()
        if offset is None:
            super()._align_to_target()
        else:
            self.absolute_offset = offset
