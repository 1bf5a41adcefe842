"""The question generators behind the lesson's drills: a fresh question, with new numbers, each call.

`drills.py` names each `make_<name>` as a string, so this module (and numpy) is
imported only when a drill is first asked. Each generator is two steps:

- `_<name>_numbers(rng)` draws the raw numbers from a seeded
  `numpy.random.Generator`, chosen so that the question can be worked by hand
  (small integers, fractions that end, no ties, no answer that matches a
  tempting wrong one);
- `<name>_question(numbers)` builds the question from them, with no randomness,
  its explanation worked out with those very numbers.

The tests call the first step with a seed and recompute the answer with numpy.
Exact arithmetic is done with `Fraction`, so a key is never off by rounding.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from tutor.lesson import Choice, Numeric, Shape

MINUS = "−"
_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


# ---------------------------------------------------------------- writing numbers


def num(value: int | float | Fraction) -> str:
    """A number as the lesson writes it: 8, −3, 0.25, 7.5 (a Unicode minus, no trailing zeros).

    A fraction whose decimals end is written out in full; any other is written as p/q.
    """
    if isinstance(value, Fraction):
        if value.denominator == 1:
            text = str(value.numerator)
        else:
            text = _decimal(value) or f"{value.numerator}/{value.denominator}"
    elif isinstance(value, (int, np.integer)):
        text = str(int(value))
    else:
        value = float(value)
        text = str(int(value)) if value.is_integer() else f"{value:.10f}".rstrip("0").rstrip(".")
    if text in ("-0", "-0.0"):
        text = "0"
    return text.replace("-", MINUS)


def _decimal(value: Fraction) -> str | None:
    """`value` as an exact decimal, or None if its decimals never end (within 12 places)."""
    for places in range(1, 13):
        scaled = value * 10**places
        if scaled.denominator == 1:
            sign = "-" if scaled < 0 else ""
            digits = str(abs(scaled.numerator)).rjust(places + 1, "0")
            return f"{sign}{digits[:-places]}.{digits[-places:]}".rstrip("0").rstrip(".")
    return None


def par(value: int | float | Fraction) -> str:
    """`num(value)`, in brackets when negative: for products such as 2·(−1)."""
    text = num(value)
    return f"({text})" if text.startswith(MINUS) else text


def sum_text(values) -> str:
    """Terms added up as a learner writes them: 8 + 0 + 15, 8 − 3 + 15."""
    parts = []
    for index, value in enumerate(values):
        if index == 0:
            parts.append(num(value))
        elif value < 0:
            parts.append(f"− {num(-value)}")
        else:
            parts.append(f"+ {num(value)}")
    return " ".join(parts)


def vec(values) -> str:
    """A vector written (2, −1, 3)."""
    return "(" + ", ".join(num(value) for value in values) + ")"


def mat(rows) -> str:
    """A matrix written row by row, as NumPy takes it: [[1, 2], [3, 4]]."""
    return "[" + ", ".join("[" + ", ".join(num(value) for value in row) + "]" for row in rows) + "]"


def shape_text(shape) -> str:
    """A shape as NumPy prints it: (3, 4), (4,)."""
    shape = tuple(int(size) for size in shape)
    return f"({shape[0]},)" if len(shape) == 1 else "(" + ", ".join(str(size) for size in shape) + ")"


def sup(number: int) -> str:
    """An exponent as superscript digits: 400 → ⁴⁰⁰, −301 → ⁻³⁰¹."""
    return str(int(number)).translate(_SUPERSCRIPTS)


def thousands(number: int) -> str:
    """A whole number with thousands separators, as the lesson writes them: 5,010."""
    return f"{int(number):,}".replace("-", MINUS)


def _pick(rng: np.random.Generator, items):
    """One item of a sequence, chosen by `rng` (a plain Python object, not a numpy scalar)."""
    return items[int(rng.integers(len(items)))]


def _int(rng: np.random.Generator, low: int, high: int) -> int:
    """A whole number from low to high, both included."""
    return int(rng.integers(low, high + 1))


def _order(rng: np.random.Generator, count: int = 4) -> tuple[int, ...]:
    """Where each option goes: a permutation, so the right one is not always first."""
    return tuple(int(index) for index in rng.permutation(count))


def _arranged(right: str, wrong: list[str], order: tuple[int, ...]) -> tuple[tuple[str, ...], int]:
    """The options in `order` (option i is candidate order[i]; candidate 0 is the right one)."""
    candidates = [right, *wrong]
    options = tuple(candidates[index] for index in order)
    return options, order.index(0)


# ---------------------------------------------------------------- vectors


def _dot_product_numbers(rng: np.random.Generator) -> dict:
    size = _int(rng, 3, 4)
    while True:
        a = [int(value) for value in rng.integers(-5, 7, size)]
        b = [int(value) for value in rng.integers(-5, 7, size)]
        if any(a) and any(b) and sum(x * y for x, y in zip(a, b)) != 0:
            return {"a": a, "b": b}


def dot_product_question(numbers: dict) -> Numeric:
    a, b = numbers["a"], numbers["b"]
    products = [x * y for x, y in zip(a, b)]
    answer = sum(products)
    pairs = " + ".join(f"{par(x)}·{par(y)}" for x, y in zip(a, b))
    return Numeric(
        id="drill_dot_product",
        prompt=f"What is the dot product {vec(a)}·{vec(b)}?",
        answer=answer,
        tolerance=0,
        explanation=(
            f"Multiply entry by entry and add: {pairs} = {sum_text(products)} = {num(answer)}. "
            f"Stopping at the products {vec(products)} is the usual slip: that is a * b in NumPy, "
            "and the dot product goes on to add them into one number."
        ),
    )


def make_dot_product(rng: np.random.Generator) -> Numeric:
    return dot_product_question(_dot_product_numbers(rng))


_INTEGER_LENGTHS = ((3, 4), (4, 3), (6, 8), (8, 6), (5, 12), (12, 5), (8, 15), (15, 8))
"""Vectors (up to sign) whose length is a whole number, so a cosine is a plain fraction."""


def _cosine_numbers(rng: np.random.Generator) -> dict:
    while True:
        a = [sign * size for sign, size in zip(rng.choice((-1, 1), 2), _pick(rng, _INTEGER_LENGTHS))]
        b = [sign * size for sign, size in zip(rng.choice((-1, 1), 2), _pick(rng, _INTEGER_LENGTHS))]
        a, b = [int(v) for v in a], [int(v) for v in b]
        if a[0] * b[1] - a[1] * b[0] != 0:  # not on one line: the cosine is not ±1
            return {"a": a, "b": b}


def cosine_question(numbers: dict) -> Numeric:
    a, b = numbers["a"], numbers["b"]
    dot = a[0] * b[0] + a[1] * b[1]
    length_a, length_b = math.isqrt(a[0] ** 2 + a[1] ** 2), math.isqrt(b[0] ** 2 + b[1] ** 2)
    cosine = Fraction(dot, length_a * length_b)
    exact = _decimal(cosine)
    if exact is not None and len(exact.split(".")[-1]) <= 2:
        value = f"= {num(cosine)}"
    else:
        value = f"≈ {float(cosine):.2f}".replace("-", MINUS)
    fraction = f"{dot}/{length_a * length_b}".replace("-", MINUS)
    return Numeric(
        id="drill_cosine",
        prompt=f"What is the cosine similarity of a = {vec(a)} and b = {vec(b)}? Give it to two decimal places.",
        answer=float(cosine),
        tolerance=0.005,
        explanation=(
            f"a·b = {par(a[0])}·{par(b[0])} + {par(a[1])}·{par(b[1])} = {num(dot)}, "
            f"‖a‖ = √({par(a[0])}² + {par(a[1])}²) = {length_a} and "
            f"‖b‖ = √({par(b[0])}² + {par(b[1])}²) = {length_b}, "
            f"so cos θ = {num(dot)} / ({length_a} · {length_b}) = {fraction} {value}. "
            f"Stopping at a·b = {num(dot)} is the usual slip: dividing by the lengths is what puts "
            "every cosine similarity between −1 and 1."
        ),
    )


def make_cosine(rng: np.random.Generator) -> Numeric:
    return cosine_question(_cosine_numbers(rng))


# ---------------------------------------------------------------- matrices


def _chain_shape_numbers(rng: np.random.Generator) -> dict:
    m, k, n, p = (int(size) for size in rng.choice(np.arange(2, 10), 4, replace=False))
    return {"m": m, "k": k, "n": n, "p": p, "transpose": bool(rng.integers(2))}


def chain_shape_question(numbers: dict) -> Shape:
    m, k, n, p, transpose = (numbers[key] for key in ("m", "k", "n", "p", "transpose"))
    if transpose:
        prompt = (
            f"A is {shape_text((m, k))}, B is {shape_text((n, k))} and C is {shape_text((n, p))}. "
            "What is the shape of A @ B.T @ C?"
        )
        start = f"B.T turns {shape_text((n, k))} into {shape_text((k, n))}. "
    else:
        prompt = (
            f"A is {shape_text((m, k))}, B is {shape_text((k, n))} and C is {shape_text((n, p))}. "
            "What is the shape of A @ B @ C?"
        )
        start = ""
    return Shape(
        id="drill_chain_shape",
        prompt=prompt,
        answer=(m, p),
        explanation=(
            f"{start}Work left to right: {shape_text((m, k))} @ {shape_text((k, n))} → {shape_text((m, n))}, "
            f"then {shape_text((m, n))} @ {shape_text((n, p))} → {shape_text((m, p))}. Each product drops the "
            "inner sizes, which must agree, and keeps the outer ones, so only the first and the last size "
            f"survive. {shape_text((m, n))} is only the halfway result, A @ {'B.T' if transpose else 'B'}."
        ),
    )


def make_chain_shape(rng: np.random.Generator) -> Shape:
    return chain_shape_question(_chain_shape_numbers(rng))


def _matmul_entry_numbers(rng: np.random.Generator) -> dict:
    rows, columns = _int(rng, 2, 3), _int(rng, 2, 3)
    while True:
        A = rng.integers(-3, 6, (rows, 3))
        B = rng.integers(-3, 6, (3, columns))
        i, j = int(rng.integers(rows)), int(rng.integers(columns))
        if A[i].any() and B[:, j].any():
            return {"A": A.tolist(), "B": B.tolist(), "i": i, "j": j}


def matmul_entry_question(numbers: dict) -> Numeric:
    A, B, i, j = numbers["A"], numbers["B"], numbers["i"], numbers["j"]
    row = A[i]
    column = [B[t][j] for t in range(len(B))]
    products = [x * y for x, y in zip(row, column)]
    answer = sum(products)
    pairs = " + ".join(f"{par(x)}·{par(y)}" for x, y in zip(row, column))
    return Numeric(
        id="drill_matmul_entry",
        prompt=f"A = {mat(A)} and B = {mat(B)}. What is (A @ B)[{i}, {j}]? Rows and columns count from 0.",
        answer=answer,
        tolerance=0,
        explanation=(
            f"Entry [{i}, {j}] pairs row {i} of A, {vec(row)}, with column {j} of B, {vec(column)}: "
            f"{pairs} = {sum_text(products)} = {num(answer)}. It is always a row of the left factor "
            "with a column of the right one; pairing a column of A with a row of B is the usual slip."
        ),
    )


def make_matmul_entry(rng: np.random.Generator) -> Numeric:
    return matmul_entry_question(_matmul_entry_numbers(rng))


# ---------------------------------------------------------------- eigenvalues, determinant, PCA, SVD


def _pair(values) -> str:
    high, low = sorted(values, reverse=True)
    return f"{num(high)} and {num(low)}"


def _eigen_symmetric_numbers(rng: np.random.Generator) -> dict:
    while True:
        a = _int(rng, 1, 6)
        b = _pick(rng, (-5, -4, -3, -2, -1, 1, 2, 3, 4, 5))
        if abs(b) != a:
            return {"a": a, "b": b, "order": _order(rng)}


def eigen_symmetric_question(numbers: dict) -> Choice:
    a, b = numbers["a"], numbers["b"]
    plus, minus = a + b, a - b
    trace, det = 2 * a, a * a - b * b
    options, answer = _arranged(
        _pair((plus, minus)),
        [_pair((a, a)), _pair((trace, det)), _pair((b, -b))],
        numbers["order"],
    )
    return Choice(
        id="drill_eigen_symmetric",
        prompt=f"What are the eigenvalues of M = {mat([[a, b], [b, a]])}?",
        options=options,
        answer=answer,
        explanation=(
            f"M is [[a, b], [b, a]] with a = {num(a)} and b = {num(b)}. Try the directions (1, 1) and (1, −1): "
            f"M(1, 1) = ({num(a)} + {par(b)}, {num(b)} + {num(a)}) = {num(plus)}·(1, 1) and "
            f"M(1, −1) = ({num(a)} − {par(b)}, {num(b)} − {num(a)}) = {par(minus)}·(1, −1). "
            f"So the eigenvalues are a + b = {num(plus)} and a − b = {num(minus)}. Their sum, {num(trace)}, is the "
            f"trace and their product, {num(det)}, the determinant: those two are not eigenvalues themselves. "
            f"The diagonal entries, {num(a)} and {num(a)}, are the eigenvalues only when b = 0, and "
            f"{num(b)} and {num(-b)} leave the diagonal out."
        ),
    )


def make_eigen_symmetric(rng: np.random.Generator) -> Choice:
    return eigen_symmetric_question(_eigen_symmetric_numbers(rng))


def _det_area_numbers(rng: np.random.Generator) -> dict:
    nonzero = (-4, -3, -2, -1, 1, 2, 3, 4, 5)
    while True:
        a, b, c, d = (_pick(rng, nonzero) for _ in range(4))
        det = a * d - b * c
        if det != 0 and abs(det) != abs(a * d):
            return {"a": a, "b": b, "c": c, "d": d}


def det_area_question(numbers: dict) -> Numeric:
    a, b, c, d = (numbers[key] for key in "abcd")
    det = a * d - b * c
    ad, bc = a * d, b * c
    if det < 0:
        sign = (
            f"The minus sign says M flips the plane over, as a mirror does; an area factor is its size, "
            f"{num(abs(det))}."
        )
    else:
        sign = "The sign is positive, so M keeps the plane's orientation."
    return Numeric(
        id="drill_det_area",
        prompt=(
            f"M = {mat([[a, b], [c, d]])} maps the unit square to a parallelogram. "
            "By what factor does M multiply areas?"
        ),
        answer=abs(det),
        tolerance=0,
        explanation=(
            f"The factor is |det M| = |ad − bc| = |{par(a)}·{par(d)} − {par(b)}·{par(c)}| = "
            f"|{num(ad)} − {par(bc)}| = |{num(det)}| = {num(abs(det))}. {sign} The diagonal's product "
            f"alone, {num(ad)}, forgets the bc term."
        ),
    )


def make_det_area(rng: np.random.Generator) -> Numeric:
    return det_area_question(_det_area_numbers(rng))


_SINGULAR_VALUES = (
    (2, 1), (3, 1), (4, 2), (4, 2, 2, 1), (4, 3), (5, 4, 3), (6, 3, 2, 1),
    (7, 1), (7, 5, 5, 1), (8, 4, 4, 2), (8, 6), (9, 3, 3, 1),
)
"""Singular values whose squares add up to 5, 10, 20, 25, 50 or 100: every share is a whole percentage."""


def _pca_share_numbers(rng: np.random.Generator) -> dict:
    if rng.integers(2):
        return {"kind": "singular", "values": list(_pick(rng, _SINGULAR_VALUES))}
    total = _pick(rng, (10, 20, 25, 50))
    count = _int(rng, 3, 4)
    while True:
        cuts = sorted(int(cut) for cut in rng.choice(np.arange(1, total), count - 1, replace=False))
        parts = sorted(high - low for low, high in zip([0, *cuts], [*cuts, total]))
        if parts[-1] > parts[-2]:
            return {"kind": "eigen", "values": parts}


def pca_share_question(numbers: dict) -> Numeric:
    values = numbers["values"]
    if numbers["kind"] == "singular":
        squares = [value * value for value in values]
        share = Fraction(100 * squares[0], sum(squares))
        plain = Fraction(100 * values[0], sum(values))
        listed = ", ".join(num(value) for value in values)
        return Numeric(
            id="drill_pca_share",
            prompt=(
                f"The centred data X_c has singular values {listed}. What percentage of the variance lies "
                "along the first principal component (such as 64)?"
            ),
            answer=float(share),
            tolerance=0,
            explanation=(
                f"The variance along each principal axis is σ²/(n − 1), so the shares go by the squares: "
                f"{', '.join(num(s) for s in squares)}, which add up to {sum(squares)}. The first carries "
                f"{squares[0]}/{sum(squares)} = {num(share)}%. Sharing out σ itself, "
                f"{values[0]}/{sum(values)} ≈ {float(plain):.0f}%, is the usual slip: each singular value is "
                "the square root of n − 1 times a variance."
            ),
        )
    total = sum(values)
    share = Fraction(100 * values[-1], total)
    listed = ", ".join(num(value) for value in values)
    return Numeric(
        id="drill_pca_share",
        prompt=(
            f"A covariance matrix's eigenvalues, from np.linalg.eigh: [{listed}]. What percentage of "
            "the variance lies along the first principal component (such as 60)?"
        ),
        answer=float(share),
        tolerance=0,
        explanation=(
            f"Each eigenvalue is the variance along its axis, and eigh lists them in ascending order, so the "
            f"largest, {values[-1]}, comes last. Its share is {values[-1]}/({' + '.join(str(v) for v in values)}) "
            f"= {values[-1]}/{total} = {num(share)}%. Taking the first one listed, {values[0]}/{total} = "
            f"{num(Fraction(100 * values[0], total))}%, is the usual slip: that is the last principal component."
        ),
    )


def make_pca_share(rng: np.random.Generator) -> Numeric:
    return pca_share_question(_pca_share_numbers(rng))


_PICTURE_SIDES = (20, 32, 50, 64, 80, 100, 120, 200, 256, 300, 400, 500, 640, 1000)


def _rank_k_storage_numbers(rng: np.random.Generator) -> dict:
    while True:
        m, n = _pick(rng, _PICTURE_SIDES), _pick(rng, _PICTURE_SIDES)
        k = _pick(rng, (2, 3, 4, 5, 8, 10, 20))
        if k * (m + n + 1) < m * n // 2:
            return {"m": m, "n": n, "k": k}


def rank_k_storage_question(numbers: dict) -> Numeric:
    m, n, k = numbers["m"], numbers["n"], numbers["k"]
    answer = k * (m + n + 1)
    return Numeric(
        id="drill_rank_k_storage",
        prompt=(
            f"A {m} × {n} picture is stored as its rank-{k} SVD approximation: {k} columns of U, {k} singular "
            f"values and {k} rows of Vᵀ. How many numbers is that?"
        ),
        answer=answer,
        tolerance=0,
        explanation=(
            f"Each of the {k} layers σ u vᵀ is kept as a column of U ({m} numbers), a row of Vᵀ ({n}) and one "
            f"singular value: k(m + n + 1) = {k} · ({m} + {n} + 1) = {thousands(answer)}, against "
            f"{thousands(m * n)} pixels. Counting a full {m} × {n} grid for every layer, {thousands(k * m * n)}, "
            "is the usual slip: storing the two vectors and the number is the whole saving."
        ),
    )


def make_rank_k_storage(rng: np.random.Generator) -> Numeric:
    return rank_k_storage_question(_rank_k_storage_numbers(rng))


# ---------------------------------------------------------------- derivatives


def _power(power: int) -> str:
    return {0: "", 1: "x", 2: "x²", 3: "x³"}[power]


def poly_text(coefficients) -> str:
    """A polynomial from its coefficients, highest power first: [2, −1, 4, −3] → 2x³ − x² + 4x − 3."""
    top = len(coefficients) - 1
    parts = []
    for index, coefficient in enumerate(coefficients):
        power = top - index
        if coefficient == 0:
            continue
        size = abs(coefficient)
        body = f"{'' if size == 1 and power else num(size)}{_power(power)}"
        if not parts:
            parts.append(f"{MINUS if coefficient < 0 else ''}{body}")
        else:
            parts.append(f"{'−' if coefficient < 0 else '+'} {body}")
    return " ".join(parts) if parts else "0"


def _poly_slope_numbers(rng: np.random.Generator) -> dict:
    while True:
        a = _pick(rng, (-2, -1, 1, 2))
        b, c, d = _int(rng, -3, 3), _int(rng, -5, 5), _int(rng, -5, 5)
        x0 = _pick(rng, (-2, -1, 1, 2, 3))
        value = a * x0**3 + b * x0**2 + c * x0 + d
        slope = 3 * a * x0**2 + 2 * b * x0 + c
        if value != slope:
            return {"coefficients": [a, b, c, d], "x0": x0}


def poly_slope_question(numbers: dict) -> Numeric:
    a, b, c, d = numbers["coefficients"]
    x0 = numbers["x0"]
    slope_terms = [(3 * a, 2), (2 * b, 1), (c, 0)]
    shown, values = [], []
    for coefficient, power in slope_terms:
        if coefficient == 0:
            continue
        size = abs(coefficient)
        if power == 0:
            body = num(size)
        else:
            point = par(x0) + ("²" if power == 2 else "")
            body = point if size == 1 else f"{size}·{point}"
        if not shown:
            shown.append(f"{MINUS}{body}" if coefficient < 0 else body)
        else:
            shown.append(f"{MINUS if coefficient < 0 else '+'} {body}")
        values.append(coefficient * x0**power)
    slope = sum(values)
    height = a * x0**3 + b * x0**2 + c * x0 + d
    derivative = poly_text([3 * a, 2 * b, c])
    return Numeric(
        id="drill_poly_slope",
        prompt=f"f(x) = {poly_text([a, b, c, d])}. What is the slope f′({num(x0)})?",
        answer=slope,
        tolerance=0,
        explanation=(
            f"Differentiate term by term (xⁿ becomes n·xⁿ⁻¹, a constant drops out): f′(x) = {derivative}, "
            f"so f′({num(x0)}) = {' '.join(shown)} = {sum_text(values)} = {num(slope)}. The height "
            f"f({num(x0)}) = {num(height)} is the usual slip: the slope is the derivative's value, "
            "not the function's."
        ),
    )


def make_poly_slope(rng: np.random.Generator) -> Numeric:
    return poly_slope_question(_poly_slope_numbers(rng))


def _central_difference_numbers(rng: np.random.Generator) -> dict:
    return {
        "a": _pick(rng, (1, 2)),
        "x0": _pick(rng, (-2, -1, 1, 2, 3)),
        "h": _pick(rng, ("0.1", "0.2", "0.5")),
    }


def central_difference_question(numbers: dict) -> Numeric:
    a, x0, h = numbers["a"], numbers["x0"], Fraction(numbers["h"])
    right, left = a * (x0 + h) ** 3, a * (x0 - h) ** 3
    estimate = (right - left) / (2 * h)
    f = "x³" if a == 1 else f"{a}x³"
    error = "h²" if a == 1 else f"{a}·h²"
    return Numeric(
        id="drill_central_difference",
        prompt=(
            f"f(x) = {f}. Estimate f′({num(x0)}) by the central difference (f(x + h) − f(x − h)) / 2h "
            f"with h = {num(h)}. Give it to two decimal places."
        ),
        answer=float(estimate),
        tolerance=0.005,
        explanation=(
            f"f({num(x0 + h)}) = {num(right)} and f({num(x0 - h)}) = {num(left)}, so "
            f"({num(right)} − {par(left)}) / {num(2 * h)} = {num(right - left)} / {num(2 * h)} = {num(estimate)}. "
            f"The true slope is f′({num(x0)}) = {3 * a}·{par(x0)}² = {num(3 * a * x0 * x0)}: "
            "for a cubic the central "
            f"difference is off by exactly {error} = {num(a * h * h)}. Dividing by h instead "
            f"of 2h is the usual slip: it gives {num(2 * estimate)}, twice the slope."
        ),
    )


def make_central_difference(rng: np.random.Generator) -> Numeric:
    return central_difference_question(_central_difference_numbers(rng))


def _shifted(name: str, offset: int) -> str:
    """(w₁ − 3) for a minimum at 3, (w₁ + 2) for one at −2."""
    return f"({name} − {offset})" if offset > 0 else f"({name} + {-offset})"


def _at(value: int, offset: int) -> str:
    """The bracket of `_shifted` at a point: (1 − 3), (−1 + 2)."""
    return f"({num(value)} − {offset})" if offset > 0 else f"({num(value)} + {-offset})"


def _quadratic_gradient_numbers(rng: np.random.Generator) -> dict:
    a, b = (int(value) for value in rng.choice((1, 2, 3), 2, replace=False))
    nonzero = (-3, -2, -1, 1, 2, 3)
    while True:
        p, q = _pick(rng, nonzero), _pick(rng, nonzero)
        u, v = _int(rng, -2, 3), _int(rng, -2, 3)
        if u != p and v != q:
            return {"a": a, "b": b, "p": p, "q": q, "u": u, "v": v, "order": _order(rng)}


def quadratic_gradient_question(numbers: dict) -> Choice:
    a, b, p, q, u, v = (numbers[key] for key in ("a", "b", "p", "q", "u", "v"))
    g1, g2 = 2 * a * (u - p), 2 * b * (v - q)
    first = f"{'' if a == 1 else a}{_shifted('w₁', p)}²"
    second = f"{'' if b == 1 else b}{_shifted('w₂', q)}²"
    options, answer = _arranged(
        vec((g1, g2)),
        [vec((a * (u - p), b * (v - q))), vec((-g1, -g2)), vec((2 * b * (u - p), 2 * a * (v - q)))],
        numbers["order"],
    )
    return Choice(
        id="drill_quadratic_gradient",
        prompt=f"L(w) = {first} + {second}. What is the gradient ∇L at w = {vec((u, v))}?",
        options=options,
        answer=answer,
        explanation=(
            f"Each term holds one weight, so ∂L/∂w₁ = {2 * a}{_shifted('w₁', p)} = {2 * a}·{_at(u, p)} "
            f"= {num(g1)} and ∂L/∂w₂ = {2 * b}{_shifted('w₂', q)} = {2 * b}·{_at(v, q)} = {num(g2)}: "
            f"∇L = {vec((g1, g2))}. The 2 comes down from the square; leaving it out halves both entries. "
            f"{vec((-g1, -g2))} is −∇L, the "
            "downhill direction a descent step takes, not the gradient itself."
        ),
    )


def make_quadratic_gradient(rng: np.random.Generator) -> Choice:
    return quadratic_gradient_question(_quadratic_gradient_numbers(rng))


def _neuron_gradient_numbers(rng: np.random.Generator) -> dict:
    return {
        "p": _pick(rng, ("0.2", "0.4", "0.5", "0.6", "0.8")),
        "y": _int(rng, 0, 1),
        "x": _pick(rng, (-3, -2, -1, 1, 2, 3, 4)),
    }


def neuron_gradient_question(numbers: dict) -> Numeric:
    p, y, x = Fraction(numbers["p"]), numbers["y"], numbers["x"]
    dL_dp = 2 * (p - y)
    dp_dz = p * (1 - p)
    answer = dL_dp * dp_dz * x
    return Numeric(
        id="drill_neuron_gradient",
        prompt=(
            f"L = (p − y)², p = σ(z), z = w·x + b. For one example p = {num(p)}, y = {y} and x₁ = {num(x)}. "
            "What is ∂L/∂w₁? Give it to three decimal places."
        ),
        answer=float(answer),
        tolerance=0.0005,
        explanation=(
            f"Chain the local slopes: dL/dp = 2(p − y) = 2·({num(p)} − {y}) = {num(dL_dp)}, "
            f"dp/dz = p(1 − p) = {num(p)}·{num(1 - p)} = {num(dp_dz)} and ∂z/∂w₁ = x₁ = {num(x)}, so "
            f"∂L/∂w₁ = {num(dL_dp)} · {num(dp_dz)} · {par(x)} = {num(answer)}. "
            "Skipping the sigmoid's own slope "
            f"p(1 − p) is the usual slip: it gives {num(dL_dp * x)}."
        ),
    )


def make_neuron_gradient(rng: np.random.Generator) -> Numeric:
    return neuron_gradient_question(_neuron_gradient_numbers(rng))


# ---------------------------------------------------------------- distributions

_WITHIN = {1: "68%", 2: "95%", 3: "99.7%"}
"""The 68–95–99.7 rule: the share of a Normal within 1, 2 and 3 standard deviations of its mean."""
_ONE_SIDE = {1: "34%", 2: "47.5%", 3: "49.85%"}
"""Half of each: the share between the mean and one end of the interval."""


def _normal_within_numbers(rng: np.random.Generator) -> dict:
    mu, sigma = _pick(rng, ((0, 1), (10, 2), (50, 4), (100, 15), (170, 10), (20, 5), (60, 3), (500, 100)))
    return {"mu": mu, "sigma": sigma, "k": _int(rng, 1, 3), "order": _order(rng)}


def normal_within_question(numbers: dict) -> Choice:
    mu, sigma, k = numbers["mu"], numbers["sigma"], numbers["k"]
    low, high = mu - k * sigma, mu + k * sigma
    times = "" if k == 1 else str(k)
    others = [f"About {_WITHIN[other]}" for other in (1, 2, 3) if other != k]
    options, answer = _arranged(f"About {_WITHIN[k]}", [*others, f"About {_ONE_SIDE[k]}"], numbers["order"])
    exact = 100 * math.erf(k / math.sqrt(2))
    return Choice(
        id="drill_normal_within",
        prompt=(
            f"X follows N({num(mu)}, {num(sigma)}): mean {num(mu)}, standard deviation σ = {num(sigma)}. "
            f"About what share of its draws falls between {num(low)} and {num(high)}?"
        ),
        options=options,
        answer=answer,
        explanation=(
            f"{num(low)} and {num(high)} are {num(mu)} − {num(k * sigma)} and {num(mu)} + {num(k * sigma)}, and "
            f"{num(k * sigma)} = {times}σ, so this is P(|X − μ| < {times}σ), about {_WITHIN[k]} "
            f"(to two places, erf({k}/√2) = {exact:.2f}%). About {_ONE_SIDE[k]} is the share on one "
            "side of the mean only; the interval reaches both ways."
        ),
    )


def make_normal_within(rng: np.random.Generator) -> Choice:
    return normal_within_question(_normal_within_numbers(rng))


def _moments(mean, variance) -> str:
    return f"mean {num(mean)}, variance {num(variance)}"


def _binomial_moments_numbers(rng: np.random.Generator) -> dict:
    return {
        "n": _pick(rng, (10, 20, 40, 50, 100, 200)),
        "p": _pick(rng, ("0.1", "0.2", "0.25", "0.3", "0.4", "0.6", "0.7", "0.75", "0.8", "0.9")),
        "order": _order(rng),
    }


def binomial_moments_question(numbers: dict) -> Choice:
    n, p = numbers["n"], Fraction(numbers["p"])
    mean, variance = n * p, n * p * (1 - p)
    options, answer = _arranged(
        _moments(mean, variance),
        [_moments(variance, mean), _moments(n * (1 - p), variance), _moments(mean, mean)],
        numbers["order"],
    )
    return Choice(
        id="drill_binomial_moments",
        prompt=(
            f"X counts the successes in {n} independent trials, each a success with p = {num(p)}: "
            f"Binomial({n}, {num(p)}). What are its mean and variance?"
        ),
        options=options,
        answer=answer,
        explanation=(
            f"mean = np = {n} × {num(p)} = {num(mean)} and variance = np(1 − p) = {n} × {num(p)} × {num(1 - p)} "
            f"= {num(variance)}. Swapping the two formulas, or using 1 − p = {num(1 - p)} for the mean, are the "
            "usual slips, and a variance equal to the mean forgets the factor (1 − p)."
        ),
    )


def make_binomial_moments(rng: np.random.Generator) -> Choice:
    return binomial_moments_question(_binomial_moments_numbers(rng))


def _glorot_limit_numbers(rng: np.random.Generator) -> dict:
    m = _pick(rng, (2, 3, 4, 5, 6, 8, 10, 12, 20))
    total = 6 * m * m
    shares = [share for share in (2, 3, 4, 6) if total % share == 0]
    fan_out = total // _pick(rng, shares)
    return {"fan_in": total - fan_out, "fan_out": fan_out}


def glorot_limit_question(numbers: dict) -> Numeric:
    fan_in, fan_out = numbers["fan_in"], numbers["fan_out"]
    total = fan_in + fan_out
    inside = Fraction(6, total)
    limit = Fraction(math.isqrt(inside.numerator), math.isqrt(inside.denominator))
    exact = _decimal(limit)
    value = f"= {exact}" if exact is not None and len(exact.split(".")[-1]) <= 3 else f"≈ {float(limit):.3f}"
    return Numeric(
        id="drill_glorot_limit",
        prompt=(
            f"A layer with fan_in = {fan_in} and fan_out = {fan_out} draws its weights from U(−ℓ, ℓ), with "
            "Glorot's ℓ = √(6 / (fan_in + fan_out)). What is ℓ, to three decimal places?"
        ),
        answer=float(limit),
        tolerance=0.0005,
        explanation=(
            f"fan_in + fan_out = {fan_in} + {fan_out} = {total}, and "
            f"6/{total} = {inside.numerator}/{inside.denominator}, "
            f"so ℓ = √({inside.numerator}/{inside.denominator}) = {limit.numerator}/{limit.denominator} {value}. "
            f"Forgetting the square root is the usual slip: it leaves 6/{total} ≈ {float(inside):.4f}."
        ),
    )


def make_glorot_limit(rng: np.random.Generator) -> Numeric:
    return glorot_limit_question(_glorot_limit_numbers(rng))


# ---------------------------------------------------------------- regression


def _r_squared_numbers(rng: np.random.Generator) -> dict:
    sst = _pick(rng, (20, 40, 60, 80, 100, 200, 400))
    if rng.random() < 0.2:
        twentieths = _int(rng, 21, 30)  # SSE above SST: worse than the mean
    else:
        twentieths = _pick(rng, [t for t in range(1, 20) if t != 10])
    return {"sse": sst * twentieths // 20, "sst": sst}


def r_squared_question(numbers: dict) -> Numeric:
    sse, sst = numbers["sse"], numbers["sst"]
    ratio = Fraction(sse, sst)
    r2 = 1 - ratio
    if r2 < 0:
        reading = (
            "It is negative because SSE > SST: the model does worse than predicting the mean for every point."
        )
    else:
        reading = f"The model accounts for {num(100 * r2)}% of the variation around the mean."
    return Numeric(
        id="drill_r_squared",
        prompt=(
            f"A fit leaves SSE = {sse}, and the targets vary by SST = {sst} around their mean. "
            "What is R²? Give it to two decimal places."
        ),
        answer=float(r2),
        tolerance=0.005,
        explanation=(
            f"R² = 1 − SSE/SST = 1 − {sse}/{sst} = 1 − {num(ratio)} = {num(r2)}. {reading} "
            f"SSE/SST itself, {num(ratio)}, is the share left unexplained, the usual slip."
        ),
    )


def make_r_squared(rng: np.random.Generator) -> Numeric:
    return r_squared_question(_r_squared_numbers(rng))


def _line_fit_numbers(rng: np.random.Generator) -> dict:
    x0, step = _pick(rng, (-1, 0, 1, 2)), _pick(rng, (1, 2))
    slope = _pick(rng, (-3, -2, -1, 1, 2, 3))
    intercept = _int(rng, -3, 5)
    bend = _pick(rng, (-2, -1, 1, 2))  # off the line by bend·(1, −2, 1): no change to the fit
    xs = [x0, x0 + step, x0 + 2 * step]
    ys = [intercept + slope * x + bend * e for x, e in zip(xs, (1, -2, 1))]
    return {"xs": xs, "ys": ys}


def line_fit_question(numbers: dict) -> Numeric:
    xs, ys = numbers["xs"], numbers["ys"]
    sx, sy = sum(xs), sum(ys)
    sxx, sxy = sum(x * x for x in xs), sum(x * y for x, y in zip(xs, ys))
    det = 3 * sxx - sx * sx
    slope = Fraction(3 * sxy - sx * sy, det)
    intercept = Fraction(sy - slope * sx, 3)
    two_point = Fraction(ys[1] - ys[0], xs[1] - xs[0])
    points = ", ".join(vec(point) for point in zip(xs, ys))
    X = [[1, x] for x in xs]
    return Numeric(
        id="drill_line_fit",
        prompt=(
            f"Fit y = w₀ + w₁x by least squares to the points {points}, solving XᵀX w = Xᵀy. "
            "What is the slope w₁?"
        ),
        answer=float(slope),
        tolerance=0,
        explanation=(
            f"With X = {mat(X)}: XᵀX = {mat([[3, sx], [sx, sxx]])} and Xᵀy = {vec((sy, sxy))}. Solving the "
            f"2 × 2 system, w₁ = (3·{par(sxy)} − {par(sx)}·{par(sy)}) / (3·{sxx} − {par(sx)}²) = "
            f"{num(3 * sxy - sx * sy)}/{det} = {num(slope)} and w₀ = ({num(sy)} − {par(slope)}·{par(sx)})/3 = "
            f"{num(intercept)}: the line y = {poly_text([slope, intercept])}. The line through "
            f"the first two points alone has slope {num(two_point)} and misses the third; "
            "least squares weighs all three."
        ),
    )


def make_line_fit(rng: np.random.Generator) -> Numeric:
    return line_fit_question(_line_fit_numbers(rng))


# ---------------------------------------------------------------- pitfalls

_FACTORS = ("0.5", "0.1", "0.2", "0.01", "0.9")
_COUNTS = (100, 200, 300, 400, 500, 1000, 2000, 5000)
SMALLEST_DOUBLE_LOG10 = math.log10(5e-324)
"""log₁₀ of the smallest positive double (a subnormal, about 4.9·10⁻³²⁴)."""


def _power_of_ten(factor: str, count: int) -> float:
    return count * math.log10(float(factor))


def _products(zero: bool) -> list[tuple[str, int]]:
    """The products p^n of the pool that clearly underflow (or clearly do not): none near the edge."""
    found = []
    for factor in _FACTORS:
        for count in _COUNTS:
            power = _power_of_ten(factor, count)
            if power < -20 and (power < -330 if zero else power > -305):
                found.append((factor, count))
    return found


_UNDERFLOWS = tuple(_products(zero=True))
_SURVIVES = tuple(_products(zero=False))


def _underflow_numbers(rng: np.random.Generator) -> dict:
    outcome = _int(rng, 0, 3)
    pools = {
        0: (_UNDERFLOWS, _SURVIVES),  # only the first underflows
        1: (_SURVIVES, _UNDERFLOWS),  # only the second
        2: (_UNDERFLOWS, _UNDERFLOWS),  # both
        3: (_SURVIVES, _SURVIVES),  # neither
    }
    first_pool, second_pool = pools[outcome]
    while True:
        first, second = _pick(rng, first_pool), _pick(rng, second_pool)
        if first[0] != second[0]:
            return {"first": first, "second": second, "order": _order(rng)}


def _product_text(product: tuple[str, int]) -> str:
    factor, count = product
    return f"{factor}{sup(count)}"


def _in_powers_of_ten(product: tuple[str, int]) -> str:
    factor, count = product
    power = _power_of_ten(factor, count)
    exact = abs(power - round(power)) < 1e-9
    return f"{_product_text(product)} {'=' if exact else '≈'} 10{sup(round(power))}"


def underflow_question(numbers: dict) -> Choice:
    first, second = tuple(numbers["first"]), tuple(numbers["second"])
    zero = [_power_of_ten(*product) < SMALLEST_DOUBLE_LOG10 for product in (first, second)]
    a, b = _product_text(first), _product_text(second)
    candidates = {
        (True, False): f"Only {a}",
        (False, True): f"Only {b}",
        (True, True): "Both of them",
        (False, False): "Neither of them",
    }
    right = candidates[tuple(zero)]
    options, answer = _arranged(right, [text for text in candidates.values() if text != right], numbers["order"])
    verdicts = {
        (True, False): f"so {a} underflows to 0.0 and {b} survives",
        (False, True): f"so {b} underflows to 0.0 and {a} survives",
        (True, True): "so both underflow to 0.0",
        (False, False): "so neither underflows: both are tiny, but a double can still hold them",
    }
    logs = " and ".join(
        f"{count} · ln {factor} ≈ {num(round(count * math.log(float(factor)), 1))}"
        for factor, count in (first, second)
    )
    return Choice(
        id="drill_underflow",
        prompt=(
            f"In float64, which of these products comes out as exactly 0.0: {a} ({thousands(first[1])} factors of "
            f"{first[0]}) or {b} ({thousands(second[1])} factors of {second[0]})?"
        ),
        options=options,
        answer=answer,
        explanation=(
            f"Count the powers of ten: {_in_powers_of_ten(first)} and {_in_powers_of_ten(second)}. The smallest "
            f"positive double is about 4.9·10⁻³²⁴, {verdicts[tuple(zero)]}. "
            "In log space neither is a problem: "
            f"{logs}, two ordinary numbers."
        ),
    )


def make_underflow(rng: np.random.Generator) -> Choice:
    return underflow_question(_underflow_numbers(rng))


_BROADCAST_CASES = (
    "flat_minus_column", "column_minus_row", "matrix_minus_flat", "column_minus_flat", "matrix_minus_column",
)


def _broadcast_shape_numbers(rng: np.random.Generator) -> dict:
    m, n = (int(size) for size in rng.choice(np.arange(2, 8), 2, replace=False))
    return {"case": _pick(rng, _BROADCAST_CASES), "m": m, "n": n}


def broadcast_shapes(numbers: dict) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The shapes of a and b in the broadcasting question."""
    m, n = numbers["m"], numbers["n"]
    return {
        "flat_minus_column": ((n,), (n, 1)),
        "column_minus_row": ((m, 1), (1, n)),
        "matrix_minus_flat": ((m, n), (n,)),
        "column_minus_flat": ((m, 1), (n,)),
        "matrix_minus_column": ((m, n), (m, 1)),
    }[numbers["case"]]


