"""Practice that sticks: fresh questions, mastery per skill, and spaced review.

Nothing here draws: the screens and the command line use it.

* :mod:`.clock`: the tutor's clock (`TUTOR_NOW` sets it, for tests and demonstrations);
* :mod:`.questions`: a fresh variant of a skill's question, options shuffled;
* :mod:`.rating`: the review rating an answer earns (again, hard, good);
* :mod:`.mastery`: a skill's level, from its answer history;
* :mod:`.schedule`: the FSRS scheduler (the only module that imports `fsrs`);
* :mod:`.log`: record an answer, rate it and reschedule its skill;
* :mod:`.skills`: every skill of the installed lessons with its level and due date;
* :mod:`.review`: what is due now, interleaved across lessons.
"""
