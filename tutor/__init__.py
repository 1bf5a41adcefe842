"""A full-screen terminal tutor for the maths behind machine learning."""

__version__ = "0.1.0"
