"""Plot colours taken from the app's theme, adjusted until they stand out from the canvas.

A plot description names colours by role ("primary", "accent", "muted", ...);
this module turns a role into an RGB triple plotext understands. Some themes
make a role nearly the colour of the background (textual-dark's secondary is
a deep blue on near-black), so each colour is lightened on a dark canvas, or
darkened on a light one, until it reads.
"""

from __future__ import annotations

from textual.color import Color

ROLES = ("primary", "secondary", "accent", "warning", "error", "success", "muted")
MIN_CONTRAST = 0.3
"""The smallest difference in perceived brightness between a series and the canvas."""


def canvas_colour(variables: dict[str, str]) -> Color:
    """The colour plots are drawn on: the theme's surface, or its background if that is clear."""
    for name in ("surface", "background"):
        colour = _parse(variables.get(name))
        if colour is not None and colour.a > 0:
            return colour.with_alpha(1.0)
    return Color(0, 0, 0)


def role_colour(variables: dict[str, str], role: str) -> tuple[int, int, int]:
    """The RGB colour for `role` in a theme given by its CSS variables."""
    canvas = canvas_colour(variables)
    if role == "muted":
        foreground = _parse(variables.get("foreground")) or Color(200, 200, 200)
        colour = canvas.blend(foreground.with_alpha(1.0), 0.6)
    else:
        colour = _parse(variables.get(role)) or _parse(variables.get("primary")) or Color(0, 130, 200)
        colour = canvas.blend(colour, colour.a) if colour.a < 1 else colour
    return readable(colour, canvas).rgb


def readable(colour: Color, canvas: Color) -> Color:
    """`colour`, lightened or darkened in small steps until it differs enough from `canvas`."""
    dark_canvas = canvas.brightness < 0.5
    for _ in range(10):
        if abs(colour.brightness - canvas.brightness) >= MIN_CONTRAST:
            break
        colour = colour.lighten(0.08) if dark_canvas else colour.darken(0.08)
    return colour


def palette(variables: dict[str, str]) -> dict[str, tuple[int, int, int]]:
    """Every role's colour for one theme."""
    return {role: role_colour(variables, role) for role in ROLES}


def _parse(value: str | None) -> Color | None:
    if not value:
        return None
    try:
        return Color.parse(value.split()[0] if value.startswith("ansi_") else value)
    except Exception:
        return None
