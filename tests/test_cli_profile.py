"""The advisor commands of the CLI against a temporary profile database."""

from __future__ import annotations

import json

import pytest

from bot.cli import main


@pytest.fixture(autouse=True)
def db(tmp_path, monkeypatch):
    path = tmp_path / "profile.sqlite3"
    monkeypatch.setenv("CAREERBOT_DB", str(path))
    monkeypatch.setenv("LANG", "C.UTF-8")
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_stage_set_progress_done_then_nextstep_lists_remaining_items_with_resources(capsys, kb):
    assert run(capsys, "stage", "set", "core-ml")[0] == 0
    code, out, _ = run(capsys, "progress", "done", "core-ml.linear-regression")
    assert code == 0
    assert "core-ml.linear-regression" in out
    code, out, _ = run(capsys, "nextstep", "--json")
    assert code == 0
    data = json.loads(out)
    remaining = [i.id for i in kb.stage("core-ml").items if i.id != "core-ml.linear-regression"]
    assert [s["item"] for s in data["steps"]] == remaining[:3]
    assert data["remaining"] == len(remaining)
    assert all(s["resource"]["url"].startswith("http") for s in data["steps"])
    code, out, _ = run(capsys, "nextstep")
    assert kb.items[remaining[0]].title.en in out
    assert "core-ml.linear-regression" not in out


def test_bare_item_slug_resolves_in_current_stage_and_undo(capsys):
    run(capsys, "stage", "set", "core-ml")
    assert run(capsys, "progress", "done", "decision-trees")[0] == 0
    _code, out, _ = run(capsys, "progress", "show")
    assert "[x]" in out
    assert run(capsys, "progress", "undo", "core-ml.decision-trees")[0] == 0
    assert "[x]" not in run(capsys, "progress", "show")[1]


def test_unknown_ids_exit_2_with_did_you_mean(capsys):
    code, _out, err = run(capsys, "stage", "set", "cor-ml")
    assert code == 2
    assert "Did you mean 'core-ml'" in err
    code, _, err = run(capsys, "progress", "done", "core-ml.linear-regresion")
    assert code == 2
    assert "core-ml.linear-regression" in err
    code, _, err = run(capsys, "plan", "--stage", "mlpos", "--weeks", "6", "--hours", "5")
    assert code == 2
    assert "mlops" in err


def test_completed_stage_proposes_next_without_advancing(capsys, kb):
    run(capsys, "stage", "set", "mlops")
    for item in kb.stage("mlops").items:
        run(capsys, "progress", "done", item.id)
    data = json.loads(run(capsys, "nextstep", "--json")[1])
    assert data["stage_complete"] is True
    assert data["propose_stage"] == "work-experience"
    assert data["stage"] == "mlops"
    assert json.loads(run(capsys, "stage", "show", "--json")[1])["stage"] == "mlops"


def test_plan_six_weeks(capsys):
    code, out, _ = run(capsys, "plan", "--stage", "mlops", "--weeks", "6", "--hours", "5", "--lang", "en")
    assert code == 0
    assert "Week 1" in out
    assert "Week 6" in out
    assert "Week 7" not in out
    assert "not enough time" in out  # mlops needs more than 30 h: it says so and how much it needs
    code, out, _ = run(capsys, "plan", "--stage", "mlops", "--weeks", "6", "--hours", "5", "--lang", "ja", "--json")
    data = json.loads(out)
    assert data["weeks"] == 6
    assert data["lang"] == "ja"


def test_plan_fits_and_japanese_headings(capsys, kb):
    total = sum(i.hours for i in kb.stage("mlops").items)
    code, out, _ = run(capsys, "plan", "--stage", "mlops", "--weeks", "6", "--hours", str(total / 6 + 1), "--lang", "ja")
    assert code == 0
    assert "第1週" in out
    assert "第6週" in out


def test_plan_bad_numbers_exit_2(capsys):
    assert run(capsys, "plan", "--stage", "mlops", "--weeks", "0", "--hours", "5")[0] == 2


def test_self_assessment_noninteractive(capsys):
    code, out, _ = run(capsys, "stage", "assess", "--answers", "yynyyy")
    assert code == 0
    assert "core-ml" in out
    assert json.loads(run(capsys, "stage", "show", "--json")[1])["stage"] == "core-ml"
    assert run(capsys, "stage", "assess", "--answers", "yy")[0] == 2


