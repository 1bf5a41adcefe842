"""The lesson screen: a sidebar of sections and one section's content at a time."""

from __future__ import annotations

import gc

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Header

from tutor.lesson.format import Exercise, Lesson, Quiz
from tutor.practice.skills import section_shares, skill_states
from tutor.screens.lesson_commands import LessonScreenCommands
from tutor.store import Store
from tutor.widgets.adapters.textual_header import HeaderTitle
from tutor.widgets.key_footer import KeyFooter
from tutor.widgets.repl import ReplDock
from tutor.widgets.section import SectionCard, SectionView
from tutor.widgets.section_list import SectionList

NARROW = 72
"""Below this many columns the sidebar starts hidden (`s` still shows it)."""


class LessonScreen(Screen):
    """Reads a lesson section by section and records where the learner is."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-wide")]
    AUTO_FOCUS = "SectionView"
    COMMANDS = {LessonScreenCommands}

    BINDINGS = [
        Binding("n", "next", "Next"),
        Binding("n", "next_lesson", "Next lesson"),
        Binding("p", "previous", "Prev"),
        Binding("s", "toggle_sidebar", "Sections"),
        Binding("escape", "home", "Home"),
        Binding("r", "repl", "REPL"),
        Binding("ctrl+r", "hide_repl", "Hide REPL"),
        *[
            Binding(str(number), f"jump({number})", "Jump to section", show=False)
            for number in range(1, 10)
        ],
        Binding("0", "jump(10)", "Jump to section 10", show=False),
        Binding("tab", "focus_block(1)", "Next block", show=False),
        Binding("shift+tab", "focus_block(-1)", "Previous block", show=False, key_display="⇧tab"),
    ]

    index: reactive[int] = reactive(-1, init=False, repaint=False)
    """The section shown (0-based). Not a repaint of the whole screen: the section view
    redraws what changes."""
    sidebar_override: reactive[bool | None] = reactive(None, init=False, repaint=False)
    """None follows the width; True or False is the learner's choice with `s`."""
    _sidebar_before_repl: bool | None = None
    _sidebar_made_way = False
    """The sidebar is hidden while the REPL pane is open; `_sidebar_before_repl` comes back after."""

    def __init__(self, lesson: Lesson, store: Store, index: int = 0) -> None:
        super().__init__()
        self.lesson = lesson
        self.store = store
        self._start = index
        self._reading_restored = False
        self._at_end = False

    def compose(self) -> ComposeResult:
        yield Header(icon="∑")
        with Horizontal(id="lesson-body"):
            yield SectionList(id="sidebar")
            with ReplDock(self.lesson, id="lesson-main"):
                yield SectionView(id="content")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = self.lesson.title
        self.index = self._start
        if self.lesson.skills:
            self.call_after_refresh(self.show_mastery)

    def show_mastery(self) -> None:
        """Mark each section in the sidebar with its skills' mastery (one read of the log)."""
        if not self.lesson.skills:
            return
        states = skill_states([self.lesson], self.store)
        self.query_one(SectionList).show_mastery(self.lesson.sections, section_shares(self.lesson, states))

    def on_screen_resume(self) -> None:
        # back from the quiz, an exercise or a review: levels may have moved
        self.show_mastery()

    def on_checkpoint_block_answered(self) -> None:
        self.show_mastery()

    def on_section_view_all_built(self) -> None:
        # The lesson's widgets now live as long as this screen. A full garbage collection walked
        # them all in 50 ms, a dropped frame in the middle of a section switch; frozen, they are
        # out of its sight (reference counting still frees what it can).
        gc.freeze()

    def on_unmount(self) -> None:
        # Give them back: they hold each other in cycles, and only a collection reclaims them.
        gc.unfreeze()

    def watch_index(self, index: int) -> None:
        # A built section is swapped in within this key press, so the next frame shows
        # it; the sidebar and title follow a frame later (drawing them first costs one).
        view = self.query_one(SectionView)
        self._focus_text(view)
        if view.swap(index):
            self.call_after_refresh(self._mark_position, index)
        else:
            self.call_next(self._build_and_show, index)

    def _focus_text(self, view: SectionView) -> None:
        """Give the keys to the section's text on any change of section (n, p, digits, the
        palette, a sidebar click): a block of the section left behind keeps focus while
        hidden, and its keys (`e`, `w`, the arrows) and footer would act on what is gone."""
        if self.focused is not view:
            view.focus(scroll_visible=False)

    async def _build_and_show(self, index: int) -> None:
        await self.query_one(SectionView).show(self.lesson, index)
        self._mark_position(index)

    def _mark_position(self, index: int) -> None:
        section = self.lesson.sections[index]
        if index == self._start and not self._reading_restored:
            self._reading_restored = True
            anchor = self._saved_reading(section.id)
            if anchor is not None:
                self.call_next(self.query_one(SectionView).go_to_anchor, anchor)
        self._show_sub_title(f"{index + 1}/{len(self.lesson.sections)} {section.title}")
        at_end = index + 1 >= len(self.lesson.sections)
        if at_end != self._at_end:  # on the last section `n` offers the next lesson
            self._at_end = at_end
            self.refresh_bindings()
        self.store.set_position(self.lesson.id, section.id)
        self.query_one(SectionList).show(self.lesson.sections, index, self.store.seen(self.lesson.id))

    def _show_sub_title(self, text: str) -> None:
        """Set the sub-title and redraw the header's title line in place.

        Setting `sub_title` the usual way makes Textual's header update its title with
        a layout of the whole screen, several milliseconds on every section switch;
        the title line never changes size, so it is redrawn without one.
        """
        self.set_reactive(Screen.sub_title, text)
        try:
            title = self.query_one(HeaderTitle)
        except NoMatches:  # the header is not composed yet: it reads the sub-title when it mounts
            return
        title.update(self.app.format_title(self.title, text), layout=False)

    def go_to(self, index: int) -> None:
        """Show the section at `index` (0-based), clamped to the lesson."""
        self.index = max(0, min(index, len(self.lesson.sections) - 1))

    def action_next(self) -> None:
        if self.index + 1 >= len(self.lesson.sections):
            self.notify("This is the last section.", timeout=2)
        self.go_to(self.index + 1)

    def action_previous(self) -> None:
        if self.index == 0:
            self.notify("This is the first section.", timeout=2)
        self.go_to(self.index - 1)

    def action_jump(self, number: int) -> None:
        if number > len(self.lesson.sections):
            self.notify(f"This lesson has {len(self.lesson.sections)} sections.", timeout=2)
            return
        self.go_to(number - 1)

    async def action_focus_block(self, step: int) -> None:
        """tab / shift+tab, as everywhere, once the section's blocks are all mounted: a key
        typed the moment a section opens must not skip the blocks still to come."""
        view = self.query_one(SectionView)
        if view.current is not None and not view.current.complete:
            await view.complete()
            # Textual orders the focus chain by place on screen: new blocks have one once laid out.
            self.call_after_refresh(self._focus_step, step)
        else:
            self._focus_step(step)

    def _focus_step(self, step: int) -> None:
        if step > 0:
            self.focus_next()
        else:
            self.focus_previous()

    def action_home(self) -> None:
        self.save_reading()
        self.dismiss()

    def action_toggle_sidebar(self) -> None:
        self.sidebar_override = not self.query_one(SectionList).display

    # -- the reading place, kept across launches --------------------------------------------

    @property
    def _reading_key(self) -> str:
        return f"reading/{self.lesson.id}"

    def on_section_view_reading_moved(self, _message: SectionView.ReadingMoved) -> None:
        self.save_reading()

    def save_reading(self) -> None:
        """Remember the block and row the learner is reading (after a pause in scrolling, and
        when they leave the lesson or quit, which may come sooner than the pause)."""
        if not self._reading_restored or self.index < 0 or not self.is_attached:
            return  # the saved place is not restored yet: do not overwrite it with the top
        try:
            anchor = self.query_one(SectionView).reading_anchor()
        except NoMatches:
            return
        if anchor is not None:
            section = self.lesson.sections[self.index]
            self.store.set_setting(self._reading_key, f"{section.id} {anchor[0]} {anchor[1]}")

    def _saved_reading(self, section_id: str) -> tuple[int, int] | None:
        """The block and row saved for `section_id`, if the learner was last reading there."""
        saved = (self.store.setting(self._reading_key) or "").split()
        if len(saved) != 3 or saved[0] != section_id or not (saved[1].isdigit() and saved[2].isdigit()):
            return None
        return int(saved[1]), int(saved[2])

    def watch_sidebar_override(self, shown: bool | None) -> None:
        # The text rewraps to the new width: keep the block the learner was reading at the top
        # (the layout has not run yet, so the anchor is where they were).
        view = self.query_one(SectionView)
        self.call_next(view.go_to_anchor, view.reading_anchor())
        sidebar = self.query_one(SectionList)
        sidebar.set_class(shown is True, "-shown")
        sidebar.set_class(shown is False, "-hidden")

    async def action_repl(self) -> None:
        """Open the REPL pane, or focus it when it is open."""
        await self.query_one(ReplDock).open()

    def action_hide_repl(self) -> None:
        self.query_one(ReplDock).hide()

    def on_repl_dock_toggled(self, event: ReplDock.Toggled) -> None:
        """On a terminal too narrow for the sidebar, the content and the REPL pane together,
        the sidebar makes way while the pane is open (`s` still shows it) and comes back as
        it was when the pane is hidden."""
        if event.shown and event.crowded:
            if not self._sidebar_made_way:
                self._sidebar_made_way = True
                self._sidebar_before_repl = self.sidebar_override
            self.sidebar_override = False
        elif not event.shown and self._sidebar_made_way:
            self._sidebar_made_way = False
            self.sidebar_override = self._sidebar_before_repl

    async def action_repl_restart(self) -> None:
        await self.query_one(ReplDock).restart()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hide_repl":
            return self.query_one(ReplDock).shown
        if action in ("next", "next_lesson"):
            offer = self.index + 1 >= len(self.lesson.sections) and self.next_lesson() is not None
            return offer if action == "next_lesson" else not offer
        return True

    def next_lesson(self) -> tuple[str, str] | None:
        """(id, title) of the lesson after this one, if it is installed and loads."""
        if not self.lesson.next_lesson:
            return None
        entry = getattr(self.app, "catalogue", None)
        entry = entry.get(self.lesson.next_lesson) if entry is not None else None
        if entry is None or entry.lesson is None:
            return None
        return entry.id, entry.lesson.title

    def action_next_lesson(self) -> None:
        """On the last section: open the lesson that follows, where the learner left it."""
        following = self.next_lesson()
        if following is None:
            return
        self.save_reading()
        self.app.open_lesson(following[0])

    def on_section_card_open_requested(self, event: SectionCard.OpenRequested) -> None:
        """An exercise or quiz card asked to open: push its screen, and redraw the card after."""
        card, block = event.card, event.block
        if isinstance(block, Exercise):
            from tutor.screens.exercise import ExerciseScreen

            screen: Screen = ExerciseScreen(self.lesson, block, self.store)
        elif isinstance(block, Quiz):
            from tutor.screens.quiz import QuizScreen

            screen = QuizScreen(self.lesson, block, self.store)
        else:
            return
        self.app.push_screen(screen, callback=lambda _: card.refresh_card())

    def on_section_list_selected(self, event: SectionList.Selected) -> None:
        self.go_to(event.index)
