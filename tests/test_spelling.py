from collections import Counter

import pytest

from bot.spelling import Speller, knowledge_words

VOCAB = Counter({"machine": 5, "learning": 9, "neural": 4, "important": 3, "start": 6, "engineer": 7,
                 "driven": 2, "math": 8, "model": 5})


@pytest.mark.parametrize(("typo", "word"), [
    ("machin", "machine"),  # a letter missing
    ("learnning", "learning"),  # a letter too many
    ("importnt", "important"),
    ("nueral", "neural"),  # two letters swapped
    ("enginear", "engineer"),  # a letter changed
])
def test_a_misspelt_word_becomes_the_knowledge_word_one_edit_away(typo: str, word: str) -> None:
    assert Speller(VOCAB).correct(typo) == word


def test_known_short_and_japanese_words_are_left_alone() -> None:
    speller = Speller(VOCAB)
    assert speller.correct("model") == "model"
    assert speller.correct("modl") == "modl"  # 4 letters: too many real words are one edit from another
    assert speller.correct_text("機械学習のmachin は？") == "機械学習のmachine は？"


def test_a_real_word_the_knowledge_lacks_is_not_made_into_one_it_has() -> None:
    # "driver" and "match" are words, not typos of "driven" and "math": the encoder's vocabulary says so
    real = {"driver", "match"}
    speller = Speller(VOCAB, is_word=real.__contains__)
    assert speller.correct_text("driver versions don't match") == "driver versions don't match"
    assert speller.correct("nueral") == "neural"


def test_the_vocabulary_comes_from_the_knowledge_base(kb) -> None:
    words = knowledge_words(kb)
    assert words["learning"] > 10
    assert words["engineer"] > 10
    assert not any(any("\u3040" <= c <= "\u9fff" for c in w) for w in words)  # English words only


def test_e5_knows_common_words_but_not_typos(e5_engine) -> None:
    is_word = e5_engine.encoder.is_word
    assert is_word("driver")
    assert is_word("match")
    assert not is_word("importnt")


@pytest.mark.parametrize(("question", "card"), [
    ("is statistcs importnt for machin learning", "math-probability-statistics"),  # was declined
    ("is englsh important for ml engineers", "english-how-much"),  # was the role's description
])
def test_a_misspelt_question_gets_the_card_it_would_get_spelt_right(e5_engine, question: str, card: str) -> None:
    answer = e5_engine.ask(question)
    assert answer.answered
    assert answer.card == card
    assert answer.query == question  # the answer shows the question as it was asked


def test_the_input_methods_homophone_for_machine_learning_is_read_as_it() -> None:
    assert Speller(VOCAB).correct_text("機会学習エンジニアの年収は？") == "機械学習エンジニアの年収は？"


def test_the_fields_words_typed_in_hiragana_are_read_as_usually_written():
    from bot.spelling import Speller

    speller = Speller({"machine": 3})
    assert speller.correct_text("えむえるえんじにあって なにからはじめればいいの？") == "MLエンジニアって なにからはじめればいいの？"
    assert speller.correct_text("えむえるおぷすってなに？") == "MLOpsってなに？"
    assert speller.correct_text("きかいがくしゅうえんじにあって ぶんけいでもなれますか") == "機械学習エンジニアって 文系でもなれますか"
    assert speller.correct_text("とうけいけんてい") == "統計検定"


@pytest.mark.parametrize(("typed", "read"), [
    ("is 35 to late to start ml", "is 35 too late to start ml"),
    ("Am I to old for this?", "Am I too old for this?"),
    ("I'm getting to old", "I'm getting too old"),
])
def test_to_typed_for_too_before_late_or_old_is_read_as_too(typed: str, read: str) -> None:
    # usefulness122 #52 (graded 0): "is 35 to late to start ml" got the card on going back to university
    from bot.spelling import read_kana
    assert read_kana(typed) == read


def test_to_before_old_in_other_senses_is_left_alone() -> None:
    from bot.spelling import read_kana
    assert read_kana("I want to go back to old projects and move to late-night study") == \
        "I want to go back to old projects and move to late-night study"


def test_a_real_word_of_the_examples_is_not_corrected_nor_a_correction():
    # "calculus doesn't scare me" was read as "… share me" once the knowledge said "share" (session 24)
    speller = Speller({"share": 5, "recent": 4}, known={"scare", "decent"})
    assert speller.correct_text("calculus doesn't scare me, my python is decent") == \
        "calculus doesn't scare me, my python is decent"
    assert speller.correct("scarre") == "scarre"  # a known word is never offered as the fix of a typo
    assert speller.correct("recnet") == "recent"
