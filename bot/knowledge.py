"""Load and validate the bilingual knowledge base (``knowledge/*.yaml``) into typed objects.

Every problem is reported with its file and line; loading an invalid knowledge base raises
:class:`KnowledgeError` carrying all of them, never a bare YAML or KeyError traceback.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LANGS = ("ja", "en")
STAGE_IDS = (
    "education",
    "programming-data",
    "core-ml",
    "projects",
    "mlops",
    "work-experience",
    "specialization",
)
TOPIC_IDS = (
    "role",
    "skills-math",
    "skills-programming",
    "skills-data-platforms",
    "skills-ml-dl",
    "skills-engineering",
    "career-ladder",
    "future-role",
    "future-learning",
)
RESOURCE_KINDS = ("docs", "course", "book", "platform", "video", "tool", "community", "article")
LEVELS = ("beginner", "intermediate", "advanced")
COSTS = ("free", "freemium", "paid")
FILES = ("topics.yaml", "stages.yaml", "resources.yaml", "answers.yaml")
# The fields each kind of entry may have: anything else is a typo ("keywrods") and an error, never dropped.
FIELDS = {
    "topic": ("id", "title", "text", "keywords", "faq"),
    "stage": ("id", "order", "title", "text", "goal", "keywords", "faq", "assess", "items", "exit_criteria", "next",
              "sequential"),
    "item": ("id", "title", "hours", "keywords"),
    "resource": ("id", "title", "url", "kind", "stages", "items", "tags", "lang", "level", "cost", "summary",
                 "aliases", "assumes"),
    "card": ("id", "questions", "examples", "answer", "docs", "resources", "stage", "covered", "duration", "ages",
             "requires", "requires_also", "excludes"),
    "background": ("id", "title", "terms", "covers"),
}
PLACEHOLDERS = ("hours", "weeks_at_5", "weeks_at_10", "weeks_at_20", "months_at_5", "months_at_10", "months_at_20",
                *(f"hours_{s.replace('-', '_')}" for s in STAGE_IDS))

_URL_RE = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?(/[^\s]*)?$")
_SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Text:
    """A text in Japanese and English."""

    ja: str
    en: str

    def get(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


@dataclass(frozen=True)
class Item:
    id: str
    stage: str
    title: Text
    hours: float
    keywords: tuple[str, ...] = ()  # what a learner calls it: "決定木", "random forest"


@dataclass(frozen=True)
class Document:
    """A retrievable passage: one topic or one stage, both languages together."""

    id: str
    kind: str  # "topic" | "stage"
    title: Text
    text: Text
    keywords: tuple[str, ...]
    faq: tuple[tuple[str, str], ...] = ()  # (lang, question) pairs: questions this document answers

    def index_text(self) -> str:
        """What gets embedded and keyword-indexed: titles, texts and keywords of both languages."""
        return "\n".join(
            [self.title.ja, self.title.en, self.text.ja, self.text.en, " / ".join(self.keywords)]
        )


@dataclass(frozen=True)
class Stage(Document):
    order: int = 0
    goal: Text = Text("", "")
    assess: Text = Text("", "")
    items: tuple[Item, ...] = ()
    exit_criteria: tuple[Text, ...] = ()
    next: str | None = None
    # True: the checklist is a sequence (finishing an item implies the ones before it); False: independent
    # items in any order (projects: a Kaggle competition does not imply a recommender system)
    sequential: bool = True

    def index_text(self) -> str:
        parts = [super().index_text(), self.goal.ja, self.goal.en]
        parts += [f"{i.title.ja} / {i.title.en}" for i in self.items]
        return "\n".join(parts)


@dataclass(frozen=True)
class Resource:
    id: str
    title: str
    url: str
    kind: str
    stages: tuple[str, ...]
    items: tuple[str, ...]
    tags: tuple[str, ...]
    lang: str
    level: str
    cost: str
    summary: Text
    aliases: tuple[str, ...] = ()  # what learners call it besides its title ("ゼロつく")
    # items anyone who finished it has done, though it is no resource for them: its prerequisites and what it
    # teaches on the way (CS229's linear algebra, calculus and probability; ゼロつく's derivatives and NumPy)
    assumes: tuple[str, ...] = ()

    def index_text(self) -> str:
        return "\n".join([self.title, self.summary.ja, self.summary.en, " / ".join(self.tags)])

    @property
    def name(self) -> str:
        """The title without its subtitle or publisher: "Machine Learning Specialization"."""
        return re.split(r"[（(:：—―|]", self.title)[0].strip()

    @property
    def distinctive_name(self) -> str | None:
        """The name, when it is two words or more and could not be an ordinary word in a question (not
        "Kaggle", "MLOps")."""
        return self.name if len(self.name) >= 6 and " " in self.name else None


@dataclass(frozen=True)
class Background:
    """A job or degree that usually covers some checklist items ("a backend engineer knows the CS basics"):
    a learner who says they have it is not sent to those items first."""

    id: str
    title: Text  # what the answer calls it: "ソフトウェア開発の経験" / "software development experience"
    terms: tuple[str, ...]  # how learners say they have it: "バックエンドエンジニア", "backend developer"
    covers: tuple[str, ...]  # checklist item ids


@dataclass(frozen=True)
class Card:
    """A curated answer to a question learners ask, with the phrasings it answers."""

    id: str
    questions: tuple[tuple[str, str], ...]  # (lang, phrasing)
    answer: Text
    docs: tuple[str, ...]  # the documents it rests on, most relevant first
    resources: tuple[str, ...] = ()
    stage: str | None = None
    covered: bool = True  # False: an honest "the roadmap does not cover this"
    duration: tuple[str, str] | None = None  # a stage range whose checklist hours fill the placeholders
    ages: tuple[int, int] | None = None  # the learner ages it is written for ("in my 40s": 40-120)
    # (lang, message): long messages with personal context that ask this card's question; matched by meaning
    # only, never by keyword (their context words would make the card match any message that shares them)
    examples: tuple[tuple[str, str], ...] = ()
    # words for the situation it is written for ("ブランク", "career break"): a message must say one of them
    # for the card to answer it (a card for a career gap does not answer "I have an hour a day, is it realistic?")
    requires: tuple[str, ...] = ()
    # and words of which it must say one as well: the books on one subject answer a message that asks for a
    # book (``requires``) on that subject ("線形代数のおすすめの本"), neither "線形代数 必要？" nor a book on another
    requires_also: tuple[str, ...] = ()
    # words for a situation it is not written for: a message that says one of them (not to deny it) is not
    # answered by it ("which certificate first?" for someone who says they passed two)
    excludes: tuple[str, ...] = ()

    def index_text(self) -> str:
        """What the keyword index sees: every phrasing in both languages (not the long examples)."""
        return "\n".join(q for _, q in self.questions)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class KnowledgeError(Exception):
    """The knowledge base is invalid; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class KnowledgeBase:
    topics: list[Document]
    stages: list[Stage]
    resources: list[Resource]
    digest: str
    cards: list[Card] = field(default_factory=list)
    backgrounds: list[Background] = field(default_factory=list)
    _by_id: dict[str, Document] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {d.id: d for d in self.documents}
        self.items = {i.id: i for s in self.stages for i in s.items}
        self.resources_by_id = {r.id: r for r in self.resources}
        self.stages_by_id = {s.id: s for s in self.stages}
        self.cards_by_id = {c.id: c for c in self.cards}
        self.backgrounds_by_id = {b.id: b for b in self.backgrounds}

    @property
    def documents(self) -> list[Document]:
        return [*self.topics, *self.stages]

    def doc(self, doc_id: str) -> Document:
        return self._by_id[doc_id]

    def stage(self, stage_id: str) -> Stage:
        return self.stages_by_id[stage_id]

    def next_stage(self, stage_id: str) -> Stage | None:
        nxt = self.stage(stage_id).next
        return self.stages_by_id.get(nxt) if nxt else None

    def previous_stage(self, stage_id: str) -> Stage | None:
        """The stage whose ``next`` is this one (None for the first)."""
        return next((s for s in self.stages if s.next == stage_id), None)

    @functools.cached_property
    def distinctive_terms(self) -> dict[str, str]:
        """Terms that name something specific in this knowledge base (normalised -> as written): document
        keywords, checklist item names, resource tags and the short keyword-only phrasings of answer cards.
        Terms found in more than five documents ("AI", "機械学習") are too generic to count."""
        from bot.text import normalize, term_parts

        raw: list[str] = [k for d in self.documents for k in d.keywords]
        raw += [p for s in self.stages for i in s.items for lang in LANGS for p in term_parts(i.title.get(lang))]
        raw += [t.replace("-", " ") for r in self.resources for t in r.tags]
        raw += [q for c in self.cards if c.covered for _, q in c.questions
                if len(q) <= 24 and not re.search(r"[?？。]", q)]
        texts = [normalize(d.index_text()) for d in self.documents]
        terms: dict[str, str] = {}
        for term in raw:
            norm = normalize(term).strip()
            if len(norm) < 2 or norm in terms:
                continue
            if sum(norm in t for t in texts) <= 5:
                terms[norm] = term
        return terms

    @functools.cached_property
    def item_terms(self) -> dict[str, str]:
        """What learners call each checklist item (its keywords and title parts), normalised -> item id."""
        from bot.text import term_parts

        return _terms_to_ids((i.id, [*i.keywords, *(p for lang in LANGS for p in term_parts(i.title.get(lang)))])
                             for s in self.stages for i in s.items)

    @functools.cached_property
    def stage_terms(self) -> dict[str, str]:
        """Each stage's keywords and title parts, normalised -> stage id."""
        from bot.text import term_parts

        # (and its id as words, "core ML" / "core-ml", as the CLI and the bot name it)
        return _terms_to_ids((s.id, [*s.keywords, *(p for lang in LANGS for p in term_parts(s.title.get(lang))),
                                     s.id.replace("-", " ")]) for s in self.stages)

    @functools.cached_property
    def background_terms(self) -> dict[str, str]:
        """How learners say they have each background, normalised -> background id."""
        return _terms_to_ids((b.id, list(b.terms)) for b in self.backgrounds)

    def warm(self) -> KnowledgeBase:
        """Compute the derived tables now (so that a snapshot carries them)."""
        _ = self.distinctive_terms, self.item_terms, self.stage_terms, self.background_terms
        return self


