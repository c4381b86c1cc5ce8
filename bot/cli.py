"""``careerbot``: the command-line front end. Argument parsing, reading the :class:`~bot.config.Config` once,
and printing; the answers, next steps and plans come from the library as data and are rendered here in
plain text (:mod:`bot.render`)."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import SHIPPED_KNOWLEDGE, Config, ConfigError
from bot.messages import t

if TYPE_CHECKING:
    from bot.answer import Answer, Asker
    from bot.engine import Engine
    from bot.knowledge import KnowledgeBase
    from bot.store import Profile, Store

LOCAL = (0, 0)  # the CLI's single local profile: guild 0, user 0

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
MAX_BATCH_LINE_BYTES = 64 * 1024


class CliError(Exception):
    """A problem to report in one sentence, with an exit code."""

    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r  embedding {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)
    elif done == total:
        print(f"  embedded {total} texts", file=sys.stderr)


def _config(args: argparse.Namespace) -> Config:
    """The configuration: environment and ``.env``, then the command's flags."""
    try:
        config = Config.load()
    except ConfigError as exc:
        raise CliError(str(exc), EXIT_USAGE) from exc
    flags = {"knowledge_dir": getattr(args, "knowledge", None), "index_dir": getattr(args, "index_dir", None),
             "backend": getattr(args, "backend", None), "model": getattr(args, "model", None)}
    changes = {k: (Path(v) if k.endswith("_dir") else v) for k, v in flags.items() if v}
    return dataclasses.replace(config, **changes)


def _knowledge_error(exc: Exception) -> CliError:
    problems = getattr(exc, "problems", [])
    return CliError("The knowledge base is invalid:\n" + "\n".join(f"  {p}" for p in problems))


def load_engine(config: Config) -> Engine:
    from bot.embedding import EncoderError
    from bot.engine import Engine
    from bot.knowledge import KnowledgeError

    try:
        return Engine.load(config, notify=_err, progress=_progress)
    except KnowledgeError as exc:
        raise _knowledge_error(exc) from exc
    except EncoderError as exc:
        raise CliError(f"Cannot load the embedding model: {exc}") from exc


def load_kb(config: Config) -> KnowledgeBase:
    """The knowledge base: from an index's compiled snapshot when one matches the files exactly (5 ms),
    else parsed and validated from the YAML (150-250 ms)."""
    from bot.config import SHIPPED_INDEX_ROOT
    from bot.knowledge import KnowledgeError, knowledge_digest, load, read_snapshot

    directory = config.knowledge_dir or SHIPPED_KNOWLEDGE
    places = [config.index_dir] if config.index_dir else sorted(SHIPPED_INDEX_ROOT.glob("*"))
    try:
        return read_snapshot(places, knowledge_digest(directory)) or load(directory)
    except KnowledgeError as exc:
        raise _knowledge_error(exc) from exc


@contextlib.contextmanager
def open_store(config: Config, target: str | None = None, *, migrate: bool = True) -> Iterator[Store]:
    """The configured database (or ``target``), closed afterwards; store errors become one sentence."""
    from bot.store import StoreError
    from bot.store import open_store as open_database

    busy = {} if config.db_busy_wait is None else {"busy_wait_s": config.db_busy_wait}
    try:
        store = open_database(target or config.database, migrate=migrate, **busy)
    except StoreError as exc:
        raise CliError(f"Cannot open the profile database: {exc}") from exc
    try:
        yield store
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    finally:
        store.close()


def _profile(config: Config, *, optional: bool = False) -> Profile | None:
    """The local profile, without creating a database when there is none yet. With ``optional`` (commands that
    only use the profile to personalise, like ``ask``), a database that can't be read is a warning on stderr
    and the command goes on without the profile, as the bot does."""
    if config.db is None and not Path(config.database).exists():
        return None
    try:
        with open_store(config) as store:
            return store.get_profile(*LOCAL)
    except CliError as exc:
        if not optional:
            raise
        _err(f"{exc} (answering without your profile)")
        return None


