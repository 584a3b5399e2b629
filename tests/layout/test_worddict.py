"""jieba read one title at a time (worddict.py) cuts and tags exactly as the whole
dictionary does, organ names added or not; a damaged word index is made again."""
import pytest

from editor.layout import worddict

TITLES = [
    "济南市人民政府办公厅关于印发济南市全面提高政务服务水平的实施意见的通知",
    "济南市人民政府关于印发济南市老旧小区改造三年行动计划（2020—2022年）的通知",
    "在济南市第十七届人民代表大会第二次会议上的政府工作报告",
    "济南市人民政府关于表扬2019年度经济社会发展贡献突出企业的通报",
    "关于进一步加强建筑外立面管理促进城市高端品质提升的意见",
    "各区县人民政府，市政府各部门（单位）：现将《济南市建筑外立面管理办法》印发给你们。",
    "2020年5月12日 济南市住房和城乡建设局 济南市自然资源和规划局 abc 3.5%",
]
ORGANS = ("济南市人民政府", "济南市人民政府办公厅", "济南市住房和城乡建设局")


@pytest.fixture(scope="module")
def whole():
    """jieba with its whole dictionary, as titlebreak used it before worddict."""
    jieba = worddict._jieba()
    import jieba.posseg
    tokenizer = jieba.Tokenizer()          # the default dict.txt, read whole
    tokenizer.initialize()
    return jieba, jieba.posseg.POSTokenizer(tokenizer)


def _whole_cut(whole, text, extra):
    jieba, full = whole
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = dict(full.tokenizer.FREQ), full.tokenizer.total, True
    tagger = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    tagger.tokenizer, tagger.word_tag_tab = tokenizer, dict(full.word_tag_tab)
    for word in extra:
        tokenizer.add_word(word, tag="nt")
    return [tuple(p) for p in tagger.cut(text)]


@pytest.mark.parametrize("title", TITLES)
def test_a_title_is_cut_as_by_the_whole_dictionary(whole, title):
    extra = tuple(sorted(w for w in ORGANS if w in title))
    for words in ((), extra):
        got = [tuple(p) for p in worddict.pos_tokenizer(title, words).cut(title)]
        assert got == _whole_cut(whole, title, words)
        assert "".join(w for w, _ in got) == title


def test_an_organ_name_becomes_one_proper_noun():
    title = TITLES[0]
    got = [tuple(p) for p in worddict.pos_tokenizer(title, ("济南市人民政府办公厅",)).cut(title)]
    assert ("济南市人民政府办公厅", "nt") in got


def test_a_damaged_index_is_made_again(whole, tmp_path, monkeypatch):
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(worddict, "_index", None)
    path = worddict._index_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a database" * 100)
    title = TITLES[1]
    got = [tuple(p) for p in worddict.pos_tokenizer(title).cut(title)]
    assert got == _whole_cut(whole, title, ())
    assert path.read_bytes().startswith(b"SQLite format 3")
    monkeypatch.setattr(worddict, "_index", None)
