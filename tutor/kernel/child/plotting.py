"""Plotting from the prompt: ``plot``, ``scatter``, ``hist`` and ``bar`` in the learner's namespace.

Each call adds a series to the running cell's figure, so calls in one cell share one set
of axes (as in matplotlib); the figure travels to the client when the cell ends, as one
``plot`` message. Its arrays are reduced here, in the child, to what the plot's size can
show, and cross the pipe as dtype + shape + raw bytes:

* a line keeps the lowest and highest point of each bucket of consecutive points (two
  buckets per braille dot column), so peaks survive;
* a scatter keeps one point per braille dot of the plot area;
* a histogram is counted here (``numpy.histogram``): only the counts and the edges cross;
* a bar chart keeps as many bars as the width can show.

Non-finite values are dropped. Errors are the learner's own (TypeError, ValueError), raised
from the call, so the traceback points at their line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tutor.kernel import arrays, protocol

MAX_SERIES = 8
MAX_BINS = 500
DEFAULT_SIZE = (80, 20)
SERIES_KINDS = ("line", "scatter", "histogram", "bar")


class FigureBuilder:
    """Collects the series one cell draws, already reduced for a plot of ``size`` characters."""

    def __init__(self, size: tuple[int, int] = DEFAULT_SIZE) -> None:
        self.size = size
        self._series: list[dict[str, Any]] = []
        self._title = ""
        self._dropped = 0

    # -- the functions the learner calls ----------------------------------------------

    def functions(self) -> dict[str, Callable[..., None]]:
        """The namespace entries: ``plot``, ``scatter``, ``hist`` and ``bar``."""
        return {"plot": self.plot, "scatter": self.scatter, "hist": self.hist, "bar": self.bar}

    def plot(self, x: Any, y: Any = None, *, label: str = "", title: str | None = None) -> None:
        """Draw y against x as a line (``plot(y)`` draws y against 0, 1, 2, ...)."""
        xs, ys = _pair(x, y, "plot")
        xs, ys = _reduce_line(xs, ys, 4 * self._columns())
        self._add("line", {"x": xs, "y": ys}, label, title)

    def scatter(self, x: Any, y: Any, *, label: str = "", title: str | None = None) -> None:
        """Draw the points (x[i], y[i])."""
        xs, ys = _pair(x, y, "scatter")
        xs, ys = _reduce_scatter(xs, ys, 2 * self._columns(), 4 * self._rows())
        self._add("scatter", {"x": xs, "y": ys}, label, title)

    def hist(self, data: Any, bins: Any = 20, *, label: str = "", title: str | None = None) -> None:
        """Draw a histogram of ``data`` with ``bins`` bins (a count, or the bin edges)."""
        import numpy as np

        values = _finite(_numeric(data, "hist").reshape(-1))
        if values.size == 0:
            raise ValueError("hist() needs at least one finite value")
        if isinstance(bins, (int, np.integer)) and not isinstance(bins, bool):
            if not 1 <= bins <= MAX_BINS:
                raise ValueError(f"bins must be between 1 and {MAX_BINS}, not {bins}")
        counts, edges = np.histogram(values, bins=bins)
        self._add("histogram", {"x": edges.astype(float), "y": counts}, label, title)

    def bar(self, labels: Any, values: Any, *, label: str = "", title: str | None = None) -> None:
        """Draw one bar for each label, as tall as its value."""
        names = [str(name) for name in _as_list(labels)]
        heights = _numeric(values, "bar").reshape(-1)
        if len(names) != heights.size:
            raise ValueError(f"bar() got {len(names)} labels and {heights.size} values")
        if not names:
            raise ValueError("bar() needs at least one bar")
        room = max(1, self._columns() // 2)
        self._add("bar", {"labels": names[:room], "y": heights[:room].astype(float)}, label, title)

    # -- the cell's figure --------------------------------------------------------------

    def start_cell(self, size: tuple[int, int] | None = None) -> None:
        """A cell starts with an empty figure (drawn ``size`` characters when given)."""
        if size is not None:
            self.size = size
        self._series.clear()
        self._title = ""
        self._dropped = 0

    def take(self) -> tuple[protocol.Message, list[memoryview]] | None:
        """The cell's figure as a ``plot`` message and its payload (``None``: nothing drawn)."""
        if not self._series:
            return None
        series_headers: list[dict[str, Any]] = []
        buffers: list[memoryview] = []
        for entry in self._series:
            header: dict[str, Any] = {"kind": entry["kind"], "label": entry["label"]}
            if "labels" in entry:
                header["labels"] = entry["labels"]
            for axis in ("x", "y"):
                if axis in entry:
                    wire, data = arrays.to_wire(entry[axis])
                    header[axis] = {**wire, "size": data.nbytes}
                    buffers.append(data)
            series_headers.append(header)
        message = {"type": protocol.PLOT, "title": self._title, "series": series_headers, "dropped": self._dropped}
        self.start_cell()
        return message, buffers

    def _add(self, kind: str, data: dict[str, Any], label: str, title: str | None) -> None:
        if title is not None:
            self._title = str(title)
        self._series.append({"kind": kind, "label": str(label), **data})
        if len(self._series) > MAX_SERIES:
            del self._series[0]
            self._dropped += 1

    def _columns(self) -> int:
        return max(10, int(self.size[0]))

    def _rows(self) -> int:
        return max(3, int(self.size[1]))


