"""A wheel installed outside the repository works: the knowledge and its prebuilt index are package data,
so the first question is answered from another folder without building anything."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def test_wheel_installed_in_a_fresh_venv_answers_from_another_folder(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
                    "--quiet", "-w", str(dist)], check=True, capture_output=True, timeout=300)
    (wheel,) = dist.glob("careerbot-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
                   check=True, capture_output=True, timeout=300)
    # The dependencies come from this test run's environment (not its editable careerbot: a plain path
    # entry in a .pth does not run that directory's own .pth hooks).
    site = Path(subprocess.check_output([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                        text=True).strip())
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERBOT_")}
    env.update(HOME=str(tmp_path / "home"), XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_DATA_HOME=str(tmp_path / "data"))
    where = subprocess.run([str(python), "-c", "import bot; print(bot.__file__)"], cwd=elsewhere, env=env,
                           capture_output=True, text=True, timeout=60, check=True).stdout
    assert where.startswith(str(env_dir)), where
    out = subprocess.run([str(env_dir / "bin" / "careerbot"), "ask", "--json", "MLOpsって何から始めればいい？"],
                         cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    assert "Building" not in out.stderr, "the shipped index must be used as it is"
    answer = json.loads(out.stdout)
    assert answer["passages"][0]["doc_id"] == "mlops"
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").rglob("manifest.json"))
