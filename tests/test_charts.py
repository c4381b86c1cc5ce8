"""Progress pictures (bot/charts.py): both pictures in both languages, their size, that they are not blank,
a few pixels of the expected colours, Japanese drawn with a real CJK font, the English fallback without
one, names only when the server opted in, and ``careerbot progress chart``."""

from __future__ import annotations

import io
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta, timezone

import pytest
from PIL import Image

from bot import charts
from bot import groups as g
from bot.cli import main
from bot.messages import MESSAGES, t

NOW = datetime(2026, 12, 16, 3, tzinfo=timezone.utc)  # Wednesday 2026-12-16, 12:00 in Tokyo


def image(png: bytes) -> Image.Image:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    return Image.open(io.BytesIO(png)).convert("RGB")


def colours(img: Image.Image) -> dict[tuple[int, int, int], int]:
    return {c: n for n, c in img.getcolors(maxcolors=1 << 20)}


@pytest.fixture
def progress(kb) -> g.MemberProgress:
    """Stage 1 done, two core-ml items done in the last weeks, on stage core-ml."""
    done = {i.id: (NOW - timedelta(days=10)).isoformat() for i in kb.stage("education").items}
    core = kb.stage("core-ml").items
    done |= {core[0].id: (NOW - timedelta(days=1)).isoformat(), core[1].id: (NOW - timedelta(days=8)).isoformat()}
    return g.member_progress(kb, done, "core-ml", NOW)


@pytest.fixture
def status(kb) -> g.GroupStatus:
    """Week 2 of a 4-week plan with 3 members: two on track, one behind."""
    plan = g.GroupPlan("programming-data", "programming-data", 4, 40, date(2026, 12, 7))
    sched = g.schedule(kb, plan, "ja")
    week1 = sorted(g.required_items(sched, 1))
    at = plan.week_start(1) + timedelta(hours=5)
    progress = {101: {i: at.isoformat() for i in week1}, 102: {i: at.isoformat() for i in week1}, 103: {}}
    return g.group_status(plan, sched, progress, NOW)


@pytest.fixture
def no_cjk_font(monkeypatch):
    """A machine without any Japanese font: the packaged one and the system ones are gone."""
    monkeypatch.setattr(charts, "_packaged_font", lambda: None)
    monkeypatch.setattr(charts, "_SYSTEM_CJK", ())
    monkeypatch.setattr(charts, "_fontconfig_japanese", list)
    charts.find_cjk_font.cache_clear()
    yield
    charts.find_cjk_font.cache_clear()


# ---------------------------------------------------------------- the font


def test_a_cjk_font_is_found_without_importing_japanize_matplotlib():
    had = "japanize_matplotlib" in sys.modules
    charts.find_cjk_font.cache_clear()
    font = charts.find_cjk_font()
    assert font is not None, "no Japanese font: install the project's dependencies (japanize-matplotlib)"
    assert font.is_file()
    assert ("japanize_matplotlib" in sys.modules) == had


def test_the_font_draws_every_japanese_label_and_stage_title(kb):
    fonts = charts._Fonts(charts.find_cjk_font())
    keys = [k for k in MESSAGES if k.startswith(("chart_", "group_", "streak_", "weekday_", "member_label"))]
    for key in keys:
        assert fonts.covers(MESSAGES[key]["ja"]), key
    for stage in kb.stages:
        assert fonts.covers(stage.title.ja), stage.id
    assert not fonts.covers("🎉")  # the check can say no: a missing glyph is left out, never a box


def test_without_a_cjk_font_english_labels_are_used_and_nothing_is_left_out():
    fonts = charts._Fonts(None)
    for key in (k for k in MESSAGES if k.startswith(("chart_", "group_", "streak_", "weekday_"))):
        text = MESSAGES[key]["en"]
        assert fonts.clean(text) == text.strip(), key


# ---------------------------------------------------------------- the learner's picture


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_member_picture_renders_with_its_size_and_colours(progress, lang):
    img = image(charts.render_member(progress, lang))
    assert img.size == charts.MEMBER_SIZE
    counts = colours(img)
    assert len(counts) > 20  # text is anti-aliased: many shades
    assert sum(n for c, n in counts.items() if c != charts.BACKGROUND) > 0.1 * img.width * img.height
    assert img.getpixel((300, 135)) == charts.DONE  # stage 1's bar (all done) starts at x=296, rows at y=122
    assert img.getpixel((920, 135 + 36)) == charts.BACKGROUND  # stage 2: nothing done, its bar is shorter
    assert img.getpixel((300, 135 + 36)) == charts.LEFT
    assert img.getpixel((20, 135 + 2 * 36)) == charts.ACTIVE  # the learner's stage (3, core-ml) is marked
    assert img.getpixel((34, 424)) == charts.DONE  # hours done: the left end of the hours bar (y 414-436)
    assert img.getpixel((926, 424)) == charts.LEFT
    assert counts[charts.ACTIVE] > 3000  # the weeks with activity


def test_member_picture_differs_by_language_and_for_an_empty_profile(kb, progress):
    ja, en = charts.render_member(progress, "ja"), charts.render_member(progress, "en")
    assert ja != en
    empty = g.member_progress(kb, {}, None, NOW)
    img = image(charts.render_member(empty, "ja"))
    assert img.size == charts.MEMBER_SIZE
    counts = colours(img)
    assert charts.DONE not in counts
    assert counts[charts.LEFT] > 10000  # every bar is still drawn, all remaining
    with_hint = charts.render_member(empty, "en")
    assert with_hint != charts.render_member(g.member_progress(kb, {}, "core-ml", NOW), "en")


