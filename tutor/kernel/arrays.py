"""Arrays on the wire: a JSON header (dtype string, shape) plus raw C-order bytes.

Used on both sides of the pipe. numpy is imported inside the functions, never at module
level, so the client can import this module without loading numpy.

Also here: the plotting reduction (:func:`reduce_min_max`) and the encoding of lesson
variables for ``set_variables`` (arrays as raw bytes; numbers, strings, lists and
dicts as JSON).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy

# Numeric, boolean, date/time and fixed-width string kinds survive a dtype.str round trip;
# object and structured (void) dtypes do not and are refused.
WIRE_KINDS = frozenset("biufcmMSU")
_REDUCIBLE_KINDS = frozenset("biufmM")


def describe(array: numpy.ndarray) -> dict[str, Any]:
    """The JSON header for ``array``."""
    return {"dtype": array.dtype.str, "shape": list(array.shape)}


def to_wire(value: Any) -> tuple[dict[str, Any], memoryview]:
    """``value`` as an array header and a view of its C-order bytes."""
    import numpy as np

    array = np.asarray(value)
    if not array.flags.c_contiguous:
        array = array.copy(order="C")  # (np.ascontiguousarray would turn 0-d into 1-d)
    if array.dtype.kind not in WIRE_KINDS:
        raise TypeError(f"arrays of dtype {array.dtype} cannot be sent (numbers, booleans and strings only)")
    return describe(array), array.reshape(-1).view(np.uint8).data


def from_wire(header: dict[str, Any], data: bytes | bytearray | memoryview) -> numpy.ndarray:
    """Rebuild an array from its header and bytes (read-only when ``data`` is ``bytes``)."""
    import numpy as np

    dtype = np.dtype(header["dtype"])
    if dtype.kind not in WIRE_KINDS:
        raise TypeError(f"refusing dtype {dtype}")
    shape = tuple(int(n) for n in header["shape"])
    return np.frombuffer(data, dtype=dtype).reshape(shape)


def reduce_min_max(array: numpy.ndarray, max_points: int) -> numpy.ndarray:
    """Shrink a 1-D array to at most ``max_points`` values for plotting.

    The array is cut into at most ``max_points // 2`` consecutive buckets; each bucket
    contributes its minimum and its maximum, in the order they occur, so peaks survive
    and the shape of the curve is kept. Other arrays, and arrays already small enough,
    are returned unchanged.
    """
    import numpy as np

    if max_points < 2:
        raise ValueError("max_points must be at least 2")
    length = array.shape[0] if array.ndim == 1 else 0
    if array.ndim != 1 or length <= max_points or array.dtype.kind not in _REDUCIBLE_KINDS:
        return array
    buckets = max(1, max_points // 2)
    width = -(-length // buckets)
    whole = length // width
    pieces = [array[: whole * width].reshape(whole, width)]
    if length % width:
        pieces.append(array[whole * width :].reshape(1, -1))
    reduced = []
    for block in pieces:
        low = block.argmin(axis=1)
        high = block.argmax(axis=1)
        first = np.minimum(low, high)
        second = np.maximum(low, high)
        rows = np.arange(block.shape[0])
        pairs = np.stack([block[rows, first], block[rows, second]], axis=1)
        reduced.append(pairs.reshape(-1))
    return np.concatenate(reduced)


# -- set_variables ---------------------------------------------------------------------


def encode_variables(variables: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]], list[memoryview]]:
    """Split lesson variables into JSON values and binary arrays.

    Returns ``(values, array_headers, buffers)``; each header names its variable and
    gives the byte count of its buffer. numpy values are recognised without importing
    numpy: if one was passed in, numpy is already loaded.
    """
    np = sys.modules.get("numpy")
    values: dict[str, Any] = {}
    headers: list[dict[str, Any]] = []
    buffers: list[memoryview] = []
    for name, value in variables.items():
        if not name.isidentifier():
            raise ValueError(f"not a valid variable name: {name!r}")
        numpy_scalar = np is not None and isinstance(value, np.generic)
        numpy_value = numpy_scalar or (np is not None and isinstance(value, np.ndarray))
        if numpy_value and not isinstance(value, (bool, int, float, str)):
            header, data = to_wire(value)
            header.update(name=name, size=data.nbytes, scalar=numpy_scalar)
            headers.append(header)
            buffers.append(data)
        else:
            _check_json_value(name, value)
            values[name] = value
    return values, headers, buffers


def decode_variables(values: dict[str, Any], headers: list[dict[str, Any]], payload: bytearray) -> dict[str, Any]:
    """Rebuild the variables that :func:`encode_variables` split (arrays get their own memory)."""
    variables = dict(values)
    view = memoryview(payload)
    offset = 0
    for header in headers:
        size = int(header["size"])
        array = from_wire(header, view[offset : offset + size]).copy()
        offset += size
        variables[header["name"]] = array[()] if header.get("scalar") else array
    return variables


def _check_json_value(name: str, value: Any) -> None:
    if value is None or isinstance(value, (bool, int, float, str)):
        return
    if isinstance(value, (list, tuple)):
        for item in value:
            _check_json_value(name, item)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{name}: dictionary keys must be strings to be sent to the kernel")
            _check_json_value(name, item)
        return
    raise TypeError(
        f"{name}: a {type(value).__name__} cannot be sent to the kernel "
        "(numbers, strings, lists, dicts and numpy arrays only)"
    )