def broadcast_shape_question(numbers: dict) -> Shape:
    m, n, case = numbers["m"], numbers["n"], numbers["case"]
    a, b = broadcast_shapes(numbers)
    padded_a = (1,) * (2 - len(a)) + a
    padded_b = (1,) * (2 - len(b)) + b
    result = tuple(max(x, y) for x, y in zip(padded_a, padded_b))
    notes = {
        "flat_minus_column": (
            f"{shape_text((n,))} is the usual slip, expecting one difference per entry; with targets "
            "as (n,) and predictions as (n, 1) this is the silently wrong loss of pitfall 2. Ravel b first."
        ),
        "column_minus_row": (
            "Here that is usually intended: every entry of the column meets every entry of the row, "
            "a table of all the differences."
        ),
        "matrix_minus_flat": (
            f"b is taken from every row of a, the way a mean is taken off each column of a data set: "
            f"each row loses the same {n} numbers."
        ),
        "column_minus_flat": (
            f"No error is raised, although the sizes {m} and {n} differ: {shape_text((m,))}, or an error, "
            "is what many expect."
        ),
        "matrix_minus_column": "Each row of a loses its own entry of b.",
    }
    steps = []
    if len(a) == 1:
        steps.append(f"a's {shape_text(a)} is treated as {shape_text(padded_a)}")
    if len(b) == 1:
        steps.append(f"b's {shape_text(b)} is treated as {shape_text(padded_b)}")
    padding = f" ({'; '.join(steps)})" if steps else ""
    return Shape(
        id="drill_broadcast_shape",
        prompt=f"a has shape {shape_text(a)} and b has shape {shape_text(b)}. What is the shape of a - b?",
        answer=result,
        explanation=(
            f"NumPy lines the shapes up from the right and pads the shorter with 1s in front{padding}. Axis by "
            f"axis, a size of 1 stretches to match the other: {shape_text(padded_a)} with {shape_text(padded_b)} "
            f"gives {shape_text(result)}. {notes[case]}"
        ),
    )


