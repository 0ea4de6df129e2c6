"""The behavioral answer: Situation, Action and Result, with an optional Task and Reflection.

Each part is its own text area under its name and the question's guidance
for it (in the round's language; the focused part's guidance unfolds). The
parts the analyzer treats as optional (``checkers.text.star.OPTIONAL_PARTS``)
are titled "(optional)", so the panel and the feedback never disagree. Above
them, live: words and speaking time (~140 words a minute; a good story lasts
1:30–3:00), labelled short (under 1:30), good length or long (over 3:30)
exactly as the analyzer's length findings would
(``checkers.text.speech.STAR_LENGTH``), and a bar of the parts' shares
against the target (Situation ~20 %, Task ~10 %, Action ~60 %, Result
~10 %). The answer is Markdown with one heading per part, the format
``mockloop check`` reads.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from checkers.text.messages import part_name
from checkers.text.star import OPTIONAL_PARTS
from question_bank import STAR_PARTS, Kind, Lang
from tui.core.answer_markdown import star_from_markdown, star_to_markdown
from tui.core.feedback import Pace, StarCounts, star_counts
from tui.widgets.answer_panel import register_panel
from tui.widgets.written_answer import SectionedAnswerPanel, say, words_text

#: Parts in the bar, with the glyph and colour each is drawn in (glyphs differ so the
#: bar reads without colour too).
BAR_PARTS: dict[str, tuple[str, str]] = {
    "situation": ("▒", "$primary"),
    "task": ("░", "$secondary"),
    "action": ("█", "$accent"),
    "result": ("▓", "$success"),
}
BAR_WIDTH = 24
#: A part's share this far from its target (in points) is highlighted.
OFF_TARGET = 0.10

PACE_STYLE = {Pace.SHORT: "$text-warning", Pace.GOOD: "$text-success", Pace.LONG: "$text-warning"}


def bar_cells(shares: Mapping[str, float], width: int = BAR_WIDTH) -> dict[str, int]:
    """Cells per part: proportional, summing to ``width`` (largest remainders), 0 when all empty."""
    total = sum(shares.values())
    if total <= 0:
        return dict.fromkeys(shares, 0)
    exact = {part: width * share / total for part, share in shares.items()}
    cells = {part: int(value) for part, value in exact.items()}
    leftover = width - sum(cells.values())
    for part in sorted(exact, key=lambda p: exact[p] - cells[p], reverse=True)[:leftover]:
        cells[part] += 1
    return cells


def share_bar(shares: Mapping[str, float]) -> Content:
    cells = bar_cells({part: shares.get(part, 0.0) for part in BAR_PARTS})
    if not any(cells.values()):
        return Content.styled("·" * BAR_WIDTH, "$text-muted")
    return Content.assemble(*((glyph * cells[part], style) for part, (glyph, style) in BAR_PARTS.items()))


def share_legend(shares: Mapping[str, float], lang: Lang) -> Content:
    pieces: list[str | tuple[str, str]] = []
    for part, (glyph, style) in BAR_PARTS.items():
        if pieces:
            pieces.append(" ")
        pieces += [(glyph, style), f"{part_name(part, lang)[0]} {round(100 * shares.get(part, 0.0))}%"]
    return Content.assemble(*pieces)


def star_summary(counts: StarCounts, lang: Lang) -> Content:
    """The three lines above the parts: length and time, the shares, the target."""
    spoken = counts.spoken
    pace = say(spoken.pace.value) if counts.total else ""
    first = Content.assemble(
        (words_text(counts.total), "bold"),
        " · ",
        say("spoken", clock=spoken.clock),
        " · ",
        (pace, PACE_STYLE[spoken.pace]) if pace else "",
        f" ({say('aim', range=spoken.range_text)})" if pace else say("aim", range=spoken.range_text),
    )
    you, target = say("you"), say("target_label")
    width = max(len(you), len(target))
    you, target = you.ljust(width), target.ljust(width)
    return Content.assemble(
        first,
        "\n",
        (you, "$text-muted"),
        " ",
        share_bar(counts.shares),
        " ",
        share_legend(counts.shares, lang),
        "\n",
        (target, "$text-muted"),
        " ",
        share_bar(counts.targets),
        " ",
        share_legend(counts.targets, lang),
    )


@register_panel(Kind.BEHAVIORAL)
class StarPanel(SectionedAnswerPanel):
    """Five labelled parts, live counts and proportions."""

    DEFAULT_CSS = """
    StarPanel .part-action .part-text {
        height: 10;
    }
    """

    KEYS = STAR_PARTS

    def to_markdown(self, parts: Mapping[str, str]) -> str:
        return star_to_markdown(parts)

    def from_markdown(self, text: str) -> dict[str, str]:
        return star_from_markdown(text)

    _shown_counts: tuple[object, ...] | None = None

    def compose_header(self) -> ComposeResult:
        yield Static("", id="star-stats", classes="answer-stats", markup=False)

    def part_title(self, key: str, lang: Lang) -> str:
        name = part_name(key, lang)
        return f"{name} ({say('optional')})" if key in OPTIONAL_PARTS else name

    def part_guidance(self, key: str, lang: Lang) -> str:
        star = self.attempt.question.star
        return star.guidance(key).get(lang) if star is not None else ""

    def counts(self) -> StarCounts:
        return star_counts(self.part_texts())

    def refresh_counts(self) -> None:
        counts = self.counts()
        shown = (tuple(counts.words.values()), self.lang)
        if shown == self._shown_counts:  # most keystrokes change no count: skip the re-render
            return
        self._shown_counts = shown
        self.query_one("#star-stats", Static).update(star_summary(counts, self.lang))
        for key in self.KEYS:
            self.query_one(f"#part-{key} .part-header", Static).update(self._header(key, counts))

    def _header(self, key: str, counts: StarCounts) -> Content:
        lang = self.lang
        pieces: list[str | tuple[str, str]] = [(self.part_title(key, lang), "bold")]
        pieces.append((f"  {words_text(counts.words[key])}", "$text-muted"))
        if key in counts.targets:
            share, target = counts.shares[key], counts.targets[key]
            style = "$text-warning" if counts.total and abs(share - target) > OFF_TARGET else "$text-muted"
            pieces.append((f" · {round(100 * share)}% ", style))
            pieces.append((f"({say('target')} {round(100 * target)}%)", "$text-muted"))
        return Content.assemble(*pieces)
