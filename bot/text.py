"""Text helpers shared by indexing and search: normalisation, language detection, tokenisation.

Japanese has no spaces, so keyword search uses character bigrams over CJK runs (kanji, kana) and
Snowball-stemmed words for Latin script. Katakana is folded to hiragana so that a learner who types
"でぃーぷらーにんぐ" still matches "ディープラーニング".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import Stemmer

_KATA_START, _KATA_END = 0x30A1, 0x30F6
_CJK_RE = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u3005\u4e00-\u9fff\uf900-\ufaff]+")
_LATIN_RE = re.compile(r"[a-z0-9][a-z0-9+#.\-]*[a-z0-9+#]|[a-z0-9]")
_HIRAGANA_RE = re.compile(r"[\u3041-\u3096]")
# English function words: a sentence, not a list of terms ("MLflow Kubeflow")
_ENGLISH_RE = re.compile(r"\b(?:what|how|is|are|do|does|should|the|for|before|can|which|when|why|i|my|it|a|an|to|"
                         r"of|or|and|with|need)\b", re.IGNORECASE)
_JA_CHAR_RE = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff]")
_INVISIBLE_RE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")

EN_STOPWORDS = frozenset(
    ["a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for", "from", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "should", "so", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "to", "was", "we", "what", "when", "where", "which", "who", "why", "will", "with", "would", "you", "your", "i'm", "im", "do", "does", "did", "need", "needs", "want", "get"]
)


@lru_cache(maxsize=1024)
def normalize(text: str) -> str:
    """NFKC, lower-case, katakana folded to hiragana, invisible characters removed. (Remembered: a message's
    sentences and clauses are normalised for each matcher and card filter that reads them, ~30 times a message.)"""
    return _INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", text)).lower().translate(_KATA_TO_HIRA)


_KATA_TO_HIRA = {c: c - 0x60 for c in range(_KATA_START, _KATA_END + 1)}


_SENTENCE_RE = re.compile(r"(?<=[。．！？!?\n])|(?<=\.)\s+")


def split_sentences(text: str) -> list[str]:
    """Split Japanese or English prose, or a message, into sentences (keeps the end punctuation)."""
    return list(_sentences(text))


@lru_cache(maxsize=256)
def _sentences(text: str) -> tuple[str, ...]:
    # (a message is split again for each reading of it: what it finished, knows, asks, its context; and each of its
    # questions, a part of it, again)
    return tuple(s.strip() for s in _SENTENCE_RE.split(text) if s and s.strip())


class RememberedPattern:
    """A compiled pattern whose ``search`` remembers its last ``maxsize`` answers (a match is immutable); anything
    else (``sub``, ``split``, ``pattern``) is the pattern's own. A long message's sentences and clauses are read by
    the same patterns many times: the message, then each of its questions (a part of it), each question again with
    the one before it, and the search, then the answer (on the 12 longest dev questions, 29 of 35 searches of the
    clause patterns per message were of a text the pattern had read already)."""

    def __init__(self, pattern: re.Pattern[str], maxsize: int = 256) -> None:
        self.compiled = pattern
        self.search: Callable[..., re.Match[str] | None] = lru_cache(maxsize=maxsize)(pattern.search)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)


def remembered(pattern: str, flags: int = 0, maxsize: int = 256) -> RememberedPattern:
    """``re.compile(pattern, flags)`` whose searches are remembered (see :class:`RememberedPattern`)."""
    return RememberedPattern(re.compile(pattern, flags), maxsize)


def detect_lang(text: str) -> str:
    """'ja' when the text is written in Japanese: it has hiragana (Japanese grammar: "PyTorchとTensorFlowどっち？"),
    or kanji / katakana and no English sentence ("Docker Kubernetes 必要？", "修士"). An English sentence with
    a Japanese term or two ("Is 統計検定 worth it, or should I focus on Kaggle?") is English."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "en"
    if _HIRAGANA_RE.search(text):
        return "ja"
    if _ENGLISH_RE.search(text):
        return "en"
    ja = sum(1 for c in letters if _JA_CHAR_RE.match(c))
    return "ja" if ja >= 2 or (ja and ja / len(letters) >= 0.2) else "en"


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def tokenize(text: str) -> list[str]:
    """Keyword tokens: CJK character bigrams (a lone character stays a unigram) and stemmed Latin words."""
    norm = normalize(text)
    tokens: list[str] = []
    for run in _CJK_RE.findall(norm):
        if len(run) == 1:
            tokens.append(run)
        else:
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
    words = [w for w in _LATIN_RE.findall(_CJK_RE.sub(" ", norm)) if w not in EN_STOPWORDS]
    tokens.extend(_stemmer().stemWords(words))
    return tokens


