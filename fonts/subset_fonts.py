"""Rebuild the shipped fonts in fonts/ from the downloaded upstream packages.

in: paths (files or folders, searched recursively) holding the upstream .ttf/.otf files
named in SOURCES; out: one subset .ttf per upstream file found, written to --out (default:
this folder); exit status 1 when some upstream file was not found.
Each subset keeps what GBK encodes plus the punctuation, full-width and Latin-1 blocks,
has TrueType glyf outlines (reportlab cannot embed CFF: the Fandol faces' PostScript
outlines are converted, as editor/layout/fonts.py does for an installed CFF font), and
drops hinting and OpenType layout tables, which neither reportlab nor our layout engine reads.

    python fonts/subset_fonts.py /tmp/fontdl/serif /tmp/fontdl/sans /tmp/fontdl/fandol

See fonts/README.md for where the packages come from.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from editor.layout.fonts import cff_to_glyf  # noqa: E402  (the app's own conversion)

# upstream file name -> shipped file name
SOURCES = {
    "NotoSerifSC_400Regular.ttf": "NotoSerifSC-Regular.ttf",
    "NotoSerifSC_700Bold.ttf": "NotoSerifSC-Bold.ttf",
    "NotoSansSC_400Regular.ttf": "NotoSansSC-Regular.ttf",
    "FandolFang-Regular.otf": "FandolFang-Regular.ttf",
    "FandolKai-Regular.otf": "FandolKai-Regular.ttf",
}

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


def subset_font(source: Path, target: Path, codepoints: set[int]) -> None:
    """in: an upstream font (TrueType or CFF outlines), the target path, the code points to
    keep. out: the subset font written to target, with TrueType outlines."""
    font = TTFont(source, recalcTimestamp=False)
    if "glyf" not in font and "CFF " not in font:
        raise ValueError(f"{source}: neither TrueType nor CFF outlines")
    subsetter = subset.Subsetter(options=subset_options())
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    if "CFF " in font:
        cff_to_glyf(font)
        font["post"].formatType = 3.0     # no glyph names: nothing downstream reads them
    font.save(target)


def find_sources(paths: list[Path]) -> dict[str, Path]:
    """in: files or folders; out: upstream file name -> path for each name in SOURCES."""
    found: dict[str, Path] = {}
    for path in paths:
        candidates = [path] if path.is_file() else sorted(
            p for p in path.rglob("*") if p.suffix in (".ttf", ".otf"))
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
