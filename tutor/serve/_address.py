"""Where `tutor serve` may listen: loopback freely, anything else only with --public."""

from __future__ import annotations

import getpass
import ipaddress


def is_loopback(host: str) -> bool:
    """Whether `host` is reachable from this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may well resolve to an outside address


def is_wildcard(host: str) -> bool:
    """Whether `host` means every address of this machine (0.0.0.0, ::)."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return host == ""


def refusal(host: str, public: bool) -> str | None:
    """Why `tutor serve` will not listen on `host`, or None when it may."""
    if public or is_loopback(host):
        return None
    return (
        f"tutor: refusing to listen on {host or 'every address'} without --public: other machines could "
        f"reach it, and anyone who has the address gets a shell as {getpass.getuser()!r} (the REPL runs "
        "any command). Serve on 127.0.0.1 (the default), or add --public if that is what you mean, "
        "behind TLS; for a class SSH is the recommended way.\n"
    )
