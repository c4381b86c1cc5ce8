"""Progress pictures as PNG: a learner's progress (``/progress show``, ``careerbot progress chart``) and a study
group's status (``/plan status``). Drawn with Pillow, imported on first use.

The data comes from :mod:`bot.groups` (:class:`~bot.groups.MemberProgress`, :class:`~bot.groups.GroupStatus`);
every label comes from the message catalogue. Japanese needs a CJK font: IPAexGothic, shipped inside the
``japanize-matplotlib`` package (its file is used, the package is never imported), else a system font that
fontconfig lists for Japanese (Debian's fonts-ipaexfont-gothic or fonts-noto-cjk). Without one, the pictures
are drawn with English labels and a Latin font, and any character the font lacks is left out, so there are
never tofu boxes.

Pillow rather than matplotlib: on this project's 2-core machine the member picture takes 17-40 ms (p50) with
Pillow and 380-700 ms with matplotlib (Agg, ``tight_layout``), and Pillow imports in 50 ms instead of 1-1.8 s
(``scripts/bench_charts.py --matplotlib``; the ranges are an idle and a busy machine).
"""

from __future__ import annotations

import functools
import importlib.util
import io
import logging
import shutil
import subprocess
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.groups import (
    GroupStatus,
    MemberProgress,
    Phase,
    member_streak_line,
    on_track_line,
    status_line,
    streak_lines,
)
from bot.messages import t

if TYPE_CHECKING:
    from PIL import ImageDraw, ImageFont

log = logging.getLogger(__name__)

MEMBER_SIZE = (960, 600)
GROUP_SIZE = (960, 600)

BACKGROUND = (255, 255, 255)
TEXT = (33, 33, 33)
MUTED = (96, 125, 139)
DONE = (46, 125, 50)  # done items and hours, past plan weeks, members on track
LEFT = (207, 216, 220)  # what remains
ACTIVE = (21, 101, 192)  # weeks with activity, the current plan week, the learner's stage
EMPTY = (236, 239, 241)  # weeks without activity
BEHIND = (239, 108, 0)  # members behind

