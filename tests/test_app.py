"""Pilot tests of every key on the home and lesson screens, resume, and sizes."""

from __future__ import annotations

from tests.helpers import screen_text as _plain
from tests.helpers import screen_words as _words
from tests.helpers import type_keys
from tutor.app import MIN_SIZE, TutorApp
from tutor.screens.help import HelpScreen
from tutor.screens.home import HomeScreen
from tutor.screens.lesson import LessonScreen
from tutor.screens.too_small import TooSmallScreen
from tutor.store import Store
from tutor.widgets.section._section_view import SectionView
from tutor.widgets.section_list import SectionList


def make_app(catalogue, start=None) -> TutorApp:
    return TutorApp(catalogue=catalogue, store=Store.open(), start=start)


async def test_home_lists_lessons_and_enter_opens_the_selected_one(sample_catalogue):
    app = make_app(sample_catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        text = _plain(app)
        assert "Sample Lesson" in text and "0/3" in text and "broken" in text
        await pilot.press("down")
        assert "deliberately broken" in _plain(app)  # the error shows on selection
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)  # a broken lesson does not open
        await pilot.press("up", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen) and app.screen.index == 0


async def test_next_previous_and_number_keys_move_between_sections(sample_catalogue):
    app = make_app(sample_catalogue, start=("sample", None))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, LessonScreen)
        await pilot.press("n")
        assert screen.index == 1 and "2. Part 2" in _plain(app)
        await pilot.press("n", "n")  # past the end stays on the last section
        assert screen.index == 2
        await pilot.press("p")
        assert screen.index == 1
        await pilot.press("p", "p")
        assert screen.index == 0
        await pilot.press("3")
        assert screen.index == 2 and "3. Part 3" in _plain(app)
        await pilot.press("9")  # beyond this lesson: stays, with a notice
        assert screen.index == 2
        await pilot.press("1")
        assert screen.index == 0


async def test_sidebar_marks_seen_sections_and_the_current_one(sample_catalogue):
    app = make_app(sample_catalogue, start=("sample", 0))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        sidebar = app.screen.query_one(SectionList)
        labels = [label.plain for label in sidebar.labels]
        assert labels[0].startswith(" ✓") and labels[1].startswith("  ") and labels[2].startswith("▶✓")
        assert sidebar.highlighted == 2


async def test_scroll_keys_scroll_the_content(sample_catalogue):
    app = make_app(sample_catalogue, start=("sample", 0))
    async with app.run_test(size=(80, 24)) as pilot:
        content = app.screen.query_one(SectionView)
        assert content.has_focus and content.max_scroll_y > 20
        await pilot.press("down", "down")
        assert content.scroll_target_y == 2
        await pilot.press("up")
        assert content.scroll_target_y == 1
        await pilot.press("pagedown")
        assert content.scroll_target_y > 10
        await pilot.press("pageup")
        assert content.scroll_target_y < 10
        await pilot.press("end")
        assert content.scroll_target_y == content.max_scroll_y
        await pilot.press("home")
        assert content.scroll_target_y == 0
        await pilot.press("end", "n")  # a new section starts at the top
        await pilot.pause()
        assert content.scroll_y == 0


async def test_escape_returns_home_with_progress_shown(sample_catalogue):
    app = make_app(sample_catalogue, start=("sample", 0))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "2/3" in _plain(app)
        assert "continue at 2. Part 2" in _plain(app)


async def test_question_mark_opens_help_listing_every_key(sample_catalogue):
    app = make_app(sample_catalogue, start=("sample", 0))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = _plain(app)
        for key, meaning in [("n", "Next"), ("p", "Prev"), ("s", "Sections"), ("esc", "Home"),
                             ("1–9", "Jump to section"), ("pgdn", "Page Down"), ("home", "Scroll Home"),
                             ("^q q", "Quit"), ("?", "Help"), ("^p", "Command palette")]:
            assert any(key in line and meaning in line for line in text.splitlines()), (key, text)
        await pilot.press("escape")
        assert isinstance(app.screen, LessonScreen)
        await pilot.press("question_mark", "question_mark")
        assert isinstance(app.screen, LessonScreen)


async def test_footer_shows_the_keys_that_apply(sample_catalogue):
    app = make_app(sample_catalogue, start=("sample", 0))
    async with app.run_test(size=(80, 24)):
        footer = _plain(app).splitlines()[-1]
        for shown in ("n Next", "p Prev", "s Sections", "esc Home", "q Quit", "? Help", "^p"):
            assert shown in footer, footer
    app = make_app(sample_catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, LessonScreen)  # resumed where the learner was
        await pilot.press("escape")
        await pilot.pause()
        footer = _plain(app).splitlines()[-1]
        assert "Open" in footer and "q Quit" in footer and "n Next" not in footer


