"""The REPL setup of Data Handling: the table of loan applicants the learner finds at the prompt.

The REPL runs this text when it starts and after every restart. Section 1 shows
the same code as a listing (so the learner can read how the data were made) and
tells the learner the names: `income`, `age`, `debt`, `city`, `y`, `X`, `CITIES`.
It is text, not objects: the lesson never imports numpy.
"""

DATA_SETUP = """\
import numpy as np

# 300 loan applicants, made up with a seed
rng = np.random.default_rng(7)
n = 300
CITIES = ["Leeds", "York", "Hull"]
age = rng.integers(18, 71, size=n) * 1.0
income = rng.lognormal(10.4, 0.45, size=n)
income = np.round(income, -2)      # € a year
debt = np.round(rng.beta(2, 5, size=n), 3)
city = rng.choice(CITIES, size=n,
                  p=[0.5, 0.3, 0.2])
# the label y: 1 if the loan was not repaid
score = 5 * debt - 0.03 * (age - 40)
score -= income / 20000
risk = 1 / (1 + np.exp(2.3 - score))
y = (rng.uniform(size=n) < risk) * 1
# blanks: those who later default leave
# income blank more often
blank = np.where(y == 1, 0.25, 0.05)
income[rng.uniform(size=n) < blank] = np.nan
age[rng.uniform(size=n) < 0.05] = np.nan
X = np.column_stack([income, age, debt])
"""

REPL_SETUP = DATA_SETUP