_PACKAGED = ("japanize_matplotlib", "fonts/ipaexg.ttf")  # IPAexGothic (IPA Font License)
_SYSTEM_CJK = (  # where Debian's packages put them, for machines without fontconfig's fc-list
    "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
    "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)
_SYSTEM_LATIN = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",)
_FONT_SUFFIXES = (".ttf", ".otf", ".ttc")
_JAPANESE_PROBE = "日本語の進捗アイウ"


# ---------------------------------------------------------------- fonts


def _packaged_font() -> Path | None:
    """IPAexGothic from the japanize-matplotlib package, found without importing it (its import pulls in
    matplotlib and uses distutils, which Python 3.12 removed)."""
    try:
        spec = importlib.util.find_spec(_PACKAGED[0])
    except (ImportError, ValueError):
        return None
    for base in (spec.submodule_search_locations or []) if spec else []:
        path = Path(base) / _PACKAGED[1]
        if path.is_file():
            return path
    return None


def _fontconfig_japanese() -> list[Path]:
    """Font files that fontconfig says cover Japanese, Gothic / Sans faces first."""
    exe = shutil.which("fc-list")
    if not exe:
        return []
    try:
        out = subprocess.run([exe, ":lang=ja", "-f", "%{file}\n"], capture_output=True, text=True, timeout=10,
                             check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    paths = {Path(line.strip()) for line in out.splitlines() if line.strip().lower().endswith(_FONT_SUFFIXES)}

    def rank(p: Path) -> tuple:
        name = p.name.lower()
        return ("bold" in name or "black" in name, not any(w in name for w in ("gothic", "sans", "ipaexg")), name)

    return sorted(paths, key=rank)


@functools.lru_cache(maxsize=1)
def find_cjk_font() -> Path | None:
    """A font file that draws Japanese: the packaged IPAexGothic, else a system font; None when there is
    none (the pictures then use English labels). Looked up once per process."""
    candidates = [_packaged_font(), *(Path(p) for p in _SYSTEM_CJK), *_fontconfig_japanese()]
    for path in candidates:
        if path is not None and path.is_file() and _draws(path, _JAPANESE_PROBE):
            log.debug("CJK font: %s", path)
            return path
    log.warning("no Japanese font found: progress pictures use English labels "
                "(install careerbot's dependencies, or Debian's fonts-ipaexfont-gothic)")
    return None


def _draws(path: Path, text: str) -> bool:
    try:
        return _Fonts(path).covers(text)
    except OSError:
        return False


class _Fonts:
    """One font file at the sizes a picture needs, and which characters it can draw. Pillow's font objects
    are kept per thread (pictures are rendered in worker threads)."""

    _local = threading.local()

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._sizes: dict[int, ImageFont.FreeTypeFont] = {}
        self._coverage: dict[str, bool] = {}
        self._notdef: bytes | None = None

    @classmethod
    def get(cls, path: Path | None) -> _Fonts:
        cache = cls._local.__dict__.setdefault("fonts", {})
        if path not in cache:
            cache[path] = cls(path)
        return cache[path]

    def size(self, px: int) -> ImageFont.FreeTypeFont:
        font = self._sizes.get(px)
        if font is None:
            font = self._sizes[px] = self._load(px)
        return font

    def _load(self, px: int) -> ImageFont.FreeTypeFont:
        from PIL import ImageFont

        if self.path is not None:
            return ImageFont.truetype(str(self.path), px, layout_engine=ImageFont.Layout.BASIC)
        for latin in _SYSTEM_LATIN:
            if Path(latin).is_file():
                return ImageFont.truetype(latin, px, layout_engine=ImageFont.Layout.BASIC)
        font = ImageFont.load_default(px)
        assert isinstance(font, ImageFont.FreeTypeFont)  # Pillow >= 10.1 with FreeType
        return font

    def _mask(self, ch: str) -> bytes:
        mask = self.size(24).getmask(ch)
        return bytes(mask.size) + bytes(mask)

    def covers(self, text: str) -> bool:
        return all(self._covers(ch) for ch in text)

    def _covers(self, ch: str) -> bool:
        if ch.isspace():
            return True
        known = self._coverage.get(ch)
        if known is None:
            if self._notdef is None:
                self._notdef = self._mask("\U0010fffd")  # a private-use code point: drawn as .notdef
            known = self._coverage[ch] = self._mask(ch) != self._notdef
        return known

    def clean(self, text: str) -> str:
        """``text`` without the characters this font cannot draw."""
        return "".join(ch for ch in text if self._covers(ch)).strip()


@dataclass(frozen=True)
class _Auto:
    """Marker: find the font with :func:`find_cjk_font`."""


AUTO = _Auto()


def label_lang(lang: str, cjk_font: Path | None) -> str:
    """The language of a picture's labels: Japanese only with a font that draws it."""
    return "ja" if lang == "ja" and cjk_font is not None else "en"


class _Canvas:
    def __init__(self, size: tuple[int, int], font_path: Path | None) -> None:
        from PIL import Image, ImageDraw

        self.image = Image.new("RGB", size, BACKGROUND)
        self.draw: ImageDraw.ImageDraw = ImageDraw.Draw(self.image)
        self.fonts = _Fonts.get(font_path)
        self.width, self.height = size

    def text(self, xy: tuple[float, float], text: str, px: int, fill: tuple[int, int, int] = TEXT,
             anchor: str = "la", max_width: float | None = None) -> float:
        """Draw ``text`` (characters the font lacks left out, cut with "…" to ``max_width``); its width."""
        font = self.fonts.size(px)
        text = self.fonts.clean(text)
        if max_width is not None and self.draw.textlength(text, font=font) > max_width:
            ellipsis = "…" if self.fonts.covers("…") else "..."
            while text and self.draw.textlength(text + ellipsis, font=font) > max_width:
                text = text[:-1]
            text = text.rstrip() + ellipsis
        self.draw.text(xy, text, font=font, fill=fill, anchor=anchor)
        return self.draw.textlength(text, font=font)

    def box(self, x0: float, y0: float, x1: float, y1: float, fill: tuple[int, int, int]) -> None:
        if x1 > x0 and y1 > y0:
            self.draw.rectangle((round(x0), round(y0), round(x1) - 1, round(y1) - 1), fill=fill)

    def png(self) -> bytes:
        buf = io.BytesIO()
        self.image.save(buf, "PNG", compress_level=3)
        return buf.getvalue()


def _resolve_font(font: Path | _Auto | None) -> Path | None:
    return find_cjk_font() if isinstance(font, _Auto) else font


def _short(title: str) -> str:
    """A stage title's head: "中核アルゴリズム" of "中核アルゴリズム：回帰・…"."""
    for sep in ("：", ":"):
        if sep in title:
            return title.split(sep, 1)[0].strip()
    return title


# ---------------------------------------------------------------- the learner's picture


def render_member(progress: MemberProgress, lang: str, *, font: Path | _Auto | None = AUTO,
                  title: str | None = None) -> bytes:
    """A learner's progress as a PNG of :data:`MEMBER_SIZE`: the checklist by stage (done / remaining items,
    their stage marked), hours done and left, and items done in each of the last weeks with their streak.
    ``title``: instead of "Your progress" (e.g. the member's name). ``font``: a CJK font file, or None to
    draw without one (English labels); by default the one :func:`find_cjk_font` finds."""
    font_path = _resolve_font(font)
    lang = label_lang(lang, font_path)
    c = _Canvas(MEMBER_SIZE, font_path)
    width = c.width
    margin = 32

    c.text((margin, 20), title or t("chart_progress_title", lang), 28, max_width=width - 2 * margin)
    sub = t("chart_empty_hint", lang) if progress.empty else member_streak_line(progress.streak, lang)
    c.text((margin, 60), sub, 16, MUTED, max_width=width - 2 * margin)

    # the checklist by stage
    c.text((margin, 92), t("chart_checklist", lang), 18)
    label_w, top, pitch, bar_h = 250, 122, 36, 26
    x0 = margin + label_w + 14
    x_max = width - margin - 64
    most = max((s.total for s in progress.stages), default=1) or 1
    for n, s in enumerate(progress.stages):
        y = top + n * pitch
        if s.current:
            c.box(margin - 14, y, margin - 8, y + bar_h, ACTIVE)
        name = f"{s.stage.order}. {_short(s.stage.title.get(lang))}"
        c.text((margin + label_w, y + bar_h / 2), name, 16, TEXT if s.current or not progress.empty else MUTED,
               anchor="rm", max_width=label_w)
        full = (x_max - x0) * s.total / most
        done = full * s.done / s.total if s.total else 0
        c.box(x0, y, x0 + full, y + bar_h, LEFT)
        c.box(x0, y, x0 + done, y + bar_h, DONE)
        c.text((x0 + full + 8, y + bar_h / 2), f"{s.done}/{s.total}", 16, anchor="lm")

    # hours
    y = top + len(progress.stages) * pitch + 10
    c.text((margin, y), t("chart_hours", lang, done=round(progress.hours_done, 1),
                          left=round(progress.hours_left, 1)), 18)
    total = progress.hours_done + progress.hours_left
    bar_y = y + 30
    c.box(margin, bar_y, width - margin, bar_y + 22, LEFT)
    if total:
        c.box(margin, bar_y, margin + (width - 2 * margin) * progress.hours_done / total, bar_y + 22, DONE)

    # weeks of activity
    y = bar_y + 40
    weeks = progress.activity
    c.text((margin, y), t("chart_activity", lang, n=len(weeks)), 18)
    if weeks:
        gap = 8
        cell = (width - 2 * margin - gap * (len(weeks) - 1)) / len(weeks)
        cy0, cy1 = y + 30, y + 30 + min(cell, 52)
        for n, week in enumerate(weeks):
            cx = margin + n * (cell + gap)
            c.box(cx, cy0, cx + cell, cy1, ACTIVE if week.items else EMPTY)
            c.text((cx + cell / 2, (cy0 + cy1) / 2), str(week.items), 16,
                   BACKGROUND if week.items else MUTED, anchor="mm")
            if len(weeks) <= 16 or n % 2 == len(weeks) % 2:
                c.text((cx + cell / 2, cy1 + 6), f"{week.monday.month}/{week.monday.day}", 12, MUTED, anchor="ma")
    return c.png()


# ---------------------------------------------------------------- the group's picture


def render_group(status: GroupStatus, lang: str, *, show_names: bool = False,
                 names: Mapping | None = None, font: Path | _Auto | None = AUTO) -> bytes:
    """A study group's status as a PNG of :data:`GROUP_SIZE`: items done per plan week by all members
    together (past weeks, the current one marked), and how many members are on track or behind.

    Members are named only with ``show_names=True`` (the server opted in): then ``names`` maps the member
    keys of ``status`` to display names (a key without one, or a name the font cannot draw, shows as
    "Member N"). Otherwise the picture has counts only."""
    font_path = _resolve_font(font)
    lang = label_lang(lang, font_path)
    c = _Canvas(GROUP_SIZE, font_path)
    width, height = c.width, c.height
    margin = 32
    plan, position = status.plan, status.position

    stages = [_short(s.title.get(lang)) for s in status.stages]
    heading = stages[0] if len(stages) == 1 else f"{stages[0]} → {stages[-1]}"
    state = status_line(plan, position, lang)
    state_w = c.text((width - margin, 20), state, 22, ACTIVE, anchor="ra")
    c.text((margin, 18), heading, 28, max_width=width - 3 * margin - state_w)
    track = status.on_track
    sub = t("chart_members", lang, n=status.members)
    if status.members:
        sub += " · " + on_track_line(track, lang)
    c.text((margin, 60), sub, 16, MUTED, max_width=width - 2 * margin)

    # items done per plan week
    left_w = 560
    c.text((margin, 96), t("chart_done_per_week", lang), 18)
    counts = status.done_per_week
    current = position.week if position.week is not None else 0
    chart_top, chart_bottom = 150, height - 92
    n_weeks = len(counts)
    slot = left_w / n_weeks
    bar_w = max(slot * 0.7, 1)
    peak = max(counts, default=0) or 1
    c.box(margin, chart_bottom, margin + left_w, chart_bottom + 2, MUTED)
    label_every = max(1, round(n_weeks / 12 + 0.49))
    for n, count in enumerate(counts, start=1):
        x = margin + (n - 1) * slot + (slot - bar_w) / 2
        h = (chart_bottom - chart_top) * count / peak
        color = ACTIVE if n == current and position.phase is Phase.RUNNING else DONE if n <= current else LEFT
        c.box(x, chart_bottom - max(h, 3), x + bar_w, chart_bottom, color if count else EMPTY)
        if count and slot >= 18:
            c.text((x + bar_w / 2, chart_bottom - h - 4), str(count), 14, anchor="md")
        regular = (n == 1 or n % label_every == 0) and (not current or abs(n - current) * 2 >= label_every)
        if regular or n == current:
            c.text((x + bar_w / 2, chart_bottom + 8), str(n), 13, ACTIVE if n == current else MUTED, anchor="ma")

    # members on track and behind
    px = margin + left_w + 48
    panel_w = width - margin - px
    if not status.members:
        c.text((px, 110), t("chart_no_members", lang), 18, MUTED, max_width=panel_w)
    else:
        ok, behind = len(track.on_track), len(track.behind)
        c.box(px, 100, px + panel_w * ok / status.members, 124, DONE)
        c.box(px + panel_w * ok / status.members, 100, px + panel_w, 124, BEHIND)
        y = 142
        numbers = {m: n for n, m in enumerate([*track.on_track, *(m for m, _ in track.behind)], start=1)}
        for label, n, color, members in ((t("chart_on_track", lang), ok, DONE, list(track.on_track)),
                                         (t("chart_behind", lang), behind, BEHIND, [m for m, _ in track.behind])):
            c.box(px, y + 3, px + 14, y + 17, color)
            c.text((px + 22, y), f"{label}: {n}", 18, max_width=panel_w - 22)
            y += 30
            if show_names:
                y = _names(c, members, names or {}, numbers, lang, px + 22, y, panel_w - 22, 5)
            y += 8

    # streaks
    lines = streak_lines(status.streaks[:2], lang)
    if lines:
        c.text((margin, height - 40), " · ".join(lines), 16, MUTED, max_width=width - 2 * margin)
    return c.png()


def _names(c: _Canvas, members: Sequence, names: Mapping, numbers: Mapping, lang: str, x: float, y: float,
           width: float, limit: int) -> float:
    """Up to ``limit`` member names (then "+N more"), one a line; returns the next y."""
    for member in members[:limit]:
        name = c.fonts.clean(str(names.get(member, "")))
        c.text((x, y), name or t("member_label", lang, n=numbers[member]), 15, max_width=width)
        y += 22
    if len(members) > limit:
        c.text((x, y), t("chart_more", lang, n=len(members) - limit), 15, MUTED, max_width=width)
        y += 22
    return y
