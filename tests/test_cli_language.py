"""The commands in French: `--lang fr`, the `language` setting, or a French system locale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from cli_support import ROOT, run_mockloop
from session_support import scripted_onsite

from tui.core import store

QUESTIONS = ROOT / "question_bank" / "questions"


def mockloop(*args: str | Path, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    return run_mockloop(*args, home=home, timeout=60)


def test_bank_show_speaks_french_down_to_the_bank_s_own_words() -> None:
    french = mockloop("bank", "show", "safe-divide", "--lang", "fr")
    assert french.returncode == 0, french.stderr
    assert "Difficulté : moyenne" in french.stdout and "Type : Cas limites" in french.stdout
    assert "Tour : Code sur site" in french.stdout and "Indices : " in french.stdout
    english = mockloop("bank", "show", "safe-divide")
    assert "Difficulty: medium" in english.stdout and "Type: Edge Cases" in english.stdout


def test_the_setting_makes_every_command_french(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "config.toml").write_text('language = "fr"\n', encoding="utf-8")
    listing = mockloop("bank", "list", home=home)
    assert listing.returncode == 0 and listing.stdout.startswith("Entretien RH (1)")
    assert "facile" in listing.stdout
    history = mockloop("history", home=home)
    assert history.returncode == 0 and history.stdout.startswith("Aucune session pour l'instant.")
    unknown = mockloop("drill", "safe-divid", home=home)
    assert unknown.returncode == 2 and unknown.stderr.strip() == (
        'Il n\'y a pas de question « safe-divid » dans la banque. Vouliez-vous dire "safe-divide" ?'
    )
    wrong = mockloop("history", "--prune", home=home)
    assert wrong.returncode == 2 and wrong.stderr.startswith("--prune et --older-than JOURS vont ensemble")
    english = mockloop("--lang", "en", "history", home=home)  # --lang wins over the setting, for one run
    assert english.stdout.startswith("No sessions yet.")


def test_a_french_system_locale_is_the_default() -> None:
    env = {**os.environ, "LC_ALL": "", "LC_MESSAGES": "", "LANG": "fr_FR.UTF-8"}
    done = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--help"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and "lancer un entretien complet : cinq tours chronométrés" in done.stdout


def test_a_report_in_french(tmp_path: Path) -> None:
    home = tmp_path / "home"
    record = scripted_onsite().recorder.record
    path = home / "data" / "sessions" / f"{record.id}.toml"
    store.save(record, path)
    text = mockloop("--lang", "fr", "report", str(path), home=home)
    assert text.returncode == 0, text.stderr
    assert "Bilan : Avis défavorable (en cours)" in text.stdout
    assert "Temps passé : " in text.stdout and "Tour 1 · " in text.stdout
    assert "Overall" not in text.stdout and "Round " not in text.stdout
    md = mockloop("--lang", "fr", "report", str(path), "--format", "md", home=home)
    assert "**Bilan : Avis défavorable** (en cours)" in md.stdout and "| Tour | Temps | Avis |" in md.stdout
    history = mockloop("--lang", "fr", "history", home=home)
    assert "complet" in history.stdout and "Avis défavorable · en cours (" in history.stdout


def test_check_in_french() -> None:
    done = mockloop("--lang", "fr", "check", "safe-divide", QUESTIONS / "safe-divide" / "reference.py")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("safe-divide : ") and lines[0].endswith("tests visibles")
    assert any(line.startswith("✓ réussi") for line in lines)
    assert lines[-1].startswith("4 réussis en ")


def test_argparse_speaks_french_too() -> None:
    missing = mockloop("--lang", "fr", "bank", "show")
    assert missing.returncode == 2
    assert missing.stderr.startswith("utilisation : mockloop bank show")
    assert "mockloop bank show : erreur : ces arguments sont requis : ID" in missing.stderr
    help_ = mockloop("--lang", "fr", "--help")
    assert "arguments positionnels :" in help_.stdout and "afficher cette aide et quitter" in help_.stdout