async def test_q_and_ctrl_q_quit(sample_catalogue):
    for key in ("q", "ctrl+q"):
        app = make_app(sample_catalogue, start=("sample", 1))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(key)
            await pilot.pause()
            assert not app.is_running


async def test_quitting_and_starting_again_resumes_the_lesson_and_section(sample_catalogue):
    app = make_app(sample_catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "n", "n", "q")
    again = make_app(sample_catalogue)
    async with again.run_test(size=(80, 24)) as pilot:
        assert isinstance(again.screen, LessonScreen) and again.screen.index == 2
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen) and "3/3" in _plain(again)


async def test_command_palette_goes_to_a_section_and_opens_a_lesson(sample_catalogue):
    app = make_app(sample_catalogue, start=("sample", 0))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await type_keys(pilot, *"go to section part 3")
        await pilot.pause(0.3)
        assert "Go to section: 3. Part 3" in _plain(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen) and app.screen.index == 2
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+p")
        await type_keys(pilot, *"open lesson sample")
        await pilot.pause(0.3)
        assert "Open lesson: Sample Lesson" in _plain(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen) and app.screen.index == 2


async def test_sidebar_collapses_when_narrow_and_s_toggles_it(sample_catalogue):
    app = make_app(sample_catalogue, start=("sample", 0))
    async with app.run_test(size=(80, 24)) as pilot:
        sidebar = app.screen.query_one(SectionList)
        assert sidebar.display
        await pilot.press("s")
        assert not sidebar.display
        await pilot.press("s")
        assert sidebar.display
    app = make_app(sample_catalogue, start=("sample", 0))
    async with app.run_test(size=(60, 24)) as pilot:
        sidebar = app.screen.query_one(SectionList)
        assert not sidebar.display
        await pilot.press("s")
        assert sidebar.display
    app = make_app(sample_catalogue, start=("sample", 0))
    async with app.run_test(size=(200, 60)) as pilot:
        assert app.screen.query_one(SectionList).display
        assert app.screen.query_one(SectionView).size.width > 150


