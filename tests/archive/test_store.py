"""Per-issue summaries kept in the cache folder (issue 15, item 5): a second look at an
unchanged issue lays nothing out; a changed issue file or source is laid out again; a
damaged entry is rebuilt, never trusted. A tiny issue of one .txt 通知 in a private cache."""
import gzip
import json
import os

import pytest

from editor.archive import store
from editor.archive.folder import last_issue, read_archive, summary_of
from editor.archive.summary import summary_from_dict, summary_to_dict

import small_issues
from small_issues import notice

NOTICE = notice("关于做好档案测试工作的通知", "济政办字〔2020〕3号")


def make_issue(folder, number: int, total: int, date: str, text: str = NOTICE):
    return small_issues.make_issue(folder, number, total, date, text)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "archive"


def summarised(path):
    """out: (summary, whether it was laid out now)."""
    laid = []
    summary = summary_of(path, lambda: laid.append(path))
    return summary, bool(laid)


def test_an_unchanged_issue_is_laid_out_once(tmp_path, cache):
    path = make_issue(tmp_path / "2020-10", 10, 320, "2020-05-20")
    first, laid = summarised(path)
    assert laid and len(list(cache.glob("*.json.gz"))) == 1
    again, laid = summarised(path)
    assert not laid and again == first
    (doc,) = first.documents
    assert (doc.title, doc.doc_number, doc.organs, doc.date) == (
        "关于做好档案测试工作的通知", "济政办字〔2020〕3号", ("济南市人民政府办公厅",), "2020-05-09")
    assert doc.page == 3                                       # after the cover and the 目录
    assert "现就做好档案测试工作有关事项通知如下" in doc.text


def test_a_changed_source_or_issue_file_is_laid_out_again(tmp_path, cache):
    path = make_issue(tmp_path / "2020-10", 10, 320, "2020-05-20")
    summarised(path)
    source = path.parent / "a.txt"
    source.write_text(NOTICE.replace("请认真贯彻执行。", "请认真贯彻执行，按时报送。"), encoding="utf-8")
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 10**9))
    summary, laid = summarised(path)
    assert laid and "按时报送" in summary.documents[0].text
    data = json.loads(path.read_text(encoding="utf-8"))
    data["issue"]["number"] = 11
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    summary, laid = summarised(path)
    assert laid and summary.number == 11


@pytest.mark.parametrize("damage", [b"not gzip at all", gzip.compress(b"{not json"),
                                    gzip.compress(b'{"key": 1}')])
def test_a_damaged_entry_is_rebuilt(tmp_path, cache, damage):
    path = make_issue(tmp_path / "2020-10", 10, 320, "2020-05-20")
    first, _ = summarised(path)
    (entry,) = cache.glob("*.json.gz")
    entry.write_bytes(damage)
    summary, laid = summarised(path)
    assert laid and summary == first


def test_an_entry_with_the_right_key_but_wrong_fields_is_not_trusted(tmp_path, cache):
    path = make_issue(tmp_path / "2020-10", 10, 320, "2020-05-20")
    first, _ = summarised(path)
    (entry,) = cache.glob("*.json.gz")
    data = json.loads(gzip.decompress(entry.read_bytes()))
    data["summary"]["documents"][0]["page"] = "三"
    entry.write_bytes(gzip.compress(json.dumps(data).encode()))
    summary, laid = summarised(path)
    assert laid and summary == first


def test_summaries_go_to_json_and_back_and_malformed_ones_are_refused(tmp_path, cache):
    summary, _ = summarised(make_issue(tmp_path / "2020-10", 10, 320, "2020-05-20"))
    data = json.loads(json.dumps(summary_to_dict(summary)))
    assert summary_from_dict(data) == summary
    for broken in ({**data, "year": True}, {k: v for k, v in data.items() if k != "total"},
                   {**data, "documents": [{**data["documents"][0], "organs": [3]}]}):
        with pytest.raises(ValueError):
            summary_from_dict(broken)


def test_the_cache_keeps_the_latest_entries_only(tmp_path, cache, monkeypatch):
    monkeypatch.setattr(store, "MAX_ENTRIES", 2)
    summary, _ = summarised(make_issue(tmp_path / "a", 10, 320, "2020-05-20"))
    for name in ("b", "c", "d"):
        store.save(tmp_path / name / "issue.json", "key", summary)
    assert len(list(cache.glob("*.json.gz"))) == 2


def test_the_archive_in_order_its_last_issue_and_an_unreadable_one(tmp_path, cache):
    folder = tmp_path / "公报"
    make_issue(folder / "2020" / "第11期", 11, 321, "2020-06-05")
    make_issue(folder / "2020-10", 10, 320, "2020-05-20")
    (folder / "坏的").mkdir()
    (folder / "坏的" / "issue.json").write_text("{", encoding="utf-8")
    told = []
    issues = read_archive(folder, lambda done, total, path: told.append((done, total)))
    assert [i.summary.number for i in issues if i.summary] == [10, 11]
    assert "已损坏" in issues[-1].problem and issues[-1].summary is None
    assert told == [(0, 3), (1, 3)]          # the two issues laid out, not the broken one
    assert last_issue(folder) == folder / "2020" / "第11期" / "issue.json"
    told.clear()
    read_archive(folder, lambda done, total, path: told.append(done))
    assert told == []
