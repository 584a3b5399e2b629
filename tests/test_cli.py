"""The headless commands as an editor's script would call them: exit codes and outputs."""
import json
import os
import subprocess
import sys

from testpaths import ROOT

SAMPLE = ROOT / "samples" / "jinan-2020-10" / "issue.json"


def run(*args, cwd=None, env=None):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True,
                          text=True, cwd=cwd or ROOT, env=env)


def test_import_prints_the_recognised_document_as_json():
    source = next((SAMPLE.parent / "docs").glob("03-*.docx"))
    r = run("import", source, "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["kind"] == "意见" and data["doc_number"] == "济政办发〔2020〕7号"
    assert data["blocks"][0]["kind"] == "title" and data["blocks"][0]["reason"]


def test_proof_lists_problems_and_exits_1_only_with_errors(tmp_path):
    r = run("proof", SAMPLE, "--json")
    assert r.returncode == 0, r.stderr
    problems = json.loads(r.stdout)
    assert {p["code"] for p in problems} >= {"halfwidth-punctuation", "font-substitute"}
    assert all(p["page"] is not None for p in problems if p["document"] is not None)
    (tmp_path / "a.txt").write_text("关于测试的通知\n各单位：\n　　这里有一个字𠀾没有字体。\n济南市人民政府\n2020年5月9日\n",
                                    encoding="utf-8")
    (tmp_path / "issue.json").write_text(json.dumps({
        "format": "gazette-issue", "version": 1, "issue": {"year": 2020, "number": 1},
        "sections": [{"name": "市政府文件", "documents": [{"source": "a.txt"}]}]}), encoding="utf-8")
    r = run("proof", tmp_path / "issue.json")
    assert r.returncode == 1
    assert "错误：第1篇" in r.stdout and "𠀾" in r.stdout


def test_start_without_a_display_builds_the_sample_headless(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    r = run(SAMPLE, cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "jinan-2020-10.pdf").stat().st_size > 100_000
    assert (tmp_path / "out" / "jinan-2020-10.docx").exists()
    assert "jinan-2020-10.pdf" in r.stdout


def test_new_issue_from_an_earlier_one_then_add_files_and_build(tmp_path):
    issue = tmp_path / "2020-11" / "issue.json"
    issue.parent.mkdir()
    r = run("new", issue, "--year", 2020, "--number", 11, "--total", 321, "--date", "2020-06-05",
            "--like", SAMPLE, "--section", "【市政府令】")
    assert r.returncode == 0, r.stderr
    data = json.loads(issue.read_text(encoding="utf-8"))
    assert data["issue"]["number"] == 11 and data["issue"]["publisher"] == "济南市人民政府公报编辑室"
    assert len(data["issue"]["intro"]) == 5
    assert [s["name"] for s in data["sections"]][-1] == "市政府令"
    assert all(s["documents"] == [] for s in data["sections"])
    assert run("new", issue, "--year", 2020, "--number", 12).returncode == 2     # never overwrites

    docs = sorted((SAMPLE.parent / "docs").glob("0[34]-*"))
    r = run("add", issue, *docs, "--section", "市政府办公厅文件")
    assert r.returncode == 0, r.stderr
    data = json.loads(issue.read_text(encoding="utf-8"))
    office = next(s for s in data["sections"] if s["name"] == "市政府办公厅文件")
    assert [(issue.parent / d["source"]).resolve() for d in office["documents"]] == [d.resolve() for d in docs]

    bad = tmp_path / "old.docx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    before = issue.read_bytes()
    r = run("add", issue, docs[0], bad, "--section", "市政府文件")
    assert r.returncode == 2 and "old.docx" in r.stderr and issue.read_bytes() == before

    r = run("build", issue, "--pdf", tmp_path / "out.pdf")
    assert r.returncode == 0, r.stderr