# -- checking and reducing data --------------------------------------------------------


def _as_list(values: Any) -> list[Any]:
    import numpy as np

    if isinstance(values, np.ndarray):
        return values.reshape(-1).tolist()
    if isinstance(values, (str, bytes)):
        raise TypeError("bar() labels must be a sequence of names, not a single string")
    return list(values)


def _numeric(values: Any, function: str) -> Any:
    """``values`` as a float array, or a TypeError naming ``function``."""
    import numpy as np

    array = np.asarray(values)
    if array.dtype.kind not in "biuf":
        raise TypeError(f"{function}() needs numbers, not values of type {array.dtype}")
    return array.astype(float, copy=False)


def _finite(values: Any) -> Any:
    import numpy as np

    return values[np.isfinite(values)]


def _pair(x: Any, y: Any, function: str) -> tuple[Any, Any]:
    """x and y as matching 1-D float arrays, finite points only."""
    import numpy as np

    if y is None:
        ys = _numeric(x, function).reshape(-1)
        xs = np.arange(ys.size, dtype=float)
    else:
        xs = _numeric(x, function)
        ys = _numeric(y, function)
        if xs.ndim != 1 or ys.ndim != 1:
            raise ValueError(f"{function}() needs 1-D x and y, not shapes {xs.shape} and {ys.shape}")
        if xs.size != ys.size:
            raise ValueError(f"{function}() needs x and y of the same length, not {xs.size} and {ys.size}")
    keep = np.isfinite(xs) & np.isfinite(ys)
    if not keep.any():
        raise ValueError(f"{function}() needs at least one point with finite x and y")
    return xs[keep], ys[keep]


def _reduce_line(xs: Any, ys: Any, max_points: int) -> tuple[Any, Any]:
    """At most ``max_points`` points: the lowest and highest y of each run of neighbours."""
    import numpy as np

    length = ys.size
    if length <= max_points:
        return xs, ys
    buckets = max(1, max_points // 2)
    edges = np.linspace(0, length, buckets + 1).astype(int)
    starts = edges[:-1]
    low = np.minimum.reduceat(ys, starts)
    high = np.maximum.reduceat(ys, starts)
    bucket_of = np.repeat(np.arange(buckets), np.diff(edges))
    is_low = ys == low[bucket_of]
    is_high = ys == high[bucket_of]
    first_low = _first_per_bucket(is_low, bucket_of, buckets)
    first_high = _first_per_bucket(is_high, bucket_of, buckets)
    keep = np.unique(np.concatenate([first_low, first_high]))
    return xs[keep], ys[keep]


def _first_per_bucket(mask: Any, bucket_of: Any, buckets: int) -> Any:
    """Index of the first True of ``mask`` in each bucket (every bucket has one)."""
    import numpy as np

    indices = np.flatnonzero(mask)
    _, first = np.unique(bucket_of[indices], return_index=True)
    return indices[first][:buckets]


def _reduce_scatter(xs: Any, ys: Any, columns: int, rows: int) -> tuple[Any, Any]:
    """One point per dot of a ``columns`` x ``rows`` raster over the points' range."""
    import numpy as np

    if xs.size <= columns * rows:
        return xs, ys
    cx = _cell(xs, columns)
    cy = _cell(ys, rows)
    _, keep = np.unique(cx * rows + cy, return_index=True)
    keep.sort()
    return xs[keep], ys[keep]


def _cell(values: Any, count: int) -> Any:
    import numpy as np

    low, high = float(values.min()), float(values.max())
    if high <= low:
        return np.zeros(values.size, dtype=np.int64)
    scaled = (values - low) / (high - low) * (count - 1)
    return np.rint(scaled).astype(np.int64)
