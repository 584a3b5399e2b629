"""Fixtures for the app's tests: a copied sample issue, private settings, an open window."""
import shutil
from pathlib import Path

import pytest

from ui_helpers import SAMPLE_DIR, wait_layout


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
    from editor.ui.mainwindow import MainWindow
    from editor.ui.settings import Settings
    w = MainWindow(Settings(config_dir / "settings.ini"), interactive=False)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    assert w.files.open_issue(issue_copy)
    wait_layout(qtbot, w)
    yield w
    w.files.close_issue()
    w.job.shutdown()
