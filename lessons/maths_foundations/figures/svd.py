"""Section 4's SVD explorable: a 32×32 picture beside its best rank-k approximation.

The picture is drawn by numpy (no image file); the readout gives the energy kept, the
typical pixel error and how many numbers the rank-k copy stores.
"""

from __future__ import annotations

import numpy as np

from tutor.core.linalg import energy, low_rank, rank
from tutor.lesson.plots import Shades


def picture():
    """A 32×32 greyscale picture (values in [0, 1]) drawn by numpy: a house, a sun, a hill."""
    size = 32
    y, x = np.mgrid[0:size, 0:size].astype(float)
    image = 0.55 + 0.35 * (size - y) / size                     # a sky, lighter at the top
    image[((x - 25) ** 2 + (y - 6) ** 2) <= 16] = 1.0          # the sun
    image[y >= 24 + 3 * np.sin(x / 5)] = 0.25                   # a dark hill
    walls = (x >= 6) & (x <= 17) & (y >= 15) & (y <= 26)
    image[walls] = 0.85
    roof = (y >= 8) & (y < 15) & (np.abs(x - 11.5) <= (y - 8) + 0.5)
    image[roof] = 0.1
    image[(x >= 10) & (x <= 13) & (y >= 20) & (y <= 26)] = 0.05  # a door
    image[(x >= 7) & (x <= 9) & (y >= 17) & (y <= 19)] = 0.35    # a window
    return np.clip(image, 0.0, 1.0)


def svd_shades(k: int = 4) -> Shades:
    """The picture beside its best rank-k approximation, the energy kept, and when k reaches the rank.

    A rank-k copy stores k columns of U, k rows of Vᵀ and k singular values: k·(32 + 32 + 1) numbers.
    """
    image = picture()
    full = rank(image)
    k = int(k)
    approximation = np.clip(low_rank(image, k), 0.0, 1.0)
    kept = energy(image, k)
    stored = k * (image.shape[0] + image.shape[1] + 1)
    error = float(np.sqrt(np.mean((image - low_rank(image, k)) ** 2)))
    storage = (
        f"numbers kept: k·(32 + 32 + 1) = {stored} of {image.size}"
        if stored < image.size
        else f"numbers kept: {stored}, more than the {image.size} pixels"
    )
    exact = (
        f"k ≥ {full}, the picture's rank: the copy is exact"
        if k >= full
        else f"the picture has rank {full}: from k = {full} on the copy is exact"
    )
    return Shades(
        pictures=((f"original (rank {full})", image), (f"rank {k}", approximation)),
        caption=(f"energy kept {kept:.2%}; typical pixel error {error:.3f}", storage, exact),
    )
