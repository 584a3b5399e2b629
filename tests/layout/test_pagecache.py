"""Documents' pages kept on disk between builds: the same pages as laying out, rebuilt when
the engine or a font changes, and never trusting a bad entry."""
from __future__ import annotations

import os
import pickle

import pytest

from editor.layout import issue as issue_layout, pagecache
from editor.layout.fonts import FontFace
from editor.layout.issue import layout_issue
from editor.layout.metrics import FixedMetrics
from editor.layout.spec import load_spec
from editor.model import Block, BlockKind as K, Document, DocumentRef, Issue, Section

ROLES = ("body", "title", "hei", "kai", "song", "bold", "latin")


class FaceMetrics(FixedMetrics):
    """Fixed widths, said to come from a font file (whose version keys the entries)."""

    def __init__(self, path):
        self.face = FontFace("body", "", "Fixed", str(path))


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))
    issue_layout._doc_cache.clear()
    return tmp_path / "cache" / "layout"


@pytest.fixture
def font(tmp_path):
    path = tmp_path / "face.ttf"
    path.write_bytes(b"not read: only its size and date count")
    return path


@pytest.fixture
def counted(monkeypatch):
    calls = []
    real = issue_layout.layout_blocks

    def spy(doc, k, ts):
        calls.append(k)
        return real(doc, k, ts)
    monkeypatch.setattr(issue_layout, "layout_blocks", spy)
    return calls


def _issue() -> Issue:
    blocks = [Block.of(K.TITLE, "济南市人民政府关于做好安全生产工作的通知"),
              Block.of(K.RECIPIENTS, "各区县人民政府，市政府各部门（单位）：")]
    blocks += [Block.of(K.PARAGRAPH, "各单位要高度重视安全生产工作，落实责任。" * 8) for _ in range(10)]
    blocks += [Block.of(K.SIGNATURE, "济南市人民政府"), Block.of(K.DATE, "2020年5月9日")]
    return Issue(year=2020, number=1, total_number=1,
                 sections=[Section("市政府文件", [DocumentRef("a", document=Document(blocks))])])


def _lay_out(font):
    """A new build: the process's own memory of documents is gone, the cache folder stays."""
    issue_layout._doc_cache.clear()
    metrics = {r: FaceMetrics(font) for r in ROLES}
    return layout_issue(_issue(), load_spec("jinan-gazette"), {}, metrics)


def test_a_second_build_takes_the_pages_from_disk(cache, font, counted):
    first = _lay_out(font)
    second = _lay_out(font)
    assert counted == [0]
    assert second.pages == first.pages and second.diagnostics == first.diagnostics
    assert len(list(cache.iterdir())) == 1


def test_a_changed_font_file_or_engine_lays_out_again(cache, font, counted, monkeypatch):
    _lay_out(font)
    st = font.stat()
    os.utime(font, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    _lay_out(font)
    monkeypatch.setattr(pagecache, "engine_stamp", lambda: "another engine")
    _lay_out(font)
    assert counted == [0, 0, 0]


class Evil:
    def __reduce__(self):
        return (os.getcwd, ())


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 2],
    lambda data: b"",
    lambda data: pickle.dumps((pagecache.VERSION, [Evil()], [])),
    lambda data: pickle.dumps((pagecache.VERSION, ["not a page"], [])),
    lambda data: pickle.dumps((pagecache.VERSION + 1, [], [])),
    lambda data: pickle.dumps({"pages": []}),
])
def test_a_damaged_or_foreign_entry_is_never_trusted(cache, font, counted, damage):
    good = _lay_out(font)
    (entry,) = cache.iterdir()
    entry.write_bytes(damage(entry.read_bytes()))
    assert _lay_out(font).pages == good.pages
    assert counted == [0, 0]
    assert _lay_out(font).pages == good.pages and counted == [0, 0]    # written afresh


def test_an_unwritable_cache_only_costs_speed(tmp_path, monkeypatch, font, counted):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(blocked / "cache"))
    assert _lay_out(font).pages == _lay_out(font).pages
    assert counted == [0, 0]
