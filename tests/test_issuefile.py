"""The issue file: round trip, atomic saves, clear errors for broken or unknown files."""
import json
import os
import subprocess
import sys

import pytest

from testpaths import ROOT
from editor.issuefile import IssueFileError, read_issue, write_issue
from editor.model import Correction, DocumentRef, Issue, Section


def sample_issue():
    return Issue(year=2020, number=10, total_number=320, date="2020-05-20", sponsor="济南市人民政府",
                 intro=["第一段。", "第二段。"], sections=[
                     Section("市政府文件", [DocumentRef("docs/a.docx", kind="通报",
                                                    corrections=[Correction(3, kind="heading", level=2),
                                                                 Correction(5, text="改正后的文字。")])]),
                     Section("市政府办公厅文件", [DocumentRef("docs/b.txt")])])


def test_round_trip_keeps_everything(tmp_path):
    path = tmp_path / "issue.json"
    write_issue(sample_issue(), path)
    again = read_issue(path)
    assert again == sample_issue()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "gazette-issue" and data["version"] == 2
    assert "济南市人民政府" in path.read_text(encoding="utf-8")   # human-readable, not \\u escapes


def test_the_issue_it_was_made_from_is_kept_and_old_files_lack_nothing(tmp_path):
    path = tmp_path / "issue.json"
    write_issue(sample_issue(), path)
    assert "previous_total" not in path.read_text(encoding="utf-8")   # an issue not made from one
    assert read_issue(path).previous_total == 0
    made = sample_issue()
    made.previous_total = 319
    write_issue(made, path)
    assert json.loads(path.read_text(encoding="utf-8"))["issue"]["previous_total"] == 319
    assert read_issue(path) == made


def test_a_failed_save_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "issue.json"
    write_issue(sample_issue(), path)
    before = path.read_bytes()
    changed = sample_issue()
    changed.year = 2021

    def boom(*a, **k):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_issue(changed, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["issue.json"]


@pytest.mark.parametrize("content, words", [
    ("{ this is not json", "已损坏"),
    (json.dumps({"format": "gazette-issue", "version": 99, "issue": {}, "sections": []}), "版本"),
    (json.dumps({"format": "something-else", "version": 1}), "不是公报期刊文件"),
    (json.dumps({"format": "gazette-issue", "version": 1, "issue": {"colour": "red"}}), "未知的期刊字段"),
    (json.dumps({"format": "gazette-issue", "version": 1, "issue": {},
                 "sections": [{"documents": []}]}), "不完整"),
])
def test_broken_or_unknown_files_give_a_clear_error_and_change_nothing(tmp_path, content, words):
    path = tmp_path / "issue.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(IssueFileError) as e:
        read_issue(path)
    assert words in str(e.value) and str(path) in str(e.value)
    assert path.read_text(encoding="utf-8") == content


def test_cli_build_of_a_broken_issue_exits_2_with_one_line_and_no_output(tmp_path):
    path = tmp_path / "issue.json"
    path.write_text("{ broken", encoding="utf-8")
    out = tmp_path / "out.pdf"
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "build", str(path), "--pdf", str(out)],
                       capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0 and "期刊文件已损坏" in r.stderr
    assert "Traceback" not in r.stderr
    assert not out.exists()


def test_cli_build_with_an_unreadable_document_names_it(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "old.doc.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    issue = Issue(year=2020, number=1, total_number=1,
                  sections=[Section("市政府文件", [DocumentRef("docs/old.doc.docx")])])
    write_issue(issue, tmp_path / "issue.json")
    out = tmp_path / "out.pdf"
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "build", str(tmp_path / "issue.json"),
                        "--pdf", str(out)], capture_output=True, text=True)
    assert r.returncode == 2 and "old.doc.docx" in r.stderr and "Traceback" not in r.stderr
    assert not out.exists()
