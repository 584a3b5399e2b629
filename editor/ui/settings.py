"""The app's own preferences (window geometry, splitters, recent files, view choices).

in: nothing (GAZETTE_CONFIG_DIR may point elsewhere, for tests); out: Settings, the one
place that names QSettings keys and their defaults. Typesetting choices are not here:
they live in layouts/*.toml so the CLI and the app print the same pages.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

MAX_RECENT = 8
DEFAULTS = {
    "window/geometry": None,        # QByteArray from saveGeometry
    "window/state": None,           # QByteArray from saveState
    "files/recent": [],             # issue files, newest first
    "files/last": "",
    "archive/folder": "",           # the folder the 档案 panel shows (one folder per issue)
    "view/facing": False,
    "view/zoom_mode": "width",      # width | page | fixed
    "view/zoom_factor": 1.0,
}


def settings_file() -> Path:
    folder = os.environ.get("GAZETTE_CONFIG_DIR") or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppConfigLocation)
    return Path(folder or Path.home() / ".config" / "gazette-editor") / "settings.ini"


class Settings:
    """Typed access to the keys in DEFAULTS (an unknown key is a programming error)."""

    def __init__(self, path: Path | None = None):
        self.path = path or settings_file()
        self.q = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, key: str):
        default = DEFAULTS[key]
        value = self.q.value(key, default)
        if isinstance(default, bool):
            return value in (True, "true", "1", 1)
        if isinstance(default, float):
            try:
                return float(value)
            except (TypeError, ValueError):
                return default
        if isinstance(default, list):
            if value is None:
                return []
            return [value] if isinstance(value, str) else list(value)
        return value

    def set(self, key: str, value) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self.q.setValue(key, value)

    def splitter(self, name: str):
        return self.q.value(f"window/splitter_{name}")

    def set_splitter(self, name: str, state) -> None:
        self.q.setValue(f"window/splitter_{name}", state)

    def recent(self) -> list[str]:
        return [p for p in self.get("files/recent") if p and Path(p).exists()]

    def add_recent(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        items = [path] + [p for p in self.get("files/recent") if p != path]
        self.set("files/recent", items[:MAX_RECENT])
        self.set("files/last", path)

    def sync(self) -> None:
        self.q.sync()