def test_export_and_forget(capsys, db):
    run(capsys, "stage", "set", "projects")
    run(capsys, "progress", "done", "core-ml.svm")
    data = json.loads(run(capsys, "profile", "export")[1])
    assert data["profile"]["stage"] == "projects"
    assert run(capsys, "profile", "forget")[0] == 2  # no --yes and no terminal: refuses, deletes nothing
    assert json.loads(run(capsys, "profile", "export")[1])["profile"]["stage"] == "projects"
    assert run(capsys, "profile", "forget", "--yes")[0] == 0
    assert json.loads(run(capsys, "profile", "export")[1])["profile"] is None


def test_no_stage_suggests_assessment(capsys):
    code, out, _ = run(capsys, "nextstep")
    assert code == 0
    assert "assess" in out


def test_unopenable_database_is_one_sentence(capsys, tmp_path, monkeypatch):
    bad = tmp_path / "not-a-db.sqlite3"
    bad.write_bytes(b"this is not sqlite" * 100)
    monkeypatch.setenv("CAREERBOT_DB", str(bad))
    code, _, err = run(capsys, "stage", "show")
    assert code == 1
    assert "Traceback" not in err
    assert str(bad) in err


def test_ask_still_answers_when_the_database_is_unreadable(capsys, tmp_path, monkeypatch, engine_env):
    """Answering needs no database: a broken or newer-schema profile database is a warning, not a failure."""
    bad = tmp_path / "not-a-db.sqlite3"
    bad.write_bytes(b"this is not sqlite" * 100)
    monkeypatch.setenv("CAREERBOT_DB", str(bad))
    code, out, err = run(capsys, "ask", "--json", "SQLはどのくらい必要？")
    assert code == 0
    assert json.loads(out)["passages"]
    assert "without your profile" in err
    assert "Traceback" not in err


def test_stages_lists_every_stage_with_hours_in_the_users_language(capsys, kb):
    code, out, _ = run(capsys, "stages", "--lang", "ja")
    assert code == 0
    for stage in kb.stages:
        assert f"{stage.order}. {stage.title.ja} ({stage.id})" in out
    assert f"{sum(i.hours for s in kb.stages for i in s.items):g}時間" in out
    code, out, _ = run(capsys, "stages", "--items", "--lang", "en")
    assert kb.items["core-ml.svm"].title.en in out


def test_japanese_names_and_prefixes_are_accepted_as_ids(capsys):
    assert run(capsys, "stage", "set", "中核アルゴリズム")[0] == 0
    assert json.loads(run(capsys, "stage", "show", "--json")[1])["stage"] == "core-ml"
    code, out, _ = run(capsys, "progress", "done", "決定木")
    assert code == 0
    assert "core-ml.decision-trees" in out
    assert run(capsys, "stage", "set", "mlop")[0] == 0
    assert json.loads(run(capsys, "stage", "show", "--json")[1])["stage"] == "mlops"


def test_plan_defaults_to_the_profile_stage_and_remembered_hours(capsys):
    code, _, err = run(capsys, "plan", "--weeks", "4", "--hours", "5")
    assert code == 2
    assert "--stage" in err
    run(capsys, "stage", "set", "core-ml")
    code, _, err = run(capsys, "plan", "--weeks", "4")
    assert code == 2
    assert "--hours" in err
    code, out, _ = run(capsys, "plan", "--weeks", "4", "--hours", "7", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["stages"] == ["core-ml"]
    assert data["hours_per_week"] == 7
    code, out, _ = run(capsys, "plan", "--weeks", "4", "--json")
    assert code == 0
    assert json.loads(out)["hours_per_week"] == 7  # remembered


def test_profile_language_is_set_and_used(capsys):
    assert run(capsys, "profile", "lang", "ja")[0] == 0
    assert json.loads(run(capsys, "profile", "export")[1])["profile"]["lang"] == "ja"
    run(capsys, "stage", "set", "core-ml")
    _, out, _ = run(capsys, "nextstep")
    assert "現在のステージ" in out
    with pytest.raises(SystemExit) as info:  # argparse: usage error, exit 2
        run(capsys, "profile", "lang", "fr")
    assert info.value.code == 2


def test_nextstep_reads_plainly_in_a_terminal(capsys):
    run(capsys, "stage", "set", "core-ml")
    _, out, _ = run(capsys, "nextstep", "--lang", "en")
    assert "Next steps" in out
    for markdown in ("**", "](<", "`"):
        assert markdown not in out
