"""Written answers as one Markdown string: what the panels hold, the session stores and the CLI reads.

The STAR panel and the design canvas edit one text per part (or section);
the rest of the app (the attempt, the session file, ``$EDITOR``, ``mockloop
check``) sees one string. This module is the bridge, both ways:

- ``sections_to_markdown(texts, headings)`` writes ``# Heading`` then the
  text, for every part in order (empty parts keep their heading, so the file
  opened in an editor shows the whole structure); an answer with nothing
  written is ``""``;
- ``star_from_markdown`` / ``design_from_markdown`` split it back with the
  same parser as ``mockloop check`` (``checkers.text``), so the app and the
  command line never disagree about which text belongs to which part; a file
  the parser rejects raises ``AnswerFormatError`` with one sentence.

Round trip: a line the candidate wrote *inside* a part that Markdown would
read as a heading (``# not a heading``) or as a code fence that never closes
would break the split, so it is escaped with one more leading backslash on
the way out and unescaped on the way in (``\\# x`` ↔ ``# x``; a line that
already starts with backslashes gains or loses exactly one). Lines inside a
closed code fence are left alone, as the parser leaves them. ``<!--`` (which
the parser would drop, with everything up to the next ``-->``, headings
included) is escaped the same way, as ``<\\!--``. For any texts,
``split(join(texts)) == texts`` up to leading and trailing whitespace (the
parser strips each part).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from checkers.text import parse_design_markdown, parse_star_markdown
from checkers.text.messages import PART_NAMES, SECTION_NAMES
from question_bank import DESIGN_SECTIONS, STAR_PARTS

#: The headings the app writes: English names, whatever the display language, so the
#: stored answer does not change when the candidate switches languages.
STAR_HEADINGS: dict[str, str] = {part: PART_NAMES[part][0] for part in STAR_PARTS}
DESIGN_HEADINGS: dict[str, str] = {section: SECTION_NAMES[section][0] for section in DESIGN_SECTIONS}

# A line the parser could read as a heading or a fence, behind any number of backslashes.
_MARKER = re.compile(r"^( {0,3})(\\*)(#{1,6}(?:[ \t]|$)|```|~~~)")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_COMMENT_OPEN = re.compile(r"<(\\*)!--")
_ESCAPED_COMMENT_OPEN = re.compile(r"<\\(\\*)!--")


def _escape_part(text: str) -> str:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    not_fences: set[int] = set()  # fence openers that never close: escaped, so they are not fences
    while True:
        out: list[str] = []
        open_at: int | None = None
        for number, line in enumerate(lines):
            is_fence = bool(_FENCE.match(line)) and number not in not_fences
            if open_at is not None:
                out.append(line)
                if is_fence:
                    open_at = None
                continue
            if is_fence:
                open_at = number
                out.append(line)
                continue
            marker = _MARKER.match(line)
            out.append(f"{marker.group(1)}\\{line[len(marker.group(1)) :]}" if marker else line)
        if open_at is None:
            return _COMMENT_OPEN.sub(lambda m: "<\\" + m.group(1) + "!--", "\n".join(out))
        not_fences.add(open_at)


def _unescape_part(text: str) -> str:
    out: list[str] = []
    in_fence = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append(line)
            continue
        marker = None if in_fence else _MARKER.match(line)
        if marker and marker.group(2):
            indent = marker.group(1)
            out.append(indent + line[len(indent) + 1 :])
        else:
            out.append(line)
    return _ESCAPED_COMMENT_OPEN.sub(lambda m: "<" + m.group(1) + "!--", "\n".join(out))


def sections_to_markdown(texts: Mapping[str, str], headings: Mapping[str, str]) -> str:
    """``# Heading`` and text per key of ``headings`` (in order); ``""`` when nothing is written."""
    if not any((texts.get(key) or "").strip() for key in headings):
        return ""
    blocks = []
    for key, heading in headings.items():
        body = _escape_part((texts.get(key) or "").strip())
        blocks.append(f"# {heading}\n\n{body}\n" if body else f"# {heading}\n")
    return "\n".join(blocks)


def star_to_markdown(parts: Mapping[str, str]) -> str:
    return sections_to_markdown(parts, STAR_HEADINGS)


def design_to_markdown(sections: Mapping[str, str]) -> str:
    return sections_to_markdown(sections, DESIGN_HEADINGS)


def star_from_markdown(text: str) -> dict[str, str]:
    """The text of every STAR part; ``""`` gives empty parts. Raises ``AnswerFormatError``."""
    if not text.strip():
        return dict.fromkeys(STAR_PARTS, "")
    return {part: _unescape_part(body) for part, body in parse_star_markdown(text).items()}


def design_from_markdown(text: str) -> dict[str, str]:
    """The text of every canvas section; ``""`` gives empty sections. Raises ``AnswerFormatError``."""
    if not text.strip():
        return dict.fromkeys(DESIGN_SECTIONS, "")
    return {section: _unescape_part(body) for section, body in parse_design_markdown(text).items()}
