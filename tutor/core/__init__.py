"""The numerical core of the tutor: the maths of machine learning in plain numpy.

Each module is a chapter, written to be read:

    linalg       dot products, matmul, eigenvectors, PCA, SVD, norms, inv vs solve
    calculus     derivatives and gradients by finite differences, gradient checks
    regression   least squares by the normal equation, MSE and R²
    optimize     standardisation and gradient descent
    probability  densities, the binomial pmf, log-likelihoods, logsumexp, sampling
    preprocessing  scaling fitted on training rows, one-hot and ordinal codes,
                 imputation with indicators, plain, stratified and time splits

Nothing here draws on screen or imports scipy; the lessons and widgets call
these functions and show the results.
"""
