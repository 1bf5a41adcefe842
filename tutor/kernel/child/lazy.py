"""Module names that are bound in the learner's namespace but imported on first use.

``stats`` (scipy.stats) and ``scipy`` must work without an import line, yet scipy costs
far too much start-up time to import eagerly. A :class:`LazyModule` is a module object
placed in the namespace; the first attribute access, ``dir()`` or ``repr()`` imports the
real module, answers from it, and rebinds the name in the namespace to the real module,
so later lookups are plain dictionary hits.

(Alternatives checked: a ``dict`` subclass with ``__missing__`` as globals does reach
``__missing__`` on CPython 3.11, but it disables the fast exact-dict paths for every
global lookup in learner code and is not a documented guarantee; retrying after a
NameError would re-run side effects.)
"""

from __future__ import annotations

import importlib
import types
from typing import Any


class LazyModule(types.ModuleType):
    """Stands in for ``module_name`` under ``binding`` in ``namespace`` until first use."""

    def __init__(self, module_name: str, namespace: dict[str, Any], binding: str) -> None:
        super().__init__(module_name)
        self._lazy_namespace = namespace
        self._lazy_binding = binding

    def _lazy_load(self) -> types.ModuleType:
        module = importlib.import_module(self.__name__)
        if self._lazy_namespace.get(self._lazy_binding) is self:
            self._lazy_namespace[self._lazy_binding] = module
        return module

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_lazy_"):
            raise AttributeError(name)
        return getattr(self._lazy_load(), name)

    def __dir__(self) -> list[str]:
        return dir(self._lazy_load())

    def __repr__(self) -> str:
        return repr(self._lazy_load())


def bind_lazy_modules(namespace: dict[str, Any], modules: dict[str, str]) -> None:
    """Bind each ``name -> module_name`` of ``modules`` lazily in ``namespace``."""
    for binding, module_name in modules.items():
        namespace[binding] = LazyModule(module_name, namespace, binding)
