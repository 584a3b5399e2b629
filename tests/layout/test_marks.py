"""—— and …… as one unbroken two-em mark (editor/layout/marks.py, setting.py, issue.py).
Pure: metrics are FixedMetrics, or FixedMetrics with the outlines of a face whose glyphs
do not join (the numbers are Noto Serif SC's and DejaVu Sans's, in em)."""
import pytest

from editor.layout.issue import _emit
from editor.layout.marks import joins, strokes, two_em_runs
from editor.layout.metrics import FixedMetrics
from editor.layout.pages import Page
from editor.layout.paginate import PlacedLine
from editor.layout.setting import Typesetter
from editor.layout.spec import Style, load_spec

ROLES = ("body", "title", "hei", "kai", "song", "bold", "latin")


class Outlines(FixedMetrics):
    """FixedMetrics whose dash and ellipsis have the given contour boxes."""

    def __init__(self, dash=None, ellipsis=None):
        self.outlines = {"—": dash, "…": ellipsis}

    def ink(self, ch):
        found = self.outlines.get(ch)
        return super().ink(ch) if found is None else found


NOTO_DASH = ((0.043, 0.242, 0.846, 0.293),)                  # 0.8 em long, low: a Latin dash
WENKAI_DASH = ((0.002, 0.349, 0.998, 0.41),)                 # fills its cell, centred
DEJAVU_ELLIPSIS = tuple((c - 0.05, 0.0, c + 0.05, 0.12) for c in (1 / 6, 1 / 2, 5 / 6))  # on the baseline
CRAMPED_ELLIPSIS = tuple((c - 0.05, 0.33, c + 0.05, 0.43) for c in (0.3, 0.5, 0.7))    # a gap at the join


def test_runs_of_two_or_more_dashes_or_ellipses():
    text = "——省会……2020—2022年，————，…"
    assert two_em_runs(text) == [(0, 2), (4, 6), (17, 21)]


@pytest.mark.parametrize("metrics, ch, joined", [
    (FixedMetrics(), "—", True), (FixedMetrics(), "…", True),
    (Outlines(dash=WENKAI_DASH), "—", True),
    (Outlines(dash=NOTO_DASH), "—", False),
    (Outlines(dash=((0.0, 0.24, 1.0, 0.29),)), "—", False),        # joins, but sits low
    (Outlines(ellipsis=DEJAVU_ELLIPSIS), "…", False),
    (Outlines(ellipsis=CRAMPED_ELLIPSIS), "…", False),
    (Outlines(dash=()), "—", False),                               # no glyph at all
])
def test_whether_a_face_joins_its_marks(metrics, ch, joined):
    assert joins(metrics, ch) is joined


def test_a_dash_run_is_one_rule_across_its_cells_on_the_middle_of_the_em_box():
    (rule,) = strokes(Outlines(dash=NOTO_DASH), "—", 2, cell=12.21, size=12.0)
    dx1, dx2, lift, width = rule
    assert dx1 == pytest.approx(0.04 * 12) and dx2 == pytest.approx(2 * 12.21 - 0.04 * 12)
    assert lift == pytest.approx((0.88 - 0.12) / 2 * 12)             # FixedMetrics' em box
    assert width == pytest.approx((0.293 - 0.242) * 12)              # the face's own dash weight


def test_an_ellipsis_run_is_six_dots_evenly_spaced_across_the_join():
    dots = strokes(Outlines(ellipsis=DEJAVU_ELLIPSIS), "…", 2, cell=15.79, size=16.0)
    assert len(dots) == 6
    centres = [(a + b) / 2 for a, b, _, _ in dots]
    assert [b - a for a, b in zip(centres, centres[1:])] == pytest.approx([15.79 / 3] * 5)
    assert centres[0] == pytest.approx(15.79 / 6) and centres[-1] == pytest.approx(2 * 15.79 - 15.79 / 6)
    assert {(round(b - a, 6), round(w, 6)) for a, b, _, w in dots} == {(round(0.12 * 16, 6),) * 2}


def set_text(metrics, text: str, layout: str = "jinan-gazette"):
    ts = Typesetter(load_spec(layout), {r: metrics for r in ROLES})
    return ts, ts.set_runs([(text, "body", ts.spec.size, 0.0)], Style(size=ts.spec.size, indent=2))


@pytest.mark.parametrize("layout", ["jinan-gazette", "gbt9704"])
def test_a_face_that_joins_draws_its_glyphs_one_em_apart_centred_in_two_cells(layout):
    ts, (line,) = set_text(FixedMetrics(), "字——字", layout)
    (seg,) = line.segments
    cell, size = ts.spec.size + ts.spec.tracking, ts.spec.size
    start, end = seg.xs[0] + cell, seg.xs[3]                      # the run's two cells
    assert end - start == pytest.approx(2 * cell)
    assert seg.xs[2] - seg.xs[1] == pytest.approx(size)           # the glyphs meet
    assert seg.xs[1] - start == pytest.approx(end - (seg.xs[2] + size))   # centred
    assert not seg.hidden and not line.rules


@pytest.mark.parametrize("text", ["——省会龙头加速扬起", "谨此……以上", "加速扬起——"])
def test_a_face_that_does_not_join_gets_strokes_over_hidden_glyphs(text):
    metrics = Outlines(dash=NOTO_DASH, ellipsis=CRAMPED_ELLIPSIS)
    ts, (line,) = set_text(metrics, text)
    assert "".join(s.text for s in line.segments) == text              # nothing lost
    (hidden,) = [s for s in line.segments if s.hidden]
    assert hidden.text in ("——", "……")
    assert hidden.rules == strokes(metrics, hidden.text[0], 2, ts.spec.size + ts.spec.tracking,
                                   ts.spec.size)
    assert all(not s.rules for s in line.segments if not s.hidden)


def test_the_page_gets_the_rule_at_the_middle_of_the_em_box_and_the_text_stays():
    ts, (line,) = set_text(Outlines(dash=NOTO_DASH), "字——字")
    page = Page(0, "body")
    _emit(page, [PlacedLine(line, 100.0)], left=50.0, top=80.0, doc=0)
    (hidden,) = [t for t in page.lines if t.hidden]
    assert hidden.text == "——"
    (rule,) = page.rules
    baseline = hidden.y
    assert rule.y1 == rule.y2 == pytest.approx(baseline - 0.38 * ts.spec.size)
    assert rule.x1 == pytest.approx(hidden.xs[0] + 0.04 * ts.spec.size)
    assert rule.x2 - rule.x1 == pytest.approx(2 * (ts.spec.size + ts.spec.tracking) - 0.08 * ts.spec.size)
    assert "".join(t.text for t in page.lines) == "字——字"
