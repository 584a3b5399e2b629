"""The headless commands as an editor's script would call them: exit codes and outputs,
Chinese usage, help and errors."""
import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from pypdf import PdfReader

from testpaths import ROOT
from editor import cli
from editor.cli import command_parser

SAMPLE = ROOT / "samples" / "jinan-2020-10" / "issue.json"
# argparse's own English, which must never reach the editor
ENGLISH = re.compile(r"\b(usage|error|arguments?|invalid|expected|required|unrecognized|choose|options|"
                     r"show this help|No such file|Permission denied)\b", re.I)


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
    issue = tmp_path / "2020-11" / "issue.json"     # the folder does not exist yet: new makes it
    r = run("new", issue, "--year", 2020, "--number", 11, "--total", 321, "--date", "2020-06-05",
            "--like", SAMPLE, "--section", "【市政府令】")
    assert r.returncode == 0, r.stderr
    data = json.loads(issue.read_text(encoding="utf-8"))
    assert data["issue"]["number"] == 11 and data["issue"]["publisher"] == "济南市人民政府公报编辑室"
    assert len(data["issue"]["intro"]) == 5 and data["issue"]["previous_total"] == 320
    assert [s["name"] for s in data["sections"]][-1] == "市政府令"
    assert all(s["documents"] == [] for s in data["sections"])
    assert run("new", issue, "--year", 2020, "--number", 12).returncode == 2     # never overwrites

    docs = sorted((SAMPLE.parent / "docs").glob("0[34]-*"))
    r = run("add", issue, *docs, "--section", "市政府办公厅文件")
    assert r.returncode == 0, r.stderr
    data = json.loads(issue.read_text(encoding="utf-8"))
    office = next(s for s in data["sections"] if s["name"] == "市政府办公厅文件")
    assert [d["source"] for d in office["documents"]] == [f"docs/{d.name}" for d in docs]
    assert [(issue.parent / "docs" / d.name).read_bytes() for d in docs] == [d.read_bytes() for d in docs]

    bad = tmp_path / "old.docx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    other = tmp_path / "another.docx"
    shutil.copy(next((SAMPLE.parent / "docs").glob("05-*")), other)
    before = issue.read_bytes()
    r = run("add", issue, other, bad, "--section", "市政府文件")
    assert r.returncode == 2 and "old.docx" in r.stderr and issue.read_bytes() == before
    assert not (issue.parent / "docs" / "another.docx").exists()     # nothing copied either

    r = run("build", issue, "--pdf", tmp_path / "out.pdf")
    assert r.returncode == 0, r.stderr


def test_new_proposes_the_next_issue_from_the_one_it_follows(tmp_path):
    issue = tmp_path / "期刊" / "2020-11" / "issue.json"
    r = run("new", issue, "--like", SAMPLE)
    assert r.returncode == 0, r.stderr
    data = json.loads(issue.read_text(encoding="utf-8"))["issue"]
    assert (data["year"], data["number"], data["total_number"], data["date"]) == (2020, 11, 321, "2020-06-05")
    assert "2020年第11期" in r.stdout and "总第321期" in r.stdout


@pytest.mark.parametrize("args, words", [
    (["--year", 2020], "--number"),
    (["--year", 2020, "--number", 1, "--date", "6月5日"], "应写成 2020-06-05"),
    (["--year", 2020, "--number", 1, "--layout", "gbt9074"], "是不是要用 gbt9704"),
])
def test_new_refuses_what_it_cannot_make_and_writes_nothing(tmp_path, args, words):
    issue = tmp_path / "new" / "issue.json"
    r = run("new", issue, *args)
    assert r.returncode == 2 and words in r.stderr and "Traceback" not in r.stderr
    assert not issue.exists()


def test_add_refuses_a_file_already_in_the_issue(tmp_path):
    folder = tmp_path / "issue"
    shutil.copytree(SAMPLE.parent, folder)
    issue = folder / "issue.json"
    listed = next((folder / "docs").glob("03-*"))
    renamed = tmp_path / "养老服务意见（再次报送）.docx"      # the same bytes under another name
    shutil.copy(listed, renamed)
    before = issue.read_bytes()
    for file in (listed, renamed):
        r = run("add", issue, file, "--section", "市政府文件")
        assert r.returncode == 2 and "已在本期中" in r.stderr and listed.name in r.stderr
    fresh = tmp_path / "新来稿.txt"
    fresh.write_text("关于测试的通知\n各单位：\n　　现将有关事项通知如下。\n", encoding="utf-8")
    r = run("add", issue, fresh, tmp_path / "." / fresh.name, "--section", "市政府文件")   # twice in one call
    assert r.returncode == 2 and "同一个文件" in r.stderr
    assert issue.read_bytes() == before and sorted(p.name for p in (folder / "docs").iterdir()) == \
        sorted(p.name for p in (SAMPLE.parent / "docs").iterdir())


