"""Card choice through the whole answering path, on blind card labels.

For each labelled question, is the first answer card in careerbot's answer one the labeller accepted?
Prints, per label file: right / wrong (a card fits but another answered) / a card where none fits / no card
though one fits, and for two-question messages how often the second question's card is in the answer.

    python scripts/eval_cards.py [-v]      # -v lists every miss

Label files: eval/cards-labels.yaml (470 questions of the development sets, mostly short) and
eval/cards-labels-long.yaml (104 long and two-part messages). Labels predate any card added since.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from bot.config import Config
from bot.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
LABELS = (ROOT / "eval" / "cards-labels.yaml", ROOT / "eval" / "cards-labels-long.yaml")


def _prefix(text: str) -> str:
    """The start of a card's answer, before any placeholder: how a card is recognised in an answer."""
    return text.split("{")[0][:25]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    engine = Engine.load(Config.load())
    prefixes = {c.id: (_prefix(c.answer.get("ja")), _prefix(c.answer.get("en"))) for c in engine.kb.cards}
    for path in LABELS:
        labels = yaml.safe_load(path.read_text(encoding="utf-8"))["labels"]
        answers = engine.ask_batch([label["q"] for label in labels])
        right = wrong = no_fit = missing = second_ok = second_all = 0
        for label, answer in zip(labels, answers, strict=True):
            found = sorted((min(answer.answer.find(p) for p in ps if p and p in answer.answer), cid)
                           for cid, ps in prefixes.items() if any(p and p in answer.answer for p in ps))
            used = [cid for _, cid in found]
            ok = set(label.get("ok") or [])
            if used:
                right += used[0] in ok
                wrong += bool(ok) and used[0] not in ok
                no_fit += not ok
            elif ok:
                missing += 1
            if label.get("second"):
                second_all += 1
                second_ok += label["second"] in used
            if args.verbose and (ok or used) and (not used or used[0] not in ok):
                print(f"  {label['q'][:100]!r}: got {used[:2]}, ok {sorted(ok)[:4]}")
        line = (f"{path.name} ({len(labels)}): first card right {right}, wrong {wrong}, a card where none fits "
                f"{no_fit}, no card though one fits {missing}")
        if second_all:
            line += f"; second question's card in the answer {second_ok}/{second_all}"
        print(line)


if __name__ == "__main__":
    main()
