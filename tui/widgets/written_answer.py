"""What the written-answer panels (STAR, design canvas, motivation) share.

- **Live feedback, drills only.** ``toggle_feedback()`` shows a
  ``FeedbackView`` beside the answer, recomputed (by ``tui.core.feedback``)
  ``FEEDBACK_DELAY`` seconds after the candidate stops typing. The round
  screen decides when the toggle is allowed (never during an onsite, where
  feedback waits for the round summary).
- **One text area per part** (``SectionedAnswerPanel``): the answer is the
  Markdown ``tui.core.answer_markdown`` writes, one heading per part, the
  format ``mockloop check`` reads. ``load_answer`` (after ``$EDITOR``) splits
  it back; when the headings do not parse, the panel never guesses and never
  drops text: it shows the parser's sentence above one text area holding the
  text exactly as written, and *Split into parts* tries again once the
  headings are fixed (here or in the editor).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Button, Static, TextArea

from checkers.text import AnswerFormatError
from question_bank import Lang
from tui.core.attempt import QuestionAttempt
from tui.core.feedback import assess, count_words
from tui.core.messages import plural, t
from tui.widgets.answer_panel import AnswerPanel
from tui.widgets.feedback_view import FeedbackView


def say(key: str, **fields: object) -> str:
    """The written panels' own words (``written.<key>``), in the interface language."""
    return t(f"written.{key}", None, **fields)


def words_text(n: int) -> str:
    return plural("count.word", n)


