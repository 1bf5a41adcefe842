"""The REPL setup of Maths Foundations: the variables the learner finds at the prompt.

The REPL runs this text when it starts and after every restart. It holds the vectors and
matrices the sections work with (under the short names a learner would type) and the
house data of the regression section, under the names its examples use (built by the same
code as those examples, so the numbers agree with the text). It is text, not objects: the
lesson never imports numpy.
"""

from lessons.maths_foundations.s07_normal_equation import FIT_SETUP

VECTORS_AND_MATRICES = """\
import numpy as np

# two vectors (section 2): a @ b == 32.0
a = np.array([1.0, 2.0, 3.0])
b = np.array([4.0, 5.0, 6.0])

# a (3, 2) and a (2, 3) matrix (section 3): A @ B is (3, 3)
A = np.array([[1, 2],
              [3, 4],
              [5, 6]])
B = np.array([[7, 8, 9],
              [10, 11, 12]])

# a symmetric matrix (section 4): eigenvalues 4 and 2
M = np.array([[3.0, 1.0],
              [1.0, 3.0]])
"""

HOUSE_DATA = "# the house data (section 7): area, price, the design matrix X and the fit w\n" + FIT_SETUP.replace(
    "import numpy as np\n\n", "", 1
)

REPL_SETUP = VECTORS_AND_MATRICES + "\n" + HOUSE_DATA
