"""A QR code's modules: the encoder's, kept in the cache folder, a bad entry encoded again."""
from __future__ import annotations

import pytest

from editor.render import qrmodules
from qrcheck import encoded

TEXT = "http://zfgb.wap.jinan.gov.cn"


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder and a new process's memory; counts the encodings."""
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))
    qrmodules.qr_modules.cache_clear()
    calls = []
    real = qrmodules._encoded
    monkeypatch.setattr(qrmodules, "_encoded", lambda text: calls.append(text) or real(text))
    yield calls
    qrmodules.qr_modules.cache_clear()


def test_modules_are_the_encoders_and_encoded_once(fresh, tmp_path):
    assert [list(row) for row in qrmodules.qr_modules(TEXT)] == encoded(TEXT)
    qrmodules.qr_modules.cache_clear()                 # the next process
    assert [list(row) for row in qrmodules.qr_modules(TEXT)] == encoded(TEXT)
    assert fresh == [TEXT]


@pytest.mark.parametrize("damage", ["", "[\"01\", \"10\"", "[\"012\", \"101\", \"110\"]", "[\"01\", \"1\"]", "{}"])
def test_a_damaged_entry_is_encoded_again(fresh, tmp_path, damage):
    qrmodules.qr_modules(TEXT)
    (entry,) = (tmp_path / "cache" / "qr").iterdir()
    entry.write_text(damage, encoding="ascii")
    qrmodules.qr_modules.cache_clear()
    assert [list(row) for row in qrmodules.qr_modules(TEXT)] == encoded(TEXT)
    assert fresh == [TEXT, TEXT]


def test_dark_runs_cover_exactly_the_dark_modules(fresh):
    rows = encoded(TEXT)
    side = 60.0
    box = side / (len(rows) + 2 * qrmodules.QUIET)
    dark = set()
    for x, y, w, h in qrmodules.dark_runs(TEXT, side):
        assert h == pytest.approx(box)
        r = round((side - y) / box) - qrmodules.QUIET - 1
        c0 = round(x / box) - qrmodules.QUIET
        dark |= {(r, c) for c in range(c0, c0 + round(w / box))}
    assert dark == {(r, c) for r, row in enumerate(rows) for c, m in enumerate(row) if m}
