"""Names a widget package exports, each loaded from its private module on first use.

Textual's own `textual.widgets` does the same: a screen that imports one widget
from a package should not pay for importing the whole package before its first
frame (the figures package would bring plotext with it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def lazy_exports(package: str, where: Mapping[str, str]) -> tuple[list[str], Callable[[str], Any]]:
    """`__all__` and a module `__getattr__` for `package`, given each public name's module."""
    namespace = import_module(package).__dict__

    def __getattr__(name: str) -> Any:
        try:
            module = where[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = getattr(import_module(f"{package}.{module}"), name)
        namespace[name] = value  # the next lookup finds it without asking again
        return value

    return sorted(where), __getattr__
