"""Canaries for the REPL's one use of a library's private API: textual-autocomplete's placement.

``ReplCompletions`` opens its list above the prompt through the private hook wrapped by
:mod:`tutor.widgets.adapters.autocomplete`. If an upgrade of textual-autocomplete renames
the hook, changes how it is called, or places the list another way, these fail first,
with a sentence saying what moved and where to fix it.
"""

from __future__ import annotations

from textual_autocomplete import AutoComplete

from tutor.widgets.adapters.autocomplete import HOOK, PlacedAutoComplete, placement_problems
from tutor.widgets.repl._input import ReplCompletions, ReplInput


def test_textual_autocomplete_still_places_its_list_through_the_wrapped_hook() -> None:
    problems = placement_problems()
    assert not problems, "textual-autocomplete changed under the REPL's completion list:\n" + "\n".join(problems)


def test_the_hook_is_overridden_only_in_the_adapter() -> None:
    assert HOOK in PlacedAutoComplete.__dict__
    assert issubclass(ReplCompletions, PlacedAutoComplete)
    assert HOOK not in ReplCompletions.__dict__, "ReplCompletions overrides the private hook itself: use dropdown_offset"
    assert getattr(ReplCompletions, HOOK) is getattr(PlacedAutoComplete, HOOK)
    assert getattr(PlacedAutoComplete, HOOK) is not getattr(AutoComplete, HOOK)


def test_the_prompt_uses_inputs_public_key_and_paste_handlers() -> None:
    for private in ("_on_key", "_on_paste"):
        assert private not in ReplInput.__dict__, f"ReplInput overrides Input.{private}: use the public handler"
    assert "on_key" in ReplInput.__dict__ and "on_paste" in ReplInput.__dict__
