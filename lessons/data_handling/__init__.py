"""Lesson 3, Data Handling: scaling, encoding, missing values, splitting and leakage.

Only the lesson format is imported here. The examples' code is text, and the
figures, drills and exercise checks are named as "module:function" strings, so
loading the lesson never pulls in numpy.
"""

from tutor.lesson import Lesson

from lessons.data_handling import (
    quiz,
    s01_why,
    s02_scaling,
    s03_encoding,
    s04_missing,
    s05_splitting,
    s06_leakage,
    s07_pitfalls,
)
from lessons.data_handling.drills import DRILLS
from lessons.data_handling.repl_setup import REPL_SETUP
from lessons.data_handling.skills import SKILLS

LESSON = Lesson(
    id="data_handling",
    number=3,
    title="Data Handling",
    summary="Scaling, encoding, missing values, splits and leakage",
    sections=(
        s01_why.SECTION,
        s02_scaling.SECTION,
        s03_encoding.SECTION,
        s04_missing.SECTION,
        s05_splitting.SECTION,
        s06_leakage.SECTION,
        s07_pitfalls.SECTION,
        quiz.SECTION,
    ),
    repl_setup=REPL_SETUP,
    skills=SKILLS,
    drills=DRILLS,
)
