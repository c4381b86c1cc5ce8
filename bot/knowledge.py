"""Load and validate the bilingual knowledge base (``knowledge/*.yaml``) into typed objects.

Every problem is reported with its file and line; loading an invalid knowledge base raises
:class:`KnowledgeError` carrying all of them, never a bare YAML or KeyError traceback.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

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
FILES = ("topics.yaml", "stages.yaml", "resources.yaml")

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

    def index_text(self) -> str:
        return "\n".join([self.title, self.summary.ja, self.summary.en, " / ".join(self.tags)])


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
    _by_id: dict[str, Document] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {d.id: d for d in self.documents}
        self.items = {i.id: i for s in self.stages for i in s.items}
        self.resources_by_id = {r.id: r for r in self.resources}
        self.stages_by_id = {s.id: s for s in self.stages}

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


# ---------------------------------------------------------------- YAML with line numbers


class _LineDict(dict):
    """A mapping that remembers the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _LineDict:
    loader.flatten_mapping(node)
    result = _LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[str(key)] = key_node.start_mark.line + 1
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


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

    def entries(self, data: Any, key: str) -> list[Any]:
        if not isinstance(data, dict) or not isinstance(data.get(key), list):
            self.fail(data, f"the file must hold a top-level '{key}:' list")
            return []
        return data[key]


def _faq(c: _Checker, node: dict, where: str) -> tuple[tuple[str, str], ...]:
    faq = node.get("faq")
    if faq is None:
        return ()
    if not isinstance(faq, dict):
        c.fail(node, f"{where}: 'faq' must be a mapping with 'ja' and 'en' lists of questions", "faq")
        return ()
    return tuple((lang, q.strip()) for lang in LANGS for q in c.str_list(faq, lang, f"{where} faq") if q.strip())


def _keywords(c: _Checker, node: dict, where: str) -> tuple[str, ...]:
    kw = node.get("keywords")
    if kw is None:
        return ()
    if not isinstance(kw, dict):
        c.fail(node, f"{where}: 'keywords' must be a mapping with 'ja' and 'en' lists", "keywords")
        return ()
    return tuple(w for lang in LANGS for w in c.str_list(kw, lang, f"{where} keywords", required=False))


def _read(path: Path, problems: list[Problem]) -> Any:
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(name, 0, f"cannot read file: {exc.strerror or exc}"))
        return None
    try:
        return yaml.load(raw.decode("utf-8"), Loader=_LineLoader)
    except UnicodeDecodeError as exc:
        problems.append(Problem(name, 0, f"not valid UTF-8 (byte {exc.start})"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        problems.append(Problem(name, line, f"YAML syntax error: {getattr(exc, 'problem', None) or exc}"))
    return None


def _topics(c: _Checker, data: Any, seen: dict[str, int]) -> list[Document]:
    out = []
    for node in c.entries(data, "topics"):
        if not isinstance(node, dict):
            c.fail(data, "each topic must be a mapping")
            continue
        tid = c.string(node, "id", "topic")
        where = f"topic '{tid}'"
        _unique(c, node, tid, seen)
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
    for node in c.entries(data, "stages"):
        if not isinstance(node, dict):
            c.fail(data, "each stage must be a mapping")
            continue
        sid = c.string(node, "id", "stage")
        where = f"stage '{sid}'"
        _unique(c, node, sid, seen)
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
            _unique(c, inode, iid, seen)
            if iid and not iid.startswith(f"{sid}."):
                c.fail(inode, f"item id '{iid}' must start with '{sid}.'", "id")
            items.append(Item(iid, sid, c.text(inode, "title", f"item '{iid}'"), _hours(c, inode, f"item '{iid}'")))
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
        out.append(
            Stage(
                sid, "stage", c.text(node, "title", where), c.text(node, "text", where),
                _keywords(c, node, where), _faq(c, node, where), order=order, goal=c.text(node, "goal", where),
                assess=c.text(node, "assess", where), items=tuple(items), exit_criteria=tuple(exits),
                next=str(nxt) if nxt else None,
            )
        )
    ids = [s.id for s in out]
    if out:
        for missing in [s for s in STAGE_IDS if s not in ids]:
            c.fail(data, f"stage '{missing}' is missing")
        for s, node in zip(out, [n for n in c.entries(data, "stages") if isinstance(n, dict)], strict=False):
            if s.next and s.next not in STAGE_IDS:
                c.fail(node, f"stage '{s.id}': next '{s.next}' is not a known stage", "next")
            if s.id in STAGE_IDS and s.order != STAGE_IDS.index(s.id) + 1:
                c.fail(node, f"stage '{s.id}': order must be {STAGE_IDS.index(s.id) + 1}", "order")
    return sorted(out, key=lambda s: s.order)


def _bilingual(c: _Checker, node: dict, where: str) -> Text:
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
    for node in c.entries(data, "resources"):
        if not isinstance(node, dict):
            c.fail(data, "each resource must be a mapping")
            continue
        rid = c.string(node, "id", "resource")
        where = f"resource '{rid}'"
        _unique(c, node, rid, seen)
        url = c.string(node, "url", where)
        if url and not _URL_RE.match(url):
            c.fail(node, f"{where}: malformed URL '{url}'", "url")
        stages = c.str_list(node, "stages", where)
        for s in stages:
            if s not in STAGE_IDS:
                c.fail(node, f"{where}: unknown stage id '{s}'", "stages")
        res_items = c.str_list(node, "items", where, required=False)
        for i in res_items:
            if i not in items:
                c.fail(node, f"{where}: unknown checklist item id '{i}'", "items")
        out.append(
            Resource(
                rid, c.string(node, "title", where), url, c.choice(node, "kind", RESOURCE_KINDS, where),
                stages, res_items, c.str_list(node, "tags", where),
                c.choice(node, "lang", LANGS, where), c.choice(node, "level", LEVELS, where),
                c.choice(node, "cost", COSTS, where), c.text(node, "summary", where),
            )
        )
    return out


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
    seen: dict[str, int] = {}
    checkers = {name: _Checker(name) for name in FILES}
    topics = _topics(checkers["topics.yaml"], data["topics.yaml"], seen) if data["topics.yaml"] else []
    stages = _stages(checkers["stages.yaml"], data["stages.yaml"], seen) if data["stages.yaml"] else []
    items = {i.id for s in stages for i in s.items}
    resources = (_resources(checkers["resources.yaml"], data["resources.yaml"], seen, items)
                 if data["resources.yaml"] else [])
    for c in checkers.values():
        problems.extend(c.problems)
    if problems:
        return None, problems
    return KnowledgeBase(topics, stages, resources, knowledge_digest(directory)), []


def load(directory: str | os.PathLike[str]) -> KnowledgeBase:
    """Load the knowledge base, raising :class:`KnowledgeError` listing every problem."""
    kb, problems = check(directory)
    if kb is None:
        raise KnowledgeError(problems)
    return kb


def default_knowledge_dir() -> Path:
    """``$CAREERBOT_KNOWLEDGE`` or the ``knowledge/`` folder beside the package."""
    env = os.environ.get("CAREERBOT_KNOWLEDGE")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "knowledge"
