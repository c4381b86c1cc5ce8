#!/usr/bin/env python
"""Progress-picture benchmark (not a test): how long :mod:`bot.charts` takes to import and to render each
picture, in both languages. The target is under 300 ms per picture on the project's 2-core machine.

* ``import``: ``import bot.charts`` plus Pillow and finding the CJK font (the first picture's cost).
* ``member`` / ``group``: one picture each, rendered one at a time (the first render, which loads the font
  sizes, is reported apart and left out of the percentiles).
* ``... x2 threads``: two pictures at once on two threads, as the bot renders them (``asyncio.to_thread``).
* ``--matplotlib``: the same member picture drawn with matplotlib (Agg), for the choice of library.

    python scripts/bench_charts.py [--renders 200] [--members 30] [--matplotlib]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from _stats import latency

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _line(name: str, samples: list[float]) -> None:
    print(f"{name:28} {latency(samples, decimals=1, count=False)}   ({len(samples)} renders)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--renders", type=int, default=200, help="renders per picture and language")
    parser.add_argument("--members", type=int, default=30, help="members in the group picture")
    parser.add_argument("--matplotlib", action="store_true", help="also time the member picture in matplotlib")
    args = parser.parse_args()

    started = time.perf_counter()
    from bot import charts

    charts.find_cjk_font()
    imported = time.perf_counter() - started
    from bot import groups
    from bot.config import SHIPPED_KNOWLEDGE
    from bot.knowledge import load

    kb = load(SHIPPED_KNOWLEDGE)
    now = datetime(2026, 12, 24, 3, tzinfo=timezone.utc)
    rng = random.Random(7)
    items = [i.id for s in kb.stages for i in s.items]
    done = {iid: (now - timedelta(hours=rng.randint(0, 24 * 80))).isoformat() for iid in items[:20]}
    progress = groups.member_progress(kb, done, "core-ml", now)
    plan = groups.GroupPlan("programming-data", "core-ml", 8, 10, date(2026, 12, 1))
    sched = groups.schedule(kb, plan, "ja")
    plan_items = [i.id for i in sched.items]
    members = {m: {iid: (plan.week_start(1) + timedelta(hours=rng.randint(0, 24 * 23))).isoformat()
                   for iid in plan_items[:rng.randint(0, len(plan_items))]} for m in range(args.members)}
    status = groups.group_status(plan, sched, members, now)
    names = {m: f"メンバー{m} member" for m in members}

    font = charts.find_cjk_font()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, Pillow "
          f"{__import__('PIL').__version__}, font: {font or 'none (English labels)'}")
    print(f"{'import + font lookup':28} {imported * 1000:7.1f} ms")

    pictures = {
        "member": lambda lang: charts.render_member(progress, lang),
        "group": lambda lang: charts.render_group(status, lang, show_names=True, names=names),
    }
    for name, render in pictures.items():
        for lang in ("ja", "en"):
            first = time.perf_counter()
            png = render(lang)
            first = time.perf_counter() - first
            samples = []
            for _ in range(args.renders):
                t0 = time.perf_counter()
                render(lang)
                samples.append(time.perf_counter() - t0)
            _line(f"{name} {lang}", samples)
            print(f"{'':28} first render {first * 1000:.1f} ms, {len(png) / 1024:.0f} KiB")

    with ThreadPoolExecutor(2) as pool:
        for name, render in pictures.items():
            def timed(lang: str, render=render) -> float:
                t0 = time.perf_counter()
                render(lang)
                return time.perf_counter() - t0

            samples = list(pool.map(timed, ["ja", "en"] * (args.renders // 2)))
            _line(f"{name} x2 threads", samples)

    if args.matplotlib:
        _matplotlib(progress, args.renders // 4 or 1)
    return 0


def _matplotlib(progress, renders: int) -> None:
    """The member picture's content drawn with matplotlib: the alternative to Pillow."""
    import io

    t0 = time.perf_counter()
    try:
        import matplotlib
    except ImportError:
        print("matplotlib is not installed")
        return
    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from bot import charts

    font = charts.find_cjk_font()
    family = "DejaVu Sans"
    if font:
        font_manager.fontManager.addfont(str(font))
        family = font_manager.FontProperties(fname=str(font)).get_name()
    print(f"{'matplotlib import':28} {(time.perf_counter() - t0) * 1000:7.1f} ms")

    def render() -> bytes:
        fig = Figure(figsize=(9.6, 6), dpi=100)
        grid = fig.add_gridspec(3, 1, height_ratios=[5, 1, 1.4])
        ax = fig.add_subplot(grid[0])
        rows = range(len(progress.stages))
        ax.barh(rows, [s.done for s in progress.stages], color="#2e7d32")
        ax.barh(rows, [s.total - s.done for s in progress.stages], left=[s.done for s in progress.stages],
                color="#cfd8dc")
        ax.set_yticks(list(rows), [s.stage.title.ja.split("：")[0] for s in progress.stages], fontfamily=family)
        ax.invert_yaxis()
        ax2 = fig.add_subplot(grid[1])
        ax2.barh([0], [progress.hours_done], color="#2e7d32")
        ax2.barh([0], [progress.hours_left], left=[progress.hours_done], color="#cfd8dc")
        ax3 = fig.add_subplot(grid[2])
        ax3.bar(range(len(progress.activity)), [w.items for w in progress.activity], color="#1565c0")
        ax3.set_title("週ごとの完了項目", fontfamily=family)
        fig.tight_layout()
        buf = io.BytesIO()
        FigureCanvasAgg(fig).print_png(buf)
        return buf.getvalue()

    render()
    samples = []
    for _ in range(renders):
        t0 = time.perf_counter()
        render()
        samples.append(time.perf_counter() - t0)
    _line("matplotlib member ja", samples)


if __name__ == "__main__":
    sys.exit(main())
