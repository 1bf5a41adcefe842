"""Lesson 2, Maths Foundations for ML: vectors, matrices, eigenvalues,
derivatives, distributions and a regression by the normal equation.

Only the lesson format is imported here. The examples' code is text, so
loading the lesson never pulls in numpy or scipy.
"""

from tutor.lesson import Lesson

from lessons.maths_foundations import (
    quiz,
    s01_what_you_build,
    s02_vectors,
    s03_matrices,
    s04_eigen_svd,
    s05_derivatives,
    s06_distributions,
    s07_normal_equation,
    s08_pitfalls,
    s09_next_steps,
)
from lessons.maths_foundations.drills import DRILLS
from lessons.maths_foundations.repl_setup import REPL_SETUP
from lessons.maths_foundations.skills import SKILLS

LESSON = Lesson(
    id="maths_foundations",
    number=2,
    title="Maths Foundations for ML",
    summary="The linear algebra, calculus and probability under every model",
    sections=(
        s01_what_you_build.SECTION,
        s02_vectors.SECTION,
        s03_matrices.SECTION,
        s04_eigen_svd.SECTION,
        s05_derivatives.SECTION,
        s06_distributions.SECTION,
        s07_normal_equation.SECTION,
        s08_pitfalls.SECTION,
        s09_next_steps.SECTION,
        quiz.SECTION,
    ),
    repl_setup=REPL_SETUP,
    next_lesson="data_handling",
    skills=SKILLS,
    drills=DRILLS,
)