class WrittenAnswerPanel(AnswerPanel):
    """Base of the written panels: an answer body and, on demand, live feedback beside it."""

    #: Seconds without typing before the live feedback is recomputed.
    FEEDBACK_DELAY: ClassVar[float] = 0.4
    #: The round screen offers the live-feedback key on panels that have it.
    live_feedback = True

    DEFAULT_CSS = """
    WrittenAnswerPanel .answer-stats {
        height: auto;
        padding: 0 1;
        background: $panel;
    }
    WrittenAnswerPanel .written-body {
        height: 1fr;
    }
    WrittenAnswerPanel .written-main {
        width: 1fr;
        height: 1fr;
    }
    WrittenAnswerPanel .written-side {
        width: 45%;
        min-width: 30;
        height: 1fr;
        border-left: vkey $panel-lighten-2;
    }
    WrittenAnswerPanel .parts {
        height: 1fr;
        scrollbar-size-vertical: 1;
    }
    WrittenAnswerPanel .part {
        height: auto;
    }
    WrittenAnswerPanel .part-header {
        height: 1;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    WrittenAnswerPanel .part-guidance {
        height: 1;
        padding: 0 1;
        color: $text-muted;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    WrittenAnswerPanel .part.-active .part-guidance {
        height: auto;
        text-wrap: wrap;
    }
    WrittenAnswerPanel .part.-active .part-header {
        color: $accent;
    }
    WrittenAnswerPanel .part-text {
        height: 6;
    }
    WrittenAnswerPanel .format-error {
        height: auto;
        padding: 0 1;
        border-left: thick $error;
    }
    WrittenAnswerPanel #split-parts {
        margin: 1 0 0 0;
    }
    WrittenAnswerPanel #raw-answer {
        height: 1fr;
    }
    WrittenAnswerPanel.-locked TextArea {
        opacity: 70%;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = []

    def __init__(self, attempt: QuestionAttempt, lang: Lang, *, id: str | None = None) -> None:
        super().__init__(attempt, lang, id=id)
        self.feedback_shown = False
        self._feedback_timer: Timer | None = None
        self.add_class("written-answer")

    # -- layout --------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        with Horizontal(classes="written-body"):
            with Vertical(classes="written-main pane"):
                yield from self.compose_main()
            with Vertical(classes="written-side pane"):
                yield from self.compose_side()
                yield FeedbackView(self.attempt.question, self.lang, id="live-feedback")

    def compose_header(self) -> ComposeResult:
        yield from ()

    def compose_main(self) -> ComposeResult:
        yield from ()

    def compose_side(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.refresh_counts()
        self._update_side()

    # -- live feedback ---------------------------------------------------------------

    @property
    def feedback_view(self) -> FeedbackView:
        return self.query_one("#live-feedback", FeedbackView)

    def toggle_feedback(self) -> bool:
        """Show or hide the live feedback pane; returns whether it is now shown."""
        self.feedback_shown = not self.feedback_shown
        self.set_class(self.feedback_shown, "-feedback")
        self._update_side()
        if self.feedback_shown:
            self.refresh_feedback()
        elif self._feedback_timer is not None:
            self._feedback_timer.stop()
            self._feedback_timer = None
        return self.feedback_shown

    def _update_side(self) -> None:
        """The side column shows when it has something to show."""
        side = self.query_one(".written-side")
        side.display = self.feedback_shown or self.has_side_tools
        self.feedback_view.display = self.feedback_shown

    @property
    def has_side_tools(self) -> bool:
        return False

    def refresh_feedback(self) -> None:
        self._feedback_timer = None
        if self.feedback_shown:
            self.feedback_view.show(assess(self.attempt.question, self.answer_text(), self.lang), self.lang)

    def answer_changed(self) -> None:
        """Call after every edit: counts now, feedback once typing pauses."""
        self.refresh_counts()
        if not self.feedback_shown:
            return
        if self._feedback_timer is not None:
            self._feedback_timer.stop()
        self._feedback_timer = self.set_timer(self.FEEDBACK_DELAY, self.refresh_feedback, name="live-feedback")

    def refresh_counts(self) -> None:
        """Re-render the live counts (subclasses)."""

    def set_lang(self, lang: Lang) -> None:
        super().set_lang(lang)
        self.refresh_counts()
        if self.feedback_shown:
            self.refresh_feedback()

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        self.answer_changed()


class SectionedAnswerPanel(WrittenAnswerPanel):
    """One labelled text area per part; the answer is their Markdown, one heading each."""

    #: The parts, in answer order.
    KEYS: ClassVar[tuple[str, ...]] = ()

    def to_markdown(self, parts: Mapping[str, str]) -> str:
        """The parts as the Markdown answer ``mockloop check`` reads (each panel knows its headings)."""
        raise NotImplementedError

    def from_markdown(self, text: str) -> dict[str, str]:
        """The parts of a Markdown answer; ``AnswerFormatError`` when its headings are not this panel's."""
        raise NotImplementedError

    def __init__(self, attempt: QuestionAttempt, lang: Lang, *, id: str | None = None) -> None:
        super().__init__(attempt, lang, id=id)
        self.format_error = ""
        self._raw_text = ""
        self._last_focused: str | None = None
        try:
            self._initial = self.from_markdown(attempt.answer)
        except AnswerFormatError as error:  # a stored answer someone edited by hand
            self._initial = dict.fromkeys(self.KEYS, "")
            self.format_error, self._raw_text = str(error), attempt.answer

    # subclasses name and explain their parts
    def part_title(self, key: str, lang: Lang) -> str:
        raise NotImplementedError

    def part_guidance(self, key: str, lang: Lang) -> str:
        raise NotImplementedError

    def part_header(self, key: str, lang: Lang) -> Content:
        """The part's title and live counts (subclasses add to it)."""
        words = count_words(self.part_area(key).text)
        return Content.assemble((self.part_title(key, lang), "bold"), (f"  {words_text(words)}", "$text-muted"))

    def refresh_counts(self) -> None:
        for key in self.KEYS:
            self.query_one(f"#part-{key} .part-header", Static).update(self.part_header(key, self.lang))

    def compose_main(self) -> ComposeResult:
        with Vertical(id="format-error", classes="format-error"):
            yield Static("", id="format-error-text", markup=False)
            yield Button(Content(say("split")), id="split-parts", compact=True)
        yield TextArea(
            self._raw_text,
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            read_only=self.attempt.locked,
            id="raw-answer",
        )
        with VerticalScroll(classes="parts"):
            for key in self.KEYS:
                with Vertical(classes=f"part part-{key}", id=f"part-{key}"):
                    yield Static(Content(self.part_title(key, self.lang)), classes="part-header", markup=False)
                    yield Static(Content(self.part_guidance(key, self.lang)), classes="part-guidance", markup=False)
                    yield TextArea(
                        self._initial.get(key, ""),
                        soft_wrap=True,
                        show_line_numbers=False,
                        tab_behavior="focus",
                        read_only=self.attempt.locked,
                        id=f"text-{key}",
                        classes="part-text",
                    )

    def on_mount(self) -> None:
        super().on_mount()
        self._show_mode()

    # -- the AnswerPanel contract ----------------------------------------------------

    def part_area(self, key: str) -> TextArea:
        return self.query_one(f"#text-{key}", TextArea)

    @property
    def raw_area(self) -> TextArea:
        return self.query_one("#raw-answer", TextArea)

    def part_texts(self) -> dict[str, str]:
        return {key: self.part_area(key).text for key in self.KEYS}

    def answer_text(self) -> str:
        if self.format_error:
            return self.raw_area.text
        return self.to_markdown(self.part_texts())

    def load_answer(self, text: str) -> None:
        try:
            parts = self.from_markdown(text)
        except AnswerFormatError as error:
            self.format_error = str(error)
            area = self.raw_area
            area.replace(text, (0, 0), area.document.end)
            self._show_mode()
            self.answer_changed()
            return
        self.format_error = ""
        self._fill(parts)
        self._show_mode()
        self.answer_changed()

    def _fill(self, parts: Mapping[str, str]) -> None:
        for key in self.KEYS:
            area = self.part_area(key)
            if area.text != parts.get(key, ""):
                area.replace(parts.get(key, ""), (0, 0), area.document.end)

    def lock_answer(self) -> None:
        for area in self.query(TextArea).results(TextArea):
            area.read_only = True
        self.query_one("#split-parts", Button).disabled = True
        self.add_class("-locked")

    def focus_answer(self) -> None:
        if self.format_error:
            self.raw_area.focus()
            return
        self.part_area(self._last_focused or self.KEYS[0]).focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # A class rather than :focus-within, which Textual does not re-apply to the
        # part's other children when focus moves.
        focused = event.widget
        if isinstance(focused, TextArea) and focused.id and focused.id.startswith("text-"):
            self._last_focused = focused.id.removeprefix("text-")
            for part in self.query(".part"):
                part.set_class(part.id == f"part-{self._last_focused}", "-active")

    def set_lang(self, lang: Lang) -> None:
        for key in self.KEYS:
            guidance = self.query_one(f"#part-{key} .part-guidance", Static)
            guidance.update(Content(self.part_guidance(key, lang)))
        self.query_one("#split-parts", Button).label = Content(say("split"))
        super().set_lang(lang)
        self._show_mode()

    # -- a file whose headings do not parse -----------------------------------------

    def _show_mode(self) -> None:
        raw = bool(self.format_error)
        self.set_class(raw, "-raw")
        self.query_one("#format-error").display = raw
        self.raw_area.display = raw
        self.query_one(".parts").display = not raw
        if raw:
            self.query_one("#format-error-text", Static).update(
                Content.assemble(
                    (say("error-title"), "bold $text-error"),
                    "\n",
                    self.format_error,
                    "\n",
                    (say("error-keep"), "$text-muted"),
                )
            )

    @on(Button.Pressed, "#split-parts")
    def _split_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.split_raw()

    def split_raw(self) -> bool:
        """Try splitting the raw text into parts again; True when it worked."""
        if not self.format_error or self.has_class("-locked"):
            return False
        text = self.raw_area.text
        self.load_answer(text)
        if self.format_error:
            self.app.bell()
            return False
        self.focus_answer()
        return True
