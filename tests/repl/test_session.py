"""The REPL session's plain parts: the names a lesson's setup defines, and the setup itself."""

from __future__ import annotations

import numpy as np

from lessons.maths_foundations import LESSON
from tutor.repl.session import assigned_names


def test_the_setup_names_are_what_the_lesson_promises() -> None:
    names = assigned_names(LESSON.repl_setup)
    for name in ("a", "b", "A", "B", "M", "area", "price", "X", "w", "n"):
        assert name in names
    assert assigned_names("x, (y, z) = 1, (2, 3)\nfor i in range(2): pass\nimport os") == ["x", "y", "z"]


def test_the_lesson_setup_defines_the_sections_values() -> None:
    namespace: dict = {}
    exec(LESSON.repl_setup, namespace)
    assert namespace["a"] @ namespace["b"] == 32.0
    assert (namespace["A"] @ namespace["B"]).tolist() == [[27, 30, 33], [61, 68, 75], [95, 106, 117]]
    assert sorted(np.linalg.eigvalsh(namespace["M"]).tolist()) == [2.0, 4.0]
    assert namespace["X"].shape == (100, 2) and np.round(namespace["w"], 3).tolist() == [9.897, 3.515]
