"""Every use of a library's internals, one module for each, each with a canary test.

Textual, textual-autocomplete and plotext are pinned, but their private names
can still change in a release we upgrade to on purpose. Each module here is the
only place the tutor touches that piece of a library's internals, and it checks at import
time (or in `tests/widgets/test_adapters.py`) that they are still there, so an
upgrade fails with a sentence saying what moved instead of a traceback deep
inside a frame.
"""
