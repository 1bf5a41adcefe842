"""The REPL's transcript: each input with its prompts, then what it printed, its value or error.

A :class:`~textual.widgets.RichLog` that keeps the last :data:`MAX_LINES` lines (and,
given the session's store of it, shows again what earlier panes wrote). Output
arrives in pieces that need not end at a line break; whole lines are written as they
come and the rest waits for its line to finish (or for the cell to end). A flood of
lines (a cell's output may be 2,000 lines at once) is written :data:`CHUNK_LINES` at a
time, one chunk per turn of the event loop, so keys are answered in between; everything
written after it waits its turn, so the order is kept. Colours come from component
classes, so they follow the theme and ``NO_COLOR``.

RichLog keeps lines wrapped at the width they were written at, so the log keeps what it
wrote (the last :data:`MAX_LINES` lines' worth) and writes it all again when its width
changes: the terminal was resized, or the pane moved beside the content. Nothing is
written while the log has no width yet (a pane still opening, or hidden): it waits for
the layout that gives it one, so an example sent with ``e`` to a hidden pane is not
wrapped ten columns wide.

RichLog itself holds every write until its first ``Resize`` event, and Textual can lay a
new widget out without sending it one (textual#5024, #6123; here it happened under load,
the pane opening while the lesson scrolled: the transcript stayed blank for good). The
log writes only once it has a width, so by then its size is known: it tells RichLog so,
through RichLog's own handler, instead of waiting for an event that may not come.
"""

from __future__ import annotations

from collections import deque

from rich.text import Text
from textual import events
from textual.highlight import highlight
from textual.widgets import RichLog

MAX_LINES = 5000
"""Lines of scrollback the pane keeps."""

CHUNK_LINES = 100
"""Lines of output written in one turn of the event loop."""

TURN_SECONDS = 0.001
"""The pause between chunks: enough for the event loop to answer a key."""

ECHO_LINES = 12
"""An input longer than this is echoed as its first lines and a count of the rest."""

PRIMARY_PROMPT = ">>> "
CONTINUATION_PROMPT = "... "


