"""校对 items marked 忽略: kept in the issue file by what they say about which block (not by
their row), so they stay ignored when the block moves and come back when its text changes;
`main.py proof` leaves them out as the app does; issue files without any still open."""
import json
import subprocess
import sys

from testpaths import ROOT
from editor.issuefile import issue_to_dict, read_issue, write_issue
from editor.pipeline import layout, load_issue
from editor.proof import check_issue
from editor.proofignore import ignore_key, split_ignored

NOTICE = "关于做好安全检查的通知\n各单位：\n{above}　　请于本月底前完成检查(含复查)工作。\n济南市人民政府\n2020年5月9日\n"
HALF = "halfwidth-punctuation"


def make_issue(tmp_path, above: str = "") -> None:
    (tmp_path / "a.txt").write_text(NOTICE.format(above=above), encoding="utf-8")
    (tmp_path / "issue.json").write_text(json.dumps({
        "format": "gazette-issue", "version": 1,
        "issue": {"year": 2020, "number": 1, "total_number": 1, "date": "2020-01-05"},
        "sections": [{"name": "市政府文件", "documents": [{"source": "a.txt"}]}]}), encoding="utf-8")


def problems(tmp_path):
    issue = load_issue(tmp_path / "issue.json")
    return issue, check_issue(layout(issue))


def test_an_ignored_problem_follows_its_block_and_returns_when_the_text_changes(tmp_path):
    make_issue(tmp_path)
    issue, diags = problems(tmp_path)
    half = next(d for d in diags if d.code == HALF)
    issue.ignored = [ignore_key(half, issue)]
    write_issue(issue, tmp_path / "issue.json")
    saved = read_issue(tmp_path / "issue.json")
    assert saved.ignored == issue.ignored and saved.ignored[0].source == "a.txt"

    make_issue(tmp_path, above="　　先说一句别的话。\n")          # a paragraph above it in the source
    data = issue_to_dict(saved)
    (tmp_path / "issue.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    issue, diags = problems(tmp_path)
    moved = next(d for d in diags if d.code == HALF)
    assert moved.block == half.block + 1
    listed, ignored = split_ignored(diags, issue, issue.ignored)
    assert ignored == [moved] and moved not in listed

    (tmp_path / "a.txt").write_text(NOTICE.format(above="").replace("月底", "月二十日"), encoding="utf-8")
    issue, diags = problems(tmp_path)
    listed, ignored = split_ignored(diags, issue, issue.ignored)
    assert ignored == [] and any(d.code == HALF for d in listed)     # a changed block: checked afresh


def test_proof_command_leaves_ignored_problems_out(tmp_path):
    make_issue(tmp_path)
    issue, diags = problems(tmp_path)
    shown = [d.message for d in diags if d.severity.value != "info"]
    issue.ignored = [ignore_key(d, issue) for d in diags if d.code == HALF]
    write_issue(issue, tmp_path / "issue.json")
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "proof", str(tmp_path / "issue.json")],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    half = next(d.message for d in diags if d.code == HALF)
    assert half in shown and half not in r.stdout
    assert f"另有 {len(issue.ignored)} 项已在校对中标记为忽略" in r.stdout


def test_an_issue_file_without_ignored_items_reads_and_writes_as_before():
    sample = ROOT / "samples" / "jinan-2020-10" / "issue.json"
    issue = read_issue(sample)
    assert issue.ignored == []
    assert issue_to_dict(issue) == json.loads(sample.read_text(encoding="utf-8"))
