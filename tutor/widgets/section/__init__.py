"""A lesson section on screen: the scrolling view of its pages, and one widget per block (prose, code listing, checkpoint, exercise and quiz cards).

Blocks never reach for the widgets around them: they post messages the view or the screen acts on.

Each name loads its module on first use (see `tutor.widgets._lazy`).
"""

from tutor.widgets._lazy import lazy_exports

_WHERE = {
    "CheckpointBlock": "_checkpoint",
    "CodeListing": "_code_listing",
    "ExerciseCard": "_exercise_card",
    "LeaveRequested": "_block_messages",
    "Prose": "_prose",
    "QuizCard": "_quiz_card",
    "SectionCard": "_section_card",
    "SectionPage": "_section_view",
    "SectionView": "_section_view",
}

__all__, __getattr__ = lazy_exports(__name__, _WHERE)
