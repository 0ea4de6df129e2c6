"""Reports worth keeping: the answers, every run with its tracebacks, hints and questions with their times.

The Markdown is parsed with markdown-it-py (CommonMark, as GitHub and most
viewers render it): answers and tracebacks must come out of their fences
exactly as written, whatever they contain, and nothing the candidate wrote may
turn into HTML, emphasis or a heading.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token
from session_support import bank, fixed_now

from tui.core.checking import RunFinished, RunMode, RunStarted, TestFinished, TestInfo, TestStatus
from tui.core.clock import FakeClock
from tui.core.record import SessionRecord
from tui.core.recorder import Recorder
from tui.core.report import build_report
from tui.core.report_format import fence, format_markdown, format_text
from tui.core.session import Session

ANSWER_TAIL = "\n# ```not a fence``` <script>alert(1)</script> *not emphasis* [not](a link)\n    return None\n"
TRACEBACK = (
    "Traceback (most recent call last):\n"
    '  File "answer.py", line 3, in two_sum\n'
    "    raise NotImplementedError\n"
    "NotImplementedError"
)
WRITTEN = (
    "I want to join because open-weight models matter to me.\n\n"
    "# not a heading\n- not a list\n<b>not bold</b> and `code` and ````fences````"
)


def code_drill() -> tuple[SessionRecord, str]:
    clock = FakeClock(0.0)
    session = Session.drill(bank().question("two-sum"), clock)
    recorder = Recorder(session, now=fixed_now, feedback=None)
    state, attempt = session.current, session.current.attempts[0]
    clock.advance(30)
    attempt.reveal_hint(state.at())
    clock.advance(15)
    attempt.ask(1, state.at())
    clock.advance(60)
    answer = attempt.answer + ANSWER_TAIL
    attempt.set_answer(answer)
    run = attempt.begin_run(RunMode.SUBMIT, state.at())
    tests = (TestInfo("test_example", "the prompt's example"), TestInfo("test_hidden", "hidden", visible=False))
    run.apply(RunStarted(tests), state.at())
    run.apply(
        TestFinished(
            "test_example", TestStatus.ERROR, message="The answer raised.", expected="(0, 1)", traceback=TRACEBACK
        ),
        state.at(),
    )
    run.apply(TestFinished("test_hidden", TestStatus.PASSED), state.at())
    run.apply(RunFinished(), state.at())
    clock.advance(20)
    session.finish_question(0)
    recorder.flush(force=True)
    return recorder.record, answer


def written_drill() -> SessionRecord:
    clock = FakeClock(0.0)
    session = Session.drill(bank().question("why-us"), clock)
    recorder = Recorder(session, now=fixed_now)
    clock.advance(50)
    session.current.attempts[0].set_answer(WRITTEN)
    session.finish_question(0)
    recorder.flush(force=True)
    return recorder.record


def tokens(markdown: str) -> list[Token]:
    flat: list[Token] = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        flat.append(token)
        flat.extend(token.children or ())
    return flat


def test_the_markdown_renders_the_answers_and_tracebacks_exactly() -> None:
    record, answer = code_drill()
    markdown = format_markdown(build_report(record))
    found = tokens(markdown)
    fences = [t for t in found if t.type == "fence"]
    assert ("python", answer) in [(t.info, t.content) for t in fences]
    details = next(t.content for t in fences if t.info == "text")
    assert TRACEBACK in details and "The answer raised." in details and "expected: (0, 1)" in details
    assert not [t for t in found if t.type in ("html_block", "html_inline", "em_open", "link_open", "image")]
    headings = [(t.tag, t.map) for t in found if t.type == "heading_open"]
    assert [tag for tag, _ in headings] == ["h1", "h2", "h3"]  # the title, the round, its question
    assert [t.type for t in found].count("table_open") == 1


def test_a_written_answer_comes_out_as_written() -> None:
    markdown = format_markdown(build_report(written_drill()))
    found = tokens(markdown)
    (answer,) = [t for t in found if t.type == "fence"]
    assert answer.info == "markdown" and answer.content == WRITTEN + "\n"
    assert [t.tag for t in found if t.type == "heading_open"] == ["h1", "h2", "h3"]
    assert not [t for t in found if t.type in ("html_block", "html_inline")]


def test_a_fence_is_longer_than_any_backtick_run_inside() -> None:
    text = "a ```` b\n`````"
    lines = fence(text, "text")
    assert lines[0] == "``````text" and lines[-1] == "``````"
    (token,) = [t for t in tokens("\n".join(lines)) if t.type == "fence"]
    assert token.content == text + "\n"


def test_the_text_report_has_the_answer_runs_hints_and_asks_with_their_times() -> None:
    record, answer = code_drill()
    text = format_text(build_report(record))
    for line in answer.rstrip("\n").split("\n"):
        assert f"        {line}".rstrip() in text.splitlines()
    for line in TRACEBACK.split("\n"):  # one line per line, never squashed
        assert any(row.strip() == line.strip() for row in text.splitlines())
    assert "        00:30 A dictionary remembers what you have seen." in text
    assert "        00:45 What if several pairs match?" in text
    assert "→ Return the pair with the smallest j." in text
    assert "        01:45 Submit: 1/2 passed · 1 hidden" in text
    assert "Finished early at 02:05" in text and "Time used: 02:05 over 1 round." in text


def sentences(block: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n", block)
    return [p.strip(" -•").strip() for p in parts if len(p.strip(" -•").strip()) > 12]


def test_no_sentence_is_said_twice_about_a_question() -> None:
    for record in (code_drill()[0], written_drill(), unsubmitted_drill()):
        text = format_text(build_report(record))
        for block in text.split("\n  • ")[1:]:
            said = sentences(block.split("Answer:")[0])
            assert len(said) == len(set(said)), said


def unsubmitted_drill() -> SessionRecord:
    clock = FakeClock(0.0)
    session = Session.drill(bank().question("two-sum"), clock)
    recorder = Recorder(session, now=fixed_now, feedback=None)
    clock.advance(10)
    session.abandon()
    recorder.flush(force=True)
    return recorder.record


def test_an_unsubmitted_answer_is_said_once() -> None:
    text = format_text(build_report(unsubmitted_drill()))
    assert text.count("never submitted") + text.count("Never submitted") == 1
    assert "Answer: none written." in text
