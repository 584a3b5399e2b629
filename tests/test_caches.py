"""`main.py cache`: where the cache folder is, how much it holds, and clearing it — every
cache made again afterwards, recovery files never touched."""
from __future__ import annotations

import os

import pytest

from editor import caches
from testpaths import SAMPLE, run_main


def _fill(folder):
    (folder / "imported").mkdir(parents=True)
    (folder / "imported" / "a.json").write_text("{}")
    (folder / "layout").mkdir()
    (folder / "layout" / "b.pickle").write_bytes(b"12345")
    (folder / "fonts-index.json").write_text("{}")
    (folder / "recovery").mkdir()
    (folder / "recovery" / "期刊-1.autosave.json").write_text("{\"issue\": {}}")


def test_clearing_keeps_only_the_recovery_files(tmp_path, monkeypatch):
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))
    _fill(tmp_path / "cache")
    assert caches.usage().files == 3 and caches.usage().size == 9
    before = caches.clear()
    assert (before.files, before.size) == (3, 9)
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["recovery"]
    assert (tmp_path / "cache" / "recovery" / "期刊-1.autosave.json").is_file()
    assert caches.usage().files == 0


def test_no_cache_folder_yet_is_an_empty_one(tmp_path, monkeypatch):
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "never-made"))
    assert caches.usage().files == 0 and caches.clear().files == 0


@pytest.mark.slow
def test_the_command_says_where_and_how_much_and_a_build_after_clearing_works(tmp_path):
    env = dict(os.environ, GAZETTE_CACHE_DIR=str(tmp_path / "cache"))
    built = run_main("build", SAMPLE, "--pdf", tmp_path / "a.pdf", env=env)
    assert built.returncode == 0, built.stderr
    said = run_main("cache", env=env)
    assert said.returncode == 0 and f"缓存文件夹：{tmp_path / 'cache'}" in said.stdout
    cleared = run_main("cache", "--clear", env=env)
    assert cleared.returncode == 0 and "已清空缓存文件夹" in cleared.stdout and "恢复文件保留" in cleared.stdout
    assert not any((tmp_path / "cache").iterdir())
    again = run_main("build", SAMPLE, "--pdf", tmp_path / "b.pdf", env=env)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "b.pdf").stat().st_size == (tmp_path / "a.pdf").stat().st_size
