"""Document blocks → set lines: titles, keep rules, 落款, 名单 in two columns, whole issues.
Pure: FixedMetrics (CJK 1 em, Latin 0.5 em), no font files."""
from dataclasses import replace

import pytest

from editor.layout.blocks import layout_blocks, signature_offsets, title_lines
from editor.layout.fonts import FontFace
from editor.layout.issue import layout_issue
from editor.layout.metrics import FixedMetrics
from editor.layout.setting import Typesetter
from editor.layout.spec import load_spec
from editor.model import Block, BlockKind as K, Document, DocumentRef, Issue, Section

ROLES = ("body", "title", "hei", "kai", "song", "bold")


@pytest.fixture
def ts():
    return Typesetter(load_spec("gbt9704"), {r: FixedMetrics() for r in ROLES})


def text_of(line):
    return "".join(s.text for s in line.segments)


def notice(body_paragraphs=3, title="济南市人民政府关于加强安全生产工作的通知"):
    blocks = [Block.of(K.TITLE, title), Block.of(K.DOC_NUMBER, "济政字〔2020〕1号"),
              Block.of(K.RECIPIENTS, "各区县人民政府，市政府各部门（单位）：")]
    blocks += [Block.of(K.PARAGRAPH, "各单位要高度重视安全生产工作，" * 6) for _ in range(body_paragraphs)]
    blocks += [Block.of(K.SIGNATURE, "济南市人民政府"), Block.of(K.DATE, "2020年5月9日"),
               Block.of(K.ISSUED, "（2020年5月9日印发）")]
    return Document(blocks)


def test_long_title_breaks_between_organs_and_before_guanyu():
    ts = Typesetter(load_spec("jinan-gazette"), {r: FixedMetrics() for r in ROLES})
    style = replace(ts.spec.style("title"), size=18)
    title = "济南市住房和城乡建设局 济南市自然资源和规划局 济南市生态环境局 济南市城市管理局关于印发《济南市建筑外立面管理办法》的通知"
    assert title_lines(ts, title, style, measure=26 * 18, issuer_apart=True) == [   # 26 a line
        "济南市住房和城乡建设局 济南市自然资源和规划局", "济南市生态环境局 济南市城市管理局",
        "关于印发《济南市建筑外立面管理办法》的通知"]
    assert title_lines(ts, "政府工作报告", style) == ["政府工作报告"]


def test_title_block_keeps_with_the_body(ts):
    lines = layout_blocks(notice(), 0, ts)
    kinds = [ln.block for ln in lines]
    title_and_number = [ln for ln in lines if ln.block in (0, 1, 2)]
    assert all(ln.keep_with_next for ln in title_and_number)
    assert kinds[0] == 0


def test_paragraph_first_and_next_to_last_lines_keep(ts):
    lines = [ln for ln in layout_blocks(notice(1), 0, ts) if ln.block == 3]
    assert len(lines) >= 3
    assert lines[0].keep_with_next and lines[-2].keep_with_next
    assert not lines[-1].keep_with_next or len(lines) == 2


def test_signature_and_date_per_gbt9704(ts):
    doc = Document([Block.of(K.SIGNATURE, "济南市住房和城乡建设局"), Block.of(K.SIGNATURE, "济南市生态环境局"),
                    Block.of(K.DATE, "2020年5月9日")])
    offsets = signature_offsets(ts, doc.blocks)
    em = ts.spec.size
    pitch = ts.spec.measure / 28
    # stacked organs share one left edge; the longest ends two characters in from the right
    assert offsets[0] == offsets[1]
    assert offsets[0] + 11 * (em + ts.spec.tracking) == pytest.approx(ts.spec.measure - 2 * em)
    assert offsets[2] == pytest.approx(offsets[0] + 2 * em)
    lines = layout_blocks(doc, 0, ts)
    assert lines[1].space_before == 0 and lines[0].space_before > 0
    assert pitch


def test_long_date_moves_the_signature_left(ts):
    doc = Document([Block.of(K.SIGNATURE, "市政府"), Block.of(K.DATE, "二〇二〇年十二月三十一日")])
    offsets = signature_offsets(ts, doc.blocks)
    em = ts.spec.size
    date_w = 12 * (em + ts.spec.tracking)
    assert offsets[1] + date_w == pytest.approx(ts.spec.measure - 2 * em)
    assert offsets[0] == pytest.approx(offsets[1] - 2 * em)


def test_short_list_items_pair_up_in_reading_order(ts):
    items = [Block.of(K.LIST_ITEM, f"{n}. 济南某某有限公司") for n in range(1, 8)]
    items.insert(3, Block.of(K.LIST_ITEM, "4. 一家名字非常非常长以至于半行放不下的股份有限公司济南分公司"))
    rows = layout_blocks(Document(items), 0, ts)
    texts = [text_of(r).replace(" ", "") for r in rows]
    assert texts[0] == "1.济南某某有限公司2.济南某某有限公司"
    assert texts[1].startswith("3.") and "4." not in texts[1]
    assert texts[2].startswith("4.一家名字")
    assert "".join(texts) == "".join(b.text for b in items).replace(" ", "")


def name_x(line, number_len):
    """x of the first character after the item's number on a line."""
    xs = [x for s in line.segments for x in s.xs]
    return xs[number_len]