class ReplLog(RichLog):
    """The scrolling record of the REPL session."""

    COMPONENT_CLASSES = {
        "repl-log--prompt",
        "repl-log--stderr",
        "repl-log--error",
        "repl-log--note",
    }

    DEFAULT_CSS = """
    ReplLog {
        background: transparent;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        scrollbar-gutter: stable;
        & > .repl-log--prompt { color: $text-muted; }
        & > .repl-log--stderr { color: $text-warning; }
        & > .repl-log--error { color: $text-error; }
        & > .repl-log--note { color: $text-accent; text-style: italic; }
    }
    """

    def __init__(
        self, *, kept: deque[Text] | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        """`kept`: where the transcript is also kept (the REPL session's, so that the pane of
        the next lesson screen starts with it); what it holds already is shown first."""
        super().__init__(max_lines=MAX_LINES, min_width=10, wrap=True, markup=False, highlight=False, id=id, classes=classes)
        self.can_focus = False
        self._partial = ""
        self._partial_stream = "stdout"
        self._backlog: deque[Text] = deque()
        self._turn_pending = False
        self._kept = kept
        self._pieces: deque[tuple[Text, int]] = deque()
        """What the log wrote or will write, with each piece's line count, oldest first."""
        self._piece_lines = 0
        self._written_width = 0
        """The width the lines on show were wrapped at (0: none written yet)."""

    def on_mount(self) -> None:
        if self._kept:
            self._enqueue(*self._kept)

    # -- what the learner typed ---------------------------------------------------------

    def echo(self, source: str) -> None:
        """Write an input as the prompt showed it: ``>>>`` then ``...`` lines, highlighted."""
        self.end_output()
        lines = source.split("\n")
        shown = lines if len(lines) <= ECHO_LINES else lines[: ECHO_LINES - 1]
        prompt = self.get_component_rich_style("repl-log--prompt")
        code = highlighted_text(self, "\n".join(shown))
        text = Text()
        for number, line in enumerate(code.split("\n", allow_blank=True)):
            if number:
                text.append("\n")
            text.append(PRIMARY_PROMPT if number == 0 else CONTINUATION_PROMPT, prompt)
            text.append_text(line)
        if len(shown) < len(lines):
            text.append(f"\n{CONTINUATION_PROMPT}", prompt)
            text.append(f"[{len(lines) - len(shown)} more lines]", self.get_component_rich_style("repl-log--note"))
        self._add(text)

    # -- what the cell wrote ------------------------------------------------------------

    def output(self, stream: str, text: str) -> None:
        """Write printed text; an unfinished last line waits for the rest of it."""
        if self._partial and stream != self._partial_stream:
            self.end_output()
        text = self._partial + text
        self._partial_stream = stream
        complete, newline, self._partial = text.rpartition("\n")
        if newline:
            self._write_plain(complete, stream)

    def end_output(self) -> None:
        """Write the unfinished last line, if any (the cell ended, or something else is due)."""
        if self._partial:
            partial, self._partial = self._partial, ""
            self._write_plain(partial, self._partial_stream)

    def value(self, text: str) -> None:
        """Write a final expression's repr."""
        self.end_output()
        self._add(Text(text))

    def error(self, text: str) -> None:
        """Write a traceback or error message."""
        self.end_output()
        self._add(Text(text.rstrip("\n"), self.get_component_rich_style("repl-log--error")))

    def note(self, text: str) -> None:
        """Write a sentence from the tutor (a restart, the setup, a hint)."""
        self.end_output()
        self._add(Text(text, self.get_component_rich_style("repl-log--note")))

    def clear(self) -> ReplLog:
        self._partial = ""
        self._backlog.clear()
        self._pieces.clear()
        self._piece_lines = 0
        self._written_width = 0
        self._turn_pending = False
        if self._kept is not None:
            self._kept.clear()
        super().clear()
        return self

    def _write_plain(self, text: str, stream: str) -> None:
        style = self.get_component_rich_style("repl-log--stderr") if stream == "stderr" else ""
        lines = text.split("\n")
        self._add(*(Text("\n".join(lines[start : start + CHUNK_LINES]), style) for start in range(0, len(lines), CHUNK_LINES)))

    # -- writing in turns ----------------------------------------------------------------

    def _add(self, *texts: Text) -> None:
        """Write ``texts`` now, or after the backlog when there is one; and keep them."""
        if self._kept is not None:
            self._kept.extend(texts)
        self._enqueue(*texts)

    def _enqueue(self, *texts: Text) -> None:
        for text in texts:
            lines = text.plain.count("\n") + 1
            self._pieces.append((text, lines))
            self._piece_lines += lines
        while self._piece_lines > MAX_LINES and len(self._pieces) > 1:
            self._piece_lines -= self._pieces.popleft()[1]
        self._backlog.extend(texts)
        if not self._turn_pending:
            self._write_some()

    @property
    def text_width(self) -> int:
        """The columns a line may take now (0 while the log is not laid out or hidden)."""
        return self.scrollable_content_region.width

    def on_resize(self) -> None:
        self.write_pending()

    def write_pending(self) -> None:
        """Write what waits for a width, if the log has one now (the pane calls this once it
        is shown again: the Resize that would say so may not come)."""
        if not self._turn_pending:
            self._write_some()

    def _write_some(self) -> None:
        """Write up to :data:`CHUNK_LINES` lines, and leave the rest for the next turn.

        With no width yet, nothing is written (the next resize writes it); at a width
        other than the lines on show were wrapped at, everything is written again.
        """
        self._turn_pending = False
        width = self.text_width
        if width <= 0:
            return
        self._announce_size()
        if width != self._written_width and self._written_width:
            self._rewrap()
        self._written_width = width
        budget = CHUNK_LINES
        while self._backlog and budget > 0:
            text = self._backlog.popleft()
            self.write(text, width=width)
            budget -= text.plain.count("\n") + 1
        if self._backlog:
            self._turn_pending = True
            self.set_timer(TURN_SECONDS, self._write_some)

    def _announce_size(self) -> None:
        """Tell RichLog the size it has, so it writes now (it ignores this once it knows)."""
        RichLog.on_resize(self, events.Resize(self.size, self.virtual_size, self.container_size))

    def _rewrap(self) -> None:
        """Forget the lines written and write every kept piece again (at the width now)."""
        RichLog.clear(self)
        self._backlog = deque(text for text, _ in self._pieces)

    @property
    def writing(self) -> bool:
        """Lines are still waiting to be written."""
        return bool(self._backlog)

    @property
    def plain_lines(self) -> list[str]:
        """Every kept line as plain text (for tests and saving)."""
        return [strip.text.rstrip() for strip in self.lines]


def highlighted_text(widget: RichLog, code: str) -> Text:
    """``code`` highlighted as Python with the app theme's colours, as a Rich Text."""
    content = highlight(code, language="python")
    base = widget.visual_style
    text = Text()
    for piece, style in content.render(base, end="", parse_style=widget.app.stylesheet.parse_style):
        text.append(piece, style.rich_style if style is not None else None)
    return text
