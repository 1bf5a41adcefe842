"""Pure pieces of the engine, tested in-process: completeness, wire format, caps, reduction."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tutor.kernel import arrays, protocol
from tutor.kernel.child.capture import OutputSink
from tutor.kernel.child.cells import CellRunner
from tutor.kernel.child.completion import complete
from tutor.kernel.completeness import is_complete

from .test_robustness import printed_chars


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("1 + 1", "complete"),
        ("x = 1\ny = 2", "complete"),
        ("", "complete"),
        ("# just a comment", "complete"),
        ("x = [\n  1,\n  2]", "complete"),
        ("for i in range(3):", "incomplete"),
        ("for i in range(3):\n    print(i)", "incomplete"),
        ("for i in range(3):\n    print(i)\n", "complete"),
        ("def f():\n    return 1\n    ", "complete"),
        ("x = (1,", "incomplete"),
        ("'''doc", "incomplete"),
        ("@decorator", "incomplete"),
        ("if x:\n    1\nelse:", "incomplete"),
        ("x = )", "invalid"),
        ("1 2", "invalid"),
    ],
)
def test_is_complete(code: str, expected: str) -> None:
    assert is_complete(code) == expected


def test_protocol_round_trip() -> None:
    message = {"type": "stream", "id": 7, "text": "ünïcode\nlines\ud800", "value": float("nan")}
    line = protocol.encode(message, 12)
    assert line.endswith(b"\n") and line.count(b"\n") == 1 and line.isascii()
    decoded = protocol.decode(line)
    assert decoded["text"] == message["text"] and protocol.payload_size(decoded) == 12
    with pytest.raises(protocol.ProtocolError):
        protocol.decode(b"[1, 2]\n")
    with pytest.raises(protocol.ProtocolError):
        protocol.payload_size({"type": "x", "nbytes": -1})


def test_engine_never_pickles() -> None:
    import re
    from pathlib import Path

    import tutor.kernel

    pattern = re.compile(r"^\s*(import|from)\s+(c?pickle|_pickle|dill|cloudpickle|marshal|shelve)\b", re.M)
    for path in Path(tutor.kernel.__file__).parent.rglob("*.py"):
        assert not pattern.search(path.read_text()), path


@pytest.mark.parametrize("dtype", ["<f8", "<i4", "|b1", "<c16", "<U3", "<M8[s]"])
def test_array_wire_round_trip(dtype: str) -> None:
    original = np.arange(6).reshape(2, 3).astype(dtype)
    header, data = arrays.to_wire(original)
    rebuilt = arrays.from_wire(header, data.tobytes())
    assert rebuilt.dtype == original.dtype and rebuilt.shape == (2, 3)
    np.testing.assert_array_equal(rebuilt, original)


def test_object_arrays_are_refused() -> None:
    with pytest.raises(TypeError):
        arrays.to_wire(np.array([object()]))
    with pytest.raises(TypeError):
        arrays.from_wire({"dtype": "|O", "shape": [1]}, b"\0" * 8)


@settings(max_examples=60, deadline=None)
@given(
    values=st.lists(st.floats(allow_nan=False, allow_infinity=False, width=32), min_size=1, max_size=3000),
    max_points=st.integers(min_value=2, max_value=400),
)
def test_min_max_reduction_keeps_extremes_in_order(values: list[float], max_points: int) -> None:
    data = np.array(values, dtype=np.float32)
    reduced = arrays.reduce_min_max(data, max_points)
    assert len(reduced) <= max(max_points, len(data) if len(data) <= max_points else 0)
    if len(data) <= max_points:
        np.testing.assert_array_equal(reduced, data)
        return
    assert reduced.max() == data.max() and reduced.min() == data.min()
    # Every kept value is a value of the data, and they appear in the data's order.
    position = 0
    for value in reduced:
        found = np.flatnonzero(data[position:] == value)
        assert found.size, value
        position += int(found[0])


def test_reduction_leaves_other_shapes_alone() -> None:
    square = np.ones((50, 50))
    assert arrays.reduce_min_max(square, 10) is square
    with pytest.raises(ValueError):
        arrays.reduce_min_max(np.ones(10), 1)


def test_variables_round_trip() -> None:
    values, headers, buffers = arrays.encode_variables(
        {"A": np.eye(2), "flag": np.bool_(True), "n": 2, "items": (1, "a")}
    )
    assert values == {"n": 2, "items": (1, "a")}
    payload = bytearray(b"".join(bytes(buffer) for buffer in buffers))
    variables = arrays.decode_variables(values, headers, payload)
    np.testing.assert_array_equal(variables["A"], np.eye(2))
    assert variables["flag"] is np.True_ or variables["flag"] == np.True_
    assert variables["A"].flags.writeable


def test_output_cap_by_lines_and_characters() -> None:
    sink = OutputSink(max_chars=100, max_lines=3)
    out = sink.stream("stdout")
    out.write("a\nb\n")
    out.write("c\nd\ne\n")
    out.write("more text")
    assert sink.drain() == [("stdout", "a\nb\nc\n")]
    assert sink.dropped_chars() == len("d\ne\n") + len("more text")
    sink.reset()
    out.write("é" * 150)
    assert sink.drain() == [("stdout", "é" * 100)]
    out.write("\ud800x")  # lone surrogates are counted, not fatal
    assert sink.dropped_chars() == 52


def test_output_pieces_of_one_stream_merge() -> None:
    sink = OutputSink()
    out, err = sink.stream("stdout"), sink.stream("stderr")
    out.write("a")
    out.write("b")
    err.write("!")
    out.write("c")
    assert sink.drain() == [("stdout", "ab"), ("stderr", "!"), ("stdout", "c")]


def test_cell_runner_in_process() -> None:
    namespace: dict[str, object] = {"__builtins__": __builtins__}
    runner = CellRunner(namespace, repr_limit=10)
    assert runner.run("x = 41\nx + 1").value_repr == "42"
    assert namespace["_"] == 42
    assert runner.run("'a' * 50").value_repr == "'aaaaaaaaa… [repr truncated: 42 more characters]"
    outcome = runner.run("import sys; sys.exit(2)")
    assert outcome.error is None and outcome.note and "exit(2)" in outcome.note
    failure = runner.run("[][0]")
    assert failure.error is not None and failure.error.type_name == "IndexError"
    assert "<cell 4>" in failure.error.traceback and "cells.py" not in failure.error.traceback


def test_chained_exceptions_keep_learner_frames_only() -> None:
    runner = CellRunner({"__builtins__": __builtins__})
    outcome = runner.run("try:\n    {}['k']\nexcept KeyError as e:\n    raise ValueError('bad') from e")
    assert outcome.error is not None
    text = outcome.error.traceback
    assert "KeyError: 'k'" in text and "ValueError: bad" in text
    assert "direct cause" in text and "cells.py" not in text


def test_completion_in_process() -> None:
    namespace = {"np": np, "value": 3}
    assert complete(namespace, "np.lin", 6) == (0, ["np.linalg", "np.linspace"])
    assert complete(namespace, "x = val", 7) == (4, ["value"])
    assert complete(namespace, "3.1", 3) == (3, [])
    assert "print" in complete(namespace, "pri", 3)[1]


def test_printed_chars_is_the_sum_it_replaces() -> None:
    """The print-flood test counts its 10**7 lines in closed form; this holds it to the sum."""
    for count in (0, 1, 9, 10, 11, 99, 100, 101, 2000, 12345):
        assert printed_chars(count) == sum(len(str(i)) + 1 for i in range(count)), count
