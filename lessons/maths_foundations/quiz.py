"""The lesson's closing quiz: questions on every section, each with its explanation.

Every question names the section it tests (`section=`), so the quiz summary
can send the learner back to the right place, and the skill it shows
(`skill=`, from `skills.py`). The quiz shows the options of a multiple-choice
question in a new order each time, so an explanation names an option by its
content, never by its letter or place. The numbers in the questions are small
enough to work out by hand; the tests recompute each one.
"""

from tutor.lesson import Choice, Numeric, Prose, Quiz, Section, Shape

QUESTIONS = (
    # -- vectors and the dot product --------------------------------------------
    Numeric(
        id="dot_by_hand",
        section="vectors",
        skill="dot_product",
        prompt="What is the dot product (2, −1, 3)·(4, 0, 5)?",
        answer=23,
        tolerance=0,
        explanation=(
            "Multiply entry by entry and add: 2·4 + (−1)·0 + 3·5 = 8 + 0 + 15 = 23. "
            "It is tempting to stop at the entry-by-entry products (8, 0, 15), which is what "
            "a * b gives in NumPy; the dot product goes on to add them, so it is one number."
        ),
    ),
    Choice(
        id="orthogonal_cosine",
        section="vectors",
        skill="dot_product",
        prompt="Two embedding vectors meet at a right angle. What is their cosine similarity?",
        options=("1", "−1", "0", "It depends on how long they are"),
        answer=2,
        explanation=(
            "cos θ = a·b / (‖a‖ ‖b‖), and at 90° the dot product a·b is 0, so the similarity is 0. "
            "\"It depends on how long they are\" is the tempting answer, but dividing by "
            "‖a‖ ‖b‖ is exactly what removes the lengths. −1 belongs to opposite directions."
        ),
    ),
    # -- matrices and matrix multiplication ----------------------------------------
    Shape(
        id="matmul_shape",
        section="matrices",
        skill="matmul_shape",
        prompt="A has shape (4, 2) and B has shape (2, 5). What is the shape of A @ B?",
        answer=(4, 5),
        explanation=(
            "The inner sizes (2 and 2) must agree and then disappear; the outer ones stay: "
            "(4, 2) @ (2, 5) → (4, 5). (2, 2) is the tempting slip of keeping the inner sizes, "
            "but those are the ones each dot product sums over."
        ),
    ),
    Choice(
        id="which_product",
        section="matrices",
        skill="matmul_shape",
        prompt="P and Q both have shape (2, 3). Which of these products can NumPy compute?",
        options=("P @ Q", "Q @ P", "P @ Q.T", "None of them"),
        answer=2,
        explanation=(
            "Q.T has shape (3, 2), so P @ Q.T is (2, 3) @ (3, 2) → (2, 2). P @ Q is tempting "
            "because the shapes are equal, but equal shapes are what the entry-wise P * Q needs; "
            "@ pairs P's 3 columns with Q's 2 rows and raises a ValueError."
        ),
    ),
    Shape(
        id="dense_batch",
        section="matrices",
        skill="matmul_shape",
        prompt=(
            "A dense layer has weights W of shape (4, 3): 4 units, 3 inputs. A batch X "
            "holds 8 examples as rows. What is the shape of X @ W.T + b?"
        ),
        answer=(8, 4),
        explanation=(
            "X is (8, 3) and W.T is (3, 4), so the product is (8, 4): one row per example, "
            "one column per unit, and b, shape (4,), is broadcast down the rows. (4, 8) is "
            "tempting but is the shape of W @ X.T, with the examples in columns."
        ),
    ),
    # -- eigenvalues, the determinant and the SVD ------------------------------------------
    Numeric(
        id="eigenvalue",
        section="eigen",
        skill="eigen_2x2",
        prompt="M = [[2, 1], [1, 2]] and v = (1, −1). M v = λ v for which number λ?",
        answer=1,
        tolerance=0,
        explanation=(
            "M v = (2·1 + 1·(−1), 1·1 + 2·(−1)) = (1, −1), which is v itself: the direction "
            "is kept and the stretch factor is λ = 1. 3 is tempting, but it belongs to the "
            "other eigenvector, (1, 1); and −1 would mean v came back reversed, which it does not."
        ),
    ),
    Numeric(
        id="determinant_area",
        section="eigen",
        skill="determinant_area",
        prompt=(
            "M = [[2, 1], [1, 3]] maps the unit square to a parallelogram. "
            "What is the area of that parallelogram?"
        ),
        answer=5,
        tolerance=1e-9,
        explanation=(
            "The area factor is |det M| = |2·3 − 1·1| = 5, and the unit square has area 1. "
            "6, the product of the diagonal, is tempting: it is right for a diagonal matrix, "
            "but the off-diagonal 1s shear the square and take 1·1 back."
        ),
    ),
    Choice(
        id="singular_gram",
        section="eigen",
        skill="determinant_area",
        prompt=(
            "In a regression, one column of X is another column times 100 (one area in m², "
            "again in dm²). What is det(XᵀX), and what follows?"
        ),
        options=(
            "Very large, so the fit is extra precise",
            "1, since the two columns carry the same information",
            "Negative, since the copy flips the orientation",
            "0, so many weight vectors fit equally well",
        ),
        answer=3,
        explanation=(
            "Some w ≠ 0 gives Xw = 0 (100 of the m² weight, −1 of the dm² one), so XᵀX "
            "squashes that direction flat: det(XᵀX) = 0 and w plus any multiple of it makes "
            "the same predictions. \"Very large\" is tempting because the numbers are big, "
            "but a copied column adds no area at all; and det(XᵀX) is never negative."
        ),
    ),
    Choice(
        id="pca_axis",
        section="eigen",
        skill="pca_variance",
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
            "eigenvector, so the largest marks the direction of greatest spread. The smallest "
            "is tempting because eigh lists it first (ascending order): sort before you pick."
        ),
    ),
    Shape(
        id="svd_u_shape",
        section="eigen",
        skill="svd_low_rank",
        prompt="M has shape (6, 4). In its full SVD, M = U Σ Vᵀ, what is the shape of U?",
        answer=(6, 6),
        explanation=(
            "U is square with one column per row of M: (6, 6). V is (4, 4), and Σ has M's own "
            "shape (6, 4). (6, 4) is tempting: that is U in the reduced SVD "
            "(full_matrices=False), which drops the columns Σ's zero rows would multiply."
        ),
    ),
    Numeric(
        id="rank_k_storage",
        section="eigen",
        skill="svd_low_rank",
        prompt=(
            "A 100 × 80 picture is stored as its rank-5 SVD approximation: 5 columns of U, "
            "5 singular values and 5 rows of Vᵀ. How many numbers is that?"
        ),
        answer=905,
        tolerance=0,
        explanation=(
            "k(m + n + 1) = 5 · (100 + 80 + 1) = 905, about a ninth of the 8,000 pixels. "
            "The tempting 40,000 treats each of the 5 layers as a full 100 × 80 image; but a "
            "layer σ u vᵀ is stored as its two vectors and one number, which is the saving."
        ),
    ),
    # -- derivatives and gradients ------------------------------------------------------
    Numeric(
        id="derivative_cube",
        section="derivatives",
        skill="derivative_rule",
        prompt="f(x) = x³. What is the slope f′(2)?",
        answer=12,
        tolerance=1e-6,
        explanation=(
            "f′(x) = 3x², so f′(2) = 3·4 = 12. 8 is tempting but is f(2), the height of the "
            "curve, not its slope. Check numerically: (f(2.001) − f(1.999)) / 0.002 ≈ 12.000001."
        ),
    ),
    Numeric(
        id="central_difference",
        section="derivatives",
        skill="central_difference",
        prompt="f(x) = x³. What does the central difference (f(1 + h) − f(1 − h)) / 2h give for h = 0.1?",
        answer=3.01,
        tolerance=1e-6,
        explanation=(
            "(1.331 − 0.729) / 0.2 = 0.602 / 0.2 = 3.01. The true slope is 3, and the error, "
            "0.01, is h², as the central difference promises. Dividing by h instead of 2h is "
            "the tempting slip: it gives 6.02, twice the slope."
        ),
    ),
    Choice(
        id="descent_sign",
        section="derivatives",
        skill="gradient",
        prompt="Gradient descent steps w ← w − η ∇L(w). Why subtract the gradient?",
        options=(
            "The gradient points downhill, and subtracting keeps the step short and safe",
            "Subtracting pulls every weight towards 0, and smaller weights mean a lower loss",
            "The gradient points uphill, so the step goes the other way",
            "Either sign works: adding it also reaches the minimum if η is small",
        ),
        answer=2,
        explanation=(
            "∇L points where L grows fastest, uphill; stepping against it lowers the loss, at "
            "least for a small enough η. \"Towards 0\" is tempting but describes a penalty such "
            "as Ridge: at w = 0 the example of section 5 steps away from 0, towards (3, −1). "
            "Adding the gradient climbs: for a small η every such step raises L."
        ),
    ),
    Numeric(
        id="chain_rule",
        section="derivatives",
        skill="chain_rule",
        prompt=(
            "L = (p − y)², p = σ(z), z = w·x + b. For one example p = 0.5, y = 1 and x₁ = 4. "
            "What is ∂L/∂w₁?"
        ),
        answer=-1,
        tolerance=1e-9,
        explanation=(
            "Chain the local slopes: dL/dp = 2(p − y) = −1, dp/dz = p(1 − p) = 0.25 and "
            "∂z/∂w₁ = x₁ = 4, so ∂L/∂w₁ = −1 · 0.25 · 4 = −1. The tempting −4 skips the "
            "sigmoid's own slope p(1 − p); every link of the chain contributes a factor."
        ),
    ),
    Shape(
        id="gradient_shape",
        section="derivatives",
        skill="gradient",
        prompt=(
            "L(w) takes a weight vector w of shape (5,) and returns one number. "
            "What is the shape of the gradient ∇L(w)?"
        ),
        answer=(5,),
        explanation=(
            "The gradient has one partial derivative per weight, so it has w's own shape, "
            "(5,), and w − η∇L(w) works entry by entry. () is tempting because L is a single "
            "number, but that number is the loss, not its slope in five directions."
        ),
    ),
    # -- probability distributions ---------------------------------------------------------
    Numeric(
        id="binomial_mean",
        section="distributions",
        skill="bernoulli_binomial",
        prompt=(
            "X counts the successes in 10 independent trials, each a success with p = 0.3. "
            "What is the mean of X?"
        ),
        answer=3,
        tolerance=1e-9,
        explanation=(
            "X is Binomial(10, 0.3), whose mean is np = 10 × 0.3 = 3. 2.1 is tempting if "
            "you remember np(1 − p), but that is the variance."
        ),
    ),
    Choice(
        id="logistic_bernoulli",
        section="distributions",
        skill="bernoulli_binomial",
        prompt=(
            "Logistic regression outputs p = σ(w·x + b) for a yes/no label. "
            "p is the parameter of which distribution?"
        ),
        options=("Normal", "Bernoulli", "Uniform", "Binomial with n = 100"),
        answer=1,
        explanation=(
            "A single yes/no label is one Bernoulli trial: 1 with probability p, 0 otherwise, "
            "and binary cross-entropy is minus the log of that probability. Binomial is "
            "tempting, but it counts successes over many trials; one label is one trial."
        ),
    ),
    Numeric(
        id="uniform_variance",
        section="distributions",
        skill="uniform",
        prompt=(
            "What is the variance of U(0, 1), the uniform distribution on [0, 1]? "
            "(A fraction such as 1/4 is fine.)"
        ),
        answer=1 / 12,
        tolerance=5e-4,
        explanation=(
            "Var = (b − a)² / 12 = 1/12 ≈ 0.0833; a hundred thousand draws give a sample "
            "variance within a few ten-thousandths of it. 1/2 is tempting, but it is the mean, "
            "the centre of the draws, not their spread."
        ),
    ),
    # -- the normal equation, the projection and R² ----------------------------------------------------------
    Shape(
        id="normal_matrix_shape",
        section="regression",
        skill="normal_equation",
        prompt=(
            "X has 100 rows and 3 columns: the bias column of ones and two features. "
            "What is the shape of XᵀX?"
        ),
        answer=(3, 3),
        explanation=(
            "Xᵀ is (3, 100) and X is (100, 3), so XᵀX is (3, 3): one row and column per "
            "weight, however many examples there are, which is why solving it is cheap. "
            "(100, 100) is tempting, but that is X Xᵀ, one entry per pair of examples."
        ),
    ),
    Choice(
        id="least_squares_projection",
        section="regression",
        skill="normal_equation",
        prompt="Least squares picks w so that ŷ = Xw is as close to y as it can be. What is true of the residual r = y − ŷ?",
        options=(
            "It is perpendicular to every column of X: Xᵀr = 0",
            "It is perpendicular to y itself: y·r = 0",
            "Each entry rᵢ is as small as it can be",
            "It is 0 whenever the model is a good one",
        ),
        answer=0,
        explanation=(
            "ŷ is the point of X's column space nearest y, found by dropping a perpendicular, "
            "so r is at right angles to every column: Xᵀ(y − Xw) = 0, the normal equations. "
            "y·r = 0 is tempting, but the right angle is between r and ŷ; y is the long side "
            "of the triangle, and y·r = ‖r‖² > 0 unless the fit is perfect."
        ),
    ),
    Numeric(
        id="r_squared",
        section="regression",
        skill="r_squared",
        prompt="A fit leaves SSE = 20, and the targets vary by SST = 80 around their mean. What is R²?",
        answer=0.75,
        tolerance=1e-6,
        explanation=(
            "R² = 1 − SSE/SST = 1 − 20/80 = 0.75: the line accounts for three quarters of the "
            "variance. 0.25 is tempting, but SSE/SST is the share the line leaves unexplained."
        ),
    ),
    Choice(
        id="negative_r_squared",
        section="regression",
        skill="r_squared",
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
            "prediction ȳ. \"R² cannot be negative\" is tempting because of the square in its "
            "name, but R² = 1 − SSE/SST is no square, and on data the model was not fitted "
            "to, SSE can exceed SST."
        ),
    ),
    # -- the pitfalls ------------------------------------------------------------------------------
    Choice(
        id="solve_not_inv",
        section="pitfalls",
        skill="solve_not_inv",
        prompt=(
            "A is square and invertible but badly conditioned (cond ≈ 10¹⁰). "
            "You need x with A x = b. Which line should you write?"
        ),
        options=(
            "x = np.linalg.inv(A) @ b",
            "x = np.linalg.pinv(A) @ b",
            "x = np.linalg.solve(A.T @ A, A.T @ b)",
            "x = np.linalg.solve(A, b)",
        ),
        answer=3,
        explanation=(
            "solve factorises A once and solves directly: less work, and a residual far "
            "smaller than through an inverse. inv(A) @ b is tempting because it is the "
            "formula A⁻¹b as written, but the inverse adds its own rounding error; pinv "
            "forms an inverse too, by a costlier SVD; and AᵀA squares cond to 10²⁰."
        ),
    ),
    Shape(
        id="broadcast_trap",
        section="pitfalls",
        skill="shape_traps",
        prompt="v = np.array([1, 2, 3]) and col = v.reshape(-1, 1). What is the shape of v - col?",
        answer=(3, 3),
        explanation=(
            "v is (3,) and col is (3, 1); broadcasting stretches both to (3, 3) with no "
            "error. (3,) is tempting, since both hold the same three numbers, but NumPy pairs "
            "every entry of col with every entry of v. Compare shapes before computing a loss."
        ),
    ),
    Choice(
        id="feature_scaling",
        section="pitfalls",
        skill="feature_scaling",
        prompt=(
            "Features: floor area (about 2,000) and a ratio (about 0.3). Gradient descent on "
            "them crawls. What is the best fix?"
        ),
        options=(
            "Standardise each feature: subtract its mean, divide by its std",
            "Raise the learning rate until the ratio's weight moves",
            "Drop the ratio: values that small cannot matter",
            "Lower the learning rate, so no step overshoots",
        ),
        answer=0,
        explanation=(
            "On raw features the loss is a long, narrow valley, and the area's steep direction "
            "caps the learning rate. Raising it is the tempting fix, but any rate that moves "
            "the ratio's weight makes the area's weight diverge. After z = (x − μ)/σ the valley "
            "is round and an ordinary rate works. A small value is not a small effect."
        ),
    ),
    Choice(
        id="log_space",
        section="pitfalls",
        skill="underflow_logs",
        prompt=(
            "p holds the probabilities of 2,000 examples, and np.prod(p) prints 0.0. "
            "What should you compute and maximise instead?"
        ),
        options=(
            "np.log(np.prod(p))",
            "np.prod(np.log(p))",
            "np.exp(np.sum(np.log(p)))",
            "np.sum(np.log(p))",
        ),
        answer=3,
        explanation=(
            "log(p₁p₂…pₙ) = Σ log pᵢ, an ordinary, well-scaled sum. np.log(np.prod(p)) is "
            "tempting, but it takes the log too late: the product has already underflowed to "
            "0.0, and log(0) is −∞. np.exp of the sum rebuilds the same 0.0, and a product of "
            "logs is not the log of a product."
        ),
    ),
    Choice(
        id="correlation_causation",
        section="pitfalls",
        skill="correlation_causation",
        prompt=(
            "Over 1,000 fires, the number of firefighters sent and the damage done correlate "
            "at 0.92. What can you conclude?"
        ),
        options=(
            "Sending fewer firefighters would reduce the damage",
            "Crew size predicts damage, but this data cannot say it causes it",
            "0.92 is too high for chance, so one must cause the other",
            "Nothing: below 1, a correlation carries no information",
        ),
        answer=1,
        explanation=(
            "A bigger fire brings both more firefighters and more damage; hold fire size fixed "
            "and the correlation falls to about −0.02. \"Too high for chance\" is tempting, "
            "and right that it is no coincidence, but a common cause explains it, not one "
            "causing the other. Only an experiment or the mechanism settles causation."
        ),
    ),
    # -- what to try next ----------------------------------------------------------------------------
    Numeric(
        id="l1_norm",
        section="next_steps",
        skill="norms",
        prompt="What is the L1 norm ‖w‖₁ of w = (3, −4)?",
        answer=7,
        tolerance=0,
        explanation=(
            "‖w‖₁ = |3| + |−4| = 7. −1 is the tempting slip of forgetting the absolute values, "
            "and 5 is the L2 norm, the ordinary length √(9 + 16)."
        ),
    ),
    Choice(
        id="lasso_zeros",
        section="next_steps",
        skill="norms",
        prompt="Which penalty added to the loss tends to set some weights to exactly 0?",
        options=("α‖w‖₂² (Ridge)", "α‖w‖₁ (Lasso)", "Neither", "Both, equally"),
        answer=1,
        explanation=(
            "The L1 penalty (Lasso) pushes small weights all the way to zero, so it selects "
            "features. Ridge is tempting because it shrinks every weight, but its pull "
            "weakens as a weight nears 0, so weights get small without reaching 0."
        ),
    ),
    Numeric(
        id="covariance_entry",
        section="next_steps",
        skill="covariance",
        prompt=(
            "Centred data, n = 3 examples: feature a = (1, 0, −1), feature b = (2, 0, −2). "
            "With C = X_cᵀX_c / (n − 1), what is C[0, 1]?"
        ),
        answer=2,
        tolerance=1e-9,
        explanation=(
            "C[0, 1] = Σ aᵢbᵢ / (n − 1) = (2 + 0 + 2) / 2 = 2, and C[1, 0] is the same: C is "
            "symmetric. The diagonal holds the variances, C[0, 0] = 1 and C[1, 1] = 4. "
            "Dividing by n is the tempting slip: 4/3 is np.cov(..., bias=True), not the formula."
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