def test_an_issue_folder_moved_elsewhere_still_builds(tmp_path):
    received = tmp_path / "来稿"
    received.mkdir()
    for doc in sorted((SAMPLE.parent / "docs").glob("0[23]-*")):
        shutil.copy(doc, received)
    issue = tmp_path / "2020-11" / "issue.json"
    assert run("new", issue, "--year", 2020, "--number", 11, "--total", 321, "--date", "2020-06-05").returncode == 0
    r = run("add", issue, *sorted(received.iterdir()), "--section", "市政府文件")
    assert r.returncode == 0, r.stderr
    moved = tmp_path / "寄出" / "2020-11"
    shutil.move(issue.parent, moved)
    shutil.rmtree(received)
    r = run("build", moved / "issue.json", "--pdf", tmp_path / "moved.pdf")
    assert r.returncode == 0, r.stderr
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "moved.pdf").pages)
    assert "养老服务" in text.replace("\n", "")


def test_the_headless_start_names_the_issue_and_makes_out_only_once_it_has_loaded(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    broken = tmp_path / "broken" / "issue.json"
    broken.parent.mkdir()
    broken.write_text("{ broken", encoding="utf-8")
    r = run(broken, cwd=tmp_path, env=env)
    assert r.returncode == 2 and "期刊文件已损坏" in r.stderr and not (tmp_path / "out").exists()

    issue = tmp_path / "2020-11" / "issue.json"
    assert run("new", issue, "--like", SAMPLE).returncode == 0
    note = tmp_path / "2020-11" / "通知.txt"
    note.write_text("关于测试的通知\n各单位：\n　　现将有关事项通知如下。\n济南市人民政府\n2020年6月1日\n",
                    encoding="utf-8")
    assert run("add", issue, note, "--section", "市政府文件").returncode == 0
    r = run(issue, cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    assert "2020年第11期" in r.stdout and "总第321期" in r.stdout and "样刊" not in r.stdout
    assert (tmp_path / "out" / "2020-11.pdf").exists() and (tmp_path / "out" / "2020-11.docx").exists()


def test_help_lists_every_command_in_chinese():
    r = run("--help")
    assert r.returncode == 0 and r.stdout.startswith("用法：")
    listed = re.findall(r"^    (\w+)  ", r.stdout, re.M) + re.findall(r"^  (test) ", r.stdout, re.M)
    assert sorted(listed) == sorted([*command_parser().commands, "test"])
    assert not ENGLISH.search(r.stdout)


def test_a_misspelt_command_suggests_the_right_one():
    r = run("biuld", "期刊/issue.json")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "没有“biuld”这个命令" in r.stderr and "是不是要用 build" in r.stderr
    assert not ENGLISH.search(r.stderr)


@pytest.mark.parametrize("argv, words", [
    (["new", "x/issue.json", "--year", "二〇二〇"], "“二〇二〇”不是整数"),
    (["add", "issue.json"], "缺少必需的参数"),
    (["proof", "issue.json", "多余"], "无法识别的参数：多余"),
    (["build", "issue.json", "--pdf"], "--pdf：后面缺少一个值"),
    (["build", "issue.json", "--pd", "a.pdf", "--pdx"], "无法识别的参数"),
    (["--screenshot"], "--screenshot：后面缺少一个值"),
    (["build", "-h"], "显示本帮助并退出"),
    (["new", "--help"], "沿用"),
])
def test_usage_errors_and_help_are_chinese(capsys, argv, words):
    with pytest.raises(SystemExit):
        cli.run(argv)
    out = capsys.readouterr()
    text = out.out + out.err
    assert words in text and "用法：main.py" in text
    assert not ENGLISH.search(text), text


def test_operating_system_errors_are_told_in_chinese(tmp_path):
    r = run("proof", tmp_path / "没有这个文件.json")
    assert r.returncode == 2 and "没有这个文件.json" in r.stderr and "不存在" in r.stderr
    (tmp_path / "公报.pdf").mkdir()
    r = run("build", SAMPLE, "--pdf", tmp_path / "公报.pdf")
    assert r.returncode == 2 and "公报.pdf" in r.stderr and "文件夹" in r.stderr
    for err in (r.stderr, run("proof", tmp_path).stderr):
        assert err.count("\n") == 1 and not re.search(r"[A-Za-z]{4,}", err.replace(str(tmp_path), "")), err
