"""The lesson's drills: one question generator per kind of question, each practising one skill.

Each `Drill` names its generator as text, "lessons.data_handling.drill_makers:…",
so loading the lesson imports neither the generators nor numpy; the tutor
imports them when it first asks a drill. `seconds` is how long a right answer
typically takes.
"""

from tutor.lesson import Drill

MAKERS = "lessons.data_handling.drill_makers"

DRILLS: tuple[Drill, ...] = (
    Drill("dh_standardize_value", "dh_standardize", "scaling", f"{MAKERS}:standardize_value", seconds=90),
    Drill("dh_test_mean_z", "dh_standardize", "scaling", f"{MAKERS}:test_mean_z", seconds=45),
    Drill("dh_minmax_value", "dh_minmax", "scaling", f"{MAKERS}:minmax_value", seconds=45),
    Drill("dh_robust_value", "dh_outliers", "scaling", f"{MAKERS}:robust_value", seconds=75),
    Drill("dh_which_scaler", "dh_outliers", "scaling", f"{MAKERS}:which_scaler", seconds=60),
    Drill("dh_ordinal_choice", "dh_ordinal", "encoding", f"{MAKERS}:ordinal_choice", seconds=30),
    Drill("dh_one_hot_row", "dh_one_hot", "encoding", f"{MAKERS}:one_hot_row", seconds=30),
    Drill("dh_encoded_shape", "dh_one_hot", "encoding", f"{MAKERS}:encoded_shape", seconds=60),
    Drill("dh_dummy_rank", "dh_dummy_trap", "encoding", f"{MAKERS}:dummy_rank", seconds=60),
    Drill("dh_impute_fill", "dh_impute", "missing", f"{MAKERS}:impute_fill", seconds=45),
    Drill("dh_complete_rows", "dh_deletion", "missing", f"{MAKERS}:complete_rows", seconds=60),
    Drill("dh_split_sizes", "dh_split", "splitting", f"{MAKERS}:split_sizes", seconds=45),
    Drill("dh_stratified_count", "dh_stratify", "splitting", f"{MAKERS}:stratified_count", seconds=30),
    Drill("dh_which_time_split", "dh_time_split", "splitting", f"{MAKERS}:time_split", seconds=30),
    Drill("dh_which_leak", "dh_target_leak", "leakage", f"{MAKERS}:target_leak", seconds=30),
)