def make_broadcast_shape(rng: np.random.Generator) -> Shape:
    return broadcast_shape_question(_broadcast_shape_numbers(rng))


# ---------------------------------------------------------------- what to try next

LR_REGIMES = {
    "steady": "w shrinks steadily towards 0, never changing sign",
    "zigzag": "w flips sign every step and shrinks towards 0",
    "oscillate": "w jumps between 1 and −1 for ever",
    "diverge": "w flips sign every step and grows without bound",
}
"""What gradient descent on a·w² does, by the factor 1 − 2aη each step multiplies w by."""

_CURVATURES = (1, 2, 4, 5, 10)
_RATES = ("0.01", "0.02", "0.05", "0.1", "0.15", "0.2", "0.25", "0.3", "0.4", "0.5", "0.6", "0.75", "1", "1.5")


def lr_regime(factor: Fraction) -> str:
    """The behaviour that the per-step factor 1 − 2aη gives (0 is excluded: one step lands on 0)."""
    if factor < -1:
        return "diverge"
    if factor == -1:
        return "oscillate"
    return "zigzag" if factor < 0 else "steady"


def _lr_table() -> dict[str, tuple[tuple[int, str], ...]]:
    table: dict[str, list[tuple[int, str]]] = {regime: [] for regime in LR_REGIMES}
    for a in _CURVATURES:
        for rate in _RATES:
            factor = 1 - 2 * a * Fraction(rate)
            if factor != 0:
                table[lr_regime(factor)].append((a, rate))
    return {regime: tuple(pairs) for regime, pairs in table.items()}


