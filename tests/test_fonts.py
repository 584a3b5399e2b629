"""Shipped fonts, installed-font preference, CFF conversion and font metrics."""
from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.areaPen import AreaPen
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont as ReportlabTTFont
from reportlab.pdfgen import canvas

from editor.layout.fonts import (SHIPPED_DIR, FontFace, ensure_truetype, find_installed,
                                 resolve_fonts)
from editor.layout.metrics import FixedMetrics, FontMetrics
from editor.model import Severity

SHIPPED = ["NotoSerifSC-Regular.ttf", "NotoSerifSC-Bold.ttf", "NotoSansSC-Regular.ttf",
           "FandolFang-Regular.ttf", "FandolKai-Regular.ttf"]
ROLES = {
    "body": {"families": ["仿宋_GB2312", "FangSong_GB2312", "仿宋"],
             "shipped": "FandolFang-Regular.ttf"},
    "title": {"families": ["方正小标宋简体", "FZXiaoBiaoSong-B05S"],
              "shipped": "NotoSerifSC-Bold.ttf"},
    "hei": {"families": ["黑体", "SimHei"], "shipped": "NotoSansSC-Regular.ttf"},
    "kai": {"families": ["楷体_GB2312", "KaiTi"], "shipped": "FandolKai-Regular.ttf"},
    "song": {"families": ["宋体", "SimSun"], "shipped": "NotoSerifSC-Regular.ttf"},
    "bold": {"families": ["黑体", "SimHei"], "shipped": "NotoSerifSC-Bold.ttf"},
}
PUNCTUATION = "“”‘’（）《》〔〕【】——…… ；：，。、？！"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_0fbe94d9b63093d3.txt"


@pytest.fixture(autouse=True)
def no_system_fonts(tmp_path, monkeypatch):
    """Every test sees only the fonts it installs itself, and a cache of its own."""
    monkeypatch.setenv("GAZETTE_NO_SYSTEM_FONTS", "1")
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GAZETTE_FONT_DIRS", raising=False)


def install_dir(tmp_path, monkeypatch) -> Path:
    fonts = tmp_path / "installed"
    fonts.mkdir(exist_ok=True)
    monkeypatch.setenv("GAZETTE_FONT_DIRS", str(fonts))
    return fonts