def _terms_to_ids(entries: Iterable[tuple[str, list[str]]]) -> dict[str, str]:
    """normalised term -> id; a term shared by several entries stays with the first (roadmap order)."""
    from bot.text import normalize

    out: dict[str, str] = {}
    for ident, terms in entries:
        for term in terms:
            norm = normalize(term).strip()
            if len(norm) >= 2:
                out.setdefault(norm, ident)
    return out


# ---------------------------------------------------------------- YAML with line numbers


class _LineDict(dict):
    """A mapping that remembers the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


def _close(word: str, choices: Iterable[str]) -> list[str]:
    from difflib import get_close_matches

    return get_close_matches(word, list(choices), n=1, cutoff=0.6)


@functools.lru_cache(maxsize=1)
def _line_loader() -> type:
    """libyaml's C parser with our line-numbering constructor: 10x faster than the pure-Python loader
    (14 ms instead of 126 ms for the shipped knowledge), same line numbers. Built on first use: a start-up
    that finds the compiled snapshot never imports yaml."""
    import yaml

    loader = type("_LineLoader", (getattr(yaml, "CSafeLoader", yaml.SafeLoader),), {})
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    return loader


def _construct_mapping(loader: Any, node: Any) -> _LineDict:
    loader.flatten_mapping(node)
    result = _LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if str(key) in result.key_lines:
            # (YAML keeps the last of two equal keys and drops the first without a word: a card given a second
            # `excludes:` lost its first list, session 24)
            from yaml.constructor import ConstructorError

            raise ConstructorError(None, None, f"duplicate key '{key}' (first on line {result.key_lines[str(key)]})",
                                   key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[str(key)] = key_node.start_mark.line + 1
    return result


def _line(node: Any, key: str | None = None) -> int:
    if isinstance(node, _LineDict):
        return node.key_lines.get(key, node.line) if key else node.line
    return 0


# ---------------------------------------------------------------- validation


class _Checker:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def fail(self, node: Any, message: str, key: str | None = None) -> None:
        self.problems.append(Problem(self.file, _line(node, key), message))

    def text(self, node: Any, key: str, where: str, required: bool = True) -> Text:
        value = node.get(key) if isinstance(node, dict) else None
        if value is None:
            if required:
                self.fail(node, f"{where}: missing '{key}' (needs 'ja' and 'en')")
            return Text("", "")
        if not isinstance(value, dict):
            self.fail(node, f"{where}: '{key}' must be a mapping with 'ja' and 'en'", key)
            return Text("", "")
        return _bilingual(self, value, f"{where}: '{key}'")

    def string(self, node: dict, key: str, where: str) -> str:
        value = node.get(key)
        if not isinstance(value, str | int | float) or not str(value).strip():
            self.fail(node, f"{where}: missing or empty '{key}'", key)
            return ""
        return str(value).strip()

    def str_list(self, node: dict, key: str, where: str, required: bool = True) -> tuple[str, ...]:
        value = node.get(key)
        if value is None:
            if required:
                self.fail(node, f"{where}: missing '{key}' (a list)")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
            self.fail(node, f"{where}: '{key}' must be a list of strings", key)
            return ()
        return tuple(str(v) for v in value)

    def choice(self, node: dict, key: str, allowed: Iterable[str], where: str) -> str:
        value = self.string(node, key, where)
        allowed = tuple(allowed)
        if value and value not in allowed:
            self.fail(node, f"{where}: {key} '{value}' is not one of {', '.join(allowed)}", key)
        return value

    def entries(self, data: Any, key: str, optional: tuple[str, ...] = ()) -> list[Any]:
        if not isinstance(data, dict) or not isinstance(data.get(key), list):
            self.fail(data, f"the file must hold a top-level '{key}:' list")
            return []
        self.known(data, (key, *optional), "the file")
        if not data[key]:
            self.fail(data, f"the '{key}:' list is empty", key)
        return data[key]

    def known(self, node: Any, allowed: tuple[str, ...], where: str) -> None:
        """An error for every key of ``node`` that is not in ``allowed``, with the closest allowed one."""
        if not isinstance(node, dict):
            return
        for key in node:
            if str(key) not in allowed:
                close = _close(str(key), allowed)
                hint = f" Did you mean '{close[0]}'?" if close else f" (allowed: {', '.join(allowed)})"
                self.fail(node, f"{where}: unknown field '{key}'.{hint}", str(key))


def _faq(c: _Checker, node: dict, where: str) -> tuple[tuple[str, str], ...]:
    faq = node.get("faq")
    if faq is None:
        return ()
    if not isinstance(faq, dict):
        c.fail(node, f"{where}: 'faq' must be a mapping with 'ja' and 'en' lists of questions", "faq")
        return ()
    c.known(faq, LANGS, f"{where} faq")
    return tuple((lang, q.strip()) for lang in LANGS for q in c.str_list(faq, lang, f"{where} faq") if q.strip())


def _keywords(c: _Checker, node: dict, where: str) -> tuple[str, ...]:
    kw = node.get("keywords")
    if kw is None:
        return ()
    if not isinstance(kw, dict):
        c.fail(node, f"{where}: 'keywords' must be a mapping with 'ja' and 'en' lists", "keywords")
        return ()
    c.known(kw, LANGS, f"{where} keywords")
    return tuple(w for lang in LANGS for w in c.str_list(kw, lang, f"{where} keywords", required=False))


def _read(path: Path, problems: list[Problem]) -> Any:
    import yaml

    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(name, 0, f"cannot read file: {exc.strerror or exc}"))
        return None
    try:
        return yaml.load(raw.decode("utf-8"), Loader=_line_loader())
    except UnicodeDecodeError as exc:
        problems.append(Problem(name, 0, f"not valid UTF-8 (byte {exc.start})"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        problems.append(Problem(name, line, f"YAML syntax error: {getattr(exc, 'problem', None) or exc}"))
    return None


def _entries(c: _Checker, data: Any, kind: str, seen: dict[str, int],
             optional: tuple[str, ...] = ()) -> Iterator[tuple[dict, str, str]]:
    """Each entry of the file's ``<kind>s:`` list that is a mapping, with its id and a "kind 'id'" label for
    messages; checks its fields and that its id is unique (in ``seen``) on the way. ``optional``: other
    top-level lists the file may hold."""
    for node in c.entries(data, f"{kind}s", optional):
        if not isinstance(node, dict):
            c.fail(data, f"each {kind} must be a mapping")
            continue
        ident = c.string(node, "id", kind)
        where = f"{kind} '{ident}'"
        c.known(node, FIELDS[kind], where)
        _unique(c, node, ident, seen)
        yield node, ident, where


def _topics(c: _Checker, data: Any, seen: dict[str, int]) -> list[Document]:
    out = []
    for node, tid, where in _entries(c, data, "topic", seen):
        if tid and tid not in TOPIC_IDS:
            c.fail(node, f"unknown topic id '{tid}' (expected one of {', '.join(TOPIC_IDS)})", "id")
        doc = Document(tid, "topic", c.text(node, "title", where), c.text(node, "text", where),
                       _keywords(c, node, where), _faq(c, node, where))
        out.append(doc)
    ids = {d.id for d in out}
    for missing in [t for t in TOPIC_IDS if t not in ids] if out else []:
        c.fail(data, f"topic '{missing}' is missing")
    return out


def _unique(c: _Checker, node: dict, doc_id: str, seen: dict[str, int]) -> None:
    if not doc_id:
        return
    if doc_id in seen:
        c.fail(node, f"duplicate id '{doc_id}' (first defined at line {seen[doc_id]})", "id")
    else:
        seen[doc_id] = _line(node, "id")


def _hours(c: _Checker, node: dict, where: str) -> float:
    value = node.get("hours")
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        c.fail(node, f"{where}: hours must be a positive number, got {value!r}", "hours")
        return 0.0
    return float(value)


def _stages(c: _Checker, data: Any, seen: dict[str, int]) -> list[Stage]:
    out = []
    nodes: list[dict] = []  # the YAML mapping of each stage in ``out``, for line numbers
    for node, sid, where in _entries(c, data, "stage", seen, ("backgrounds",)):
        if sid and sid not in STAGE_IDS:
            c.fail(node, f"unknown stage id '{sid}' (expected one of {', '.join(STAGE_IDS)})", "id")
        items = []
        raw_items = node.get("items")
        if not isinstance(raw_items, list) or not raw_items:
            c.fail(node, f"{where}: needs a non-empty 'items' checklist", "items")
            raw_items = []
        for inode in raw_items:
            if not isinstance(inode, dict):
                c.fail(node, f"{where}: each item must be a mapping", "items")
                continue
            iid = c.string(inode, "id", f"{where} item")
            c.known(inode, FIELDS["item"], f"item '{iid}'")
            _unique(c, inode, iid, seen)
            if iid and not iid.startswith(f"{sid}."):
                c.fail(inode, f"item id '{iid}' must start with '{sid}.'", "id")
            items.append(Item(iid, sid, c.text(inode, "title", f"item '{iid}'"), _hours(c, inode, f"item '{iid}'"),
                              _keywords(c, inode, f"item '{iid}'")))
        criteria = node.get("exit_criteria")
        if not isinstance(criteria, list) or not criteria:
            c.fail(node, f"{where}: needs a non-empty 'exit_criteria' list", "exit_criteria")
            criteria = []
        exits = []
        for cr in criteria:
            if isinstance(cr, dict):
                exits.append(_bilingual(c, cr, f"{where} exit criterion"))
            else:
                c.fail(node, f"{where}: each exit criterion needs 'ja' and 'en' texts", "exit_criteria")
        order = node.get("order")
        if not isinstance(order, int) or isinstance(order, bool):
            c.fail(node, f"{where}: 'order' must be an integer", "order")
            order = 0
        nxt = node.get("next")
        sequential = node.get("sequential", True)
        if not isinstance(sequential, bool):
            c.fail(node, f"{where}: 'sequential' must be true or false", "sequential")
            sequential = True
        nodes.append(node)
        out.append(
            Stage(
                sid, "stage", c.text(node, "title", where), c.text(node, "text", where),
                _keywords(c, node, where), _faq(c, node, where), order=order, goal=c.text(node, "goal", where),
                assess=c.text(node, "assess", where), items=tuple(items), exit_criteria=tuple(exits),
                next=str(nxt) if nxt else None, sequential=sequential,
            )
        )
    ids = [s.id for s in out]
    if out:
        for missing in [s for s in STAGE_IDS if s not in ids]:
            c.fail(data, f"stage '{missing}' is missing")
        for s, node in zip(out, nodes, strict=True):
            if s.next and s.next not in STAGE_IDS:
                c.fail(node, f"stage '{s.id}': next '{s.next}' is not a known stage", "next")
            if s.id in STAGE_IDS and s.order != STAGE_IDS.index(s.id) + 1:
                c.fail(node, f"stage '{s.id}': order must be {STAGE_IDS.index(s.id) + 1}", "order")
    return sorted(out, key=lambda s: s.order)


def _backgrounds(c: _Checker, data: Any, items: set[str]) -> list[Background]:
    """stages.yaml's optional ``backgrounds:`` list: jobs and degrees and the checklist items they cover."""
    raw = data.get("backgrounds") if isinstance(data, dict) else None
    if raw is None:
        return []
    if not isinstance(raw, list):
        c.fail(data, "'backgrounds' must be a list", "backgrounds")
        return []
    out: list[Background] = []
    seen: dict[str, int] = {}
    for node in raw:
        if not isinstance(node, dict):
            c.fail(data, "each background must be a mapping", "backgrounds")
            continue
        bid = c.string(node, "id", "background")
        where = f"background '{bid}'"
        c.known(node, FIELDS["background"], where)
        _unique(c, node, bid, seen)
        terms = node.get("terms")
        if not isinstance(terms, dict):
            c.fail(node, f"{where}: needs 'terms' with 'ja' and 'en' lists", "terms")
            words: tuple[str, ...] = ()
        else:
            c.known(terms, LANGS, f"{where} terms")
            words = tuple(w for lang in LANGS for w in c.str_list(terms, lang, f"{where} terms"))
        covers = c.str_list(node, "covers", where)
        if not covers:
            c.fail(node, f"{where}: 'covers' must name at least one checklist item", "covers")
        for i in covers:
            if i not in items:
                close = _close(i, sorted(items))
                c.fail(node, f"{where}: unknown checklist item '{i}'" + (f". Did you mean '{close[0]}'?" if close else ""),
                       "covers")
        out.append(Background(bid, c.text(node, "title", where), words, covers))
    return out


