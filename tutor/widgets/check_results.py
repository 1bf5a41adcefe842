"""The results panel of the exercise screen: a check report, failures first and in full.

The verdict comes first, then any problem (a syntax error with its caret),
then, for each of the learner's functions, each failed input with why it is
wrong, what went in, what was expected and what came back (long values wrap
under themselves); inputs that were not run are summed up in one line per
reason; passed inputs take one line each. Notes and printed output close it.
"""

from __future__ import annotations

from itertools import groupby

from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from tutor.grading.report import CaseResult, CheckReport


class CaseDetail(Grid):
    """One failed input's input, expected and got rows, values wrapping in their own column."""

    DEFAULT_CSS = """
    CaseDetail { grid-size: 2; grid-columns: 13 1fr; grid-gutter: 0; height: auto; }
    CaseDetail > Static { height: auto; }
    CaseDetail > .label { color: $text-muted; padding: 0 0 0 4; }
    """

    def __init__(self, case: CaseResult) -> None:
        super().__init__()
        self.case = case

    def compose(self):
        for label, value in (("input", self.case.input), ("expected", self.case.expected), ("got", self.case.got)):
            yield Static(label, classes="label", markup=False)
            yield Static(value, markup=False)


def report_widgets(report: CheckReport) -> list[Widget]:
    """The widgets that show `report`, top to bottom."""
    mark, style = ("✓", "bold $success") if report.passed else ("✗", "bold $error")
    widgets: list[Widget] = [Static(Content.styled(f"{mark} {report.summary()}", style))]
    if report.detail:
        widgets.append(Static(Content.styled(report.detail, "$text-warning"), classes="detail"))
    for function, cases in report.by_function():
        passed = sum(case.passed for case in cases)
        heading = "bold $success" if passed == len(cases) else "bold"
        widgets.append(Static(Content.styled(f"{function}(): {passed} of {len(cases)} passed", heading)))
        for case in cases:
            if not case.passed and not case.skipped:
                label = Content.assemble((f"  ✗ {case.label}: ", "bold $error"), (case.reason, "$text-warning"))
                widgets.append(Static(label))
                widgets.append(CaseDetail(case))
        skipped = [case for case in cases if case.skipped]
        for reason, group in groupby(skipped, key=lambda case: case.reason):
            count = len(list(group))
            text = f"  - {count} more {'input' if count == 1 else 'inputs'} {reason}"
            widgets.append(Static(Content.styled(text, "$text-muted")))
        lines = [Content.styled(f"  ✓ {case.label}", "$success") for case in cases if case.passed]
        if lines:
            widgets.append(Static(Content("\n").join(lines)))
    for note in report.notes:
        widgets.append(Static(Content.assemble(("Note: ", "bold $warning"), note), classes="group"))
    if report.output:
        printed = "\n".join("  " + line for line in report.output.splitlines()[:20])
        widgets.append(Static(Content.assemble(("Your code printed:\n", "bold"), printed), classes="group"))
    if report.seed is not None:
        widgets.append(Static(Content.styled(f"(random inputs from seed {report.seed})", "$text-muted"), classes="group"))
    return widgets


class CheckResults(VerticalScroll, can_focus=True):
    """Scrollable check results; the `show_*` methods replace what it shows."""

    DEFAULT_CSS = """
    CheckResults > Static { height: auto; }
    CheckResults > .group { margin: 1 0 0 0; }
    """

    def show_widgets(self, widgets: list[Widget]) -> None:
        with self.app.batch_update():
            self.remove_children()
            self.mount_all(widgets)
        self.scroll_home(animate=False)

    def show_text(self, text: str | Content) -> None:
        self.show_widgets([Static(text, markup=False)])

    def show_running(self) -> None:
        self.show_text(Content.styled("Checking… (your code runs in a separate process)", "italic $text-muted"))

    def show_report(self, report: CheckReport) -> None:
        self.show_widgets(report_widgets(report))