def _lang(args: argparse.Namespace, config: Config, profile: Profile | None) -> str:
    """Output language: --lang, then the profile's, then CAREERBOT_LANG / LANG, then English."""
    return getattr(args, "lang", None) or (profile.lang if profile else None) or config.lang or "en"


def _asker(args: argparse.Namespace, profile: Profile | None, kb: KnowledgeBase) -> Asker:
    from bot.advisor import resolve_stage
    from bot.answer import Asker

    if getattr(args, "stage", None):
        return Asker(stage=_resolve(resolve_stage, kb, args.stage).id)
    if profile is None:
        return Asker()
    return Asker(stage=profile.stage, done=profile.completed, hours_per_week=profile.hours_per_week)


def _resolve(fn, *a):  # -> the resolved stage/item, or CliError(code 2) with "did you mean"
    from bot.advisor import UnknownId

    try:
        return fn(*a)
    except UnknownId as exc:
        raise CliError(f"Error: {exc}", EXIT_USAGE) from exc


def render(answer: Answer) -> str:
    from bot.render import PLAIN, render_answer

    return render_answer(answer, PLAIN)


# ---------------------------------------------------------------- ask, chat


def cmd_ask(args: argparse.Namespace) -> int:
    if args.batch:
        return _ask_batch(args)
    question = " ".join(args.question or [])
    if not question.strip():
        _err(t("empty_question_cli", "ja") + " / " + t("empty_question_cli", "en"))
        return EXIT_USAGE
    config = _config(args)
    engine = load_engine(config)
    asker = _asker(args, _profile(config, optional=True), engine.kb)
    answer = engine.ask(question, asker)
    print(json.dumps(answer.to_json(), ensure_ascii=False) if args.json else render(answer))
    return EXIT_OK


def _decode_line(raw: bytes) -> tuple[str | None, str | None]:
    """A batch line as text, or an error message for it."""
    if len(raw) > MAX_BATCH_LINE_BYTES:
        return None, f"line too long ({len(raw)} bytes; the limit is {MAX_BATCH_LINE_BYTES})"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, f"invalid UTF-8 at byte {exc.start}"
    if not text.strip():
        return None, "empty question"
    return text, None


def _ask_batch(args: argparse.Namespace) -> int:
    config = _config(args)
    engine = load_engine(config)
    asker = _asker(args, _profile(config, optional=True), engine.kb)
    out = sys.stdout
    for lineno, raw in enumerate(sys.stdin.buffer, start=1):
        text, error = _decode_line(raw.rstrip(b"\r\n"))
        if error:
            out.write(json.dumps({"line": lineno, "error": error}, ensure_ascii=False) + "\n")
        else:
            answer = engine.ask(text, asker)
            out.write(json.dumps({"line": lineno, **answer.to_json()}, ensure_ascii=False) + "\n")
        out.flush()
    return EXIT_OK


def _read_question(lang: str) -> str | None:
    """One question from the terminal. A paste of several lines is one question: lines are read until a
    line is empty *after* text, or the input pauses; returns None at end of input or on /quit."""
    import select

    lines: list[str] = []
    while True:
        try:
            line = input("> " if not lines else "… ")
        except EOFError:
            return "\n".join(lines) if lines else None
        if not lines and line.strip().lower() in ("/quit", "/exit", "/q"):
            return None
        if not line.strip():
            if lines:
                return "\n".join(lines)
            continue  # an empty line on its own does nothing (no surprise exit)
        lines.append(line)
        # More pasted lines waiting? Keep reading them into the same question.
        if not (sys.stdin.isatty() and select.select([sys.stdin], [], [], 0.05)[0]):
            return "\n".join(lines)


def cmd_chat(args: argparse.Namespace) -> int:
    from bot.conversation import follow_up
    from bot.engine import EmptyQuestion

    config = _config(args)
    engine = load_engine(config)
    profile = _profile(config, optional=True)
    asker = _asker(args, profile, engine.kb)
    lang = _lang(args, config, profile)
    print(t("chat_intro", lang))
    last = None
    while True:
        try:
            question = _read_question(lang)
        except KeyboardInterrupt:
            print()
            return EXIT_OK
        if question is None:
            print()
            return EXIT_OK
        if question.strip().lower() in ("/help", "/h", "/?"):
            print(t("chat_help", lang) + "\n")
            continue
        try:
            last = follow_up(engine, question, last, asker)
        except EmptyQuestion:
            continue
        print(render(last) + "\n")


