"""The REPL's services: what runs the learner's cells, with no user interface in it.

* :mod:`tutor.repl.session`: what the REPL keeps for the app's whole life (the kernel
  child, the history, which lesson's setup ran, the transcript).
* :mod:`tutor.repl.history`: the input history, walked with up and down.
* :mod:`tutor.repl.controller`: running cells in the session's kernel (the queue, the
  lesson's setup, a child lost between cells, restart), reporting to a view.
* :mod:`tutor.repl.jobs`: the controller's background jobs as plain asyncio tasks.

Nothing here imports Textual or Rich (an import-linter contract says so): the REPL pane
in :mod:`tutor.widgets` drives a controller and shows what it reports, and tests drive
one with no app at all.
"""
