"""Which font file serves each font role (正文 仿宋, 标题 小标宋, 黑体, 楷体 …).

in: roles as the layout spec names them, e.g. {"title": {"families": ["方正小标宋简体"],
"shipped": "NotoSerifSC-Bold.ttf"}}; out: one FontFace per role plus INFO diagnostics for
each role served by a shipped substitute. An installed office font wins; otherwise the free
font shipped in fonts/ is used. Pure Python and fontTools: no Qt, no reportlab.

Environment: GAZETTE_FONT_DIRS (os.pathsep-separated) adds font folders searched first;
GAZETTE_NO_SYSTEM_FONTS=1 skips the system folders; GAZETTE_CACHE_DIR moves the cache.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path


from ..model import Diagnostic, Severity

SHIPPED_DIR = Path(__file__).resolve().parents[2] / "fonts"
FALLBACK_SHIPPED = "NotoSerifSC-Regular.ttf"
FONT_SUFFIXES = {".ttf", ".ttc", ".otf", ".otc"}
INDEX_VERSION = 1
NAME_IDS = (1, 4, 6, 16)   # family, full name, PostScript name, typographic family

Faces = list[tuple[str, dict]]   # (path, face description) as installed_faces() gives

# How each role is named in a message; a role entry's "label" overrides.
ROLE_LABELS = {"body": "正文", "title": "标题", "hei": "黑体文字", "kai": "楷体文字",
               "song": "宋体文字", "bold": "加粗文字"}


@dataclass(frozen=True)
class FontFace:
    """One font serving one role. `path` is a TrueType-outline file unless `cff` is set
    (then call ensure_truetype before embedding); `index` selects the face in a .ttc."""
    role: str
    wanted: str          # the family asked for first
    name: str            # the family found (or the shipped font's full name)
    path: str
    index: int = 0
    substitute: bool = False
    cff: bool = False    # PostScript (CFF) outlines: reportlab cannot embed them as they are


def cache_dir() -> Path:
    """out: the per-user cache folder (GAZETTE_CACHE_DIR, else the platform's usual place)."""
    if os.environ.get("GAZETTE_CACHE_DIR"):
        return Path(os.environ["GAZETTE_CACHE_DIR"])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "gazette-editor" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "gazette-editor"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "gazette-editor"


def font_dirs() -> list[Path]:
    """out: folders to search, GAZETTE_FONT_DIRS first, then the system's (unless disabled)."""
    dirs = [Path(p) for p in os.environ.get("GAZETTE_FONT_DIRS", "").split(os.pathsep) if p]
    if os.environ.get("GAZETTE_NO_SYSTEM_FONTS", "") not in ("", "0"):
        return dirs
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
        return dirs + [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return dirs + [Path("/Library/Fonts"), home / "Library" / "Fonts",
                       Path("/System/Library/Fonts")]
    return dirs + [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                   home / ".fonts", home / ".local" / "share" / "fonts"]


def _normalise(name: str) -> str:
    # "Times New Roman" and "TimesNewRoman", "SimSun" and "simsun" are the same family.
    return "".join(name.split()).casefold()


def _describe_face(font: TTFont, index: int) -> dict | None:
    """in: one face of a font file; out: what the index keeps of it, None if unusable."""
    cff = "CFF " in font
    if not cff and "glyf" not in font:
        return None   # bitmap-only or CFF2 (variable PostScript): neither can be embedded
    names = set()
    for record in font["name"].names:
        if record.nameID in NAME_IDS:
            try:
                names.add(record.toUnicode().strip())
            except UnicodeDecodeError:
                continue
    os2 = font["OS/2"] if "OS/2" in font else None
    weight = os2.usWeightClass if os2 else 400
    fs_type = os2.fsType if os2 else 0
    mac_style = font["head"].macStyle
    return {"index": index, "names": sorted(n for n in names if n), "cff": cff,
            "weight": weight, "bold": bool(mac_style & 1) or weight >= 600,
            "italic": bool(mac_style & 2),
            # reportlab refuses these (restricted licence, or no subsetting allowed)
            "embeddable": not (fs_type == 0x0002 or fs_type & 0x0300)}


def _read_faces(path: Path) -> list[dict]:
    """in: a font file; out: a description of each usable face (empty if unreadable)."""
    from fontTools.ttLib import TTCollection, TTFont, TTLibError   # only for new or changed files
    try:
        if path.suffix.lower() in (".ttc", ".otc"):
            fonts = TTCollection(str(path), lazy=True).fonts
        else:
            fonts = [TTFont(str(path), lazy=True)]
        faces = [_describe_face(font, i) for i, font in enumerate(fonts)]
    except (TTLibError, OSError, KeyError, ValueError, AssertionError, EOFError):
        return []   # a broken file is simply not a candidate
    return [f for f in faces if f]


def _walk(dirs: list[Path]) -> dict[str, tuple[int, float]]:
    """in: folders; out: path -> (size, mtime) of every font file below them, in order."""
    found: dict[str, tuple[int, float]] = {}
    for top in dirs:
        if not top.is_dir():
            continue
        for root, subdirs, files in os.walk(top):
            subdirs.sort()
            for name in sorted(files):
                if Path(name).suffix.lower() not in FONT_SUFFIXES:
                    continue
                path = os.path.join(root, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                found.setdefault(path, (st.st_size, st.st_mtime))
    return found


def _load_index(path: Path) -> dict:
    return _read_versioned(path, "files")


def _save_index(path: Path, files: dict) -> None:
    _write_versioned(path, "files", files)


def _read_versioned(path: Path, field: str) -> dict:
    """`field` of a cache file written by _write_versioned; {} when the file is missing,
    unreadable, of another version or of the wrong shape."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != INDEX_VERSION:
        return {}
    found = data.get(field, {})
    return found if isinstance(found, dict) else {}


def _write_versioned(path: Path, field: str, value: dict) -> None:
    """Writes the file atomically; a read-only cache folder only costs speed."""
    from ..issuefile import write_atomic
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps({"version": INDEX_VERSION, field: value},
                                      ensure_ascii=False).encode("utf-8"), durable=False)
    except OSError:
        pass


def installed_faces() -> list[tuple[str, dict]]:
    """out: (path, face description) for every face in font_dirs(), in search order.
    Files are read only when new or changed (size and mtime), see the cached index."""
    index_path = cache_dir() / "fonts-index.json"
    cached = _load_index(index_path)
    files, changed = {}, False
    for path, (size, mtime) in _walk(font_dirs()).items():
        entry = cached.get(path)
        if not entry or entry.get("size") != size or entry.get("mtime") != mtime:
            entry = {"size": size, "mtime": mtime, "faces": _read_faces(Path(path))}
            changed = True
        files[path] = entry
    if changed or not index_path.exists():
        # keep other folders' entries (GAZETTE_FONT_DIRS varies), drop deleted files
        kept = {p: e for p, e in cached.items() if p not in files and os.path.exists(p)}
        _save_index(index_path, {**kept, **files})
    return [(path, face) for path, entry in files.items() for face in entry["faces"]]


def _style_rank(face: dict, bold: bool) -> float | None:
    """in: a face and the wanted style; out: lower is better, None if the face won't do.
    A bold role needs a bold face (no fake bold); a regular role takes a heavy face if
    the family has nothing else (display fonts like 小标宋 may declare a bold weight)."""
    if bold and not face["bold"]:
        return None
    rank = abs(face["weight"] - (700 if bold else 400))
    if face["bold"] and not bold:
        rank += 1000
    if face["italic"]:
        rank += 2000
    return rank


def _matches(family: str, bold: bool, faces: Faces) -> list[tuple[str, dict, str]]:
    """out: (path, face, name as written in the font) of the faces of `family`, best first."""
    wanted = _normalise(family)
    hits = []
    for order, (path, face) in enumerate(faces):
        names = [n for n in face["names"] if _normalise(n) == wanted]
        rank = _style_rank(face, bold)
        if names and rank is not None:
            hits.append((rank, order, path, face, names[0]))
    hits.sort(key=lambda h: (h[0], h[1]))
    return [(path, face, name) for _, _, path, face, name in hits]


def _find(families: list[str], bold: bool, faces: Faces) -> tuple[str, dict, str] | None:
    for family in families:
        for path, face, name in _matches(family, bold, faces):
            if face["embeddable"]:
                return path, face, name
    return None


def find_installed(families: list[str], bold: bool = False) -> tuple[str, int, str] | None:
    """in: family names in order of preference (any language: 仿宋_GB2312, FangSong…), and
    whether a bold face is wanted; out: (path, face index, name found) of the first family
    installed with an embeddable face of that style, or None."""
    found = _find(families, bold, installed_faces())
    return (found[0], found[1]["index"], found[2]) if found else None


def _not_embeddable(families: list[str], bold: bool, faces: Faces) -> str | None:
    """out: the first family installed only with faces whose licence forbids embedding."""
    for family in families:
        if _matches(family, bold, faces):
            return family
    return None


_full_names: dict | None = None     # path → [size, mtime_ns, full name], kept in the cache folder
NAMES_FILE = "font-names.json"


def _full_name(path: Path) -> str:
    """The font's full name, read once per file (and version of it) on this computer: a
    build of an unchanged issue then needs no font file opened before the PDF."""
    global _full_names
    st = path.stat()
    if _full_names is None:
        _full_names = _load_names(cache_dir() / NAMES_FILE)
    known = _full_names.get(str(path))
    if known and known[:2] == [st.st_size, st.st_mtime_ns]:
        return known[2]
    from fontTools.ttLib import TTFont
    font = TTFont(str(path), lazy=True)
    name = font["name"].getBestFullName() or path.stem
    _full_names[str(path)] = [st.st_size, st.st_mtime_ns, name]
    _write_versioned(cache_dir() / NAMES_FILE, "names", _full_names)
    return name


def _load_names(path: Path) -> dict:
    """A bad or foreign entry is no name: its font is read again."""
    return {p: v for p, v in _read_versioned(path, "names").items()
            if isinstance(v, list) and len(v) == 3 and all(isinstance(x, int) for x in v[:2])
            and isinstance(v[2], str)}


def _shipped_face(role: str, entry: dict, wanted: str) -> tuple[FontFace, Diagnostic | None]:
    """out: the role's shipped font, and an ERROR when that file is missing (the body
    font then stands in, so the document still prints)."""
    shipped = entry.get("shipped") or FALLBACK_SHIPPED
    path = SHIPPED_DIR / shipped
    problem = None
    if not path.is_file():
        problem = Diagnostic(Severity.ERROR, "font-missing",
                             f"缺少随程序提供的字体文件 fonts/{shipped}，"
                             f"{_label(role, entry)}暂用 {FALLBACK_SHIPPED} 代替")
        path = SHIPPED_DIR / FALLBACK_SHIPPED
        if not path.is_file():
            raise FileNotFoundError(f"缺少随程序提供的字体文件 {path}")
    face = FontFace(role=role, wanted=wanted, name=_full_name(path), path=str(path),
                    substitute=bool(wanted))
    return face, problem


def _label(role: str, entry: dict) -> str:
    return entry.get("label") or ROLE_LABELS.get(role, role)


def resolve_role(role: str, entry: dict,
                 faces: Faces | None = None) -> tuple[FontFace, list[Diagnostic]]:
    """in: a role name, its entry {"families": [...], "shipped": "x.ttf", "style":
    "bold"?, "label": "标题"?} and optionally installed_faces(); out: the face serving it
    and what goes wrong with it (a stand-in for a font simply not installed is told by
    resolve_fonts, once per stand-in)."""
    faces = installed_faces() if faces is None else faces
    families = list(entry.get("families", []))
    bold = entry.get("style") == "bold"
    wanted = families[0] if families else ""
    found = _find(families, bold, faces)
    if found:
        path, face, name = found
        return FontFace(role, wanted, name, path, face["index"], False, face["cff"]), []
    face, problem = _shipped_face(role, entry, wanted)
    diagnostics = [problem] if problem else []
    if not wanted:
        return face, diagnostics
    refused = _not_embeddable(families, bold, faces)
    if refused:
        message = (f"已安装“{refused}”，但其授权不允许嵌入 PDF，"
                   f"{_label(role, entry)}暂用 {face.name} 代替")
        diagnostics.append(Diagnostic(Severity.WARNING, "font-not-embeddable", message))
    return face, diagnostics


def resolve_fonts(roles: dict[str, dict]) -> tuple[dict[str, FontFace], list[Diagnostic]]:
    """in: role name -> entry (see resolve_role); out: role -> FontFace, and diagnostics:
    what went wrong, and one note per shipped stand-in naming the fonts it replaces and the
    roles it serves (Noto Serif SC for 宋体 and for Times New Roman: one line, not two)."""
    installed = installed_faces()
    faces: dict[str, FontFace] = {}
    diagnostics: list[Diagnostic] = []
    stand_ins: dict[str, list[str]] = {}       # stand-in's name → the roles it serves
    for role, entry in roles.items():
        faces[role], found = resolve_role(role, entry, installed)
        diagnostics.extend(found)
        if faces[role].substitute and not any(d.code == "font-not-embeddable" for d in found):
            stand_ins.setdefault(faces[role].name, []).append(role)
    for name, served in stand_ins.items():
        wanted = "、".join(dict.fromkeys(f"“{faces[r].wanted}”" for r in served))
        labels = "、".join(_label(r, roles[r]) for r in served)
        diagnostics.append(Diagnostic(Severity.INFO, "font-substitute",
                                      f"未安装{wanted}，{labels}暂用 {name} 代替"))
    return faces, diagnostics


def ensure_truetype(face: FontFace, chars: set[str]) -> FontFace:
    """in: a face and the characters a document uses; out: the face itself when it has
    TrueType outlines, else a face pointing at a cached TrueType subset of it (CFF
    outlines converted to quadratic glyf curves) that reportlab can embed."""
    if not face.cff:
        return face
    source = Path(face.path)
    st = source.stat()
    key = hashlib.sha256("\0".join([
        str(source.resolve()), str(st.st_size), repr(st.st_mtime), str(face.index),
        "".join(sorted(chars))]).encode("utf-8")).hexdigest()[:32]
    target = cache_dir() / "truetype" / f"{key}.ttf"
    if not target.is_file():
        from fontTools.ttLib import TTFont
        target.parent.mkdir(parents=True, exist_ok=True)
        font = TTFont(str(source), fontNumber=face.index)
        _subset(font, chars)
        cff_to_glyf(font)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        os.close(fd)
        font.save(tmp)
        os.replace(tmp, target)
    return replace(face, path=str(target), index=0, cff=False)


def _subset(font: TTFont, chars: set[str]) -> None:
    """Cuts the font down to `chars` first, so the conversion only touches used glyphs."""
    from fontTools.subset import Options, Subsetter   # slow to import; rarely needed
    options = Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.layout_features = []
    options.drop_tables = list(options.drop_tables) + ["GSUB", "GPOS", "GDEF", "BASE", "VORG"]
    subsetter = Subsetter(options=options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(font)


def cff_to_glyf(font: TTFont, max_err: float = 1.0) -> None:
    """in: a font with a CFF table; out: the same font with glyf/loca quadratic outlines
    (max_err in font units) and the CFF table removed. Cubic curves become quadratic ones;
    the contour direction is reversed, as TrueType winds the other way."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyphs[name] = pen.glyph()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                  "maxComponentElements", "maxPoints", "maxContours",
                  "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, field, 1 if field == "maxZones" else 0)
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 2.0   # keep the glyph names the CFF table carried
    post.extraNames = []
    post.mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"
