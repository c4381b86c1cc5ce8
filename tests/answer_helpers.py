"""Helpers shared by the answer tests (test_answers.py, test_answers_blind.py)."""

from __future__ import annotations


def items(answer) -> list[str]:
    """The checklist items an answer's next steps name, in order."""
    return [s.item.id for s in answer.next_steps]


def says_card(kb, answer, card_id: str) -> bool:
    """Whether an answer says the card's answer (its first 40 characters, in the answer's language)."""
    card = kb.cards_by_id[card_id].answer
    return (card.en if answer.lang == "en" else card.ja)[:40] in answer.answer
