"""Tables set as ruled rows: merged cells span the grid, pictures sit in their cells.
Pure: FixedMetrics (CJK 1 em), no font files."""
import struct
import zlib

import pytest

from editor.layout.metrics import FixedMetrics
from editor.layout.setting import Typesetter
from editor.layout.spec import load_spec
from editor.layout.tables import PAD, set_table, table_cells
from editor.model import Block, BlockKind as K, CellImage

ROLES = ("body", "title", "hei", "kai", "song", "bold")


@pytest.fixture
def ts():
    return Typesetter(load_spec("gbt9704"), {r: FixedMetrics() for r in ROLES})


def png(width, height):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\x00\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


FORM = Block(K.TABLE, rows=[["机构名称", "颐养中心", "", ""], ["基本情况", "床位数", "120张", ""],
                            ["", "入住人数", "96人", ""], ["申请金额", "28.8万元", "审核意见", "同意"]],
             spans=[(0, 1, 1, 3), (1, 0, 2, 1), (1, 3, 2, 1)],
             cell_images=[CellImage(1, 3, png(40, 40), (60.0, 60.0))])


def set_form(ts, block=FORM):
    return set_table(ts, block, 0, ts.spec.style("table"))


def verticals(line):
    return sorted({round(x1, 1) for x1, y1, x2, y2, *_ in line.rules if x1 == x2})


def horizontals_at(line, y):
    return sorted((round(x1, 1), round(x2, 1)) for x1, y1, x2, y2, *_ in line.rules if y1 == y2 == y)


def test_cells_merged_across_have_no_walls_inside(ts):
    rows = set_form(ts)
    colw = ts.measure / 4
    assert verticals(rows[0]) == [0.0, round(colw, 1), round(4 * colw, 1)]
    assert verticals(rows[3]) == [round(k * colw, 1) for k in range(5)]


def test_cells_merged_down_have_no_rule_under_their_first_row_and_keep_their_rows_together(ts):
    rows = set_form(ts)
    colw = ts.measure / 4
    under = horizontals_at(rows[1], rows[1].height)
    assert under == [(round(colw, 1), round(3 * colw, 1))]      # columns 0 and 3 run on into row 2
    assert rows[1].keep_with_next and not rows[2].keep_with_next
    assert horizontals_at(rows[2], rows[2].height) == [(0.0, round(4 * colw, 1))]


def test_a_merged_cell_prints_its_text_once_from_its_first_row(ts):
    rows = set_form(ts)
    texts = ["".join(s.text for s in r.segments) for r in rows]
    assert texts == ["机构名称颐养中心", "基本情况床位数120张", "入住人数96人", "申请金额28.8万元审核意见同意"]
    colw = ts.measure / 4
    name = next(s for s in rows[0].segments if s.text.startswith("颐"))
    assert name.xs[0] == pytest.approx(colw + PAD)


def test_a_picture_stays_in_its_cell_and_the_rows_it_spans_make_room_for_it(ts):
    rows = set_form(ts)
    colw = ts.measure / 4
    [(x, dy, w, h, data)] = rows[1].pictures
    assert data == FORM.cell_images[0].image and (w, h) == (pytest.approx(60.0), pytest.approx(60.0))
    assert 3 * colw <= x and x + w <= 4 * colw                  # centred in column 3
    assert rows[1].height + rows[2].height >= h + 2 * PAD        # the two rows hold the picture
    assert not [r for r in rows if r is not rows[1] and r.pictures]


def test_overlapping_merges_from_a_damaged_file_keep_the_first_and_lose_no_text():
    block = Block(K.TABLE, rows=[["甲", "乙"], ["丙", "丁"]], spans=[(0, 0, 2, 1), (0, 0, 1, 2), (1, 1, 5, 5)])
    rows, cells, owner = table_cells(block)
    assert [(c.row, c.col, c.rows, c.cols) for c in cells] == [(0, 0, 2, 1), (0, 1, 1, 1), (1, 1, 1, 1)]
    assert owner[(1, 0)] is owner[(0, 0)]


def test_a_table_without_merges_is_a_plain_grid(ts):
    block = Block(K.TABLE, rows=[["序号", "单位"], ["1", "市民政局"], ["2"]])
    rows = set_table(ts, block, 0, ts.spec.style("table"))
    assert len(rows) == 3 and all(verticals(r) == [0.0, round(ts.measure / 2, 1), round(ts.measure, 1)] for r in rows)
    assert not any(r.keep_with_next for r in rows)
