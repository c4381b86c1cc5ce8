"""Spelling correction for English words in a question, against the knowledge base's own words.

Learners type fast: "hw do i strat learning machin learning", "is stats importnt or can i skip to nueral
nets". A misspelt word matches nothing in the keyword index and little in the encoder, so such a question used
to be declined. A word that the knowledge base never uses is replaced by the knowledge base's word one edit
away (a letter missing, added, changed, or two swapped), the most frequent such word when there are several.

Only Latin-script words of at least ``MIN_LENGTH`` letters are touched (a word one letter shorter only by two
letters swapped); Japanese text is left as it is. An
unknown word's candidates are all strings one edit away (about 500 for a 9-letter word, Norvig's method), looked
up in the vocabulary: a fraction of a millisecond, and no table to build.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable

from bot.knowledge import KnowledgeBase

# Homophones a Japanese input method offers first: the typed reading is right, the kanji is the wrong word.
JA_SLIPS = {"機会学習": "機械学習", "機会工学": "機械工学", "進層学習": "深層学習",
            # (and katakana typed a mora off: "機械学習エンジンアに資格っていります？", usefulness125 #24, got what the job is)
            "エンジンア": "エンジニア", "エンジニヤ": "エンジニア", "エンジアニ": "エンジニア",
            # (or a mora doubled: "ディープラーニンングって独学でいけますか？", usefulness349 #24, graded 0)
            "ラーニンング": "ラーニング",
            # (or a homophone's kanji: "線形台数わからなくてもMLエンジニアなれますか", usefulness360 #22, graded 0)
            "線形台数": "線形代数", "線型台数": "線形代数", "微分績分": "微分積分", "確立統計": "確率統計", "確立分布": "確率分布"}
# The field's words typed in hiragana alone ("きかいがくしゅうえんじにあって ぶんけいでもなれますか", "えむえるえんじにあって
# なにからはじめればいいの？"): read as usually written, so that the keyword index and the encoder know them (the
# encoder took "えむえるえんじにあ" for anything; usefulness46 #19 got the country-market card). Longest first.
KANA_WORDS = {
    "きかいがくしゅう": "機械学習", "しんそうがくしゅう": "深層学習", "でぃーぷらーにんぐ": "ディープラーニング",
    "えむえるおぷす": "MLOps", "えむえるいー": "MLE", "えむえる": "ML", "えーあい": "AI", "えんじにあ": "エンジニア", "ぱいそん": "Python",
    "ぶんけい": "文系", "りけい": "理系", "すうがく": "数学", "とうけいけんてい": "統計検定", "とうけい": "統計",
    "せんけいだいすう": "線形代数", "びぶんせきぶん": "微分積分", "びぶん": "微分", "かくりつ": "確率",
    "にがて": "苦手", "じーけんてい": "G検定", "いーしかく": "E資格", "えしかく": "E資格", "みけいけん": "未経験", "てんしょく": "転職", "しゅうしょく": "就職",
    "だいがくいん": "大学院", "だいがく": "大学", "ろんぶん": "論文", "えいご": "英語", "どくがく": "独学",
    "べんきょう": "勉強", "ねんしゅう": "年収", "ろーどまっぷ": "ロードマップ", "ぽーとふぉりお": "ポートフォリオ",
    "しぜんげんごしょり": "自然言語処理", "がぞうにんしき": "画像認識", "がぞう": "画像", "なんねん": "何年", "なんかげつ": "何か月", "かげつ": "か月",
    "なんじかん": "何時間", "こうこうせい": "高校生", "ちゅうがくせい": "中学生", "だいがくせい": "大学生", "しゃかいじん": "社会人", "めんせつ": "面接",
    "とるいみ": "取る意味", "うけるいみ": "受ける意味",  # ("えしかくってとるいみある？", usefulness294 #19, got what E資格 is)
    "くらうど": "クラウド", "かぐる": "Kaggle", "でーたさいえんてぃすと": "データサイエンティスト", "なんさい": "何歳", "ねんれい": "年齢",
}
_KANA_RE = re.compile("|".join(sorted(KANA_WORDS, key=len, reverse=True)))
# "to" typed for "too" before "late"/"old" ("is 35 to late to start ml", usefulness122 #52, got the card on going back
# to university): a word that is right on its own, so the word-by-word correction never sees it
_TOO_RE = re.compile(r"\b(\d\d|is|am|are|be|it's|its|i'm|im|i am|it is|getting|already|way|not|isn't|am i) to (late|old)\b",
                     re.IGNORECASE)
MAX_SEEN = 10_000  # words remembered between questions
# a known word this rare, one edit from one this many times as frequent, is a typo ("lerning", 4 times in typo phrasings,
# beside "learning" 589 times: usefulness348 #53, graded 0, was read as written)
MAX_TYPO_COUNT, TYPO_RATIO = 5, 50
MIN_LENGTH = 5  # shorter words have too many neighbours one edit away ("kids" / "kid" / "ids")
SWAP_MIN_COUNT = 20  # a four-letter word is corrected only to a word this frequent, two of its letters swapped
_WORD_RE = re.compile(r"[A-Za-z]+")
_WITHOUT_RE = re.compile(r"\bw/o\b", re.IGNORECASE)  # "how to get ml job w/o experiance"


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def edits1(word: str) -> set[str]:
    """Every string one deletion, swap of neighbours, change or insertion of a letter away from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b}
            | swaps(word)
            | {a + c + b[1:] for a, b in splits if b for c in _LETTERS if c != b[0]}
            | {a + c + b for a, b in splits for c in _LETTERS})


