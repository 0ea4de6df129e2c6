"""Drawing a loop's questions: one per slot, reproducible with a seed, none twice.

A greedy draw can paint itself into a corner (an early slot takes the only
question a later slot accepts), so the draw is a small randomized
backtracking search: candidates are shuffled by the seeded generator and the
first complete assignment wins. Banks are tiny, so this is instant.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from question_bank.errors import BankError

if TYPE_CHECKING:
    from question_bank.models import Bank, DrawnRound, Loop, Question, Slot


def _candidates(loop: Loop, bank: Bank) -> list[tuple[int, Slot, list[Question]]]:
    """Every slot of the loop, with the round index and the questions it accepts."""
    table = []
    for index, round_ in enumerate(loop.rounds):
        in_round = bank.in_round(round_.id)
        for slot in round_.slots:
            table.append((index, slot, [q for q in in_round if slot.accepts(q)]))
    return table


def _assign(slots: list[list[Question]], rng: random.Random | None) -> list[Question] | None:
    chosen: list[Question] = []
    used: set[str] = set()

    def search(position: int) -> bool:
        if position == len(slots):
            return True
        options = list(slots[position])
        if rng is not None:
            rng.shuffle(options)
        for question in options:
            if question.id in used:
                continue
            used.add(question.id)
            chosen.append(question)
            if search(position + 1):
                return True
            used.remove(question.id)
            chosen.pop()
        return False

    return chosen if search(0) else None


def check_drawable(loop: Loop, bank: Bank) -> None:
    """Raise a ``BankError`` unless every slot of ``loop`` can be filled at once."""
    table = _candidates(loop, bank)
    for index, slot, options in table:
        if not options:
            kinds = "/".join(slot.kinds)
            raise BankError(
                loop.path,
                f'has a {kinds} slot that no question of round "{loop.rounds[index].id}" can fill',
                f"rounds[{index + 1}].slots",
            )
    if _assign([options for _, _, options in table], None) is None:
        raise BankError(loop.path, "asks for more distinct questions than its rounds' questions can supply")


def draw_loop(loop: Loop, bank: Bank, seed: int) -> tuple[DrawnRound, ...]:
    from question_bank.models import DrawnRound

    table = _candidates(loop, bank)
    assignment = _assign([options for _, _, options in table], random.Random(seed))
    if assignment is None:  # check_drawable ran at load time; a hand-built bank may not have
        raise BankError(loop.path, "cannot be drawn from this bank: some slot has no unused question left")
    drawn: list[DrawnRound] = []
    for index, round_ in enumerate(loop.rounds):
        questions = tuple(q for (i, _, _), q in zip(table, assignment, strict=True) if i == index)
        drawn.append(DrawnRound(round=round_, questions=questions))
    return tuple(drawn)