def _bilingual(c: _Checker, node: dict, where: str) -> Text:
    c.known(node, LANGS, where)
    out = {}
    for lang in LANGS:
        s = node.get(lang)
        if not isinstance(s, str) or not s.strip():
            c.fail(node, f"{where}: missing the '{lang}' text", lang)
            s = ""
        out[lang] = s.strip()
    return Text(**out)


def _resources(c: _Checker, data: Any, seen: dict[str, int], items: set[str]) -> list[Resource]:
    out = []
    for node, rid, where in _entries(c, data, "resource", seen):
        url = c.string(node, "url", where)
        if url and not _URL_RE.match(url):
            c.fail(node, f"{where}: malformed URL '{url}'", "url")
        stages = c.str_list(node, "stages", where)
        for s in stages:
            if s not in STAGE_IDS:
                c.fail(node, f"{where}: unknown stage id '{s}'", "stages")
        res_items = c.str_list(node, "items", where, required=False)
        assumes = c.str_list(node, "assumes", where, required=False)
        for key, ids in (("items", res_items), ("assumes", assumes)):
            for i in ids:
                if i not in items:
                    c.fail(node, f"{where}: unknown checklist item id '{i}'", key)
        out.append(
            Resource(
                rid, c.string(node, "title", where), url, c.choice(node, "kind", RESOURCE_KINDS, where),
                stages, res_items, c.str_list(node, "tags", where),
                c.choice(node, "lang", LANGS, where), c.choice(node, "level", LEVELS, where),
                c.choice(node, "cost", COSTS, where), c.text(node, "summary", where),
                tuple(c.str_list(node, "aliases", where, required=False)), tuple(assumes),
            )
        )
    return out


