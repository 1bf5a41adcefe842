"""The lesson's closing quiz: questions on every section, each with its explanation.

Every question names the section it tests (`section=`) and the skill it
practises (`skill=`). The numbers are small enough to work out by hand; the
tests recompute each one with NumPy. Every explanation says why the most
tempting wrong answer is wrong.
"""

from tutor.lesson import Choice, Numeric, Prose, Quiz, Section, Shape

QUESTIONS = (
    # -- why raw data is not ready --------------------------------------------------------
    Choice(
        id="dh_fitted_steps",
        section="why",
        skill="dh_raw_data",
        prompt="Which of these steps learns numbers from the data, and so must be fitted on the training rows only?",
        options=(
            "Taking the log of every income",
            "Converting prices from cents to euros",
            "Standardising a column",
            "Deleting a column you will not use",
        ),
        answer=2,
        explanation=(
            "Standardising learns a mean and a standard deviation from the rows it sees. The log of an income "
            "depends on that income alone, so it learns nothing and may be applied before the split, as may "
            "dividing by 100. Treating every transformation as a fitted step is the tempting slip: only the "
            "ones that compute something from many rows (a mean, a range, categories) are."
        ),
    ),
    # -- scaling ----------------------------------------------------------------------------
    Numeric(
        id="dh_z_by_hand",
        section="scaling",
        skill="dh_standardize",
        prompt=(
            "Training values: 2, 4, 4, 4, 5, 5, 7, 9 (mean 5, population standard deviation 2). "
            "Standardise the test value 11."
        ),
        answer=3,
        tolerance=1e-9,
        explanation=(
            "z = (11 − 5)/2 = 3: the test value lies three training standard deviations above the training "
            "mean. 6 is tempting, but that is only x − μ; standardising also divides by σ."
        ),
    ),
    Numeric(
        id="dh_minmax_below",
        section="scaling",
        skill="dh_minmax",
        prompt="A min–max scaler learned min 10 and max 30 on the training rows. What does it make of a test value of 5?",
        answer=-0.25,
        tolerance=1e-9,
        explanation=(
            "(5 − 10)/(30 − 10) = −5/20 = −0.25. 0 is tempting, as if the scaler clipped to [0, 1]; it does "
            "not, and a value below the training minimum lands below 0."
        ),
    ),
    Numeric(
        id="dh_robust_outlier",
        section="scaling",
        skill="dh_outliers",
        prompt="A column holds 1, 2, 3, 4 and 100. Robust scaling maps x to (x − median)/IQR. What does 100 become?",
        answer=48.5,
        tolerance=1e-9,
        explanation=(
            "The median is 3; Q₁ = 2 and Q₃ = 4 (positions 1 and 3 of the sorted five), so IQR = 2 and "
            "(100 − 3)/2 = 48.5. 1 is tempting, but that is what min–max gives: robust scaling divides by the "
            "IQR, which the outlier cannot inflate, not by the range."
        ),
    ),
    Choice(
        id="dh_test_not_exact",
        section="scaling",
        skill="dh_standardize",
        prompt="A scaler is fitted on the training rows and applied to the test rows. What are the scaled test column's mean and standard deviation?",
        options=(
            "Exactly 0 and 1",
            "Close to 0 and 1, but not exactly",
            "The raw test column's mean and standard deviation",
            "Between 0 and 1 each",
        ),
        answer=1,
        explanation=(
            "Only the rows μ and σ were computed from get exactly 0 and 1; the test rows are new data in the "
            "training rows' units, so they come out near 0 and 1. \"Exactly 0 and 1\" is tempting, but that "
            "would need the test rows' own statistics, which is the leak."
        ),
    ),
    Choice(
        id="dh_scaler_outliers",
        section="scaling",
        skill="dh_outliers",
        prompt="One income is a thousand times the others, and you keep it. Which scaler leaves the ordinary incomes spread out?",
        options=("Min–max scaling", "Standardisation", "Robust scaling (median and IQR)", "None: every scaler squeezes them"),
        answer=2,
        explanation=(
            "The median and the IQR depend on the middle of the data, so one extreme value barely moves them. "
            "Standardisation is the tempting answer, the default scaler, but the outlier inflates σ and "
            "squeezes the ordinary values together; min–max squeezes them near 0."
        ),
    ),
    # -- encoding ----------------------------------------------------------------------------
    Shape(
        id="dh_one_hot_shape",
        section="encoding",
        skill="dh_one_hot",
        prompt="500 rows of a city column take 4 different cities. One-hot encoded with all columns kept, what shape is the table?",
        answer=(500, 4),
        explanation=(
            "One row per value and one column per category: (500, 4). (500, 3) is tempting, but that is the "
            "shape with one column dropped, which this encoder does not do; (500, 1) would be ordinal codes."
        ),
    ),
    Shape(
        id="dh_gram_shape",
        section="encoding",
        skill="dh_dummy_trap",
        prompt=(
            "X has 200 rows: a bias column, 3 number columns and a colour column with 5 colours, one-hot "
            "encoded with one colour dropped. What is the shape of XᵀX?"
        ),
        answer=(8, 8),
        explanation=(
            "X has 1 + 3 + (5 − 1) = 8 columns, so XᵀX is (8, 8). (9, 9) is tempting, but that counts all 5 "
            "colour columns; one is dropped to escape the dummy-variable trap. The 200 rows do not appear: XᵀX "
            "is square in the number of columns."
        ),
    ),
    Numeric(
        id="dh_trap_rank",
        section="encoding",
        skill="dh_dummy_trap",
        prompt="X has 30 rows: a bias column and all 4 one-hot columns of one category column (each category occurs). What is the rank of XᵀX?",
        answer=4,
        tolerance=0,
        explanation=(
            "X has 5 columns, but the 4 one-hot columns add up to the bias column, so only 4 are independent: "
            "the rank is 4 and det(XᵀX) = 0. 5, the number of columns, is tempting; one column too many is "
            "exactly the dummy-variable trap."
        ),
    ),
    Choice(
        id="dh_codes_for_cities",
        section="encoding",
        skill="dh_ordinal",
        prompt="Cities are coded Leeds = 0, York = 1, Hull = 2 and fed to a linear model. What does that force?",
        options=(
            "Nothing: the model learns each city's effect",
            "York's prediction halfway between Leeds's and Hull's",
            "Hull's prediction to be twice Leeds's",
            "An error, since codes must be one-hot",
        ),
        answer=1,
        explanation=(
            "One weight w multiplies the code, so the three cities get w·0, w·1 and w·2 on top of the rest: "
            "evenly spaced, with York in the middle. \"Nothing\" is tempting, but one weight cannot hold three "
            "free effects; one-hot columns give each city its own weight."
        ),
    ),
    Choice(
        id="dh_unseen_city",
        section="encoding",
        skill="dh_one_hot",
        prompt=(
            "The encoder learned Leeds, York and Hull and keeps all three columns, with unknown categories "
            "ignored. A test row says Bath. What row does it get?"
        ),
        options=("(0, 0, 1)", "(0, 0, 0, 1)", "(0, 0, 0)", "(1/3, 1/3, 1/3)"),
        answer=2,
        explanation=(
            "The categories were fixed on the training rows, and Bath matches none of the three columns, so its "
            "row is all zeros. (0, 0, 0, 1) is tempting, but a new column would give the test rows a different "
            "shape from the training rows, and the model has no weight for it."
        ),
    ),
    # -- missing values ------------------------------------------------------------------------
    Numeric(
        id="dh_fill_value",
        section="missing",
        skill="dh_impute",
        prompt="A training column reads 4, nan, 10, 7, nan. With mean imputation, what value fills a blank?",
        answer=7,
        tolerance=1e-9,
        explanation=(
            "The mean of the known values: (4 + 10 + 7)/3 = 21/3 = 7. 4.2 is tempting: that is 21/5, counting "
            "the two blanks as zeros. np.nanmean skips them."
        ),
    ),
    Numeric(
        id="dh_complete_share",
        section="missing",
        skill="dh_deletion",
        prompt=(
            "Ten columns are each blank in 5% of the rows, independently. What share of the rows is complete "
            "(no blank at all)? Give a number between 0 and 1."
        ),
        answer=0.599,
        tolerance=0.005,
        explanation=(
            "A row is complete when all ten of its values are known: 0.95¹⁰ ≈ 0.599, so deleting rows with "
            "blanks keeps only about 60%. 0.5 is tempting (1 − 10 × 5%), but that counts a row with two blanks "
            "twice."
        ),
    ),
    Shape(
        id="dh_indicator_shape",
        section="missing",
        skill="dh_impute",
        prompt="X has shape (250, 4) and every column has blanks. You impute and add one indicator column per column. What shape comes out?",
        answer=(250, 8),
        explanation=(
            "The 4 filled columns, then 4 indicator columns: (250, 8). (250, 4) is tempting, but that is "
            "imputation alone; the indicators add a column per column."
        ),
    ),
    Choice(
        id="dh_why_indicator",
        section="missing",
        skill="dh_impute",
        prompt="Why add an indicator column when you impute?",
        options=(
            "It makes the filled mean unbiased",
            "A blank can itself predict the label, and filling hides it",
            "Models cannot read a filled value without it",
            "It lets you fit the imputer on the test rows",
        ),
        answer=1,
        explanation=(
            "After filling, a filled value looks like any other; the indicator keeps the fact that it was blank "
            "(in the REPL's applicants, 29% of defaulters left income blank against 4% of the others). Making "
            "the mean unbiased is tempting, but no indicator can do that: the fill value is the mean of the "
            "known values, biased or not."
        ),
    ),
    # -- splitting ------------------------------------------------------------------------------
    Numeric(
        id="dh_train_rows",
        section="splitting",
        skill="dh_split",
        prompt="Of 1,000 rows you set aside 20% for testing, then 25% of the rest for validation. How many rows train the model?",
        answer=600,
        tolerance=0,
        explanation=(
            "Test: 200, leaving 800. Validation: 25% of 800 = 200. Training: 800 − 200 = 600. 550 is tempting, "
            "taking 25% of all 1,000 for validation; the second share is of what remains."
        ),
    ),
    Numeric(
        id="dh_stratified_ones",
        section="splitting",
        skill="dh_stratify",
        prompt="The labels are 90 zeros and 10 ones. A stratified split puts 30% in the test set. How many ones are in it?",
        answer=3,
        tolerance=0,
        explanation=(
            "Each class is split on its own: 30% of the 10 ones is 3 (and 30% of the 90 zeros is 27). 30 is "
            "tempting, but that is the size of the whole test set, not its ones."
        ),
    ),
    Choice(
        id="dh_forecast_split",
        section="splitting",
        skill="dh_time_split",
        prompt="You forecast next month's sales from three years of daily sales. Which split gives an honest test score?",
        options=(
            "A stratified split on the sales",
            "A shuffled 80/20 split",
            "Every fifth day as the test set",
            "The last months as the test set, the earlier ones to train",
        ),
        answer=3,
        explanation=(
            "The model will predict the future from the past, so the test must do the same. A shuffled split "
            "is tempting, the usual default, but it puts known days on both sides of every test day and "
            "reports a smaller error than the forecast will have (4.3 against 10.5 in section 5)."
        ),
    ),
    Choice(
        id="dh_two_scores",
        section="splitting",
        skill="dh_split",
        prompt="On one test set of 20 rows, model A scores R² = 0.81 and model B scores 0.79. What can you conclude?",
        options=(
            "A is better",
            "B overfits",
            "Little: the score of 20 rows moves more than 0.02 from split to split",
            "A and B are the same model",
        ),
        answer=2,
        explanation=(
            "In section 5's explorable, with 100 rows and a 20% test share, the same model's test R² lies "
            "between 0.48 and 0.81 for 90% of 200 seeds. \"A is better\" is tempting, but a gap of 0.02 is far inside that spread; "
            "cross-validation, or a larger test set, is needed to tell them apart."
        ),
    ),
    # -- leakage ----------------------------------------------------------------------------------
    Choice(
        id="dh_leak_free",
        section="leakage",
        skill="dh_leakage",
        prompt="Which pipeline is free of leakage?",
        options=(
            "Impute and scale all rows, then split",
            "Split; fit the imputer and scaler on the training rows; apply them to both",
            "Split; fit one scaler on the training rows and another on the test rows",
            "Keep the columns most correlated with y over all rows; then split and scale correctly",
        ),
        answer=1,
        explanation=(
            "Every fitted number comes from the training rows and is applied unchanged to the test rows. "
            "Fitting a separate scaler on the test rows is tempting, as it never mixes the two, but it uses "
            "the test rows' own statistics; and choosing columns on all rows lets the test labels pick them."
        ),
    ),
    Numeric(
        id="dh_coin_flip_accuracy",
        section="leakage",
        skill="dh_leakage",
        prompt=(
            "The labels are fair coin flips and the 2,000 features pure noise. What test accuracy should an "
            "honest pipeline expect? Give a number between 0 and 1."
        ),
        answer=0.5,
        tolerance=0.02,
        explanation=(
            "No feature carries any information about a fair coin, so no model beats guessing on new rows: 0.5. "
            "0.81 is tempting, the score section 6 printed, but that came from choosing the columns on all rows, "
            "test labels included."
        ),
    ),
    Choice(
        id="dh_readmission_leak",
        section="leakage",
        skill="dh_target_leak",
        prompt="A model predicts at discharge whether a patient will be readmitted within 30 days. Which feature leaks the target?",
        options=(
            "Age at admission",
            "Number of earlier admissions",
            "Length of the first stay",
            "Days spent in hospital in the next 30 days",
        ),
        answer=3,
        explanation=(
            "Days in hospital in the next 30 days is above 0 exactly when the patient was readmitted: it is "
            "the answer, recorded after the fact. The number of earlier admissions is tempting, since it "
            "predicts readmission well, but it is known at discharge, which makes it a fair feature."
        ),
    ),
    Choice(
        id="dh_duplicate_fix",
        section="leakage",
        skill="dh_duplicates",
        prompt="Many customers appear twice in your table (exported by two systems). What keeps the test score honest?",
        options=(
            "Remove the duplicates, or split by customer, before splitting",
            "Stratify the split on the label",
            "Standardise the features first",
            "Use a larger test set",
        ),
        answer=0,
        explanation=(
            "A copy in the training set gives its twin's answer away (0.88 against 0.71 in section 6), so no "
            "customer may be on both sides. A larger test set is tempting, but it only measures the same "
            "inflated score more precisely."
        ),
    ),
    # -- pitfalls and next steps ------------------------------------------------------------------
    Choice(
        id="dh_separate_dummies",
        section="pitfalls",
        skill="dh_pipeline",
        prompt=(
            "Training cities: Hull, Leeds, York. Test cities: Bath, Leeds, York. Each split is one-hot encoded "
            "with its own sorted categories. What happens to the Bath rows?"
        ),
        options=(
            "They get a row of zeros",
            "They raise an error",
            "They land in the column the model learned as Hull",
            "They are dropped",
        ),
        answer=2,
        explanation=(
            "Sorted, the test categories are Bath, Leeds, York, so Bath takes the first column, which in "
            "training meant Hull: the model applies Hull's weight. A row of zeros is tempting, but that is "
            "what the training categories would give; and as the shapes agree, nothing raises an error."
        ),
    ),
    Numeric(
        id="dh_fold_rows",
        section="pitfalls",
        skill="dh_pipeline",
        prompt="5-fold cross-validation on the 400 rows that are not the test set: how many rows fit the model in each fold?",
        answer=320,
        tolerance=0,
        explanation=(
            "Each fold of 80 rows validates once while the other four, 4 × 80 = 320 rows, fit the model (and "
            "every preprocessing step). 80 is tempting, but that is the validation fold."
        ),
    ),
)

QUIZ = Quiz(title="Data Handling: check yourself", questions=QUESTIONS)

SECTION = Section(
    id="quiz",
    title="Check yourself",
    blocks=(
        Prose("""\
Questions on every section, answered with an option
(`a`–`d` or `1`–`4`), a number (`0.75`, `-2`, `1/12`)
or a shape (`(3, 3)`, `3x3`). Each answer is explained
at once; one in the wrong form does not count. At the
end, retry what you missed.

Press `tab` to reach the quiz card, then `enter`.
"""),
        QUIZ,
    ),
)
