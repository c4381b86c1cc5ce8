"""``careerbot``: the command-line front end. Argument parsing and printing only."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.answer import Answer
from bot.embedding import EncoderError
from bot.knowledge import STAGE_IDS, KnowledgeBase, KnowledgeError
from bot.store import Profile, Store, StoreError, default_db_path

LOCAL = (0, 0)  # the CLI's single local profile: guild 0, user 0

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
MAX_BATCH_LINE_BYTES = 64 * 1024

LABELS = {
    "sources": {"ja": "出典", "en": "Sources"},
    "resources": {"ja": "おすすめの教材", "en": "Resources"},
    "empty": {"ja": "質問が空です。質問文を入力してください。", "en": "The question is empty: please type a question."},
}


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


def load_engine(args: argparse.Namespace):  # -> Engine; imported lazily to keep `--help` fast
    from bot.engine import Engine

    try:
        return Engine.load(args.knowledge, args.index_dir, args.backend, args.model, notify=_err, progress=_progress)
    except KnowledgeError as exc:
        raise CliError("The knowledge base is invalid:\n" + "\n".join(f"  {p}" for p in exc.problems)) from exc
    except EncoderError as exc:
        raise CliError(f"Cannot load the embedding model: {exc}") from exc


# ---------------------------------------------------------------- rendering


def render_answer(answer: Answer) -> str:
    lang = answer.lang
    lines = [*answer.notices, answer.answer]
    if answer.passages:
        lines += ["", f"{LABELS['sources'][lang]}:"]
        lines += [f"  - {p.title} ({p.doc_id})" for p in answer.passages]
    if answer.resources:
        lines += ["", f"{LABELS['resources'][lang]}:"]
        lines += [f"  - {r.title} — {r.url}" for r in answer.resources]
    if answer.next_steps:
        lines += ["", *answer.next_steps]
    return "\n".join(lines)


# ---------------------------------------------------------------- commands


def cmd_ask(args: argparse.Namespace) -> int:
    if args.batch:
        return _ask_batch(args)
    question = " ".join(args.question or [])
    if not question.strip():
        _err(LABELS["empty"]["ja"] + " / " + LABELS["empty"]["en"])
        return EXIT_USAGE
    engine = load_engine(args)
    stage, done = _asker(args)
    answer = engine.ask(question, stage=stage, done=done)
    print(json.dumps(answer.to_json(), ensure_ascii=False) if args.json else render_answer(answer))
    return EXIT_OK


def _asker(args: argparse.Namespace) -> tuple[str | None, frozenset[str]]:
    """The asker's stage and completed items: --stage, else the local profile (if one is stored)."""
    if args.stage:
        return args.stage, frozenset()
    if not os.environ.get("CAREERBOT_DB") and not default_db_path().exists():
        return None, frozenset()
    with open_store() as store:
        profile = store.get_profile(*LOCAL)
    return (profile.stage, profile.completed) if profile else (None, frozenset())


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
    engine = load_engine(args)
    stage, done = _asker(args)
    out = sys.stdout
    for lineno, raw in enumerate(sys.stdin.buffer, start=1):
        text, error = _decode_line(raw.rstrip(b"\r\n"))
        if error:
            out.write(json.dumps({"line": lineno, "error": error}, ensure_ascii=False) + "\n")
        else:
            answer = engine.ask(text, stage=stage, done=done)
            out.write(json.dumps({"line": lineno, **answer.to_json()}, ensure_ascii=False) + "\n")
        out.flush()
    return EXIT_OK


