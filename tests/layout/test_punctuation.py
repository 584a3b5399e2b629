"""The layout's punctuation scheme: from [grid] punctuation in layouts/*.toml to set lines.
Pure: FixedMetrics (CJK 1 em, Latin 0.5 em), no font files."""
import pytest

from editor.layout.metrics import FixedMetrics
from editor.layout.setting import Typesetter
from editor.layout.spec import LAYOUTS_DIR, SpecError, Style, load_spec

ROLES = ("body", "title", "hei", "kai", "song", "bold", "latin")


def spec_with(tmp_path, name: str, scheme: str | None):
    """A copy of a shipped layout whose [grid] names `scheme` (or none at all)."""
    text = (LAYOUTS_DIR / f"{name}.toml").read_text(encoding="utf-8")
    line = 'punctuation = "全角"'
    assert text.count(line) == 1
    text = text.replace(line, f'punctuation = "{scheme}"' if scheme else "")
    path = tmp_path / f"{name}-{scheme}.toml"
    path.write_text(text, encoding="utf-8")
    return load_spec(str(path))


@pytest.mark.parametrize("name", ["jinan-gazette", "gbt9704"])
def test_shipped_layouts_set_every_mark_one_em(name):
    assert load_spec(name).punctuation == "全角"


def test_a_layout_without_the_key_is_quanjiao(tmp_path):
    assert spec_with(tmp_path, "gbt9704", None).punctuation == "全角"


def test_an_unknown_scheme_names_the_file_and_the_choices(tmp_path):
    with pytest.raises(SpecError) as err:
        spec_with(tmp_path, "gbt9704", "半角")
    message = str(err.value)
    assert "gbt9704-半角.toml" in message and "半角" in message
    assert "全角" in message and "开明" in message


def lone_mark_widths(spec, text: str) -> dict[str, set[float]]:
    """Text set as a body paragraph; per mark standing between two Han characters, its
    step to the next glyph less the Han pitch of its line (a justified line adds the same
    to every gap), rounded to 0.001 pt."""
    ts = Typesetter(spec, {r: FixedMetrics() for r in ROLES})
    out: dict[str, set[float]] = {}
    for line in ts.set_runs([(text, "body", spec.size, 0.0)], Style(size=spec.size, indent=2)):
        (seg,) = line.segments
        steps = [b - a for a, b in zip(seg.xs, seg.xs[1:])]
        han = {round(st, 3) for st, a, b in zip(steps, seg.text, seg.text[1:])
               if a in HAN and b in HAN}
        assert len(han) == 1                    # the line's pitch, the same in every gap
        pitch = han.pop()
        for i in range(1, len(seg.text) - 1):
            if seg.text[i - 1] in HAN and seg.text[i + 1] in HAN and seg.text[i] not in HAN:
                out.setdefault(seg.text[i], set()).add(round(steps[i] - pitch, 3))
    return out


PARAGRAPH = ("各区县人民政府，市政府各部门：为加快推进养老服务发展，现提出以下实施意见。"
             "坚持政府主导、社会参与、市场运作，推动养老服务高质量发展；完善居家社区机构"
             "相协调的养老服务体系，满足老年人多层次、多样化需求。") * 6
HAN = set(PARAGRAPH) - set("，、；：。")


@pytest.mark.parametrize("name", ["jinan-gazette", "gbt9704"])
def test_quanjiao_marks_keep_one_width_on_every_line(name):
    widths = lone_mark_widths(load_spec(name), PARAGRAPH)
    assert set(widths) == set("，、；：。")
    assert all(w == {0.0} for w in widths.values()), widths


@pytest.mark.parametrize("name", ["jinan-gazette", "gbt9704"])
def test_kaiming_sets_pause_marks_half_and_full_stops_whole(tmp_path, name):
    spec = spec_with(tmp_path, name, "开明")
    widths = lone_mark_widths(spec, PARAGRAPH)
    pitch = spec.size + spec.tracking
    half = round(-min(pitch - spec.size / 2, spec.size / 2), 3)   # the em box's blank half
    assert widths == {"，": {half}, "、": {half}, "；": {half}, "：": {half}, "。": {0.0}}
