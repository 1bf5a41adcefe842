"""The registry: lessons from entry points, broken ones kept with their error."""

from __future__ import annotations

from tests.conftest import entry_point
from tutor.lesson import Example, Lesson, Prose, Section, validate
from tutor.lesson.registry import discover


def test_installed_lessons_include_the_built_in_one():
    catalogue = discover()
    entry = catalogue.get("maths_foundations")
    assert entry is not None and entry.lesson is not None, entry and entry.error
    assert entry.lesson.title == "Maths Foundations for ML"
    assert entry.lesson.number == 2


def test_a_module_that_raises_is_listed_as_broken_and_others_still_load(sample_catalogue):
    assert sample_catalogue.ids() == ["sample", "broken"]  # sorted by number, broken last
    broken = sample_catalogue.get("broken")
    assert broken.broken and broken.lesson is None
    assert "RuntimeError: this lesson is deliberately broken" in broken.error
    assert "Traceback" in broken.details
    assert [lesson.id for lesson in sample_catalogue.lessons] == ["sample"]


def test_an_invalid_lesson_object_is_broken_with_its_problems():
    catalogue = discover([entry_point("invalid", "tests.fixtures.invalid_lesson")])
    error = catalogue.get("invalid").error
    assert "not a valid lesson" in error
    assert "no title" in error and "no sections" in error


def test_a_missing_attribute_or_module_is_broken():
    catalogue = discover(
        [
            entry_point("gone", "tests.fixtures.no_such_module"),
            entry_point("sample", "tests.fixtures.sample_lesson"),
        ]
    )
    assert "ModuleNotFoundError" in catalogue.get("gone").error
    assert catalogue.get("sample").lesson is not None


def test_an_id_that_disagrees_with_its_entry_point_name_is_broken():
    catalogue = discover([entry_point("renamed", "tests.fixtures.sample_lesson")])
    assert "registered as 'renamed'" in catalogue.get("renamed").error


def test_the_first_registration_of_a_name_wins():
    catalogue = discover(
        [
            entry_point("sample", "tests.fixtures.sample_lesson"),
            entry_point("sample", "tests.fixtures.broken_lesson"),
        ]
    )
    assert len(catalogue) == 1 and not catalogue.get("sample").broken


def test_validate_reports_each_problem():
    bad = Lesson(
        id="not an id",
        number=-1,
        title="T",
        summary="",
        sections=(
            Section("a", "A", (Prose("  "),)),
            Section("a", "", ()),
            Section("c", "C", (Example("def f(:\n  pass"), "not a block")),
        ),
    )
    problems = validate(bad)
    text = "\n".join(problems)
    assert "must be a Python identifier" in text
    assert "number -1" in text
    assert "empty prose" in text
    assert "duplicate section id 'a'" in text
    assert "section 2: no title" in text
    assert "does not compile" in text
    assert "unknown block type str" in text
    assert validate("nonsense") == ["expected a Lesson, got str"]