def test_without_a_cjk_font_the_japanese_picture_falls_back_to_english(progress, no_cjk_font):
    assert charts.find_cjk_font() is None
    assert charts.label_lang("ja", None) == "en"
    ja = charts.render_member(progress, "ja")
    assert ja == charts.render_member(progress, "en")  # the same English labels, byte for byte
    assert ja == charts.render_member(progress, "ja", font=None)
    assert image(ja).size == charts.MEMBER_SIZE
    assert image(ja).getpixel((300, 135)) == charts.DONE


def test_rendering_from_two_threads_gives_the_same_pictures(progress, status):
    expected = [charts.render_member(progress, "ja"), charts.render_group(status, "en")]
    with ThreadPoolExecutor(2) as pool:
        jobs = [pool.submit(charts.render_member, progress, "ja") if n % 2 == 0
                else pool.submit(charts.render_group, status, "en") for n in range(8)]
        results = [j.result() for j in jobs]
    assert results == expected * 4


# ---------------------------------------------------------------- the group's picture


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_group_picture_renders_with_its_size_and_colours(status, lang):
    assert status.position.week == 2
    assert status.done_per_week[0] > 0
    img = image(charts.render_group(status, lang))
    assert img.size == charts.GROUP_SIZE
    assert len(colours(img)) > 20
    slot = 560 / 4  # the weekly bars share 560 px from x=32; their baseline is at y=508
    assert img.getpixel((round(32 + slot / 2), 500)) == charts.DONE  # week 1: done
    assert img.getpixel((round(32 + 3.5 * slot), 506)) in (charts.EMPTY, charts.LEFT)  # week 4: future
    assert img.getpixel((642, 110)) == charts.DONE  # on track: 2 of 3 from x=640...
    assert img.getpixel((925, 110)) == charts.BEHIND  # ...behind: 1 of 3 at the right end


def test_names_appear_only_when_the_server_opted_in(status):
    names = {101: "Alice", 102: "Bob", 103: "Carol"}
    hidden = charts.render_group(status, "en")
    assert charts.render_group(status, "en", names=names) == hidden  # names without the opt-in: ignored
    shown = charts.render_group(status, "en", show_names=True, names=names)
    assert shown != hidden
    # Without a name (or one the font cannot draw), a member is "Member N", never an empty line or boxes.
    anonymous = charts.render_group(status, "en", show_names=True, names={})
    assert charts.render_group(status, "en", show_names=True, names={101: "🎉", 102: " ", 103: "\U0010fffd"},
                               ) == anonymous


def test_japanese_names_without_a_cjk_font_become_member_labels(status, no_cjk_font):
    anonymous = charts.render_group(status, "ja", show_names=True, names={})
    assert charts.render_group(status, "ja", show_names=True, names={101: "たろう", 102: "花子"}) == anonymous
    assert charts.render_group(status, "ja") == charts.render_group(status, "en")


def test_group_picture_with_no_members_and_a_long_plan(kb):
    plan = g.GroupPlan("education", "specialization", 104, 10, date(2026, 1, 5))
    sched = g.schedule(kb, plan, "en")
    for members in ({}, {1: {sched.items[0].id: plan.week_start(3).isoformat()}}):
        status = g.group_status(plan, sched, members, NOW)
        for lang in ("ja", "en"):
            img = image(charts.render_group(status, lang))
            assert img.size == charts.GROUP_SIZE
            assert len(colours(img)) > 10


def test_group_picture_before_the_start_and_after_the_end(kb, status):
    plan = status.plan
    sched = g.schedule(kb, plan, "en")
    for moment in (datetime(2026, 11, 1, tzinfo=timezone.utc), datetime(2027, 3, 1, tzinfo=timezone.utc)):
        later = g.group_status(plan, sched, {1: {}}, moment)
        assert image(charts.render_group(later, "ja")).size == charts.GROUP_SIZE
    ended = g.group_status(g.end(plan, NOW), sched, {1: {}}, NOW + timedelta(days=30))
    assert image(charts.render_group(ended, "en")).size == charts.GROUP_SIZE


# ---------------------------------------------------------------- the CLI


def test_cli_progress_chart_renders_the_local_profile(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CAREERBOT_DB", str(tmp_path / "profile.sqlite3"))
    out = tmp_path / "progress.png"
    assert main(["progress", "chart", "--out", str(out), "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert t("chart_written", "en", path=out) in printed
    assert t("chart_empty_cli", "en") in printed
    empty = out.read_bytes()
    assert image(empty).size == charts.MEMBER_SIZE
    assert main(["stage", "set", "core-ml"]) == 0
    assert main(["progress", "done", "core-ml.linear-regression"]) == 0
    capsys.readouterr()
    assert main(["progress", "chart", "--out", str(out), "--lang", "ja"]) == 0
    printed = capsys.readouterr().out
    assert t("chart_written", "ja", path=out) in printed
    assert t("chart_empty_cli", "ja") not in printed
    img = image(out.read_bytes())
    assert img.size == charts.MEMBER_SIZE
    assert img.getpixel((20, 135 + 2 * 36)) == charts.ACTIVE  # core-ml marked
    assert img.getpixel((300, 135 + 2 * 36)) == charts.DONE  # with an item done


def test_cli_progress_chart_reports_an_unwritable_path(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CAREERBOT_DB", str(tmp_path / "profile.sqlite3"))
    code = main(["progress", "chart", "--out", str(tmp_path / "missing" / "p.png")])
    assert code == 1
    assert "Cannot write" in capsys.readouterr().err