_SENTENCE_END = {"ja": re.compile(r"[。！？]"), "en": re.compile(r"[.!?](?=\s|$)")}
_PLACEHOLDER_RE = re.compile(r"\{([^{}]*)\}")


def _cards(c: _Checker, data: Any, seen: dict[str, int], docs: set[str] | None,
           resources: set[str] | None) -> list[Card]:
    """The answer cards; ``docs`` / ``resources`` None: those files did not load, so references to them
    are not checked (one broken file should not bury its error under a hundred consequences)."""
    out = []
    for node, cid, where in _entries(c, data, "card", seen):
        if cid and not _SLUG_RE.match(cid):
            c.fail(node, f"{where}: the id must be a lowercase slug (a-z, 0-9, hyphens)", "id")
        questions: list[tuple[str, str]] = []
        raw_q = node.get("questions")
        if not isinstance(raw_q, dict):
            c.fail(node, f"{where}: needs 'questions' with 'ja' and 'en' lists of phrasings", "questions")
        else:
            c.known(raw_q, LANGS, f"{where} questions")
            for lang in LANGS:
                phrasings = [q.strip() for q in c.str_list(raw_q, lang, f"{where} questions") if q.strip()]
                if not phrasings:
                    c.fail(raw_q, f"{where}: needs at least one '{lang}' phrasing", lang)
                questions += [(lang, q) for q in phrasings]
        examples = _by_lang(c, node, "examples", where, "messages")
        answer = c.text(node, "answer", where)
        duration = None
        raw_d = node.get("duration")
        if raw_d is not None:
            if (not isinstance(raw_d, list) or len(raw_d) != 2 or any(x not in STAGE_IDS for x in raw_d)
                    or STAGE_IDS.index(raw_d[0]) > STAGE_IDS.index(raw_d[1])):
                c.fail(node, f"{where}: 'duration' must be [first stage, last stage] in roadmap order", "duration")
            else:
                duration = (str(raw_d[0]), str(raw_d[1]))
        for lang in LANGS:
            text = answer.get(lang)
            if not text:
                continue
            sentences = len(_SENTENCE_END[lang].findall(text))
            if not 1 <= sentences <= 6:
                c.fail(node, f"{where}: the '{lang}' answer should be 2-5 sentences, has {sentences}", "answer")
            for name in _PLACEHOLDER_RE.findall(text):
                if duration is None or name not in PLACEHOLDERS:
                    c.fail(node, f"{where}: unknown placeholder '{{{name}}}' in the '{lang}' answer"
                           + ("" if duration else " (placeholders need 'duration')"), "answer")
        card_docs = c.str_list(node, "docs", where)
        if not card_docs:
            c.fail(node, f"{where}: 'docs' must name at least one topic or stage", "docs")
        for d in card_docs:
            if docs is not None and d not in docs:
                c.fail(node, f"{where}: unknown document id '{d}'", "docs")
        card_res = c.str_list(node, "resources", where, required=False)
        for r in card_res:
            if resources is not None and r not in resources:
                close = _close(r, sorted(resources))
                c.fail(node, f"{where}: unknown resource id '{r}'" + (f". Did you mean '{close[0]}'?" if close else ""),
                       "resources")
        stage = node.get("stage")
        if stage is not None and stage not in STAGE_IDS:
            c.fail(node, f"{where}: unknown stage id '{stage}'", "stage")
        covered = node.get("covered", True)
        if not isinstance(covered, bool):
            c.fail(node, f"{where}: 'covered' must be true or false", "covered")
            covered = True
        ages = None
        raw_a = node.get("ages")
        if raw_a is not None:
            if (not isinstance(raw_a, list) or len(raw_a) != 2 or not all(type(x) is int for x in raw_a)
                    or not 0 < raw_a[0] <= raw_a[1] <= 120):
                c.fail(node, f"{where}: 'ages' must be [youngest, oldest], whole years from 1 to 120", "ages")
            else:
                ages = (raw_a[0], raw_a[1])
        requires, requires_also, excludes = (tuple(w for _, w in _by_lang(c, node, key, where, "words"))
                                             for key in ("requires", "requires_also", "excludes"))
        for key, words in (("requires", requires), ("requires_also", requires_also), ("excludes", excludes)):
            if key in node and isinstance(node[key], dict) and not words:
                c.fail(node, f"{where}: '{key}' lists no words", key)
        if requires_also and not requires:
            c.fail(node, f"{where}: 'requires_also' needs 'requires'", "requires_also")
        out.append(Card(cid, tuple(questions), answer, card_docs, card_res, str(stage) if stage else None,
                        covered, duration, ages, tuple(examples), requires, requires_also, excludes))
    return out


