"""The kernel child's state and request handlers: namespace, cells, completion, arrays.

One :class:`Session` lives in each child. It owns the learner's namespace (a fresh
``__main__`` module starting with ``np``, ``math``, lazily-imported ``stats`` and
``scipy``, and the plotting functions ``plot``, ``scatter``, ``hist`` and ``bar``),
captures ``sys.stdout``/``sys.stderr``, and answers requests read from the protocol
channel until the client closes it or asks for shutdown. What a cell draws is sent
after its output and before its result.
"""

from __future__ import annotations

import builtins
import math
import sys
import time
import types
from collections.abc import Callable
from typing import Any

from tutor.kernel import arrays, protocol
from tutor.kernel.child import completion
from tutor.kernel.child.capture import OutputSink
from tutor.kernel.child.cells import CellOutcome, CellRunner
from tutor.kernel.child.channel import ProtocolChannel
from tutor.kernel.child.interrupts import InterruptGate
from tutor.kernel.child.lazy import bind_lazy_modules
from tutor.kernel.child.plotting import FigureBuilder
from tutor.kernel.child.shipping import OutputShipper
from tutor.kernel.protocol import Message

PRINT_THRESHOLD = 200
LAZY_MODULES = {"stats": "scipy.stats", "scipy": "scipy"}

Handler = Callable[[int, Message, bytearray], bool]


def make_namespace(numpy_module: types.ModuleType) -> dict[str, Any]:
    """A fresh ``__main__`` module's dict for learner code (classes pickle, dataclasses work)."""
    main = types.ModuleType("__main__")
    sys.modules["__main__"] = main
    namespace = main.__dict__
    namespace["__builtins__"] = builtins
    namespace["np"] = numpy_module
    namespace["math"] = math
    bind_lazy_modules(namespace, LAZY_MODULES)
    return namespace


