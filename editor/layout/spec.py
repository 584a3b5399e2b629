"""Layout specs: layouts/NAME.toml → LayoutSpec (page geometry, grid, fonts, block styles).

in: a layout name or path; out: a frozen LayoutSpec with every length in PDF points.
Unknown names or malformed files raise SpecError with a Chinese message.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from .linebreak import SCHEMES

LAYOUTS_DIR = Path(__file__).resolve().parents[2] / "layouts"
MM = 72 / 25.4


def mm_to_pt(mm: float) -> float:
    return mm * MM


class SpecError(Exception):
    """A layout spec that cannot be used; str() is a Chinese message."""


@dataclass(frozen=True)
class Style:
    font: str = "body"         # font role
    size: float = 12.0         # pt
    align: str = "justify"     # justify | left | center | right | distribute
    indent: float = 2.0        # first-line indent, em
    left: float = 0.0          # left indent of every line, em
    right: float = 0.0         # right indent of every line, em
    space_before: float = 0.0  # grid lines
    space_after: float = 0.0   # grid lines
    leading: float = 0.0       # line pitch as a multiple of size; 0 = the grid's pitch
    new_page: bool = False     # start on a new page (unless right after an 附件 label)
    span: bool = False         # across all columns (a title block), not in one column


@dataclass(frozen=True)
class LayoutSpec:
    name: str
    title: str
    page_width: float
    page_height: float
    top: float
    bottom: float
    inner: float
    outer: float
    mirror: bool
    size: float                 # body size on the grid
    chars_per_line: int         # 0 = natural widths
    lines_per_page: int
    latin_gap_em: float
    columns: int = 1            # text columns of a body page
    gutter: float = 0.0         # pt between columns
    column_rule: bool = False   # a thin rule down the middle of each gutter
    avoid_lone_lines: bool = True   # keep a paragraph's first/last line from standing alone
    min_column_chars: int = 0   # a part with less text than this is set across the page
    fonts: dict = field(default_factory=dict)     # role → {"families": [...], "shipped": "..."}
    styles: dict = field(default_factory=dict)    # block style name → Style
    folio: dict = field(default_factory=dict)
    header: dict = field(default_factory=dict)
    toc: dict = field(default_factory=dict)
    issue: dict = field(default_factory=dict)
    annual: dict = field(default_factory=dict)    # the year's 总目录 (layout/annual.py)
    punctuation: str = "全角"    # punctuation width scheme: 全角 | 开明 (linebreak.SCHEMES)

    @property
    def measure(self) -> float:
        return self.page_width - self.inner - self.outer

    @property
    def column_measure(self) -> float:
        """Width of one text column (the whole measure on a one-column page)."""
        return (self.measure - self.gutter * (self.columns - 1)) / self.columns

    @property
    def text_height(self) -> float:
        return self.page_height - self.top - self.bottom

    @property
    def line_pitch(self) -> float:
        return self.text_height / self.lines_per_page

    @property
    def tracking(self) -> float:
        """Extra advance per character that puts exactly chars_per_line hanzi on a column line."""
        if not self.chars_per_line:
            return 0.0
        return self.column_measure / self.chars_per_line - self.size

    def left_margin(self, page_number: int) -> float:
        """Left edge of the type area on a page (1-based physical page number)."""
        if self.mirror and page_number % 2 == 0:
            return self.outer
        return self.inner

    def style(self, name: str) -> Style:
        return self.styles.get(name) or self.styles["default"]


_STYLE_KEYS = set(Style.__dataclass_fields__)


def _styles(raw: dict, where: str) -> dict[str, Style]:
    default = raw.get("default", {})
    out = {}
    for name, values in raw.items():
        unknown = set(values) - _STYLE_KEYS
        if unknown:
            raise SpecError(f"{where}：样式 {name} 含未知项 {', '.join(sorted(unknown))}")
        merged = dict(default)
        merged.update(values)
        out[name] = Style(**merged)
    if "default" not in out:
        out["default"] = Style()
    return out


def layout_titles() -> dict[str, str]:
    """out: each shipped layout's name → its Chinese title (the name when it has none or its
    file cannot be read), sorted by name — what a list of layouts shows the editor."""
    titles = {}
    for path in sorted(LAYOUTS_DIR.glob("*.toml")):
        try:
            titles[path.stem] = str(tomllib.loads(path.read_text(encoding="utf-8")).get("title", path.stem))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            titles[path.stem] = path.stem
    return titles


_specs: dict = {}     # (path, size, mtime) → LayoutSpec: the app lays out again on every edit


def load_spec(name_or_path: str) -> LayoutSpec:
    path = Path(name_or_path)
    if not path.suffix:
        path = LAYOUTS_DIR / f"{name_or_path}.toml"
    try:
        st = path.stat()
        key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    except OSError:
        return _read_spec(name_or_path, path)     # says what is wrong
    if key not in _specs:
        _specs[key] = _read_spec(name_or_path, path)
    return _specs[key]


def _read_spec(name_or_path: str, path: Path) -> LayoutSpec:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        known = "、".join(f"{name}（{title}）" for name, title in layout_titles().items())
        raise SpecError(f"找不到版式“{name_or_path}”（可用：{known}）") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise SpecError(f"{path}：版式文件格式有误（{e}）") from None
    try:
        page, grid = raw["page"], raw["grid"]
        cols = raw.get("columns", {})
        spec = LayoutSpec(
            name=raw["name"], title=raw.get("title", raw["name"]),
            page_width=mm_to_pt(page["width_mm"]), page_height=mm_to_pt(page["height_mm"]),
            top=mm_to_pt(page["top_mm"]), bottom=mm_to_pt(page["bottom_mm"]),
            inner=mm_to_pt(page["inner_mm"]), outer=mm_to_pt(page["outer_mm"]),
            mirror=bool(page.get("mirror", False)),
            size=float(grid["size_pt"]), chars_per_line=int(grid.get("chars_per_line", 0)),
            lines_per_page=int(grid["lines_per_page"]),
            latin_gap_em=float(grid.get("latin_gap_em", 0)),
            columns=int(cols.get("count", 1)), gutter=mm_to_pt(float(cols.get("gutter_mm", 0))),
            column_rule=bool(cols.get("rule", False)),
            avoid_lone_lines=bool(grid.get("avoid_lone_lines", True)),
            min_column_chars=int(cols.get("min_chars", 0)),
            fonts=raw["fonts"], styles=_styles(raw.get("styles", {}), str(path)),
            folio=raw.get("folio", {}), header=raw.get("header", {}), toc=raw.get("toc", {}),
            issue=raw.get("issue", {}), annual=raw.get("annual", {}),
        )
    except (KeyError, TypeError, ValueError) as e:
        raise SpecError(f"{path}：版式文件缺少或错写了必要项（{e}）") from None
    if spec.columns < 1 or spec.column_measure <= spec.size:
        raise SpecError(f"{path}：分栏设置不合理（{spec.columns} 栏，栏间距 {spec.gutter:.1f} pt）")
    return _with_punctuation(spec, raw["grid"], path)


def _with_punctuation(spec: LayoutSpec, grid: dict, path: Path) -> LayoutSpec:
    """The spec with its [grid] punctuation scheme, which must be one the line breaker knows."""
    scheme = grid.get("punctuation", "全角")
    if scheme not in SCHEMES:
        raise SpecError(f"{path}：标点宽度方案“{scheme}”不可用（可用：{'、'.join(SCHEMES)}）")
    return replace(spec, punctuation=scheme)