def test_names_align_whatever_the_number_width_and_wrap_under_themselves(ts):
    items = [Block.of(K.LIST_ITEM, f"{n}. 济南某某有限公司") for n in range(8, 12)]
    items.append(Block.of(K.LIST_ITEM, "12. 一家名字非常非常长以至于一行放不下的股份有限公司济南市历下区分公司"))
    items.append(Block.of(K.LIST_ITEM, "13. 有明显污渍的；"))
    items.append(Block.of(K.LIST_ITEM, "14. 有严重变色的；"))
    rows = layout_blocks(Document(items), 0, ts)
    first = rows[0]
    assert name_x(first, 2) == pytest.approx(name_x(rows[1], 3))          # 8. and 10. (paired rows)
    long = [r for r in rows if r.block == 4]
    assert len(long) >= 2
    assert long[1].segments[0].xs[0] == pytest.approx(name_x(long[0], 3))  # wraps under the name
    clauses = [text_of(r) for r in rows if r.block in (5, 6)]
    assert len(clauses) == 2                                            # clauses never pair up


def test_issue_toc_numbers_follow_the_pagination():
    spec = load_spec("gbt9704")
    metrics = {r: FixedMetrics() for r in ROLES}
    faces = {r: FontFace(r, r, r, "x") for r in ROLES}
    docs = [notice(n) for n in (3, 40, 2)]
    issue = Issue(year=2020, number=1, total_number=1, sections=[
        Section("市政府文件", [DocumentRef("a", document=docs[0]), DocumentRef("b", document=docs[1])]),
        Section("市政府办公厅文件", [DocumentRef("c", document=docs[2])])])
    result = layout_issue(issue, spec, faces, metrics)
    starts = [p + 1 for p in result.doc_pages]
    assert starts[0] == 2 and starts[1] == starts[0] + 1 and starts[2] > starts[1] + 3
    toc_text = "".join(ln.text for p in result.pages if p.kind == "toc" for ln in p.lines)
    for n in starts:
        assert f"（{n}）" in toc_text
    # every body page carries its folio; the cover and the 目录 none
    assert all(p.folio == p.number for p in result.pages if p.kind == "body")


def test_pictures_keep_their_size_and_only_shrink_to_fit():
    import struct
    import zlib
    from editor.layout.tables import image_box

    def png(w, h):
        raw = b"".join(b"\0" + b"\xff\0\0" * w for _ in range(h))
        chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    small = Block(K.IMAGE, image=png(80, 40), image_size=(120.0, 60.0))
    assert image_box(small, 440, 600) == (120.0, 60.0)
    wide = Block(K.IMAGE, image=png(80, 40), image_size=(880.0, 440.0))
    assert image_box(wide, 440, 600) == pytest.approx((440.0, 220.0))
    tall = Block(K.IMAGE, image=png(80, 40), image_size=(400.0, 1200.0))
    assert image_box(tall, 440, 600) == pytest.approx((200.0, 600.0))
    unsized = Block(K.IMAGE, image=png(80, 40))
    assert image_box(unsized, 440, 600) == pytest.approx((60.0, 30.0))     # pixels at 96 dpi


def test_clauses_numbered_like_an_article_stand_one_to_a_line_however_short(ts):
    clauses = [Block.of(K.LIST_ITEM, f"（{n}）{word}") for n, word in zip("一二三四五六七", "机构职能 规范文件 发展规划 统计信息 "
                                                                                    "财政预算 行政许可 行政处罚".split())]
    names = [Block.of(K.LIST_ITEM, f"{n}. 济南某某有限公司") for n in range(1, 5)]
    rows = layout_blocks(Document([Block.of(K.PARAGRAPH, "第二条 行政机关应当主动公开下列信息：")] + clauses), 0, ts)
    items = [r for r in rows if r.block and r.block >= 1]
    assert [r.block for r in items] == list(range(1, 8))                # one line each, in order
    paired = layout_blocks(Document(names), 0, ts)
    assert len(paired) == 2                                             # a 名单 still pairs up


def test_a_note_under_the_date_never_opens_a_page_alone(ts):
    doc = notice(1)
    doc.blocks.insert(-1, Block.of(K.NOTE, "（此件公开发布）"))
    rows = layout_blocks(doc, 0, ts)
    date = [r for r in rows if r.block == len(doc.blocks) - 3]
    assert date[-1].keep_with_next


def test_a_date_line_and_the_speaker_under_a_title_are_centred():
    ts = Typesetter(load_spec("jinan-gazette"), {r: FixedMetrics() for r in ROLES})
    doc = Document([Block.of(K.TITLE, "在全市优化营商环境工作会议上的讲话"), Block.of(K.SUBTITLE, "（2018年1月2日）"),
                    Block.of(K.AUTHOR, "孙述涛"), Block.of(K.PARAGRAPH, "同志们：")])
    rows = layout_blocks(doc, 0, ts)
    for block in (1, 2):
        [line] = [r for r in rows if r.block == block]
        xs = [x for s in line.segments for x in s.xs]
        left, right = xs[0], xs[-1] + line.segments[-1].size
        assert left > 0 and (left + right) / 2 == pytest.approx(ts.spec.measure / 2, abs=1.0)