class Session:
    """Serves requests in the kernel child."""

    def __init__(self, channel: ProtocolChannel, gate: InterruptGate, width: int) -> None:
        import numpy

        self._numpy = numpy
        self._numpy_defaults = numpy.get_printoptions()
        numpy.set_printoptions(threshold=PRINT_THRESHOLD, linewidth=width)
        self._width = width
        self._channel = channel
        self._gate = gate
        self.namespace = make_namespace(numpy)
        self._figure = FigureBuilder()
        self.namespace.update(self._figure.functions())
        self._runner = CellRunner(self.namespace)
        self._sink = OutputSink()
        self._stdout = self._sink.stream("stdout")
        self._stderr = self._sink.stream("stderr")
        self._restore_standard_streams()
        self._shipper = OutputShipper(self._sink, channel)
        self._handlers: dict[str, Handler] = {
            protocol.EXEC: self._exec,
            protocol.COMPLETE: self._complete,
            protocol.GET_ARRAY: self._get_array,
            protocol.SET_VARIABLES: self._set_variables,
            protocol.CONFIG: self._config,
            protocol.SHUTDOWN: lambda request_id, message, payload: False,
        }

    def serve(self) -> None:
        """Answer requests until the pipe closes or a shutdown request arrives."""
        while True:
            received = self._channel.receive()
            if received is None:
                return
            message, payload = received
            if not self._handle(message, payload):
                return

    def _handle(self, message: Message, payload: bytearray) -> bool:
        request_id = message.get("id")
        handler = self._handlers.get(message["type"])
        try:
            if not isinstance(request_id, int):
                raise ValueError(f"request without an integer id: {message['type']}")
            if handler is None:
                raise ValueError(f"unknown request type {message['type']!r}")
            return handler(request_id, message, payload)
        except Exception as error:
            self._channel.send(
                {"type": protocol.ERROR, "id": request_id, "error_type": type(error).__name__, "message": str(error)}
            )
            return True

    # -- handlers -----------------------------------------------------------------------

    def _exec(self, request_id: int, message: Message, payload: bytearray) -> bool:
        code = message["code"]
        if not isinstance(code, str):
            raise TypeError("code must be a string")
        if message.get("width") is not None:
            self._set_width(int(message["width"]))
        plot_size = message.get("plot_size")
        self._figure.start_cell(None if plot_size is None else (int(plot_size[0]), int(plot_size[1])))
        self._restore_standard_streams()
        self._shipper.begin(request_id)
        started = time.perf_counter()
        run = lambda: self._runner.run(code)  # noqa: E731
        if message.get("numpy_defaults"):
            run = self._with_numpy_defaults(run)
        outcome = self._gate.run(run, CellOutcome.late_interrupt, self._announcer(request_id))
        run_time = time.perf_counter() - started
        dropped = self._shipper.finish()
        self._repair_stdin()
        self._send_figure(request_id)
        error = outcome.error
        self._channel.send(
            {
                "type": protocol.RESULT,
                "id": request_id,
                "ok": error is None,
                "value": outcome.value_repr,
                "error": None
                if error is None
                else {"type": error.type_name, "message": error.message, "traceback": error.traceback},
                "note": outcome.note,
                "interrupted": outcome.interrupted,
                "truncated": dropped,
                "run_time": run_time,
            }
        )
        return True

    def _complete(self, request_id: int, message: Message, payload: bytearray) -> bool:
        text, cursor = str(message["text"]), int(message["cursor"])
        nothing: tuple[int, list[str]] = (cursor, [])
        start, matches = self._gate.run(
            lambda: _complete_quietly(self.namespace, text, cursor, nothing),
            lambda: nothing,
            self._announcer(request_id),
        )
        self._channel.send({"type": protocol.COMPLETIONS, "id": request_id, "start": start, "matches": matches})
        return True

    def _get_array(self, request_id: int, message: Message, payload: bytearray) -> bool:
        name = message["name"]
        if name not in self.namespace:
            raise NameError(f"name {name!r} is not defined")
        array = self._numpy.asarray(self.namespace[name])
        max_points = message.get("max_points")
        if max_points is not None:
            array = arrays.reduce_min_max(array, int(max_points))
        header, data = arrays.to_wire(array)
        self._channel.send({"type": protocol.ARRAY, "id": request_id, **header}, data)
        return True

    def _set_variables(self, request_id: int, message: Message, payload: bytearray) -> bool:
        variables = arrays.decode_variables(message.get("values", {}), message.get("arrays", []), payload)
        self.namespace.update(variables)
        self._channel.send({"type": protocol.DONE, "id": request_id})
        return True

    def _config(self, request_id: int, message: Message, payload: bytearray) -> bool:
        width = message.get("width")
        if width is not None:
            self._set_width(int(width))
        self._channel.send({"type": protocol.DONE, "id": request_id})
        return True

    # -- helpers ------------------------------------------------------------------------

    def _announcer(self, request_id: int) -> Callable[[], None]:
        """Sends ``started``: from now on the client may interrupt ``request_id``."""
        return lambda: self._channel.send({"type": protocol.STARTED, "id": request_id})

    def _send_figure(self, request_id: int) -> None:
        """Send what the cell drew, if anything (between its output and its result)."""
        try:
            figure = self._figure.take()
        except Exception as error:  # an array that cannot travel: say so instead of drawing
            self._channel.send(
                {"type": protocol.STREAM, "id": request_id, "name": "stderr", "text": f"plot not drawn: {error}\n"}
            )
            return
        if figure is not None:
            message, buffers = figure
            payload = b"".join(bytes(buffer) for buffer in buffers)
            self._channel.send({**message, "id": request_id}, payload)

    def _with_numpy_defaults(self, run: Callable[[], CellOutcome]) -> Callable[[], CellOutcome]:
        """``run`` with numpy's own print options (width 75, full arrays up to 1,000 values),
        as a script sees them, and the pane's options back afterwards."""

        def run_with_defaults() -> CellOutcome:
            with self._numpy.printoptions(**self._numpy_defaults):
                return run()

        return run_with_defaults

    def _set_width(self, width: int) -> None:
        width = max(10, width)
        if width != self._width:
            self._numpy.set_printoptions(linewidth=width)
            self._width = width

    # -- keeping the learner's surroundings sane ------------------------------------------

    def _restore_standard_streams(self) -> None:
        sys.stdout = self._stdout
        sys.stderr = self._stderr

    def _repair_stdin(self) -> None:
        """``exit()`` closes ``sys.stdin``; reopen it on /dev/null (fd 0) for ``input()``."""
        if sys.stdin is None or sys.stdin.closed:
            sys.stdin = open(0, encoding="utf-8", closefd=False)


def _complete_quietly(
    namespace: dict[str, Any], text: str, cursor: int, nothing: tuple[int, list[str]]
) -> tuple[int, list[str]]:
    try:
        return completion.complete(namespace, text, cursor)
    except Exception:
        return nothing
