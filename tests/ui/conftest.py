"""Fixtures for the app's tests: a copied sample issue, private settings, an open window."""
import shutil
from pathlib import Path

import pytest

from ui_helpers import SAMPLE_DIR, close_window, open_window


@pytest.fixture
def issue_copy(tmp_path) -> Path:
    """The sample issue copied to tmp_path (nothing in the repo changes); out: its issue.json."""
    target = tmp_path / "issue"
    shutil.copytree(SAMPLE_DIR, target)
    return target / "issue.json"


@pytest.fixture
def config_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("GAZETTE_CONFIG_DIR", str(folder))
    monkeypatch.delenv("GAZETTE_RECOVER", raising=False)
    return folder


@pytest.fixture
def window(qtbot, issue_copy, config_dir):
    """The main window (no modal dialogs) with the copied sample issue open and laid out."""
    w = open_window(qtbot, config_dir, issue_copy)
    yield w
    close_window(w)
