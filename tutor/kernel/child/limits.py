"""Resource limits and process hygiene for the kernel child (Linux-first, best effort elsewhere).

* BLAS threads: 1 on machines with at most 2 cores, set in the environment before numpy
  loads (OpenBLAS, OpenMP and MKL read it when the library is loaded).
* Address space (RLIMIT_AS): what the child already maps after its imports, plus a share
  of MemAvailable (``fraction``, default 0.5) capped at ``cap_bytes`` (default 8 GiB), so
  a runaway allocation raises MemoryError in the child instead of swapping the machine.
* No core files, a lower scheduling priority, and death with the parent process.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import sys
from collections.abc import MutableMapping

from tutor.kernel.protocol import DEFAULT_MEMORY_CAP, DEFAULT_MEMORY_FRACTION

BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
_FALLBACK_AVAILABLE = 2 * 2**30
_PR_SET_PDEATHSIG = 1


def use_single_blas_thread_on_small_machines(environ: MutableMapping[str, str] = os.environ) -> None:
    """Pin BLAS to one thread on machines with at most 2 cores (call before importing numpy)."""
    if (os.cpu_count() or 1) <= 2:
        for variable in BLAS_THREAD_VARIABLES:
            environ[variable] = "1"


def _kib_field(path: str, field: str) -> int | None:
    """A ``Field:   123 kB`` value from a /proc file, in bytes."""
    try:
        with open(path, encoding="ascii") as lines:
            for line in lines:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def memory_available() -> int:
    return _kib_field("/proc/meminfo", "MemAvailable") or _FALLBACK_AVAILABLE


def address_space_in_use() -> int:
    return _kib_field("/proc/self/status", "VmSize") or 0


def apply_memory_limit(
    fraction: float | None = DEFAULT_MEMORY_FRACTION, cap_bytes: int | None = DEFAULT_MEMORY_CAP
) -> int | None:
    """Limit this process's address space; return the limit in bytes (``None``: no limit)."""
    if not fraction or fraction <= 0:
        return None
    extra = int(memory_available() * fraction)
    if cap_bytes is not None:
        extra = min(extra, cap_bytes)
    limit = address_space_in_use() + extra
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        return None
    return limit


def disable_core_dumps() -> None:
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def lower_priority(increment: int) -> None:
    if increment > 0:
        with contextlib.suppress(OSError):
            os.nice(increment)


def die_with_parent(parent_pid: int | None) -> None:
    """Ask Linux to SIGKILL this process when its parent exits; exit now if it already has."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(0)