_LR_TABLE = _lr_table()


def _lr_regime_numbers(rng: np.random.Generator) -> dict:
    regime = _pick(rng, tuple(LR_REGIMES))
    a, rate = _pick(rng, _LR_TABLE[regime])
    return {"a": a, "lr": rate, "order": _order(rng)}


def lr_regime_question(numbers: dict) -> Choice:
    a, lr = numbers["a"], Fraction(numbers["lr"])
    factor = 1 - 2 * a * lr
    regime = lr_regime(factor)
    right = LR_REGIMES[regime]
    options, answer = _arranged(right, [text for text in LR_REGIMES.values() if text != right], numbers["order"])
    meaning = {
        "steady": "A factor between 0 and 1 keeps w's sign and shrinks it towards 0",
        "zigzag": "A factor between −1 and 0 flips w's sign and shrinks it, so w zigzags in to 0",
        "oscillate": "A factor of exactly −1 sends w to 1, −1, 1, … and the loss never falls",
        "diverge": "A factor below −1 overshoots further with every step, so w blows up",
    }[regime]
    loss = "w²" if a == 1 else f"{a}w²"
    return Choice(
        id="drill_lr_regime",
        prompt=f"Gradient descent on L(w) = {loss} starts at w = 1 with learning rate η = {num(lr)}. What happens?",
        options=options,
        answer=answer,
        explanation=(
            f"L′(w) = {2 * a}w, so one step sends w to w − {num(lr)}·{2 * a}w = (1 − {num(2 * a * lr)})w = "
            f"{num(factor)}w. {meaning}. Descent on a·w² converges only while |1 − 2aη| < 1, that is for "
            f"η < 1/a = {num(Fraction(1, a))} here."
        ),
    )


