"""What a lesson block tells the section it sits in.

A block never reaches for the widgets around it: it posts one of these and
the section view (or the lesson screen) acts on it.
"""

from __future__ import annotations

from textual.message import Message


class LeaveRequested(Message):
    """The learner pressed escape on a block: the keys go back to the section's text."""
