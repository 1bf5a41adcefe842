"""The parts of asking a question that the quiz, the checkpoints and the review share.

How options are labelled, how they are marked once answered (the right one
stands out, a wrong pick is crossed quietly), and the feedback's headline.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from tutor.grading.answers import LETTERS, Verdict
from tutor.lesson.format import Choice


def option_items(question: Choice) -> list[Option]:
    """The options as the learner picks them: `a) text`."""
    return [Option(Content(f"{LETTERS[index]}) {text}")) for index, text in enumerate(question.options)]


def marked_items(question: Choice, chosen: int | None) -> list[Option]:
    """The options once answered: a tick and bold on the right one, the learner's wrong pick struck."""
    marked = []
    for index, text in enumerate(question.options):
        label = f"{LETTERS[index]}) {text}"
        if index == question.answer:
            note = "  ← your answer" if index == chosen else "  ← the right answer"
            # plain bold on the highlight: a green label on the highlight bar loses contrast
            line = Content.assemble(("✓ ", "bold"), (label, "bold"), (note, "bold"))
        elif index == chosen:
            line = Content.assemble(("✗ ", "$error"), (label, "$text-muted strike"), ("  ← your answer", "$error"))
        else:
            line = Content.assemble("  ", (label, "$text-muted"))
        marked.append(Option(line))
    return marked


def headline(verdict: Verdict) -> Content:
    """`✓ Right.` or `✗ Not quite. The answer is …`."""
    if verdict.correct:
        return Content.styled("✓ Right.", "bold $success")
    return Content.assemble(("✗ Not quite. ", "bold $error"), "The answer is ", (verdict.expected, "bold"), ".")


def malformed(text: str, expected: str) -> Content:
    """What to say when an answer is not in a form that can be read: it is not counted."""
    if not text.strip():
        return Content(f"No answer yet. {expected}")
    return Content.assemble((repr(text.strip()), "bold"), " is not in a form I can read. ", expected, " (Not counted.)")