def make_lr_regime(rng: np.random.Generator) -> Choice:
    return lr_regime_question(_lr_regime_numbers(rng))


_WHOLE_LENGTHS = (
    ((3, 4), 5), ((6, 8), 10), ((5, 12), 13), ((8, 15), 17),
    ((1, 2, 2), 3), ((2, 3, 6), 7), ((1, 4, 8), 9), ((4, 4, 7), 9), ((2, 6, 9), 11), ((6, 6, 7), 11),
)
"""Vectors with a whole-number length: Pythagorean triples and quadruples."""


def _norms_numbers(rng: np.random.Generator) -> dict:
    entries, _ = _pick(rng, _WHOLE_LENGTHS)
    entries = [int(entries[index]) for index in rng.permutation(len(entries))]
    while True:
        signs = [int(sign) for sign in rng.choice((-1, 1), len(entries))]
        if -1 in signs:
            return {"w": [sign * entry for sign, entry in zip(signs, entries)], "order": _order(rng)}


def _norm_pair(l1, l2) -> str:
    return f"‖w‖₁ = {num(l1)}, ‖w‖₂ = {num(l2)}"


def norms_question(numbers: dict) -> Choice:
    w = numbers["w"]
    l1 = sum(abs(value) for value in w)
    squares = sum(value * value for value in w)
    l2 = math.isqrt(squares)
    options, answer = _arranged(
        _norm_pair(l1, l2),
        [_norm_pair(l2, l1), _norm_pair(sum(w), l2), _norm_pair(l1, squares)],
        numbers["order"],
    )
    return Choice(
        id="drill_norms",
        prompt=f"What are the L1 and L2 norms of w = {vec(w)}?",
        options=options,
        answer=answer,
        explanation=(
            f"‖w‖₁ = {' + '.join(f'|{num(v)}|' for v in w)} = {l1}, and ‖w‖₂ = "
            f"√({' + '.join(f'{par(v)}²' for v in w)}) = √{squares} = {l2}. "
            "Adding the entries with their signs, "
            f"{num(sum(w))}, forgets the absolute values, and {squares} is ‖w‖₂², the square before its root."
        ),
    )


