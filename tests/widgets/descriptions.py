"""Plot descriptions turned into plain nested tuples, so tests can compare two of them.

Descriptions may hold numpy arrays, whose `==` is elementwise; `fingerprint`
turns every field into tuples of rounded floats (or strings) instead.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any


def fingerprint(value: Any) -> Any:
    """`value` with every array, list and dataclass made into hashable tuples."""
    if dataclasses.is_dataclass(value):
        return (type(value).__name__,) + tuple(
            (field.name, fingerprint(getattr(value, field.name))) for field in dataclasses.fields(value)
        )
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return tuple(fingerprint(item) for item in value)
    if isinstance(value, float):
        return "nan" if math.isnan(value) else round(value, 9)
    return value