def gb2312_hanzi() -> set[str]:
    """out: the 6763 hanzi of GB2312 (rows 16–87)."""
    found = set()
    for high in range(0xB0, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                found.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return found


def draw_box(pen, cubic: bool) -> None:
    """A counter-clockwise outline with one curved side (the PostScript direction)."""
    pen.moveTo((100, 0))
    pen.lineTo((900, 0))
    if cubic:
        pen.curveTo((1000, 250), (1000, 550), (900, 800))
    else:
        pen.qCurveTo((1000, 400), (900, 800))
    pen.lineTo((100, 800))
    pen.closePath()


def make_font(path: Path, family: str, *, cff: bool = False, weight: int = 400,
              fs_type: int = 0, zh_family: str = "", chars: str = "国家",
              ascent: int = 880, descent: int = -120) -> Path:
    """Writes a tiny font with one box glyph per character; out: its path."""
    names = [f"uni{ord(c):04X}" for c in chars]
    fb = FontBuilder(1000, isTTF=not cff)
    fb.setupGlyphOrder([".notdef"] + names)
    fb.setupCharacterMap({ord(c): n for c, n in zip(chars, names)})
    if cff:
        strings = {}
        for name in [".notdef"] + names:
            pen = T2CharStringPen(1000, None)
            draw_box(pen, cubic=True)
            strings[name] = pen.getCharString()
        fb.setupCFF(family.replace(" ", ""), {"FullName": family}, strings, {})
    else:
        glyphs = {}
        for name in [".notdef"] + names:
            pen = TTGlyphPen(None)
            draw_box(pen, cubic=False)
            glyphs[name] = pen.glyph()
        fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics({n: (1000, 100) for n in [".notdef"] + names})
    fb.setupHorizontalHeader(ascent=ascent, descent=descent)
    style = "Bold" if weight >= 600 else "Regular"
    family_names = {"en": family, "zh-CN": zh_family} if zh_family else family
    fb.setupNameTable({"familyName": family_names, "styleName": style})
    fb.setupOS2(sTypoAscender=ascent, sTypoDescender=descent, usWeightClass=weight, fsType=fs_type,
                fsSelection=0x20 if weight >= 600 else 0x40)
    fb.updateHead(macStyle=1 if weight >= 600 else 0)
    fb.setupPost()
    fb.save(str(path))
    return path


# --- the shipped fonts -------------------------------------------------------------------

@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_font_has_truetype_outlines_and_gb2312(name):
    font = TTFont(str(SHIPPED_DIR / name), lazy=True)
    assert "glyf" in font and "CFF " not in font
    cmap = font.getBestCmap()
    missing = [c for c in gb2312_hanzi() | set(PUNCTUATION) if ord(c) not in cmap]
    assert not missing, f"{name} lacks {''.join(sorted(missing)[:20])}"


@pytest.mark.parametrize("name", SHIPPED)
def test_reportlab_embeds_each_shipped_font(name):
    pdfmetrics.registerFont(ReportlabTTFont(f"test-{name}", str(SHIPPED_DIR / name)))
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.setFont(f"test-{name}", 16)
    page.drawString(50, 700, "关于印发《济南市规划》的通知〔2020〕20号：“一、”……")
    page.save()
    assert b"/FontFile2" in out.getvalue()


def test_licences_sit_beside_the_fonts():
    assert "Open Font License" in (SHIPPED_DIR / "OFL.txt").read_text(encoding="utf-8")
    fandol = (SHIPPED_DIR / "GPL-Fandol.txt").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in fandol and "embed this font" in fandol


@pytest.mark.skipif(not SEED.exists(), reason="shared seed issue not present")
def test_seed_text_is_covered_by_body_and_title_fonts():
    faces, _ = resolve_fonts(ROLES)
    text = set(SEED.read_text(encoding="utf-8")) - set("\n\r\t")
    for role in ("body", "title"):
        metrics = FontMetrics(faces[role])
        missing = sorted(c for c in text if not metrics.has(c))
        assert not missing, f"{role} lacks {''.join(missing)}"


# --- resolving roles ---------------------------------------------------------------------

def test_nothing_installed_uses_shipped_fonts_and_names_each_stand_in_once():
    faces, diagnostics = resolve_fonts(ROLES)
    assert set(faces) == set(ROLES)
    for role, face in faces.items():
        assert face.substitute and Path(face.path) == SHIPPED_DIR / ROLES[role]["shipped"]
        assert face.wanted == ROLES[role]["families"][0]
    stand_ins = {face.name for face in faces.values()}
    assert len(diagnostics) == len(stand_ins) == len({r["shipped"] for r in ROLES.values()})
    assert {d.code for d in diagnostics} == {"font-substitute"}
    assert all(d.severity == Severity.INFO for d in diagnostics)
    for name in stand_ins:
        assert sum(f"暂用 {name} 代替" in d.message for d in diagnostics) == 1
    messages = sorted(d.message for d in diagnostics)
    assert "未安装“方正小标宋简体”、“黑体”，标题、加粗文字暂用 Noto Serif SC Bold 代替" in messages
    assert "未安装“仿宋_GB2312”，正文暂用 FandolFang R 代替" in messages
    assert "未安装“楷体_GB2312”，楷体文字暂用 FandolKai 代替" in messages


def test_the_fangsong_and_kai_roles_get_real_fangsong_and_kai_faces():
    """Issue 10, item 8: no office fonts → 仿宋 and 楷体 in Fandol's faces, in both layouts,
    not Noto Serif and the handwriting-style WenKai."""
    from editor.layout.spec import load_spec
    for layout in ("jinan-gazette", "gbt9704"):
        faces, _ = resolve_fonts(load_spec(layout).fonts)
        assert Path(faces["body"].path).name == "FandolFang-Regular.ttf"
        assert Path(faces["kai"].path).name == "FandolKai-Regular.ttf"
        for role, family in (("body", "FandolFang"), ("kai", "FandolKai")):
            assert TTFont(faces[role].path, lazy=True)["name"].getDebugName(1).startswith(family)


def test_installed_font_wins_matched_by_its_chinese_name(tmp_path, monkeypatch):
    fonts = install_dir(tmp_path, monkeypatch)
    font = TTFont(str(SHIPPED_DIR / "NotoSansSC-Regular.ttf"), lazy=True)
    table = font["name"]
    for name_id in (1, 4, 6, 16):
        table.removeNames(nameID=name_id)
    table.setName("Office FangSong", 1, 3, 1, 0x409)
    table.setName("仿宋_GB2312", 1, 3, 1, 0x804)   # the name only the zh-CN record holds
    font.save(str(fonts / "fs.ttf"))
    faces, diagnostics = resolve_fonts(ROLES)
    body = faces["body"]
    assert (body.path, body.name, body.substitute) == (str(fonts / "fs.ttf"), "仿宋_GB2312", False)
    assert not any("仿宋_GB2312" in d.message for d in diagnostics)
    assert len(diagnostics) == len({r["shipped"] for r in ROLES.values()}) - 1
    assert faces["title"].substitute


def test_bold_role_takes_the_bold_face_and_regular_the_regular(tmp_path, monkeypatch):
    fonts = install_dir(tmp_path, monkeypatch)
    make_font(fonts / "a-bold.ttf", "Test Hei", weight=700)
    make_font(fonts / "b-regular.ttf", "Test Hei", weight=400)
    assert find_installed(["Test Hei"])[0] == str(fonts / "b-regular.ttf")
    assert find_installed(["testhei"], bold=True)[0] == str(fonts / "a-bold.ttf")
    assert find_installed(["No Such Face", "Test Hei"])[2] == "Test Hei"
    assert find_installed(["No Such Face"]) is None
    make_font(fonts / "c.ttf", "Only Regular", weight=400)
    assert find_installed(["Only Regular"], bold=True) is None   # no fake bold


def test_font_whose_licence_forbids_embedding_is_passed_over(tmp_path, monkeypatch):
    fonts = install_dir(tmp_path, monkeypatch)
    make_font(fonts / "locked.ttf", "Locked Song", zh_family="宋体", fs_type=0x0002)
    assert find_installed(["宋体"]) is None
    faces, diagnostics = resolve_fonts({"song": ROLES["song"]})
    assert faces["song"].substitute
    assert [d.code for d in diagnostics] == ["font-not-embeddable"]
    assert "宋体" in diagnostics[0].message


def test_index_is_cached_and_refreshed_when_a_file_changes(tmp_path, monkeypatch):
    fonts = install_dir(tmp_path, monkeypatch)
    path = make_font(fonts / "k.ttf", "Test Kai", zh_family="楷体_GB2312")
    assert find_installed(["楷体_GB2312"])[0] == str(path)
    index_path = tmp_path / "cache" / "fonts-index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    index["files"][str(path)]["faces"][0]["names"] = ["Only In Cache"]
    index_path.write_text(json.dumps(index), encoding="utf-8")
    # same size and mtime: the cached names are trusted, the file is not read again
    assert find_installed(["Only In Cache"])[0] == str(path)
    os.utime(path, (1_000_000, 1_000_000))
    assert find_installed(["Only In Cache"]) is None
    assert find_installed(["楷体_GB2312"])[0] == str(path)


# --- CFF (PostScript outline) fonts ------------------------------------------------------

def test_cff_font_is_converted_to_truetype_with_the_same_cmap(tmp_path, monkeypatch):
    fonts = install_dir(tmp_path, monkeypatch)
    source = make_font(fonts / "xbs.otf", "Test XBS", cff=True, zh_family="方正小标宋简体")
    faces, diagnostics = resolve_fonts({"title": ROLES["title"]})
    face = faces["title"]
    assert (face.cff, face.substitute, diagnostics) == (True, False, [])
    converted = ensure_truetype(face, {"国", "家"})
    assert not converted.cff and converted.path != face.path
    original, result = TTFont(str(source)), TTFont(converted.path)
    assert "glyf" in result and "CFF " not in result
    assert result.getBestCmap() == original.getBestCmap()
    for ch in "国家":
        glyph_name = result.getBestCmap()[ord(ch)]
        before, after = BoundsPen(None), BoundsPen(None)
        original.getGlyphSet()[original.getBestCmap()[ord(ch)]].draw(before)
        result.getGlyphSet()[glyph_name].draw(after)
        assert after.bounds == pytest.approx(before.bounds, abs=2)
        area = AreaPen()
        result.getGlyphSet()[glyph_name].draw(area)
        assert area.value < 0   # clockwise, as TrueType wants
    pdfmetrics.registerFont(ReportlabTTFont("test-converted", converted.path))
    # a second request for the same characters reuses the cached file
    mtime = os.stat(converted.path).st_mtime_ns
    assert ensure_truetype(face, {"家", "国"}).path == converted.path
    assert os.stat(converted.path).st_mtime_ns == mtime


def test_truetype_face_needs_no_conversion():
    face = FontFace("body", "仿宋", "Noto Serif SC", str(SHIPPED_DIR / SHIPPED[0]))
    assert ensure_truetype(face, {"国"}) is face


# --- metrics -----------------------------------------------------------------------------

def test_font_metrics_of_a_shipped_font():
    faces, _ = resolve_fonts(ROLES)
    body = FontMetrics(faces["body"])
    assert body.advance("国") == 1.0 and body.advance("，") == 1.0
    assert 0.3 < body.advance("A") < 0.9
    assert body.has("国") and not body.has("𠀀")   # CJK Ext-B: outside the subset
    assert (body.ascent, body.descent) == (0.88, 0.12)
    assert body.name == faces["body"].name


def test_font_metrics_reads_the_font_units(tmp_path, monkeypatch):
    path = make_font(tmp_path / "m.ttf", "Metric Test", chars="国")
    metrics = FontMetrics(FontFace("body", "", "Metric Test", str(path)))
    assert metrics.advance("国") == 1.0 and metrics.has("国") and not metrics.has("家")


@pytest.mark.parametrize("name, dash_joins, dots_join", [
    ("NotoSerifSC-Regular.ttf", False, True), ("NotoSerifSC-Bold.ttf", False, True),
    ("NotoSansSC-Regular.ttf", False, True), ("FandolFang-Regular.ttf", True, False),
    ("FandolKai-Regular.ttf", False, False)])
def test_which_shipped_faces_draw_dashes_and_ellipses_whole(name, dash_joins, dots_join):
    """Noto's U+2014 is a Latin dash (0.8 em long, low): —— is ruled in those faces;
    FandolFang's fills its cell on the middle, FandolKai's sits a little off it. Noto's
    ellipsis has three dots a third of an em apart; Fandol's leave a wider gap at the
    join, so …… is drawn as six even dots over them."""
    from editor.layout.marks import joins
    metrics = FontMetrics(FontFace("body", "", name, str(SHIPPED_DIR / name)))
    assert joins(metrics, "—") is dash_joins
    assert joins(metrics, "…") is dots_join
    dots = metrics.ink("…")
    assert len(dots) == 3 and all(0.08 < x1 - x0 < 0.15 for x0, _, x1, _ in dots)


@pytest.mark.parametrize("cff", [False, True])
def test_font_metrics_reads_the_outlines_of_dashes_and_ellipses(tmp_path, cff):
    path = make_font(tmp_path / "ink.otf", "Ink Test", cff=cff, chars="—国")
    metrics = FontMetrics(FontFace("body", "", "Ink Test", str(path), cff=cff))
    ((x0, y0, x1, y1),) = metrics.ink("—")               # draw_box: 100..1000 × 0..800 units
    assert (x0, y0, y1) == (0.1, 0.0, 0.8) and 0.9 < x1 <= 1.0   # the curved side bulges out
    assert metrics.ink("…") is None                       # not in the font


def test_fixed_metrics():
    fixed = FixedMetrics()
    assert [fixed.advance(c) for c in "国，A1“"] == [1.0, 1.0, 0.5, 0.5, 1.0]
    assert fixed.has("𠀀")


def test_body_digits_and_latin_take_an_installed_times_new_roman(tmp_path, monkeypatch):
    from editor.layout.setting import Typesetter
    from editor.layout.spec import load_spec
    make_font(install_dir(tmp_path, monkeypatch) / "times.ttf", "Times New Roman", chars="0123456789PM.")
    spec = load_spec("gbt9704")
    faces, diagnostics = resolve_fonts(spec.fonts)
    assert faces["latin"].name == "Times New Roman" and not faces["latin"].substitute
    assert not [d for d in diagnostics if "Times New Roman" in d.message]
    ts = Typesetter(spec, {role: FontMetrics(face) for role, face in faces.items()})
    body = spec.style("default")
    [line] = ts.set_runs([("共2020户", "body", body.size, 0.0)], body)
    assert [(s.text, s.font) for s in line.segments] == [("共", "body"), ("2020", "latin"), ("户", "body")]
    [head] = ts.set_runs([("一、2020年", "hei", body.size, 0.0)], spec.style("heading1"))
    assert {s.font for s in head.segments} == {"hei"}       # headings keep their own face


def test_a_fonts_full_name_is_read_once_per_file_version(tmp_path, monkeypatch):
    import editor.layout.fonts as fonts
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))
    path = SHIPPED_DIR / "FandolKai-Regular.ttf"
    real = TTFont(str(path), lazy=True)["name"].getBestFullName()
    names = tmp_path / "cache" / fonts.NAMES_FILE
    monkeypatch.setattr(fonts, "_full_names", None)
    assert fonts._full_name(path) == real
    st = path.stat()
    assert json.loads(names.read_text(encoding="utf-8"))["names"][str(path)] == [st.st_size, st.st_mtime_ns, real]
    # an entry for this very file is believed without opening the font…
    names.write_text(json.dumps({"version": fonts.INDEX_VERSION,
                                 "names": {str(path): [st.st_size, st.st_mtime_ns, "记住的名字"]}}), encoding="utf-8")
    monkeypatch.setattr(fonts, "_full_names", None)
    assert fonts._full_name(path) == "记住的名字"
    # …one for another version of the file, or a damaged file, is not
    for text in (json.dumps({"version": fonts.INDEX_VERSION, "names": {str(path): [1, 2, "旧版本"]}}),
                 "{\"version\": 1, \"names\": {\"x\": 5}", json.dumps({"version": 1, "names": [1]})):
        names.write_text(text, encoding="utf-8")
        monkeypatch.setattr(fonts, "_full_names", None)
        assert fonts._full_name(path) == real


@pytest.mark.parametrize("name", SHIPPED)
def test_metrics_read_in_bulk_are_fonttools_metrics(name):
    from editor.layout.metrics import _read_tables, _tables_by_fonttools
    path = str(SHIPPED_DIR / name)
    bulk = _read_tables(path, 0)
    assert bulk == _tables_by_fonttools(path, 0)
    assert len(bulk.advances) > 8000 and bulk.inks and set(bulk.inks) <= {ord(c) for c in "—―…⋯"}


@pytest.mark.parametrize("chars, supplementary", [("公报AB 1—…", False), ("公报\U00020000A—", True)])
def test_a_small_font_reads_the_same_in_either_cmap_format(tmp_path, chars, supplementary):
    from editor.layout.metrics import _read_tables, _tables_by_fonttools
    from tinyfonts import tiny_font
    path = tmp_path / "tiny.ttf"
    path.write_bytes(tiny_font(chars, supplementary))
    assert _read_tables(str(path), 0) == _tables_by_fonttools(str(path), 0)
    assert ord("—") in _read_tables(str(path), 0).inks