def _by_lang(c: _Checker, node: dict, key: str, where: str, what: str) -> list[tuple[str, str]]:
    """An optional ``key: {ja: [...], en: [...]}`` of a card as (lang, text) pairs, with its mistakes reported."""
    raw = node.get(key)
    if raw is None:
        return []
    if not isinstance(raw, dict):
        c.fail(node, f"{where}: '{key}' must be a mapping with 'ja' and 'en' lists of {what}", key)
        return []
    c.known(raw, LANGS, f"{where} {key}")
    # (a word's outer spaces are kept: they mark a word boundary, " sier" not in "easier", " thesis" not in "hypothesis")
    return [(lang, x if what == "words" else x.strip())
            for lang in LANGS for x in c.str_list(raw, lang, f"{where} {key}", required=False) if x.strip()]


def knowledge_digest(directory: Path) -> str:
    """sha256 over the knowledge files' names and bytes: changes whenever the knowledge does."""
    h = hashlib.sha256()
    for name in FILES:
        path = directory / name
        h.update(name.encode())
        h.update(path.read_bytes() if path.exists() else b"<missing>")
    return h.hexdigest()


def check(directory: str | os.PathLike[str]) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Validate the knowledge directory. Returns the knowledge base (None if invalid) and the problems."""
    directory = Path(directory)
    problems: list[Problem] = []
    data = {}
    for name in FILES:
        data[name] = _read(directory / name, problems)
        if data[name] is None and not any(p.file == name for p in problems):
            problems.append(Problem(name, 1, "the file is empty"))
    seen: dict[str, int] = {}
    checkers = {name: _Checker(name) for name in FILES}
    topics = _topics(checkers["topics.yaml"], data["topics.yaml"], seen) if data["topics.yaml"] else []
    stages = _stages(checkers["stages.yaml"], data["stages.yaml"], seen) if data["stages.yaml"] else []
    items = {i.id for s in stages for i in s.items}
    backgrounds = _backgrounds(checkers["stages.yaml"], data["stages.yaml"], items) if data["stages.yaml"] else []
    resources = (_resources(checkers["resources.yaml"], data["resources.yaml"], seen, items)
                 if data["resources.yaml"] else [])
    doc_ids = ({d.id for d in [*topics, *stages]}
               if data["topics.yaml"] and data["stages.yaml"] else None)
    resource_ids = {r.id for r in resources} if data["resources.yaml"] else None
    cards = _cards(checkers["answers.yaml"], data["answers.yaml"], {}, doc_ids, resource_ids) if data["answers.yaml"] else []
    for c in checkers.values():
        problems.extend(c.problems)
    if problems:
        return None, problems
    return KnowledgeBase(topics, stages, resources, knowledge_digest(directory), cards, backgrounds), []


def load(directory: str | os.PathLike[str]) -> KnowledgeBase:
    """Load the knowledge base, raising :class:`KnowledgeError` listing every problem."""
    kb, problems = check(directory)
    if kb is None:
        raise KnowledgeError(problems)
    return kb


# ---------------------------------------------------------------- the compiled snapshot

SNAPSHOT = "knowledge.pickle"
_CODE_FILES = ("knowledge.py", "text.py")


def code_fingerprint() -> str:
    """sha256 of the code that shapes a loaded knowledge base: a snapshot from other code is not used."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in _CODE_FILES:
        h.update((here / name).read_bytes())
    return h.hexdigest()


def write_snapshot(kb: KnowledgeBase, directory: Path) -> None:
    """The validated knowledge base (with its derived tables) as one pickle, so that loading it costs 5 ms
    instead of parsing and validating the YAML (150-250 ms). Written by the index build."""
    payload = {"digest": kb.digest, "code": code_fingerprint(), "kb": kb.warm()}
    tmp = directory / f".{SNAPSHOT}.tmp"
    tmp.write_bytes(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(tmp, directory / SNAPSHOT)


def read_snapshot(directories: Iterable[Path], digest: str) -> KnowledgeBase | None:
    """The snapshot of the knowledge with this digest, built by this code, from the first directory that
    has one; None when there is none (the caller loads the YAML). Only our own index directories are read."""
    code = None
    for directory in directories:
        path = directory / SNAPSHOT
        try:
            payload = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            continue
        code = code or code_fingerprint()
        if isinstance(payload, dict) and payload.get("digest") == digest and payload.get("code") == code:
            kb = payload.get("kb")
            if isinstance(kb, KnowledgeBase):
                return kb
    return None
