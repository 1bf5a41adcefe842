"""The lesson's drills: question generators, one kind of question each, with new numbers on every call.

Each `make` is named as a string, so loading the lesson imports neither numpy
nor `drill_makers`: the generator is imported when a drill is first asked.
`section` is where the drill's skill is taught; `seconds` is about how long a
learner needs to work the question by hand.
"""

from tutor.lesson import Drill

_MAKERS = "lessons.maths_foundations.drill_makers"


def _drill(name: str, skill: str, section: str, seconds: float) -> Drill:
    return Drill(id=f"drill_{name}", skill=skill, section=section, make=f"{_MAKERS}:make_{name}", seconds=seconds)


DRILLS: tuple[Drill, ...] = (
    # -- vectors
    _drill("dot_product", "dot_product", "vectors", 45),
    _drill("cosine", "dot_product", "vectors", 90),
    # -- matrices
    _drill("chain_shape", "matmul_shape", "matrices", 40),
    _drill("matmul_entry", "matmul_entry", "matrices", 60),
    # -- eigenvalues, the determinant, PCA and the SVD
    _drill("eigen_symmetric", "eigen_2x2", "eigen", 90),
    _drill("det_area", "determinant_area", "eigen", 45),
    _drill("pca_share", "pca_variance", "eigen", 60),
    _drill("rank_k_storage", "svd_low_rank", "eigen", 60),
    # -- derivatives
    _drill("poly_slope", "derivative_rule", "derivatives", 60),
    _drill("central_difference", "central_difference", "derivatives", 120),
    _drill("quadratic_gradient", "gradient", "derivatives", 75),
    _drill("neuron_gradient", "chain_rule", "derivatives", 120),
    # -- distributions
    _drill("normal_within", "normal_spread", "distributions", 40),
    _drill("binomial_moments", "bernoulli_binomial", "distributions", 60),
    _drill("glorot_limit", "uniform", "distributions", 75),
    # -- regression
    _drill("r_squared", "r_squared", "regression", 45),
    _drill("line_fit", "normal_equation", "regression", 150),
    # -- pitfalls
    _drill("underflow", "underflow_logs", "pitfalls", 60),
    _drill("broadcast_shape", "shape_traps", "pitfalls", 40),
    # -- what to try next
    _drill("lr_regime", "learning_rate", "next_steps", 75),
    _drill("norms", "norms", "next_steps", 50),
    _drill("covariance_entry", "covariance", "next_steps", 75),
)