def make_norms(rng: np.random.Generator) -> Choice:
    return norms_question(_norms_numbers(rng))


def _covariance_entry_numbers(rng: np.random.Generator) -> dict:
    while True:
        a1, a2, b1, b2 = (_int(rng, -3, 3) for _ in range(4))
        a = [a1, a2, -a1 - a2]
        b = [b1, b2, -b1 - b2]
        if any(a) and any(b) and sum(x * y for x, y in zip(a, b)) != 0 and a != b:
            return {"a": a, "b": b}


def covariance_entry_question(numbers: dict) -> Numeric:
    a, b = numbers["a"], numbers["b"]
    products = [x * y for x, y in zip(a, b)]
    total = sum(products)
    entry = Fraction(total, 2)
    pairs = " + ".join(f"{par(x)}·{par(y)}" for x, y in zip(a, b))
    shown = f"{num(total)}/2 = {num(entry)}"
    by_n = Fraction(total, 3)
    return Numeric(
        id="drill_covariance_entry",
        prompt=(
            f"Centred data, n = 3 examples: feature a = {vec(a)}, feature b = {vec(b)}. With "
            "C = X_cᵀX_c / (n − 1), what is C[0, 1]? (A fraction such as 5/2 is fine.)"
        ),
        answer=float(entry),
        tolerance=1e-9,
        explanation=(
            f"Each feature already has mean 0, so C[0, 1] = Σ aᵢbᵢ / (n − 1) = ({pairs}) / 2 = "
            f"({sum_text(products)}) / 2 = {shown}. Dividing by n = 3 instead is the usual slip: it gives "
            f"{num(by_n)}, what np.cov(..., bias=True) computes."
        ),
    )


def make_covariance_entry(rng: np.random.Generator) -> Numeric:
    return covariance_entry_question(_covariance_entry_numbers(rng))