# ---------------------------------------------------------------- knowledge, index, eval


def cmd_knowledge_check(args: argparse.Namespace) -> int:
    from bot.knowledge import check

    config = _config(args)
    directory = config.knowledge_dir or SHIPPED_KNOWLEDGE
    kb, problems = check(directory)
    if problems:
        for p in problems:
            print(f"{directory / p.file}:{p.line}: {p.message}")
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return EXIT_ERROR
    assert kb is not None
    print(f"OK: {len(kb.topics)} topics, {len(kb.stages)} stages, {len(kb.items)} checklist items, "
          f"{len(kb.resources)} resources, {len(kb.cards)} answer cards ({directory})")
    return EXIT_OK


def cmd_index_build(args: argparse.Namespace) -> int:
    from bot.embedding import EncoderError, make_encoder
    from bot.index import build, locations

    config = _config(args)
    kb = load_kb(config)
    try:
        encoder = make_encoder(config.backend, config.model)
    except EncoderError as exc:
        raise CliError(f"Cannot load the embedding model: {exc}") from exc
    directory = locations(config.knowledge_dir or SHIPPED_KNOWLEDGE, encoder.model_id, config.index_dir).build_target
    if not args.force:
        from bot.index import IndexStale, load
        from bot.knowledge import write_snapshot

        try:
            load(kb, encoder, directory)
        except IndexStale:
            pass
        else:
            write_snapshot(kb, directory)
            print(f"{directory} is up to date for this knowledge; kept its vectors and refreshed the knowledge "
                  "snapshot.")
            return EXIT_OK
    # --changed-only embeds only the texts that changed; a plain build embeds everything afresh.
    index = build(kb, encoder, directory, progress=_progress, reuse_from=() if args.force else (directory,))
    m = index.manifest
    c = m["counts"]
    print(f"Built {directory}: {c['passages']} passages, {c['resources']} resources, {c['sentences']} sentences, "
          f"{c['card_phrasings']} card phrasings with {m['model']} ({m['dim']}d) in {m['build_seconds']:.1f} s"
          + (f" ({c['reused']} unchanged texts kept their vectors)" if c.get("reused") else ""))
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from bot.evaluate import DEFAULT_SETS, calibrate, evaluate, load_questions, print_report

    config = _config(args)
    engine = load_engine(config)
    paths = args.questions or DEFAULT_SETS
    reports, out = [], {"model": engine.index.manifest["model"], "sets": {}}
    for path in paths:
        report = evaluate(engine, load_questions(path), hybrid=not args.dense_only)
        reports.append(report)
        out["sets"][Path(path).name] = report.summary()
        if not args.json:
            print_report(Path(path).name, report, verbose=args.misses)
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
    if args.calibrate:
        print(calibrate(engine, [q for r in reports for q in r.questions]))
    return EXIT_OK


# ---------------------------------------------------------------- profile, progress, next steps, plans


def cmd_stages(args: argparse.Namespace) -> int:
    config = _config(args)
    kb = load_kb(config)
    profile = _profile(config)
    lang = _lang(args, config, profile)
    for stage in kb.stages:
        mark = " ←" if profile and profile.stage == stage.id else ""
        hours = sum(i.hours for i in stage.items)
        print(f"{stage.order}. {stage.title.get(lang)} ({stage.id}) — {t('hours', lang, h=hours)}{mark}")
        if args.items:
            for item in stage.items:
                print(f"     - {item.title.get(lang)} ({item.id}, {t('hours', lang, h=item.hours)})")
    total = sum(i.hours for s in kb.stages for i in s.items)
    print(t("stages_total", lang, h=total))
    return EXIT_OK