_TERM_SPLIT_RE = re.compile(r"[・、，,／/（）()「」\[\]:：]+")
_LATIN_TERM_RE = re.compile(r"^[a-z0-9+#.\- ]+$")


def term_parts(text: str) -> list[str]:
    """A title or keyword split into the terms a learner might type alone ("線形回帰・ロジスティック回帰")."""
    return [p.strip() for p in _TERM_SPLIT_RE.split(text) if p.strip()]


_WORD_RE = re.compile(r"[a-z0-9+#]+")
MAX_TERM_WORDS = 4
MAX_REMEMBERED = 512  # texts a TermMatcher remembers what they name


def _words(norm: str) -> list[str]:
    return _WORD_RE.findall(norm)


def literal_pattern(words: list[str]) -> str:
    """A regex matching any of ``words`` (literal, non-empty), the longest one at a position, as the
    alternation of the words longest first would: built as a trie ("deep learning|deep learning
    specialization" -> "deep\\ learning(?:\\ specialization)?"), which Python's re tries ~4x faster on a long
    message than an alternation of ~100 titles, each tried at every position."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # a word ends here: the longer ones first (greedy), else here
            return (body if len(alts) > 1 else "(?:" + body + ")") + "?"
        return body
    return build(trie)


class TermMatcher:
    """Finds which of a fixed set of terms a text names: whole words for Latin-script terms ("R" does not
    match "PyTorch"; "CI/CD" matches "ci-cd"), substrings for Japanese ones. Matching is on normalised text
    (NFKC, lower case, katakana folded to hiragana). Latin terms are looked up as word n-grams in a dict,
    so building a matcher costs no regex compilation (a 1,000-term alternation took ~0.1 s per start)."""

    def __init__(self, terms: dict[str, str]) -> None:
        # terms: normalised term -> how to report it
        self._latin: dict[tuple[str, ...], str] = {}
        self._cjk: dict[str, list[tuple[str, str]]] = {}  # by first character: a text looks only at its own
        for term, report in terms.items():
            if _LATIN_TERM_RE.match(term):
                words = tuple(_words(term))
                if words and len(words) <= MAX_TERM_WORDS:
                    self._latin.setdefault(words, report)
            elif term:
                self._cjk.setdefault(term[0], []).append((term, report))
        self._latin_firsts = frozenset(words[0] for words in self._latin)  # (n-grams start only at these)
        self._cjk_firsts = frozenset(self._cjk)
        # a message's sentences and clauses are looked up several times (what it names, has finished, knows; then
        # again for each of its questions): remembered, until MAX_REMEMBERED texts are, then forgotten all at once
        self._found: dict[str, tuple[str, ...]] = {}

    def find(self, text: str) -> tuple[str, ...]:
        found = self._found.get(text)
        if found is None:
            if len(self._found) >= MAX_REMEMBERED:
                self._found.clear()
            found = self._found[text] = self._find(text)
        return found

    def _find(self, text: str) -> tuple[str, ...]:
        norm = normalize(text)
        words = _words(norm)
        found = {self._latin[gram] for i, word in enumerate(words) if word in self._latin_firsts
                 for n in range(1, min(MAX_TERM_WORDS, len(words) - i) + 1)
                 if (gram := tuple(words[i:i + n])) in self._latin}
        found |= {report for first in self._cjk_firsts.intersection(norm) for term, report in self._cjk[first]
                  if term in norm and _stands_alone(norm, term)}
        return tuple(sorted(found))


def _stands_alone(norm: str, term: str) -> bool:
    """Whether a Japanese term occurs other than as the tail of a Latin-lettered name: "検定" (a statistical
    test) is in "統計検定" but not in "g検定", an exam of its own."""
    at = norm.find(term)
    while at >= 0:
        if at == 0 or not norm[at - 1].isascii() or not norm[at - 1].isalnum():
            return True
        at = norm.find(term, at + 1)
    return False