def swaps(word: str) -> set[str]:
    """Every string two neighbouring letters of ``word`` swapped."""
    return {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}


def knowledge_words(kb: KnowledgeBase) -> Counter[str]:
    """How often each English word occurs in the knowledge base's English text, titles and phrasings."""
    texts = _written_texts(kb) + [q for card in kb.cards for _, q in card.questions]
    for doc in [*kb.topics, *kb.stages]:
        texts += [*doc.keywords, *(q for lang, q in doc.faq if lang == "en")]
    texts += [k for stage in kb.stages for i in stage.items for k in i.keywords]
    return Counter(w.lower() for text in texts for w in _WORD_RE.findall(text))


def written_words(kb: KnowledgeBase) -> frozenset[str]:
    """The English words the knowledge writes itself (its texts, titles and answers), as opposed to the learners' words
    of its phrasings and keywords, some of them misspelt on purpose ("pytohn")."""
    return frozenset(w.lower() for text in _written_texts(kb) for w in _WORD_RE.findall(text))


def _written_texts(kb: KnowledgeBase) -> list[str]:
    texts: list[str] = []
    for doc in [*kb.topics, *kb.stages]:
        texts += [doc.title.en, doc.text.en]
    texts += [i.title.en for stage in kb.stages for i in stage.items]
    for r in kb.resources:
        texts += [r.title, r.summary.en, *r.tags]
    texts += [card.answer.en for card in kb.cards]
    return texts


def example_words(kb: KnowledgeBase, vocabulary: Counter[str] | None = None) -> frozenset[str]:
    """The English words of the cards' example messages: real words learners write ("decent", "scare", "causal")
    that the knowledge's own text may lack. Known, so never corrected, but no correction's target: "decent" was
    read as "recent", "causal inference" as "casual", and "calculus doesn't scare me" as "… share me" once the
    knowledge said "share". Not the American spelling of a word the knowledge writes the British way ("modeling",
    "labeling"): still read as the knowledge's "modelling", which the keyword index knows."""
    words = {w.lower() for card in kb.cards for lang, text in card.examples if lang == "en"
             for w in _WORD_RE.findall(text)}
    vocabulary = vocabulary if vocabulary is not None else knowledge_words(kb)
    return frozenset(w for w in words if _BRITISH_L_RE.sub(r"\1ll\2", w) not in vocabulary)


_BRITISH_L_RE = re.compile(r"([aeiou])l(ing|ed|er|ers)$")


