"""Python syntax highlighting that never delays a frame.

pygments costs about a tenth of a second to import and to build its Python
lexer; paid on the lesson screen's first frame, it made that frame twice a
bare app's. Listings therefore show their code plain, and a thread loads
pygments and highlights them a moment later. Once it is loaded, highlighting
is quick and happens at once.
"""

from __future__ import annotations

import threading

from textual.content import Content

_lock = threading.Lock()
_ready = threading.Event()


def ready() -> bool:
    """Whether pygments is loaded, so `python()` is cheap enough for the UI thread."""
    return _ready.is_set()


def python(code: str) -> Content:
    """`code` highlighted as Python (loads pygments the first time: call it from a thread)."""
    with _lock:
        from textual.highlight import highlight

        content = highlight(code, language="python")
    _ready.set()
    return content