def cmd_stage(args: argparse.Namespace) -> int:
    from bot.advisor import resolve_stage

    config = _config(args)
    kb = load_kb(config)
    with open_store(config) as store:
        profile = store.get_profile(*LOCAL)
        lang = _lang(args, config, profile)
        if args.action == "set":
            stage = _resolve(resolve_stage, kb, args.stage_id)
            store.set_stage(*LOCAL, stage.id)
            print(t("stage_set_cli", lang, n=stage.order, title=stage.title.get(lang), id=stage.id))
            return EXIT_OK
        if args.action == "assess":
            return _assess(kb, store, lang, args.answers)
        if not profile or not profile.stage:
            print(t("no_stage_cli", lang))
            return EXIT_OK
        stage = kb.stage(profile.stage)
        done = [i for i in stage.items if i.id in profile.completed]
        if args.json:
            print(json.dumps({"stage": stage.id, "order": stage.order, "title": stage.title.get(lang),
                              "done": len(done), "items": len(stage.items)}, ensure_ascii=False))
        else:
            print(f"{stage.order}. {stage.title.get(lang)} ({stage.id}) — {len(done)}/{len(stage.items)}")
            print(stage.goal.get(lang))
    return EXIT_OK


_YES = {"y", "yes", "はい", "うん", "ok", "1"}
_NO = {"n", "no", "いいえ", "いや", "0"}


def _assess(kb: KnowledgeBase, store: Store, lang: str, answers: str | None) -> int:
    from bot.advisor import assessment, propose_from_answers

    questions = assessment(kb)
    given = list(answers.lower()) if answers else None
    if given is not None and (len(given) != len(questions) or set(given) - {"y", "n"}):
        raise CliError(f"--answers needs {len(questions)} letters y or n, e.g. {'y' * (len(questions) - 1)}n",
                       EXIT_USAGE)
    replies: list[bool] = []
    for n, stage in enumerate(questions):
        if given is not None:
            replies.append(given[n] == "y")
            continue
        while True:
            try:
                raw = input(f"[{n + 1}/{len(questions)}] {stage.assess.get(lang)} (y/n) ").strip().lower()
            except EOFError:
                print()
                raise CliError(t("assess_cancelled", lang), EXIT_USAGE) from None
            if raw in _YES or raw in _NO:
                replies.append(raw in _YES)
                break
        if not replies[-1]:
            break  # the first "no" decides
    proposal = propose_from_answers(kb, replies)
    print(t("assess_suggest", lang, n=proposal.order, title=proposal.title.get(lang), id=proposal.id))
    if given is None:
        try:
            ok = input(t("assess_confirm", lang) + " ")
        except EOFError:
            ok = ""
        if ok.strip().lower() not in _YES:
            print(t("not_saved", lang))
            return EXIT_OK
    store.set_stage(*LOCAL, proposal.id)
    print(t("saved", lang))
    return EXIT_OK


def cmd_progress(args: argparse.Namespace) -> int:
    from bot.advisor import resolve_item

    if args.action == "chart":
        return _progress_chart(args)
    config = _config(args)
    kb = load_kb(config)
    with open_store(config) as store:
        profile = store.get_profile(*LOCAL)
        lang = _lang(args, config, profile)
        current = kb.stage(profile.stage) if profile and profile.stage else None
        if args.action in ("done", "undo"):
            item = _resolve(resolve_item, kb, args.item, current)
            if args.action == "done":
                key = "marked_done_cli" if store.mark_done(*LOCAL, item.id) else "already_done_cli"
            else:
                key = "undone_cli" if store.undo(*LOCAL, item.id) else "not_done_cli"
            print(t(key, lang, title=item.title.get(lang), id=item.id))
            return EXIT_OK
        done = profile.completed if profile else frozenset()
        stages = [current] if current and not args.all else kb.stages
        for stage in stages:
            finished = sum(i.id in done for i in stage.items)
            print(f"{stage.order}. {stage.title.get(lang)} ({stage.id}) {finished}/{len(stage.items)}")
            for item in stage.items:
                print(f"  [{'x' if item.id in done else ' '}] {item.title.get(lang)} {item.id} "
                      f"({t('hours', lang, h=item.hours)})")
    return EXIT_OK