async def test_too_small_terminal_says_so_and_recovers(sample_catalogue):
    app = make_app(sample_catalogue, start=("sample", 1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        need = f"needs {MIN_SIZE[0]}x{MIN_SIZE[1]}"
        assert f"Terminal too small: {need}, have 40x10" in _words(app)
        await pilot.resize_terminal(45, 30)
        await pilot.pause()
        await pilot.pause()
        assert "have 45x30" in _words(app)
        await pilot.press("n", "question_mark")
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen) and app.screen.index == 1


async def test_starting_too_small_shows_the_notice(sample_catalogue):
    app = make_app(sample_catalogue)
    async with app.run_test(size=(30, 8)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)


async def test_a_corrupt_progress_file_is_reported_and_nothing_breaks(sample_catalogue, data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "progress.sqlite3").write_text("garbage " * 500)
    app = make_app(sample_catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        messages = [notification.message for notification in app._notifications]
        assert any("could not be read" in message for message in messages)
        await pilot.press("enter", "n")
        assert app.screen.index == 1


async def test_theme_choice_is_remembered(sample_catalogue):
    app = make_app(sample_catalogue)
    async with app.run_test(size=(80, 24)):
        app.theme = "textual-light"
    again = make_app(sample_catalogue)
    async with again.run_test(size=(80, 24)):
        assert again.theme == "textual-light"


async def test_zero_jumps_to_the_tenth_section():
    from tutor.lesson.registry import discover

    app = TutorApp(catalogue=discover(), store=Store.open(), start=("maths_foundations", 0))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, LessonScreen) and len(screen.lesson.sections) >= 10
        await pilot.press("0")
        await pilot.pause()
        assert screen.index == 9 and "Section 10 of" in _plain(app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert ("1–9", "Jump to section") in app.screen.keys and ("0", "Jump to section 10") in app.screen.keys


async def test_a_click_on_a_sidebar_row_opens_that_section(sample_catalogue):
    app = make_app(sample_catalogue, start=("sample", 0))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click(SectionList, offset=(6, 2))
        await pilot.pause()
        assert app.screen.index == 2 and "3. Part 3" in _plain(app)


async def test_home_is_built_only_when_first_shown_after_opening_into_a_lesson(sample_catalogue):
    app = make_app(sample_catalogue, start=("sample", 1))
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen_stack[0]
        assert isinstance(home, HomeScreen) and isinstance(app.screen, LessonScreen)
        assert not home.children  # not composed while the lesson is on screen
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is home and home.children
        assert "continue at 2. Part 2" in _plain(app) and " ⏎ Open " in _plain(app)
        await pilot.press("enter")  # the list has focus: enter opens the lesson again
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen) and app.screen.index == 1


async def test_a_change_of_section_takes_the_keys_away_from_the_block_left_behind():
    """tab to a listing, then n: `e` must not run the listing of the section left (nor after a digit)."""
    from tutor.lesson.registry import discover
    from tutor.widgets.section._code_listing import CodeListing

    app = TutorApp(catalogue=discover(), store=Store.open(), start=("maths_foundations", 1))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        for change in ("n", "4"):
            for _ in range(12):  # tab until a listing of this section has focus
                await pilot.press("tab")
                await pilot.pause()
                if isinstance(app.focused, CodeListing):
                    break
            assert isinstance(app.focused, CodeListing)
            left = screen.index
            await pilot.press(change)
            await pilot.pause()
            assert screen.index != left
            assert isinstance(app.focused, SectionView), change
            footer = _plain(app).splitlines()[-1]
            assert "Run in REPL" not in footer
            await pilot.press("e")
            await pilot.pause()
            assert not screen.query_one("ReplDock").shown, "e ran a listing of the section left behind"


def _first_visible_line(app: TutorApp) -> str:
    """The first line of section text under the top of the view (the sidebar's column cut off)."""
    view = app.screen.query_one(SectionView)
    rows = _plain(app).splitlines()
    for row in rows[view.content_region.y : view.content_region.bottom]:
        text = row[view.content_region.x :].strip(" ▕▁▂▃▄▅▆▇█")
        if len(text) > 20:
            return text[:20]
    raise AssertionError("no text on screen")


async def test_hiding_the_sidebar_keeps_the_block_being_read_in_view():
    from tutor.lesson.registry import discover

    app = TutorApp(catalogue=discover(), store=Store.open(), start=("maths_foundations", 2))
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen.query_one(SectionView)
        await view.complete()
        await pilot.pause()
        for y in (120, view.max_scroll_y):  # mid-section, and the end (where a wider text stops short)
            view.scroll_to(y=y, animate=False, immediate=True)
            await pilot.pause()
            anchor = view.reading_anchor()
            assert anchor[0] > 2
            await pilot.press("s")
            await pilot.pause(view.ANCHOR_HOLD + 0.2)
            assert not app.screen.query_one(SectionList).display
            assert view.reading_anchor() == anchor, "the text rewrapped and the reader lost their place"
            await pilot.press("s")
            await pilot.pause(view.ANCHOR_HOLD + 0.2)
            assert app.screen.query_one(SectionList).display
            assert view.reading_anchor() == anchor


async def _scrolled_into_section_3(pilot, app: TutorApp, y: int) -> SectionView:
    """The whole of section 3 mounted, then scrolled to row `y`."""
    view = app.screen.query_one(SectionView)
    await view.complete()
    await pilot.pause()
    view.scroll_to(y=y, animate=False, immediate=True)
    await pilot.pause()
    return view


async def test_starting_again_returns_to_the_place_in_the_section(data_dir):
    from tutor.lesson.registry import discover

    app = TutorApp(catalogue=discover(), store=Store.open(), start=("maths_foundations", 2))
    async with app.run_test(size=(80, 24)) as pilot:
        view = await _scrolled_into_section_3(pilot, app, 45)
        await pilot.pause(view.READING_SETTLE + 0.3)
        anchor = view.reading_anchor()
        line = _first_visible_line(app)
    again = TutorApp(catalogue=discover(), store=Store.open(), start=("maths_foundations", None))
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause(SectionView.ANCHOR_HOLD + 0.3)
        view = again.screen.query_one(SectionView)
        assert again.screen.index == 2
        assert view.reading_anchor() == anchor
        assert _first_visible_line(again) == line


async def test_quitting_right_after_scrolling_still_keeps_the_place(data_dir):
    """`q` can come sooner than the pause after which the place is saved: quitting saves it too."""
    from tutor.lesson.registry import discover

    app = TutorApp(catalogue=discover(), store=Store.open(), start=("maths_foundations", 2))
    async with app.run_test(size=(80, 24)) as pilot:
        view = await _scrolled_into_section_3(pilot, app, 45)
        anchor = view.reading_anchor()
        assert anchor[0] > 0
        await pilot.press("q")
    again = TutorApp(catalogue=discover(), store=Store.open(), start=("maths_foundations", None))
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause(SectionView.ANCHOR_HOLD + 0.3)
        assert again.screen.query_one(SectionView).reading_anchor() == anchor
