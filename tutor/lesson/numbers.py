"""Numbers as a learner reads them: fixed decimals, and never "-0.000".

A value that rounds to zero keeps its sign in Python's formatting (`-0.0004`
shows as `-0.000`), which reads as a mistake on a slider or in a readout. The
explorables' parameter line and the lessons' readouts both format through here.
"""

from __future__ import annotations


def fixed(value: float, places: int = 3) -> str:
    """`value` with `places` decimals, without the minus sign of a value that rounds to zero."""
    text = f"{value:.{places}f}"
    return text.lstrip("-") if float(text) == 0 else text