def _progress_chart(args: argparse.Namespace) -> int:
    """``progress chart --out FILE``: the progress picture of ``/progress show``, for the local profile (an
    empty profile too: the picture then says how to start); no database is created for it."""
    from datetime import datetime, timezone

    from bot.charts import render_member
    from bot.groups import member_progress

    config = _config(args)
    kb = load_kb(config)
    profile, done_at = None, {}
    if config.db is not None or Path(config.database).exists():
        with open_store(config) as store:
            profile = store.get_profile(*LOCAL)
            done_at = store.get_progress(*LOCAL)
    lang = _lang(args, config, profile)
    progress = member_progress(kb, done_at, profile.stage if profile else None, datetime.now(timezone.utc))
    out = Path(args.out)
    try:
        out.write_bytes(render_member(progress, lang))
    except OSError as exc:
        raise CliError(f"Cannot write {out}: {exc.strerror or exc}") from exc
    print(t("chart_written", lang, path=out))
    if progress.empty:
        print(t("chart_empty_cli", lang))
    return EXIT_OK


def cmd_nextstep(args: argparse.Namespace) -> int:
    from bot.advisor import next_steps
    from bot.render import PLAIN, render_next_steps

    config = _config(args)
    kb = load_kb(config)
    profile = _profile(config)
    lang = _lang(args, config, profile)
    ns = next_steps(kb, profile.stage if profile else None, profile.completed if profile else frozenset(), lang)
    if args.json:
        print(json.dumps(ns.to_json(lang), ensure_ascii=False))
    elif ns.needs_assessment:
        print(t("no_stage_cli", lang))
    else:
        print(render_next_steps(ns, lang, PLAIN))
        if ns.stage_complete and ns.propose_stage is not None:
            print(t("confirm_hint", lang, id=ns.propose_stage.id))
    return EXIT_OK


def cmd_plan(args: argparse.Namespace) -> int:
    from bot.advisor import PlanError, make_plan, resolve_stage
    from bot.render import PLAIN, render_plan

    config = _config(args)
    kb = load_kb(config)
    with open_store(config) as store:
        profile = store.get_profile(*LOCAL)
        lang = _lang(args, config, profile)
        first = args.stage or (profile.stage if profile else None)
        if not first:
            raise CliError(t("plan_needs_stage_cli", lang), EXIT_USAGE)
        hours = args.hours or (profile.hours_per_week if profile else None)
        if not hours:
            raise CliError(t("plan_needs_hours_cli", lang), EXIT_USAGE)
        start = _resolve(resolve_stage, kb, first)
        end = _resolve(resolve_stage, kb, args.to) if args.to else None
        done = profile.completed if profile and args.skip_done else frozenset()
        try:
            plan = make_plan(kb, start, end, args.weeks, hours, lang, done)
        except PlanError as exc:
            raise CliError(f"Error: {exc}", EXIT_USAGE) from exc
        if args.hours and (profile is None or profile.hours_per_week != args.hours):
            store.update_profile(*LOCAL, hours_per_week=args.hours)  # remembered for the next plan
    print(json.dumps(plan.to_json(), ensure_ascii=False) if args.json else render_plan(plan, PLAIN))
    return EXIT_OK


def cmd_profile(args: argparse.Namespace) -> int:
    config = _config(args)
    with open_store(config) as store:
        if args.action == "export":
            print(json.dumps(store.export(*LOCAL), ensure_ascii=False, indent=2))
            return EXIT_OK
        if args.action == "lang":
            store.update_profile(*LOCAL, lang=args.value)
            print(t("lang_set", args.value))
            return EXIT_OK
        if not args.yes:
            if not sys.stdin.isatty():
                raise CliError("Refusing to delete without confirmation: pass --yes.", EXIT_USAGE)
            try:
                ok = input("Delete your local profile and progress? (y/n) ")
            except EOFError:
                ok = ""
            if ok.strip().lower() not in _YES:
                print("Nothing deleted.")
                return EXIT_OK
        rows = store.forget(*LOCAL)
        print(f"Deleted your profile ({rows} rows).")
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    from bot.discordbot.runner import run

    return run(shard_count=args.shard_count, shard_ids=args.shard_ids)


