"""The cache of imported documents: the same Document as importing, rebuilt whenever the
source or the importer changes, and never trusting a bad entry."""
from __future__ import annotations

import json
import os

import pytest

import editor.importcache as importcache
import editor.importers as importers
from editor.importcache import document_from_data, document_to_data, imported
from editor.model import Block, BlockKind, Diagnostic, Document, Run, Severity
from testpaths import SAMPLE


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def counted(monkeypatch):
    """Counts the real importer's calls."""
    calls = []
    real = importers.import_path

    def spy(path):
        calls.append(path)
        return real(path)
    monkeypatch.setattr(importers, "import_path", spy)
    return calls


def _source(tmp_path, text="关于做好春节期间工作的通知\n\n各区县人民政府：\n\n现将有关事项通知如下。\n"):
    path = tmp_path / "通知.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(p.name for p in (SAMPLE.parent / "docs").iterdir()))
def test_every_sample_document_survives_the_round_trip(name):
    doc = importers.import_path(SAMPLE.parent / "docs" / name)
    data = json.loads(json.dumps(document_to_data(doc), ensure_ascii=False))
    assert document_from_data(data) == doc


def test_every_field_survives_the_round_trip():
    doc = Document(blocks=[Block(BlockKind.HEADING, [Run("一、", bold=True), Run("2", script="sup")],
                                 level=1, align="left", reason="编号"),
                           Block(BlockKind.TABLE, rows=[["甲", "乙"], ["1", ""]]),
                           Block(BlockKind.IMAGE, image=b"\x89PNG\x00\xff", image_size=(120.5, 80.0))],
                   kind="通知", source="docs/a.docx", encoding="GB18030", lines_per_column=33,
                   diagnostics=[Diagnostic(Severity.WARNING, "code", "信息", 1, 2, 3, "a.docx")])
    assert document_from_data(json.loads(json.dumps(document_to_data(doc)))) == doc


def test_a_second_import_comes_from_the_cache(tmp_path, cache, counted):
    path = _source(tmp_path)
    first = imported(path)
    second = imported(path)
    assert len(counted) == 1
    assert second == first and second is not first      # a fresh copy: the build changes it in place
    assert first.title == "关于做好春节期间工作的通知"


def test_a_changed_source_is_imported_again(tmp_path, cache, counted):
    path = _source(tmp_path)
    imported(path)
    path.write_text("关于做好防汛工作的通知\n\n各区县人民政府：\n\n现将有关事项通知如下。\n", encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert imported(path).title == "关于做好防汛工作的通知"
    assert len(counted) == 2


def test_a_changed_importer_imports_again(tmp_path, cache, counted, monkeypatch):
    path = _source(tmp_path)
    imported(path)
    monkeypatch.setattr(importcache, "importer_stamp", lambda: "another importer")
    imported(path)
    assert len(counted) == 2


@pytest.mark.parametrize("damage", [
    lambda text: b"\x00garbage",
    lambda text: text[: len(text) // 2],
    lambda text: json.dumps([1, 2]).encode(),
    lambda text: text.replace(b'"runs": [["', b'"runs": [[7, "', 1),
    lambda text: text.replace(b'"level": 0', b'"level": "0"'),
    lambda text: text.replace(b'"paragraph"', b'"no-such-kind"'),
])
def test_a_damaged_entry_is_never_trusted(tmp_path, cache, counted, damage):
    path = _source(tmp_path)
    good = imported(path)
    (entry,) = (cache / "imported").iterdir()
    entry.write_bytes(damage(entry.read_bytes()))
    assert imported(path) == good
    assert len(counted) == 2
    assert imported(path) == good and len(counted) == 2      # the entry was written afresh


def test_a_refused_file_is_said_every_time(tmp_path, cache):
    path = tmp_path / "旧版.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    for _ in range(2):
        with pytest.raises(importers.ImportRefused, match="旧版"):
            imported(path)


def test_an_unwritable_cache_only_costs_speed(tmp_path, monkeypatch, counted):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(blocked / "cache"))
    path = _source(tmp_path)
    assert imported(path) == imported(path)
    assert len(counted) == 2
