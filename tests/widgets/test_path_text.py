"""A saved file's path in a toast breaks after a `/`, never inside a name (hypothesis over paths)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tutor.widgets.figures._path_text import toast_width, wrap_path

names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz-_.0123456789", min_size=1, max_size=30)


@given(st.lists(names, min_size=1, max_size=8), st.integers(min_value=10, max_value=60))
def test_lines_fit_and_rejoin_to_the_path(parts, width):
    path = "/srv/" + "/".join(parts)
    lines = wrap_path(path, width).split("\n")
    assert all(0 < len(line) <= width for line in lines)
    assert "".join(lines) == path
    for line in lines[:-1]:
        # a line ends after a separator, unless one name alone was longer than a line
        assert line.endswith("/") or len(line) == width


def test_a_name_that_fits_is_never_split():
    path = "/tmp/tutor-plots-learner/derivatives-x-squared.txt"
    text = wrap_path(path, toast_width(80))
    assert "derivatives-x-squared.txt" in text.split("\n")


def test_the_home_folder_is_written_as_a_tilde():
    assert wrap_path(Path.home() / "figures" / "a.txt", 40) == "~/figures/a.txt"
