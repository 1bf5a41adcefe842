"""Checking what the learner does: exercise code (run in a checking child) and quiz answers.

Quiz answers are judged in the app's process (:mod:`.answers`, :mod:`.quiz_round`).

Exercise checking has two halves:

* the client side, imported by the app and the command line: :mod:`.runner`
  (:class:`~tutor.grading.runner.Checker` starts a kernel child for a check and
  reads the report back), :mod:`.report` (the report, to and from JSON),
  :mod:`.status` (status and solution unlocking from the store) and
  :mod:`.locate` (finding an exercise by id);
* the child side, imported only inside the checking process: :mod:`.harness`
  (loads the learner's code and runs every case under a time limit),
  :mod:`.cases` and :mod:`.judges` (what a lesson's check functions are written
  with), :mod:`.values` and :mod:`.timer`.

Nothing here imports textual; the client side imports no numpy.
"""
