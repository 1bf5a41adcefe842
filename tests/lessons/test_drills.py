"""Maths Foundations' skills and drills: every generated question recomputed with numpy.

Each generator is `_<name>_numbers(rng)` (the raw numbers) and `<name>_question(numbers)`
(the question). For many seeds the tests take the same numbers and work the answer out
again, independently, with numpy: `np.dot`, `np.linalg.eigvalsh`, `det`, `lstsq`, `norm`,
`np.cov`, a product in float64, a simulated descent, numerical derivatives and integrals.
A Choice must have distinct options of which exactly one is right, and every explanation
must name the answer it explains.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons.maths_foundations import LESSON
from lessons.maths_foundations import drill_makers as dm
from lessons.maths_foundations.drills import DRILLS
from lessons.maths_foundations.skills import SKILLS
from tutor.grading.answers import judge, right_answer
from tutor.lesson import Choice, Numeric, Shape, resolve
from tutor.lesson.format import QUESTION_TYPES
MAX_OPTIONS = 4  # the quiz screen shows at most four options (a–d)

GENERATORS = sorted(name.removeprefix("make_") for name in dir(dm) if name.startswith("make_"))
SKILL_IDS = {skill.id for skill in SKILLS}
TEACHING = ["vectors", "matrices", "eigen", "derivatives", "distributions", "regression", "pitfalls", "next_steps"]
POSITIONAL = re.compile(
    r"(?i:\boption [a-d1-4]\b|\b(?:first|second|third|fourth|last|top|bottom) (?:option|answer|choice)\b"
    r"|\banswer [a-d1-4]\b)|(?<!\w)\([a-d]\)"
)
"""Naming an option by its letter or place: "option B", "the first answer", "(a)"."""


# ---------------------------------------------------------------- reading numbers back


def _number(text: str) -> float:
    return float(text.replace("−", "-").replace(",", ""))


def _numbers_in(text: str) -> list[float]:
    """Every number in `text` (Unicode minus read as a minus); subscripts such as ₁ are not digits."""
    return [_number(found) for found in re.findall(r"[−-]?[0-9]+(?:\.[0-9]+)?", text)]


def _forms(value: float) -> set[str]:
    """The ways an explanation may write `value`: 23, 5,010, 0.25, 0.91, −0.768."""
    value = float(value)
    forms = {f"{value:.{places}f}" for places in (2, 3)}
    forms |= {f"{value:.{places}f}".rstrip("0").rstrip(".") for places in (1, 2, 3, 4, 6)}
    if value.is_integer():
        forms |= {str(int(value)), f"{int(value):,}"}
    return {form.replace("-", "−") for form in forms if form not in ("", "−0")}


def _mentions(text: str, value: float) -> bool:
    """Whether `text` writes `value` as a whole number, not as a piece of a longer one."""
    for form in _forms(value):
        before = r"(?<![0-9.,])" if form.startswith("−") else r"(?<![0-9.,−])"
        if re.search(before + re.escape(form) + r"(?!\.?[0-9])(?!,[0-9]{3})", text):
            return True
    return False


def _shapes_in(text: str) -> list[tuple[int, ...]]:
    return [
        tuple(int(size) for size in found.split(",") if size.strip())
        for found in re.findall(r"\(([0-9]+(?:, [0-9]+)*,?)\)", text)
    ]


def _one_right(question: Choice, is_right) -> None:
    """The options are distinct, and exactly the keyed one passes `is_right`."""
    assert len(set(question.options)) == len(question.options), question.options
    right = [index for index, option in enumerate(question.options) if is_right(option)]
    assert right == [question.answer], (question.prompt, question.options, right)


# ---------------------------------------------------------------- one check per generator


def check_dot_product(numbers, question):
    a, b = np.array(numbers["a"]), np.array(numbers["b"])
    assert question.answer == np.dot(a, b) != 0 and question.tolerance == 0
    assert _mentions(question.explanation, np.dot(a, b))


def check_cosine(numbers, question):
    a, b = np.array(numbers["a"], float), np.array(numbers["b"], float)
    cosine = a @ b / (np.linalg.norm(a) * np.linalg.norm(b))
    assert question.answer == pytest.approx(cosine, abs=1e-12) and abs(cosine) < 1 - 1e-9
    assert float(np.linalg.norm(a)).is_integer() and float(np.linalg.norm(b)).is_integer()
    assert "two decimal places" in question.prompt and question.tolerance == 0.005
    assert _mentions(question.explanation, round(cosine, 2))


def check_chain_shape(numbers, question):
    m, k, n, p = (numbers[key] for key in ("m", "k", "n", "p"))
    A, C = np.ones((m, k)), np.ones((n, p))
    if numbers["transpose"]:
        assert "B.T" in question.prompt
        product = A @ np.ones((n, k)).T @ C
    else:
        product = A @ np.ones((k, n)) @ C
    assert question.answer == product.shape
    assert len({m, k, n, p}) == 4  # no size repeats, so no wrong shape looks right
    assert dm.shape_text(product.shape) in question.explanation


def check_matmul_entry(numbers, question):
    C = np.array(numbers["A"]) @ np.array(numbers["B"])
    assert question.answer == C[numbers["i"], numbers["j"]] and question.tolerance == 0
    assert f"[{numbers['i']}, {numbers['j']}]" in question.prompt
    assert _mentions(question.explanation, C[numbers["i"], numbers["j"]])


def check_eigen_symmetric(numbers, question):
    a, b = numbers["a"], numbers["b"]
    eigenvalues = sorted(np.round(np.linalg.eigvalsh(np.array([[a, b], [b, a]], float)), 9))
    assert eigenvalues[0] != eigenvalues[1]  # no tie
    _one_right(question, lambda option: sorted(_numbers_in(option)) == pytest.approx(eigenvalues))
    assert all(_mentions(question.explanation, value) for value in eigenvalues)


def check_det_area(numbers, question):
    a, b, c, d = (numbers[key] for key in "abcd")
    det = np.linalg.det(np.array([[a, b], [c, d]], float))
    assert question.answer == pytest.approx(abs(det)) and question.answer > 0
    assert float(question.answer).is_integer() and question.tolerance == 0
    assert question.answer != abs(a * d)  # the diagonal's product is a wrong answer
    assert _mentions(question.explanation, abs(det))


def check_pca_share(numbers, question):
    values = np.array(numbers["values"], float)
    if numbers["kind"] == "singular":
        singular = np.linalg.svd(np.diag(values), compute_uv=False)
        share = 100 * singular[0] ** 2 / np.sum(singular**2)
        assert 100 * singular[0] / singular.sum() != pytest.approx(share)
    else:
        assert list(values) == sorted(values)  # as eigh lists them
        rotation, _ = np.linalg.qr(np.random.default_rng(0).normal(size=(len(values),) * 2))
        covariance = rotation @ np.diag(values) @ rotation.T
        eigenvalues = np.linalg.eigvalsh(covariance)
        share = 100 * eigenvalues.max() / eigenvalues.sum()
        assert 100 * eigenvalues.min() / eigenvalues.sum() != pytest.approx(share)
    assert question.answer == pytest.approx(share, abs=1e-9)
    assert float(question.answer).is_integer() and question.tolerance == 0
    assert _mentions(question.explanation, share)


def check_rank_k_storage(numbers, question):
    m, n, k = numbers["m"], numbers["n"], numbers["k"]
    kept = np.empty((m, k)).size + np.empty(k).size + np.empty((k, n)).size  # U[:, :k], s[:k], Vt[:k]
    assert question.answer == kept < m * n and question.tolerance == 0
    assert _mentions(question.explanation, kept)


def check_poly_slope(numbers, question):
    coefficients, x0 = numbers["coefficients"], numbers["x0"]
    slope = np.polyval(np.polyder(coefficients), x0)
    assert question.answer == slope and question.tolerance == 0
    assert np.polyval(coefficients, x0) != slope  # the height is a different number
    assert _mentions(question.explanation, slope)


def check_central_difference(numbers, question):
    a, x0, h = numbers["a"], numbers["x0"], float(numbers["h"])

    def f(x):
        return a * np.float64(x) ** 3

    estimate = (f(x0 + h) - f(x0 - h)) / (2 * h)
    assert question.answer == pytest.approx(estimate, abs=1e-9)
    assert question.answer - 3 * a * x0**2 == pytest.approx(a * h * h)  # the h² error of a cubic
    assert "two decimal places" in question.prompt and question.tolerance == 0.005
    assert _mentions(question.explanation, estimate)


def check_quadratic_gradient(numbers, question):
    a, b, p, q, u, v = (numbers[key] for key in ("a", "b", "p", "q", "u", "v"))

    def loss(w):
        return a * (w[0] - p) ** 2 + b * (w[1] - q) ** 2

    point, h = np.array([u, v], float), 1e-4
    gradient = np.array([(loss(point + h * e) - loss(point - h * e)) / (2 * h) for e in np.eye(2)])
    _one_right(question, lambda option: np.allclose(_numbers_in(option), gradient, atol=1e-6))
    assert dm.vec(np.round(gradient).astype(int)) in question.explanation


def check_neuron_gradient(numbers, question):
    p, y, x = float(numbers["p"]), numbers["y"], numbers["x"]
    w = 0.3
    b = math.log(p / (1 - p)) - w * x  # so that σ(w·x + b) = p

    def loss(weight):
        return (1 / (1 + np.exp(-(weight * x + b))) - y) ** 2

    h = 1e-6
    numeric = (loss(w + h) - loss(w - h)) / (2 * h)
    assert question.answer == pytest.approx(numeric, abs=1e-6)
    assert "three decimal places" in question.prompt and question.tolerance == 0.0005
    assert _mentions(question.explanation, question.answer)


def check_normal_within(numbers, question):
    mu, sigma, k = numbers["mu"], numbers["sigma"], numbers["k"]
    low, high = _numbers_in(question.prompt.split("between")[1])
    assert (low, high) == (mu - k * sigma, mu + k * sigma)
    grid = np.linspace(low, high, 20_001)
    density = np.exp(-((grid - mu) ** 2) / (2 * sigma**2)) / (sigma * np.sqrt(2 * np.pi))
    inside = 100 * np.sum((density[1:] + density[:-1]) / 2 * np.diff(grid))  # the trapezoid rule
    assert inside == pytest.approx(100 * math.erf(k / math.sqrt(2)), abs=1e-6)
    _one_right(question, lambda option: abs(_numbers_in(option)[0] - inside) < 0.6)
    assert _numbers_in(question.options[question.answer])[0] == pytest.approx(
        {1: 68, 2: 95, 3: 99.7}[k]
    )
    assert _mentions(question.explanation, _numbers_in(question.options[question.answer])[0])


def check_binomial_moments(numbers, question):
    n, p = numbers["n"], float(numbers["p"])
    k = np.arange(n + 1)
    pmf = np.array([math.comb(n, int(i)) for i in k], float) * p**k * (1 - p) ** (n - k)
    mean = np.sum(k * pmf)
    variance = np.sum((k - mean) ** 2 * pmf)
    _one_right(question, lambda option: np.allclose(_numbers_in(option), (mean, variance), atol=1e-6))
    assert _mentions(question.explanation, mean) and _mentions(question.explanation, variance)


def check_glorot_limit(numbers, question):
    limit = np.sqrt(6 / (numbers["fan_in"] + numbers["fan_out"]))
    assert question.answer == pytest.approx(limit, abs=1e-12)
    assert "three decimal places" in question.prompt and question.tolerance == 0.0005
    assert _mentions(question.explanation, round(limit, 3))


def check_r_squared(numbers, question):
    sse, sst = np.float64(numbers["sse"]), np.float64(numbers["sst"])
    r2 = 1 - sse / sst
    assert question.answer == pytest.approx(r2, abs=1e-12)
    assert sse / sst != pytest.approx(r2)  # the unexplained share is a different number
    assert "two decimal places" in question.prompt and question.tolerance == 0.005
    assert _mentions(question.explanation, r2)


def check_line_fit(numbers, question):
    xs, ys = np.array(numbers["xs"], float), np.array(numbers["ys"], float)
    X = np.column_stack([np.ones(3), xs])
    (intercept, slope), residual, *_ = np.linalg.lstsq(X, ys, rcond=None)
    assert residual[0] > 1e-9  # the three points are not on one line
    assert question.answer == pytest.approx(slope, abs=1e-9) and float(question.answer).is_integer()
    slope, intercept = round(slope, 9) + 0.0, round(intercept, 9) + 0.0  # no −0.0
    assert intercept.is_integer()
    assert all(f"({x:g}, {y:g})".replace("-", "−") in question.prompt for x, y in zip(xs, ys))
    assert _mentions(question.explanation, slope) and _mentions(question.explanation, intercept)


def check_underflow(numbers, question):
    products = {}
    for factor, count in (numbers["first"], numbers["second"]):
        value = np.prod(np.full(count, float(factor)))
        products[dm._product_text((factor, count))] = value == 0.0
        assert value == 0.0 or value > 1e-305  # never near the edge

    def is_right(option):
        if option.startswith("Only "):
            named = option.removeprefix("Only ")
            return products[named] and not any(zero for text, zero in products.items() if text != named)
        if option == "Both of them":
            return all(products.values())
        assert option == "Neither of them", option
        return not any(products.values())

    _one_right(question, is_right)
    right = question.options[question.answer]
    if right.startswith("Only "):
        assert f"so {right.removeprefix('Only ')} underflows to 0.0" in question.explanation
    else:
        assert right.split()[0].lower() in question.explanation


def check_broadcast_shape(numbers, question):
    first, second = _shapes_in(question.prompt)
    result = (np.ones(first) - np.ones(second)).shape
    assert question.answer == result == np.broadcast_shapes(first, second)
    assert dm.shape_text(result) in question.explanation


def _descent_regime(a: int, lr: float) -> str:
    """What 30 steps of descent on a·w² from w = 1 do, read off the path itself."""
    path = [1.0]
    for _ in range(30):
        w = path[-1]
        path.append(w - lr * 2 * a * w)
    path = np.array(path)
    flips = np.all(np.sign(path[1:]) == -np.sign(path[:-1]))
    if abs(path[-1]) > 1 + 1e-9:
        return "diverge"
    if np.allclose(np.abs(path), 1) and flips:
        return "oscillate"
    return "zigzag" if flips else "steady"


def check_lr_regime(numbers, question):
    regime = _descent_regime(numbers["a"], float(numbers["lr"]))
    _one_right(question, lambda option: option == dm.LR_REGIMES[regime])
    factor = 1 - 2 * numbers["a"] * float(numbers["lr"])
    assert factor != 0 and _mentions(question.explanation, factor)


def check_norms(numbers, question):
    w = np.array(numbers["w"], float)
    l1, l2 = np.linalg.norm(w, 1), np.linalg.norm(w)
    assert float(l2).is_integer() and (w < 0).any()

    def is_right(option):
        return np.allclose(_numbers_in(option.replace("‖w‖₁", "").replace("‖w‖₂", "")), (l1, l2))

    _one_right(question, is_right)
    assert _mentions(question.explanation, l1) and _mentions(question.explanation, l2)


def check_covariance_entry(numbers, question):
    a, b = np.array(numbers["a"], float), np.array(numbers["b"], float)
    assert a.mean() == 0 and b.mean() == 0  # centred, as the prompt says
    entry = np.cov(np.vstack([a, b]))[0, 1]
    assert question.answer == pytest.approx(entry, abs=1e-12) and entry != 0
    assert _mentions(question.explanation, entry)


CHECKS = {name.removeprefix("check_"): check for name, check in globals().items() if name.startswith("check_")}


def test_every_generator_has_a_check_and_a_drill():
    assert set(CHECKS) == set(GENERATORS)
    made = {str(drill.make).partition(":make_")[2] for drill in DRILLS}
    assert made == set(GENERATORS)


def _common(question) -> None:
    """What every generated question needs, whatever its kind."""
    assert isinstance(question, QUESTION_TYPES)
    assert question.prompt.strip() and len(question.prompt) <= 160, question.prompt
    assert len(question.explanation) >= 40
    assert not POSITIONAL.search(question.explanation), question.explanation
    shown = right_answer(question)
    typed = shown[0] if isinstance(question, Choice) else shown.split(" (±")[0]
    assert judge(question, typed).correct, (question.prompt, typed)
    if isinstance(question, Choice):
        assert 2 <= len(question.options) <= MAX_OPTIONS
    if isinstance(question, Numeric):
        assert math.isfinite(question.answer) and question.tolerance >= 0
        asked = re.search(r"(two|three) decimal places", question.prompt)
        if asked:  # the answer rounded as the prompt asks is judged right
            places = {"two": 2, "three": 3}[asked.group(1)]
            assert judge(question, f"{question.answer:.{places}f}").correct, question.prompt
        else:
            assert question.tolerance < 1e-6 or float(question.answer).is_integer()
    if isinstance(question, Shape):
        assert all(isinstance(size, int) and size > 0 for size in question.answer)


@pytest.mark.parametrize("name", GENERATORS)
@settings(max_examples=200, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_the_key_is_what_numpy_computes(name, seed):
    numbers = getattr(dm, f"_{name}_numbers")(np.random.default_rng(seed))
    question = getattr(dm, f"make_{name}")(np.random.default_rng(seed))
    assert question == getattr(dm, f"{name}_question")(numbers), "make = question(numbers)"
    _common(question)
    CHECKS[name](numbers, question)


@pytest.mark.parametrize("name", GENERATORS)
def test_a_generator_varies_its_questions(name):
    make = getattr(dm, f"make_{name}")
    prompts = {make(np.random.default_rng(seed)).prompt for seed in range(40)}
    assert len(prompts) >= 5, prompts


# ---------------------------------------------------------------- the drills as the lesson holds them


def test_there_are_at_least_sixteen_drills():
    assert len(DRILLS) >= 16
    assert LESSON.drills == DRILLS
    assert len({drill.id for drill in DRILLS}) == len(DRILLS)


@pytest.mark.parametrize("drill", DRILLS, ids=lambda drill: drill.id)
def test_every_drill_resolves_and_makes_a_question(drill):
    assert isinstance(drill.make, str) and drill.make.startswith("lessons.maths_foundations.drill_makers:")
    assert callable(resolve(drill.make))
    assert drill.skill in SKILL_IDS
    assert LESSON.skill(drill.skill).section == drill.section
    assert 30 <= drill.seconds <= 180
    for seed in range(5):
        question = drill.variant(np.random.default_rng(seed))
        assert isinstance(question, QUESTION_TYPES)
        assert (question.id, question.skill, question.section) == (drill.id, drill.skill, drill.section)


def test_the_drills_cover_every_section_that_has_a_skill():
    assert {drill.section for drill in DRILLS} == {skill.section for skill in SKILLS}


def test_loading_the_lesson_imports_no_numpy():
    probe = "import lessons.maths_foundations, sys; print('numpy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "False\n"


# ---------------------------------------------------------------- skills


def test_skills_are_few_named_and_placed():
    assert 18 <= len(SKILLS) <= 24
    assert LESSON.skills == SKILLS
    assert len(SKILL_IDS) == len(SKILLS)
    sections = {section.id for section in LESSON.sections}
    for skill in SKILLS:
        assert re.fullmatch(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*", skill.id) and len(skill.id) <= 24, skill.id
        assert skill.section in sections, skill
        assert skill.title.strip() and len(skill.title) <= 40, skill.title
    assert set(TEACHING) <= {skill.section for skill in SKILLS}


def test_every_question_and_exercise_names_a_skill_of_its_lesson():
    quiz = LESSON.quiz()
    named = [*quiz.questions, *LESSON.exercises(), *(block.question for block in LESSON.checkpoints())]
    for item in named:
        assert item.skill in SKILL_IDS, (item.id, item.skill)


def test_every_skill_is_shown_by_something():
    used = {drill.skill for drill in DRILLS}
    used |= {question.skill for question in LESSON.quiz().questions}
    used |= {exercise.skill for exercise in LESSON.exercises()}
    used |= {block.question.skill for block in LESSON.checkpoints()}
    assert used == SKILL_IDS


def test_no_quiz_explanation_names_an_option_by_its_place():
    """The quiz shuffles the options of each Choice, so 'option B' would point at the wrong one."""
    for question in LESSON.quiz().questions:
        assert not POSITIONAL.search(question.explanation), question.id
    for block in LESSON.checkpoints():
        assert not POSITIONAL.search(block.question.explanation), block.question.id
