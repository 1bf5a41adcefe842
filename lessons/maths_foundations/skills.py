"""The skills of Maths Foundations: what a learner can do after each section.

Every quiz question, checkpoint, drill and exercise of the lesson names one of
these by id; mastery and spaced review are tracked per skill. `section` is the
section that teaches the skill, where the tutor sends a learner who is weak on it.
"""

from tutor.lesson import Skill

SKILLS: tuple[Skill, ...] = (
    # -- vectors
    Skill("dot_product", "Dot products and angles", "vectors"),
    # -- matrices
    Skill("matmul_shape", "Shapes of matrix products", "matrices"),
    Skill("matmul_entry", "One entry of a matrix product", "matrices"),
    # -- eigenvalues, the determinant, PCA and the SVD
    Skill("eigen_2x2", "Eigenvalues of a 2 × 2 matrix", "eigen"),
    Skill("determinant_area", "The determinant as an area factor", "eigen"),
    Skill("pca_variance", "Variance along the principal axes", "eigen"),
    Skill("svd_low_rank", "SVD shapes and low-rank storage", "eigen"),
    # -- derivatives
    Skill("derivative_rule", "Slopes of polynomials", "derivatives"),
    Skill("central_difference", "Central-difference checks", "derivatives"),
    Skill("gradient", "Gradients and descent steps", "derivatives"),
    Skill("chain_rule", "The chain rule through a neuron", "derivatives"),
    # -- distributions
    Skill("normal_spread", "The Normal: peak and spread", "distributions"),
    Skill("bernoulli_binomial", "Bernoulli and Binomial", "distributions"),
    Skill("uniform", "The Uniform and Glorot limits", "distributions"),
    # -- regression
    Skill("normal_equation", "Least squares by the normal equation", "regression"),
    Skill("r_squared", "Reading R²", "regression"),
    # -- pitfalls
    Skill("solve_not_inv", "Solve, don't invert", "pitfalls"),
    Skill("shape_traps", "Row, column and broadcast shapes", "pitfalls"),
    Skill("feature_scaling", "Scaling features for descent", "pitfalls"),
    Skill("underflow_logs", "Underflow and log space", "pitfalls"),
    Skill("correlation_causation", "Correlation is not causation", "pitfalls"),
    # -- what to try next
    Skill("learning_rate", "Learning rate and convergence", "next_steps"),
    Skill("norms", "L1 and L2 norms, Ridge and Lasso", "next_steps"),
    Skill("covariance", "The covariance matrix and PCA", "next_steps"),
)
