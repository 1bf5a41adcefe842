"""The lesson's closing quiz: questions on every section, each with its explanation.

Every question names the section it tests (`section=`), so the quiz summary
can send the learner back to the right place. The numbers in the questions
are small enough to work out by hand; the tests recompute each one.
"""

from tutor.lesson import Choice, Numeric, Prose, Quiz, Section, Shape

QUESTIONS = (
    # -- vectors and the dot product --------------------------------------------
    Numeric(
        id="dot_by_hand",
        section="vectors",
        prompt="What is the dot product (2, −1, 3)·(4, 0, 5)?",
        answer=23,
        tolerance=0,
        explanation=(
            "Multiply entry by entry and add: 2·4 + (−1)·0 + 3·5 = 8 + 0 + 15 = 23. "
            "The result is one number, a scalar, not a vector."
        ),
    ),
    Choice(
        id="orthogonal_cosine",
        section="vectors",
        prompt="Two embedding vectors meet at a right angle. What is their cosine similarity?",
        options=("1", "−1", "0", "It depends on how long they are"),
        answer=2,
        explanation=(
            "cos θ = a·b / (‖a‖ ‖b‖), and at 90° the dot product a·b is 0. Dividing by "
            "the lengths removes size, so the similarity is 0 for any lengths."
        ),
    ),
    # -- matrices and matrix multiplication ----------------------------------------
    Shape(
        id="matmul_shape",
        section="matrices",
        prompt="A has shape (4, 2) and B has shape (2, 5). What is the shape of A @ B?",
        answer=(4, 5),
        explanation=(
            "The inner sizes (2 and 2) must agree and then disappear; the outer ones stay: "
            "(4, 2) @ (2, 5) → (4, 5). Each of the 20 entries is a row of A dotted with a "
            "column of B."
        ),
    ),
    Choice(
        id="which_product",
        section="matrices",
        prompt="P and Q both have shape (2, 3). Which of these products can NumPy compute?",
        options=("P @ Q", "Q @ P", "P @ Q.T", "None of them"),
        answer=2,
        explanation=(
            "Q.T has shape (3, 2), so P @ Q.T is (2, 3) @ (3, 2) → (2, 2). P @ Q and Q @ P "
            "both try to pair 3 columns with 2 rows and raise a ValueError."
        ),
    ),
    Shape(
        id="dense_batch",
        section="matrices",
        prompt=(
            "A dense layer has weights W of shape (4, 3): 4 units, 3 inputs. A batch X "
            "holds 8 examples as rows. What is the shape of X @ W.T + b?"
        ),
        answer=(8, 4),
        explanation=(
            "X is (8, 3) and W.T is (3, 4), so the product is (8, 4): one row per example, "
            "one column per unit. The bias b, shape (4,), is broadcast down the rows."
        ),
    ),
    # -- eigenvalues and the SVD -----------------------------------------------------
    Numeric(
        id="eigenvalue",
        section="eigen",
        prompt="M = [[2, 1], [1, 2]] and v = (1, −1). M v = λ v for which number λ?",
        answer=1,
        tolerance=0,
        explanation=(
            "M v = (2·1 + 1·(−1), 1·1 + 2·(−1)) = (1, −1), which is v itself: the direction "
            "is kept and the stretch factor is λ = 1. (The other eigenvector, (1, 1), gets 3.)"
        ),
    ),
    Choice(
        id="pca_axis",
        section="eigen",
        prompt="Which direction does PCA call the first principal component?",
        options=(
            "The first column of the data",
            "The eigenvector of the covariance matrix with the largest eigenvalue",
            "The eigenvector of the covariance matrix with the smallest eigenvalue",
            "The direction of the mean of the data",
        ),
        answer=1,
        explanation=(
            "Each eigenvalue of the covariance matrix is the variance of the data along its "
            "eigenvector, so the largest one marks the direction of greatest spread. Sort "
            "first: eigh returns eigenvalues in ascending order."
        ),
    ),
    Shape(
        id="svd_u_shape",
        section="eigen",
        prompt="M has shape (6, 4). In its full SVD, M = U Σ Vᵀ, what is the shape of U?",
        answer=(6, 6),
        explanation=(
            "U is square with one column per row of M: (6, 6). V is (4, 4), and Σ has M's own "
            "shape (6, 4) with the singular values on its diagonal."
        ),
    ),
    # -- derivatives and gradients ------------------------------------------------------
    Numeric(
        id="derivative_cube",
        section="derivatives",
        prompt="f(x) = x³. What is the slope f′(2)?",
        answer=12,
        tolerance=1e-6,
        explanation=(
            "f′(x) = 3x², so f′(2) = 3·4 = 12. Check it numerically: "
            "(f(2.001) − f(1.999)) / 0.002 ≈ 12.000001."
        ),
    ),
    Choice(
        id="descent_sign",
        section="derivatives",
        prompt="Gradient descent steps w ← w − η ∇L(w). Why subtract the gradient?",
        options=(
            "To keep the weights small",
            "Because the learning rate η is negative",
            "Because the gradient is always positive",
            "The gradient points uphill, so the step goes the other way",
        ),
        answer=3,
        explanation=(
            "∇L points in the direction in which L grows fastest. Stepping against it lowers "
            "the loss, at least for a small enough η."
        ),
    ),
    Shape(
        id="gradient_shape",
        section="derivatives",
        prompt=(
            "L(w) takes a weight vector w of shape (5,) and returns one number. "
            "What is the shape of the gradient ∇L(w)?"
        ),
        answer=(5,),
        explanation=(
            "The gradient has one partial derivative per weight, so it has w's own shape, "
            "(5,). That is what lets the update w − η∇L(w) work entry by entry."
        ),
    ),
    # -- probability distributions ---------------------------------------------------------
    Numeric(
        id="binomial_mean",
        section="distributions",
        prompt=(
            "X counts the successes in 10 independent trials, each a success with p = 0.3. "
            "What is the mean of X?"
        ),
        answer=3,
        tolerance=1e-9,
        explanation="X is Binomial(10, 0.3), whose mean is np = 10 × 0.3 = 3.",
    ),
    Choice(
        id="logistic_bernoulli",
        section="distributions",
        prompt=(
            "Logistic regression outputs p = σ(w·x + b) for a yes/no label. "
            "p is the parameter of which distribution?"
        ),
        options=("Normal", "Bernoulli", "Uniform", "Binomial with n = 100"),
        answer=1,
        explanation=(
            "A single yes/no label is one Bernoulli trial: 1 with probability p, 0 otherwise. "
            "Binary cross-entropy is minus the log of that Bernoulli probability."
        ),
    ),
    Numeric(
        id="uniform_variance",
        section="distributions",
        prompt=(
            "What is the variance of U(0, 1), the uniform distribution on [0, 1]? "
            "(A fraction such as 1/4 is fine.)"
        ),
        answer=1 / 12,
        tolerance=5e-4,
        explanation=(
            "Var = (b − a)² / 12 = 1/12 ≈ 0.0833. A hundred thousand uniform draws give a "
            "sample variance within a few ten-thousandths of it."
        ),
    ),
    # -- the normal equation and R² ----------------------------------------------------------
    Shape(
        id="normal_matrix_shape",
        section="regression",
        prompt=(
            "X has 100 rows and 3 columns: the bias column of ones and two features. "
            "What is the shape of XᵀX?"
        ),
        answer=(3, 3),
        explanation=(
            "Xᵀ is (3, 100) and X is (100, 3), so XᵀX is (3, 3): one row and column per "
            "weight, however many examples there are. That is why solving it is cheap."
        ),
    ),
    Numeric(
        id="r_squared",
        section="regression",
        prompt="A fit leaves SSE = 20, and the targets vary by SST = 80 around their mean. What is R²?",
        answer=0.75,
        tolerance=1e-6,
        explanation=(
            "R² = 1 − SSE/SST = 1 − 20/80 = 0.75: the line accounts for three quarters of the variance."
        ),
    ),
    Choice(
        id="negative_r_squared",
        section="regression",
        prompt="On new data a model scores R² = −0.3. What does that tell you?",
        options=(
            "It predicts worse than always guessing the mean of y",
            "It explains 30% of the variance",
            "The computation has a bug: R² cannot be negative",
            "The features are negatively correlated with y",
        ),
        answer=0,
        explanation=(
            "R² < 0 means SSE > SST: the model's squared errors exceed those of the constant "
            "prediction ȳ. On data the model was not fitted to, that can happen."
        ),
    ),
    # -- the pitfalls ------------------------------------------------------------------------------
    Choice(
        id="solve_not_inv",
        section="pitfalls",
        prompt="You need x with A x = b. Which line should you write?",
        options=(
            "x = np.linalg.inv(A) @ b",
            "x = np.linalg.solve(A, b)",
            "x = b / A",
            "x = A.T @ b",
        ),
        answer=1,
        explanation=(
            "solve factorises A once and solves directly: less work and far smaller "
            "residuals than forming the inverse, above all when A is nearly singular."
        ),
    ),
    Shape(
        id="broadcast_trap",
        section="pitfalls",
        prompt="v = np.array([1, 2, 3]) and col = v.reshape(-1, 1). What is the shape of v - col?",
        answer=(3, 3),
        explanation=(
            "v is (3,) and col is (3, 1); broadcasting stretches both to (3, 3) with no "
            "error. Compare y_hat.shape with y.shape before computing a loss."
        ),
    ),
    Choice(
        id="log_space",
        section="pitfalls",
        prompt=(
            "The likelihood of 2,000 examples, a product of probabilities, prints 0.0. "
            "What should you compute instead?"
        ),
        options=(
            "The product in float32",
            "The product of the square roots",
            "The sum of the log-probabilities",
            "The largest probability only",
        ),
        answer=2,
        explanation=(
            "The true product is far below the smallest positive float and underflows. "
            "log(p₁p₂…pₙ) = Σ log pᵢ is an ordinary, well-scaled sum."
        ),
    ),
    # -- what to try next ----------------------------------------------------------------------------
    Numeric(
        id="l1_norm",
        section="next_steps",
        prompt="What is the L1 norm ‖w‖₁ of w = (3, −4)?",
        answer=7,
        tolerance=0,
        explanation="‖w‖₁ = |3| + |−4| = 7. Its L2 norm, the ordinary length, is √(9 + 16) = 5.",
    ),
    Choice(
        id="lasso_zeros",
        section="next_steps",
        prompt="Which penalty added to the loss tends to set some weights to exactly 0?",
        options=("α‖w‖₂² (Ridge)", "α‖w‖₁ (Lasso)", "Neither", "Both, equally"),
        answer=1,
        explanation=(
            "The L1 penalty (Lasso) pushes small weights all the way to zero, so it selects "
            "features. Ridge shrinks every weight towards zero without removing any."
        ),
    ),
)

QUIZ = Quiz(title="Maths Foundations quiz", questions=QUESTIONS)

SECTION = Section(
    id="quiz",
    title="Check yourself",
    blocks=(
        Prose("""\
Time to find out what stuck: questions on every
section, answered with an option (`a`–`d` or `1`–`4`),
a number (`0.75`, `1/12`) or a shape (`(3, 3)`, `3x3`).
Each answer is explained at once; one in the wrong form
does not count. At the end, retry what you missed.

Press `tab` to reach the quiz card, then `enter`.
"""),
        QUIZ,
    ),
)
