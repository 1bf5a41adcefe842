"""Entry point of the kernel child: ``python -m tutor.kernel.child '<json options>'``.

File descriptors. The client starts the child with three pipes (fd 0, 1, 2) in a new
process session. First thing, the child moves the protocol off the standard descriptors:
it duplicates fd 0 (requests) and fd 1 (replies) to private, non-inheritable descriptors,
then points fd 0 at /dev/null (``input()`` meets end of file) and fd 1 at fd 2. So
anything written straight to the stdout descriptor (C code, ``os.system``) lands in the
stderr pipe, which the client keeps only as a diagnostic tail, and can never corrupt the
protocol. Python-level ``sys.stdout``/``sys.stderr`` are capturing streams whose text
travels as ``stream`` messages.

Start-up order: SIGINT gate, descriptors, BLAS thread variables, numpy, namespace and
capture, then the limits (address space after the imports, priority, no core files,
death with the parent), then a ``ready`` message. scipy is not imported here.

Options (JSON object, all optional): ``width`` (numpy line width), ``memory_fraction``,
``memory_cap`` (bytes), ``nice`` (priority increment), ``parent_pid``.
"""

from __future__ import annotations

import contextlib
import faulthandler
import json
import os
import sys
from typing import Any

from tutor.kernel import protocol
from tutor.kernel.child import limits
from tutor.kernel.child.channel import ProtocolChannel
from tutor.kernel.child.interrupts import InterruptGate

DEFAULT_WIDTH = 80
DEFAULT_NICE = 5


def take_over_standard_fds() -> ProtocolChannel:
    """Move the protocol to private descriptors; fd 0 becomes /dev/null, fd 1 joins fd 2."""
    request_fd = os.dup(0)
    reply_fd = os.dup(1)
    null_fd = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null_fd, 0)
    os.close(null_fd)
    os.dup2(2, 1)
    sys.stdin = open(0, encoding="utf-8", closefd=False)
    return ProtocolChannel(request_fd, reply_fd)


def main(argv: list[str]) -> int:
    gate = InterruptGate()
    gate.install()  # before anything slow: a stray SIGINT while starting is ignored
    options: dict[str, Any] = json.loads(argv[1]) if len(argv) > 1 else {}
    sys.argv = [""]  # as in Python's REPL
    channel = take_over_standard_fds()
    faulthandler.enable(file=2)  # a crash dump lands in the stderr tail the client keeps
    limits.use_single_blas_thread_on_small_machines()

    from tutor.kernel.child.session import Session  # imports numpy

    session = Session(channel, gate, width=int(options.get("width", DEFAULT_WIDTH)))
    memory_limit = limits.apply_memory_limit(
        options.get("memory_fraction", limits.DEFAULT_MEMORY_FRACTION),
        options.get("memory_cap", limits.DEFAULT_MEMORY_CAP),
    )
    limits.disable_core_dumps()
    limits.lower_priority(int(options.get("nice", DEFAULT_NICE)))
    limits.die_with_parent(options.get("parent_pid"))
    channel.send({"type": protocol.READY, "pid": os.getpid(), "memory_limit": memory_limit})
    with contextlib.suppress(BrokenPipeError, EOFError):  # the client went away
        session.serve()
    return 0


if __name__ == "__main__":
    os._exit(main(sys.argv))  # no interpreter teardown: the shipper thread may be mid-read
