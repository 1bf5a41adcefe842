"""The skills of Data Handling: what a learner can do after each section.

Every quiz question, checkpoint, drill and exercise of the lesson names one of
these by id; mastery and spaced review are tracked per skill. `section` is the
section that teaches the skill. The ids start with `dh_` so that they never
clash with another lesson's.
"""

from tutor.lesson import Skill

SKILLS: tuple[Skill, ...] = (
    # -- why raw data is not ready
    Skill("dh_raw_data", "What a raw table needs first", "why"),
    # -- scaling
    Skill("dh_standardize", "Standardise with training statistics", "scaling"),
    Skill("dh_minmax", "Min–max scaling of new values", "scaling"),
    Skill("dh_outliers", "Outliers and robust scaling", "scaling"),
    # -- encoding
    Skill("dh_ordinal", "Ordinal codes for ordered categories", "encoding"),
    Skill("dh_one_hot", "One-hot encoding with fixed categories", "encoding"),
    Skill("dh_dummy_trap", "The dummy-variable trap", "encoding"),
    # -- missing values
    Skill("dh_impute", "Imputing with an indicator", "missing"),
    Skill("dh_deletion", "What deleting rows costs", "missing"),
    # -- splitting
    Skill("dh_split", "Seeded train/validation/test splits", "splitting"),
    Skill("dh_stratify", "Stratified splits for rare labels", "splitting"),
    Skill("dh_time_split", "Splitting data ordered in time", "splitting"),
    # -- leakage
    Skill("dh_leakage", "Fitting every step after the split", "leakage"),
    Skill("dh_target_leak", "Target information in a feature", "leakage"),
    Skill("dh_duplicates", "Duplicates across the split", "leakage"),
    # -- pitfalls and next steps
    Skill("dh_pipeline", "One fitted pipeline for every split", "pitfalls"),
)