def cmd_db(args: argparse.Namespace) -> int:
    """``db migrate``: apply pending migrations to the configured database. ``db copy``: move everything
    from one database to another (one transaction on the target), with counts and checksums of both sides."""
    config = _config(args)
    if args.action == "migrate":
        with open_store(config, migrate=False) as store:
            before, after = store.migrate()
            where = store.describe()
        change = f"migrated from {before}" if after != before else "already up to date"
        print(f"{where}: schema version {after} ({change})")
        return EXIT_OK
    from bot.store import StoreError
    from bot.store.copy import copy_store

    with open_store(config, args.source) as source, open_store(config, args.target) as target:
        try:
            report = copy_store(source, target, force=args.force)
        except StoreError as exc:
            raise CliError(f"Nothing copied: {exc}") from exc
        print(f"copied {source.describe()} -> {target.describe()}"
              + (f" (replacing {report.replaced} rows)" if report.replaced else ""))
    print(f"{'table':16} {'source rows':>11}  {'source checksum':16}  {'target rows':>11}  {'target checksum':16}")
    for src, dst in zip(report.source, report.target, strict=True):
        print(f"{src.table:16} {src.rows:11d}  {src.checksum:16}  {dst.rows:11d}  {dst.checksum:16}")
    print(f"{'total':16} {sum(d.rows for d in report.source):11d}  {'':16}  {sum(d.rows for d in report.target):11d}")
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    from bot.discordbot.runner import sync

    return sync(args.guild)


# ---------------------------------------------------------------- parser