class Speller:
    """``words``: the vocabulary, with counts. ``is_word``: whether a word is a real one the vocabulary lacks
    (the encoder's own vocabulary: "driver" is not a misspelt "driven"); None: every unknown word is a typo.
    ``known``: more real words, left as they are but never offered as a correction. ``written``: the words the
    knowledge writes itself; a known word outside them, rare and one edit from a far more frequent one, is taken for a
    typo kept on purpose in a phrasing (none given: every known word is left as it is)."""

    def __init__(self, words: Iterable[str] | Counter[str], is_word: Callable[[str], bool] | None = None,
                 known: Iterable[str] = (), written: Iterable[str] = ()) -> None:
        self.counts: Counter[str] = words if isinstance(words, Counter) else Counter(words)
        self.is_word = is_word
        self.known = frozenset(known)
        self.written = frozenset(written)  # words the knowledge writes itself: never taken for a typo
        self._seen: dict[str, str] = {}  # a question's words are looked up twice: to embed it and to search it

    def correct(self, word: str) -> str:
        """The known word one edit away from ``word`` (lower case), the most frequent when several are, or
        ``word`` itself when it is known, short, or has no such neighbour."""
        if word not in self._seen:
            if len(self._seen) >= MAX_SEEN:
                self._seen.clear()
            self._seen[word] = self._correct(word)
        return self._seen[word]

    def _correct(self, word: str) -> str:
        low = word.lower()
        if low in self.known or (self.is_word is not None and self.is_word(low)):
            return word
        if len(low) < MIN_LENGTH:
            # a four-letter word only by two neighbours swapped into a frequent one ("how lnog does it take", usefulness347
            # #53, graded 0, was read as written): a change or an insertion has too many neighbours
            swapped = [c for c in swaps(low) if self.counts.get(c, 0) >= SWAP_MIN_COUNT] if len(low) == MIN_LENGTH - 1 else []
            return max(sorted(swapped), key=lambda c: self.counts[c]) if swapped else word
        if low in self.counts:
            # a misspelling the knowledge keeps on purpose, in a typo phrasing, is still one ("pytohnほぼ書けないけど…",
            # usefulness313 #23, graded 0, was read as written): a word it never writes itself, met at most
            # MAX_TYPO_COUNT times, one edit from a word met TYPO_RATIO times as often (not an ending added or dropped:
            # "yours", "coded" are words)
            if not self.written or low in self.written or self.counts[low] > MAX_TYPO_COUNT:
                return word
            typo_of = [c for c in edits1(low) if self.counts.get(c, 0) >= TYPO_RATIO * self.counts[low]
                       and not (c.startswith(low) or low.startswith(c))]
            return max(sorted(typo_of), key=lambda c: self.counts[c]) if typo_of else word
        candidates = [c for c in edits1(low) if c in self.counts]
        if not candidates:
            return word
        return max(sorted(candidates), key=lambda c: self.counts[c])

    def correct_text(self, text: str) -> str:
        """``text`` with each misspelt English word replaced (known words untouched), and the Japanese input
        method's usual slip for the field's own name ("機会学習", "chance learning", for "機械学習")."""
        return _WORD_RE.sub(lambda m: self.correct(m.group()), _WITHOUT_RE.sub("without", read_kana(text)))


# The statistics exam named in English words ("is statistcs kentei worth it or nah", usefulness139 #54, graded 0, was read
# as the G検定 for its "kentei"): the exam's own name, which the knowledge knows
_STATS_KENTEI_RE = re.compile(r"\b(?:statist?i?c?s|statistical)[\s-]?kentei\b", re.IGNORECASE)


@functools.lru_cache(maxsize=256)  # (read for the search, the embedding and each card filter of a message)
def read_kana(text: str) -> str:
    """``text`` with the field's words typed in hiragana alone read as usually written ("こうこうせいだけど" ->
    "高校生だけど"), and the input method's homophone slips fixed."""
    for slip, word in JA_SLIPS.items():
        text = text.replace(slip, word)
    text = _TOO_RE.sub(lambda m: f"{m.group(1)} too {m.group(2)}", text)
    text = _STATS_KENTEI_RE.sub("統計検定", text)
    return _KANA_RE.sub(lambda m: KANA_WORDS[m.group()], text)


__all__ = ["Speller", "edits1", "example_words", "knowledge_words", "read_kana", "swaps", "written_words"]
