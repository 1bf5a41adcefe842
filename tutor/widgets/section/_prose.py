"""Lesson prose, drawn lightly: the Markdown subset lessons use, as a few Statics.

Textual's Markdown widget builds a tree of widgets for every paragraph and
costs a tenth of a second to import; a section of prose drawn with it made
the lesson screen's first frame 2.5x a bare app's. Lessons need far less:
paragraphs, `###` headings, `-`/`*` bullets, numbered items, **bold**,
*italic* and `code`. A whole prose block is one widget that wraps its own
lines (list items with a hanging indent). Anything else shows as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual.content import Content
from textual.widget import Widget

_INLINE = re.compile(r"\*\*(?P<bold>.+?)\*\*|`(?P<code>[^`]+)`|(?<![\w*])\*(?P<italic>[^*\s][^*]*?)\*(?![\w*])")
_BULLET = re.compile(r"^\s*(?:[-*+]|(?P<number>\d+)[.)])\s+(?P<text>.*)$")
_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")


@dataclass(frozen=True)
class ProseBlock:
    """One piece of a prose text: a paragraph, a heading or a list item."""

    kind: str  # "paragraph", "heading" or "item"
    text: str
    marker: str = ""


def inline(text: str) -> Content:
    """`text` with **bold**, *italic* and `code` spans styled."""
    parts: list[tuple[str, str] | str] = []
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            parts.append(text[position : match.start()])
        if match["bold"] is not None:
            parts.append((match["bold"], "bold"))
        elif match["code"] is not None:
            parts.append((match["code"], "$text-accent"))
        else:
            parts.append((match["italic"], "italic"))
        position = match.end()
    parts.append(text[position:])
    return Content.assemble(*parts)


def parse(markdown: str) -> list[ProseBlock]:
    """Split `markdown` into paragraphs, headings and list items (lines of one paragraph are joined)."""
    blocks: list[ProseBlock] = []
    lines: list[str] = []
    item: ProseBlock | None = None

    def flush() -> None:
        nonlocal item
        if item is not None:
            blocks.append(item)
            item = None
        if lines:
            blocks.append(ProseBlock("paragraph", " ".join(lines)))
            lines.clear()

    for raw in markdown.splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        heading = _HEADING.match(line)
        bullet = _BULLET.match(raw)
        if heading:
            flush()
            blocks.append(ProseBlock("heading", heading["text"]))
        elif bullet:
            flush()
            marker = f"{bullet['number']}." if bullet["number"] else "•"
            item = ProseBlock("item", bullet["text"].strip(), marker)
        elif item is not None and raw.startswith((" ", "\t")):
            item = ProseBlock("item", f"{item.text} {line}", item.marker)
        else:
            if item is not None:
                flush()
            lines.append(line)
    flush()
    return blocks


class Prose(Widget):
    """A lesson's Markdown text as one widget that wraps its own lines.

    List items get a hanging indent; the wrapped lines are cached per width,
    so showing a section again costs no re-wrapping.
    """

    DEFAULT_CSS = """
    Prose { height: auto; margin: 0 0 1 0; }
    """

    def __init__(self, markdown: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.markdown = markdown
        self._blocks = parse(markdown)
        self._wrapped: dict[int, Content] = {}

    def lines(self, width: int) -> Content:
        """The whole text wrapped to `width` columns, as one Content with line breaks."""
        width = max(width, 8)
        cached = self._wrapped.get(width)
        if cached is not None:
            return cached
        lines: list[Content] = []
        for position, block in enumerate(self._blocks):
            following = self._blocks[position + 1] if position + 1 < len(self._blocks) else None
            if block.kind == "item":
                marker = f" {block.marker} "
                body = inline(block.text).wrap(width - len(marker))
                lines.append(Content.assemble((marker, "$accent"), body[0]))
                lines.extend(Content.assemble(" " * len(marker), line) for line in body[1:])
                if following is not None and following.kind != "item":
                    lines.append(Content(""))
            elif block.kind == "heading":
                lines.extend(line.stylize("bold $primary") for line in inline(block.text).wrap(width))
                lines.append(Content(""))
            else:
                lines.extend(inline(block.text).wrap(width))
                if following is not None:
                    lines.append(Content(""))
        wrapped = self._wrapped[width] = Content("\n").join(lines)
        return wrapped

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.lines(width).plain.split("\n"))

    def render(self) -> Content:
        return self.lines(self.content_region.width or self.size.width)

    @property
    def plain(self) -> str:
        """The text as the learner reads it, without styles (for search and tests)."""
        return "\n".join(inline(block.text).plain for block in self._blocks)
