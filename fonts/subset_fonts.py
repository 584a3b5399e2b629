"""Rebuild the shipped fonts in fonts/ from the downloaded upstream packages.

in: paths (files or folders, searched recursively) holding the upstream .ttf files named in
SOURCES; out: one subset .ttf per upstream file found, written to --out (default: this
folder); exit status 1 when some upstream file was not found.
Each subset keeps what GBK encodes plus the punctuation, full-width and Latin-1 blocks,
keeps TrueType glyf outlines (reportlab cannot embed CFF), and drops hinting and OpenType
layout tables, which neither reportlab nor our layout engine reads.

    python fonts/subset_fonts.py /tmp/fontdl/serif /tmp/fontdl/sans /tmp/fontdl/wenkai

See fonts/README.md for where the packages come from.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

# upstream file name -> shipped file name
SOURCES = {
    "NotoSerifSC_400Regular.ttf": "NotoSerifSC-Regular.ttf",
    "NotoSerifSC_700Bold.ttf": "NotoSerifSC-Bold.ttf",
    "NotoSansSC_400Regular.ttf": "NotoSansSC-Regular.ttf",
    "LXGWWenKai-Regular.ttf": "WenKaiGBK-Regular.ttf",
}

# LXGW WenKai reserves the font names "LXGW" and "霞鹜" (OFL 1.1 §3): a subset is a
# Modified Version, so it ships under a name of its own. Noto reserves no names.
RENAMES = {
    "WenKaiGBK-Regular.ttf": {
        "family": "WenKai GBK", "family_zh": "文楷 GBK", "style": "Regular",
        "postscript": "WenKaiGBK-Regular",
    },
}
RENAMED_IDS = (1, 2, 3, 4, 6, 16, 17, 18, 21, 22, 25)

# Blocks kept whole on top of GBK: Latin-1, general punctuation, letterlike symbols and
# number forms (℃ № Ⅰ…), enclosed numbers (①…), CJK symbols and punctuation, full-width forms.
EXTRA_RANGES = [
    (0x0020, 0x00FF), (0x2000, 0x206F), (0x2100, 0x218F), (0x2460, 0x24FF),
    (0x3000, 0x303F), (0xFF00, 0xFFEF),
]

# Tables nobody downstream reads: OpenType layout, vertical metrics, baseline, style axes.
DROPPED_TABLES = ["GSUB", "GPOS", "GDEF", "BASE", "STAT", "vhea", "vmtx", "VORG", "JSTF",
                  "meta", "DSIG"]


def gbk_codepoints() -> set[int]:
    """out: every code point of the BMP that encodes in GBK (control characters excluded)."""
    found = set()
    for cp in range(0x20, 0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        try:
            chr(cp).encode("gbk")
        except UnicodeEncodeError:
            continue
        found.add(cp)
    return found


def wanted_codepoints() -> set[int]:
    """out: the code points every shipped font keeps (GBK plus EXTRA_RANGES)."""
    cps = gbk_codepoints()
    for lo, hi in EXTRA_RANGES:
        cps.update(range(lo, hi + 1))
    return cps


def subset_options() -> subset.Options:
    """out: fontTools subsetter options: no hinting, no layout features, all names kept."""
    opts = subset.Options()
    opts.hinting = False
    opts.layout_features = []
    opts.drop_tables = list(opts.drop_tables) + DROPPED_TABLES
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.name_legacy = True
    opts.notdef_outline = True
    opts.glyph_names = False
    opts.recalc_timestamp = False   # same input, same bytes
    return opts


def rename_font(font: TTFont, names: dict[str, str]) -> None:
    """in: a font and its new names (family, family_zh, style, postscript).
    out: the font's naming records replaced (Windows English and Chinese, Mac English)."""
    table = font["name"]
    for name_id in RENAMED_IDS:
        table.removeNames(nameID=name_id)
    full = f"{names['family']} {names['style']}"
    version = font["head"].fontRevision
    english = {1: names["family"], 2: names["style"], 4: full, 6: names["postscript"],
               3: f"{names['postscript']};{version:.3f};subset"}
    for name_id, text in english.items():
        table.setName(text, name_id, 3, 1, 0x409)
        table.setName(text, name_id, 1, 0, 0)
    table.setName(names["family_zh"], 1, 3, 1, 0x804)
    table.setName(names["style"], 2, 3, 1, 0x804)
    table.setName(f"{names['family_zh']} {names['style']}", 4, 3, 1, 0x804)


def subset_font(source: Path, target: Path, codepoints: set[int]) -> None:
    """in: an upstream TrueType font, the target path, the code points to keep.
    out: the subset font written to target (raises ValueError for a CFF source)."""
    font = TTFont(source, recalcTimestamp=False)
    if "glyf" not in font:
        raise ValueError(f"{source}: not a TrueType (glyf) font")
    subsetter = subset.Subsetter(options=subset_options())
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    if target.name in RENAMES:
        rename_font(font, RENAMES[target.name])
    font.save(target)


def find_sources(paths: list[Path]) -> dict[str, Path]:
    """in: files or folders; out: upstream file name -> path for each name in SOURCES."""
    found: dict[str, Path] = {}
    for path in paths:
        candidates = [path] if path.is_file() else sorted(path.rglob("*.ttf"))
        for candidate in candidates:
            if candidate.name in SOURCES:
                found.setdefault(candidate.name, candidate)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path, help="upstream font files or folders")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    args = parser.parse_args(argv)
    sources = find_sources(args.paths)
    codepoints = wanted_codepoints()
    for upstream, path in sources.items():
        target = args.out / SOURCES[upstream]
        subset_font(path, target, codepoints)
        print(f"{target}: {target.stat().st_size / 1e6:.2f} MB from {path}")
    missing = sorted(set(SOURCES) - set(sources))
    if missing:
        print("not found, not rebuilt: " + ", ".join(missing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