def cmd_chat(args: argparse.Namespace) -> int:
    from bot.engine import EmptyQuestion

    engine = load_engine(args)
    stage, done = _asker(args)
    print("careerbot — 質問をどうぞ / ask a question (empty line or Ctrl-D to quit)")
    while True:
        try:
            question = input("> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return EXIT_OK
        if not question.strip():
            return EXIT_OK
        try:
            print(render_answer(engine.ask(question, stage=stage, done=done)) + "\n")
        except EmptyQuestion:
            continue


def cmd_knowledge_check(args: argparse.Namespace) -> int:
    from bot.knowledge import check, default_knowledge_dir

    directory = Path(args.knowledge) if args.knowledge else default_knowledge_dir()
    kb, problems = check(directory)
    if problems:
        for p in problems:
            print(f"{directory / p.file}:{p.line}: {p.message}")
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return EXIT_ERROR
    assert kb is not None
    print(f"OK: {len(kb.topics)} topics, {len(kb.stages)} stages, {len(kb.items)} checklist items, "
          f"{len(kb.resources)} resources ({directory})")
    return EXIT_OK


def cmd_index_build(args: argparse.Namespace) -> int:
    from bot.embedding import make_encoder
    from bot.index import build, default_index_dir
    from bot.knowledge import default_knowledge_dir, load

    try:
        kb = load(args.knowledge or default_knowledge_dir())
        encoder = make_encoder(args.backend, args.model)
    except KnowledgeError as exc:
        raise CliError("The knowledge base is invalid:\n" + "\n".join(f"  {p}" for p in exc.problems)) from exc
    except EncoderError as exc:
        raise CliError(f"Cannot load the embedding model: {exc}") from exc
    directory = args.index_dir or default_index_dir(encoder.model_id)
    index = build(kb, encoder, directory, progress=_progress)
    m = index.manifest
    print(f"Built {directory}: {m['counts']['passages']} passages, {m['counts']['resources']} resources, "
          f"{m['counts']['sentences']} sentences with {m['model']} ({m['dim']}d) in {m['build_seconds']:.1f} s")
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from bot.evaluate import (
        DEFAULT_QUESTIONS,
        HELDOUT_QUESTIONS,
        calibrate,
        evaluate,
        load_questions,
        roc_auc,
    )
    from bot.search import Searcher

    engine = load_engine(args)
    searcher = Searcher(engine.kb, engine.index, engine.encoder, hybrid=not args.dense_only)
    paths = args.questions or [DEFAULT_QUESTIONS, HELDOUT_QUESTIONS]
    all_scores, out = [], {"model": engine.index.manifest["model"], "threshold": engine.threshold, "sets": {}}
    for path in paths:
        questions = load_questions(path)
        report = evaluate(searcher, questions, engine.threshold)
        all_scores += report.scores
        out["sets"][Path(path).name] = {
            "questions": len(questions), "by_lang": {k: vars(v) for k, v in report.by_lang.items()},
            "offtopic_declined": report.offtopic_declined, "ontopic_answered": report.ontopic_answered,
            "offtopic_auc": roc_auc(report.scores)}
        if args.json:
            continue
        print(f"{Path(path).name}: {len(questions)} questions, model {engine.index.manifest['model']}"
              f"{' (dense only)' if args.dense_only else ''}")
        print(f"  {'lang':<5}{'n':>5}{'hit@1':>8}{'hit@3':>8}{'MRR':>8}")
        for lang, s in sorted(report.by_lang.items(), reverse=True):
            print(f"  {lang:<5}{s.n:>5}{s.hit1:>8.3f}{s.hit3:>8.3f}{s.mrr:>8.3f}")
        print(f"  off-topic declined: {report.offtopic_declined:.3f} (n={report.n_offtopic})   "
              f"on-topic answered: {report.ontopic_answered:.3f}   threshold: {report.threshold:.3f}   "
              f"off-topic ROC AUC: {roc_auc(report.scores):.3f}")
        if args.verbose:
            for q, top3 in report.misses:
                print(f"    miss [{q.lang}/{q.kind}] {q.q!r}: expected {list(q.expect)}, got {top3}")
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
    if args.calibrate:
        t, acc = calibrate(all_scores)
        print(f"calibrated threshold over all sets: {t:.4f} (balanced accuracy {acc:.3f}); "
              "set it in bot/engine.py THRESHOLDS or CAREERBOT_THRESHOLD")
    return EXIT_OK


# ---------------------------------------------------------------- profile, progress, next steps, plans


@contextlib.contextmanager
def open_store():
    try:
        store = Store()
    except StoreError as exc:
        raise CliError(f"Cannot open the profile database: {exc}") from exc
    try:
        yield store
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    finally:
        store.close()


def load_kb(args: argparse.Namespace) -> KnowledgeBase:
    from bot.knowledge import default_knowledge_dir, load

    try:
        return load(getattr(args, "knowledge", None) or default_knowledge_dir())
    except KnowledgeError as exc:
        raise CliError("The knowledge base is invalid:\n" + "\n".join(f"  {p}" for p in exc.problems)) from exc


def _lang(args: argparse.Namespace, profile: Profile | None) -> str:
    if getattr(args, "lang", None):
        return args.lang
    if profile and profile.lang:
        return profile.lang
    return "ja" if os.environ.get("LANG", "").lower().startswith("ja") else "en"


def _resolve(fn, *a):  # -> the resolved stage/item, or CliError(code 2) with "did you mean"
    from bot.advisor import UnknownId

    try:
        return fn(*a)
    except UnknownId as exc:
        raise CliError(f"Error: {exc}", EXIT_USAGE) from exc


def cmd_stage(args: argparse.Namespace) -> int:
    from bot.advisor import resolve_stage

    kb = load_kb(args)
    with open_store() as store:
        profile = store.get_profile(*LOCAL)
        lang = _lang(args, profile)
        if args.action == "set":
            stage = _resolve(resolve_stage, kb, args.stage_id)
            store.set_stage(*LOCAL, stage.id)
            print(("ステージを設定しました: " if lang == "ja" else "Stage set: ")
                  + f"{stage.order}. {stage.title.get(lang)} ({stage.id})")
            return EXIT_OK
        if args.action == "assess":
            return _assess(kb, store, lang, args.answers)
        if not profile or not profile.stage:
            from bot.render import t

            print(t("no_stage", lang))
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
                raise CliError("Self-assessment cancelled; nothing was saved.", EXIT_USAGE) from None
            if raw in _YES or raw in _NO:
                replies.append(raw in _YES)
                break
        if not replies[-1]:
            break  # the first "no" decides
    proposal = propose_from_answers(kb, replies)
    print(("おすすめのステージ: " if lang == "ja" else "Suggested stage: ")
          + f"{proposal.order}. {proposal.title.get(lang)} ({proposal.id})")
    if given is None:
        try:
            ok = input("このステージに設定しますか？ (y/n) " if lang == "ja" else "Set it as your stage? (y/n) ")
        except EOFError:
            ok = ""
        if ok.strip().lower() not in _YES:
            print("保存していません。" if lang == "ja" else "Not saved.")
            return EXIT_OK
    store.set_stage(*LOCAL, proposal.id)
    print("保存しました。" if lang == "ja" else "Saved.")
    return EXIT_OK


def cmd_progress(args: argparse.Namespace) -> int:
    from bot.advisor import resolve_item

    kb = load_kb(args)
    with open_store() as store:
        profile = store.get_profile(*LOCAL)
        lang = _lang(args, profile)
        current = kb.stage(profile.stage) if profile and profile.stage else None
        if args.action in ("done", "undo"):
            item = _resolve(resolve_item, kb, args.item, current)
            if args.action == "done":
                changed = store.mark_done(*LOCAL, item.id)
                word = ("完了にしました" if lang == "ja" else "Marked done") if changed else (
                    "すでに完了しています" if lang == "ja" else "Already done")
            else:
                changed = store.undo(*LOCAL, item.id)
                word = ("未完了に戻しました" if lang == "ja" else "Marked not done") if changed else (
                    "まだ完了していません" if lang == "ja" else "Was not done")
            print(f"{word}: {item.title.get(lang)} ({item.id})")
            return EXIT_OK
        done = profile.completed if profile else frozenset()
        stages = [current] if current and not args.all else kb.stages
        for stage in stages:
            finished = sum(i.id in done for i in stage.items)
            print(f"{stage.order}. {stage.title.get(lang)} ({stage.id}) {finished}/{len(stage.items)}")
            for item in stage.items:
                print(f"  [{'x' if item.id in done else ' '}] {item.title.get(lang)} `{item.id}` ({item.hours:g} h)")
    return EXIT_OK


def cmd_nextstep(args: argparse.Namespace) -> int:
    from bot.advisor import next_steps
    from bot.render import render_next_steps

    kb = load_kb(args)
    with open_store() as store:
        profile = store.get_profile(*LOCAL)
    lang = _lang(args, profile)
    ns = next_steps(kb, profile.stage if profile else None, profile.completed if profile else frozenset(), lang)
    print(json.dumps(ns.to_json(lang), ensure_ascii=False) if args.json else render_next_steps(kb, ns, lang))
    return EXIT_OK


def cmd_plan(args: argparse.Namespace) -> int:
    from bot.advisor import PlanError, make_plan, resolve_stage
    from bot.render import render_plan

    kb = load_kb(args)
    start = _resolve(resolve_stage, kb, args.stage)
    end = _resolve(resolve_stage, kb, args.to) if args.to else None
    with open_store() as store:
        profile = store.get_profile(*LOCAL)
    lang = _lang(args, profile)
    done = profile.completed if profile and args.skip_done else frozenset()
    try:
        plan = make_plan(kb, start, end, args.weeks, args.hours, lang, done)
    except PlanError as exc:
        raise CliError(f"Error: {exc}", EXIT_USAGE) from exc
    print(json.dumps(plan.to_json(), ensure_ascii=False) if args.json else render_plan(plan))
    return EXIT_OK


def cmd_profile(args: argparse.Namespace) -> int:
    with open_store() as store:
        if args.action == "export":
            print(json.dumps(store.export(*LOCAL), ensure_ascii=False, indent=2))
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
    from bot.runner import run

    return run()


def cmd_sync(args: argparse.Namespace) -> int:
    from bot.runner import sync

    return sync(args.guild)


# ---------------------------------------------------------------- parser


def _add_engine_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--knowledge", metavar="DIR", help="knowledge directory (default: ./knowledge)")
    p.add_argument("--index-dir", metavar="DIR", help="index directory (default: ./index)")
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
    p.add_argument("--stage", choices=STAGE_IDS, metavar="ID", help="your roadmap stage, for the next step")
    _add_engine_options(p)
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("chat", help="ask questions interactively")
    p.add_argument("--stage", choices=STAGE_IDS, metavar="ID")
    _add_engine_options(p)
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("eval", help="retrieval quality on the labelled question set")
    p.add_argument("--questions", metavar="FILE", action="append",
                   help="question set, repeatable (default: eval/questions.yaml and eval/heldout.yaml)")
    p.add_argument("--calibrate", action="store_true", help="print the best decline threshold")
    p.add_argument("--dense-only", action="store_true", help="skip keyword search (baseline)")
    p.add_argument("--json", action="store_true")
    _add_engine_options(p)
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("index", help="manage the search index")
    isub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    b = isub.add_parser("build", help="(re)build the index from knowledge/")
    _add_engine_options(b)
    b.set_defaults(func=cmd_index_build)

    p = sub.add_parser("knowledge", help="manage the knowledge base")
    ksub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    c = ksub.add_parser("check", help="validate knowledge/*.yaml")
    c.add_argument("--knowledge", metavar="DIR")
    c.set_defaults(func=cmd_knowledge_check)

    lang_opt = argparse.ArgumentParser(add_help=False)
    lang_opt.add_argument("--lang", choices=["ja", "en"], help="language of the output (default: profile, then $LANG)")
    lang_opt.add_argument("--knowledge", metavar="DIR", help=argparse.SUPPRESS)

    p = sub.add_parser("stage", help="your roadmap stage: show | set ID | assess")
    ssub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    x = ssub.add_parser("show", parents=[lang_opt], help="show your stage")
    x.add_argument("--json", action="store_true")
    x = ssub.add_parser("set", parents=[lang_opt], help="set your stage (e.g. core-ml)")
    x.add_argument("stage_id", metavar="ID")
    x = ssub.add_parser("assess", parents=[lang_opt], help="a short self-assessment that proposes a stage")
    x.add_argument("--answers", metavar="YN", help="answer non-interactively, e.g. yyn")
    p.set_defaults(func=cmd_stage)

    p = sub.add_parser("progress", help="your checklist: show | done ITEM | undo ITEM")
    psub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    x = psub.add_parser("show", parents=[lang_opt], help="your stage's checklist")
    x.add_argument("--all", action="store_true", help="every stage")
    for name, text in (("done", "mark an item done"), ("undo", "mark an item not done")):
        x = psub.add_parser(name, parents=[lang_opt], help=text)
        x.add_argument("item", metavar="ITEM", help="item id, e.g. core-ml.linear-regression")
    p.set_defaults(func=cmd_progress)

    p = sub.add_parser("nextstep", parents=[lang_opt], help="what to do next, from your stage and progress")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_nextstep)

    p = sub.add_parser("plan", parents=[lang_opt], help="a week-by-week study plan")
    p.add_argument("--stage", required=True, metavar="ID", help="first stage")
    p.add_argument("--to", metavar="ID", help="last stage (default: the same)")
    p.add_argument("--weeks", type=int, required=True)
    p.add_argument("--hours", type=float, required=True, help="hours per week")
    p.add_argument("--skip-done", action="store_true", help="leave out items you have completed")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_plan)

    p = sub.add_parser("run", help="run the Discord bot (needs DISCORD_TOKEN)")
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("sync", help="register the slash commands with Discord, then exit")
    p.add_argument("--guild", type=int, metavar="ID", help="sync to one server only (instant)")
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser("profile", help="your stored data: export | forget")
    fsub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    fsub.add_parser("export", help="print everything stored about you as JSON")
    x = fsub.add_parser("forget", help="delete everything stored about you")
    x.add_argument("--yes", action="store_true", help="do not ask for confirmation")
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