def _add_engine_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--knowledge", metavar="DIR", help="knowledge directory (default: the shipped knowledge)")
    p.add_argument("--index-dir", metavar="DIR", help="index directory (default: the shipped index / user cache)")
    p.add_argument("--backend", choices=["e5", "sentence-transformers"], help="embedding backend (default: e5)")
    p.add_argument("--model", help="sentence-transformers model name or path")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="careerbot",
        description="Career advice for becoming an ML engineer, in Japanese and English, offline.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("ask", help="answer a question")
    p.add_argument("question", nargs="*", help="the question (Japanese or English)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--batch", action="store_true", help="one question per stdin line, one JSON line each")
    p.add_argument("--stage", metavar="ID", help="your roadmap stage (id, number or name), for the next step")
    _add_engine_options(p)
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("chat", help="ask questions interactively (follow-ups understood; /help, /quit)")
    p.add_argument("--stage", metavar="ID")
    p.add_argument("--lang", choices=["ja", "en"], help=argparse.SUPPRESS)
    _add_engine_options(p)
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("eval", help="answer quality on the labelled question sets")
    p.add_argument("--questions", metavar="FILE", action="append",
                   help="question set, repeatable (default: every set in eval/ but frozen.yaml)")
    p.add_argument("--calibrate", action="store_true", help="print the best gate thresholds for these sets")
    p.add_argument("--dense-only", action="store_true", help="skip keyword search (baseline)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--misses", action="store_true", help="list the questions it got wrong")
    _add_engine_options(p)
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("index", help="manage the search index")
    isub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    b = isub.add_parser("build", help="(re)build the index of the knowledge")
    b.add_argument("--changed-only", dest="force", action="store_false",
                   help="embed only what changed: unchanged texts keep their vectors (refreshes the knowledge snapshot)")
    _add_engine_options(b)
    b.set_defaults(func=cmd_index_build)

    p = sub.add_parser("knowledge", help="manage the knowledge base")
    ksub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    c = ksub.add_parser("check", help="validate the knowledge files")
    c.add_argument("--knowledge", metavar="DIR")
    c.set_defaults(func=cmd_knowledge_check)

    lang_opt = argparse.ArgumentParser(add_help=False)
    lang_opt.add_argument("--lang", choices=["ja", "en"],
                          help="language of the output (default: profile, then CAREERBOT_LANG / LANG)")
    lang_opt.add_argument("--knowledge", metavar="DIR", help=argparse.SUPPRESS)

    p = sub.add_parser("stages", parents=[lang_opt], help="the 7 stages of the roadmap with their hours")
    p.add_argument("--items", action="store_true", help="list every checklist item too")
    p.set_defaults(func=cmd_stages)

    p = sub.add_parser("stage", help="your roadmap stage: show | set ID | assess")
    ssub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    x = ssub.add_parser("show", parents=[lang_opt], help="show your stage")
    x.add_argument("--json", action="store_true")
    x = ssub.add_parser("set", parents=[lang_opt], help="set your stage (id, number, name or prefix)")
    x.add_argument("stage_id", metavar="ID")
    x = ssub.add_parser("assess", parents=[lang_opt], help="a short self-assessment that proposes a stage")
    x.add_argument("--answers", metavar="YN", help="answer non-interactively, e.g. yyn")
    p.set_defaults(func=cmd_stage)

    p = sub.add_parser("progress", help="your checklist: show | done ITEM | undo ITEM | chart --out FILE")
    psub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    x = psub.add_parser("show", parents=[lang_opt], help="your stage's checklist")
    x.add_argument("--all", action="store_true", help="every stage")
    for name, text in (("done", "mark an item done"), ("undo", "mark an item not done")):
        x = psub.add_parser(name, parents=[lang_opt], help=text)
        x.add_argument("item", metavar="ITEM", help="item id, name or prefix, e.g. core-ml.linear-regression, 決定木")
    x = psub.add_parser("chart", parents=[lang_opt], help="your progress as a PNG picture")
    x.add_argument("--out", required=True, metavar="FILE", help="the PNG file to write, e.g. progress.png")
    p.set_defaults(func=cmd_progress)

    p = sub.add_parser("nextstep", parents=[lang_opt], help="what to do next, from your stage and progress")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_nextstep)

    p = sub.add_parser("plan", parents=[lang_opt], help="a week-by-week study plan")
    p.add_argument("--stage", metavar="ID", help="first stage (default: your stage)")
    p.add_argument("--to", metavar="ID", help="last stage (default: the same)")
    p.add_argument("--weeks", type=int, required=True)
    p.add_argument("--hours", type=float, help="hours per week (default: the last you gave)")
    p.add_argument("--skip-done", action="store_true", help="leave out items you have completed")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_plan)

    p = sub.add_parser("run", help="run the Discord bot (needs DISCORD_TOKEN)")
    p.add_argument("--shard-count", metavar="N", help="the bot's total number of gateway shards "
                   "(default: CAREERBOT_SHARD_COUNT, else unsharded)")
    p.add_argument("--shard-ids", metavar="A-B", help="the shards this process runs, e.g. 0-1 or 0,2 "
                   "(default: CAREERBOT_SHARD_IDS, else all)")
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("sync", help="register the slash commands with Discord, then exit")
    p.add_argument("--guild", type=int, metavar="ID", help="sync to one server only (instant)")
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser("db", help="the profile database: migrate | copy --from URL --to URL")
    dsub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    dsub.add_parser("migrate", help="apply pending migrations to the configured database (CAREERBOT_DB)")
    x = dsub.add_parser("copy", help="copy every row to another database, e.g. SQLite to PostgreSQL")
    x.add_argument("--from", dest="source", required=True, metavar="URL",
                   help="the database to read: a path, sqlite:///path or postgresql://...")
    x.add_argument("--to", dest="target", required=True, metavar="URL", help="the database to fill")
    x.add_argument("--force", action="store_true", help="replace the rows of a target that is not empty")
    p.set_defaults(func=cmd_db)

    p = sub.add_parser("profile", help="your stored data: export | forget | lang ja|en")
    fsub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    fsub.add_parser("export", help="print everything stored about you as JSON")
    x = fsub.add_parser("forget", help="delete everything stored about you")
    x.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    x = fsub.add_parser("lang", help="the language careerbot speaks to you (ja or en)")
    x.add_argument("value", choices=["ja", "en"])
    p.set_defaults(func=cmd_profile)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.func(args)
    except CliError as exc:
        _err(str(exc))
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
