"""The `tutor` command line: `main` parses the arguments and runs one command.

`main` (in :mod:`.main`) opens the app or runs a command that needs no
screen; each group of commands lives in its own module here.
"""

from tutor.cli.main import USAGE_ERROR, build_parser, build_problems, main

__all__ = ["USAGE_ERROR", "build_parser", "build_problems", "main"]
