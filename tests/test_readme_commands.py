"""Every command of README's command-line table runs as written there, in order, on a fresh
folder laid out as an editor's desk: last issue in 2020-10/, received files in 来稿/, an
issue in 期刊/, one received file as 文件.docx. Only `python3` becomes this venv's python."""
import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from testpaths import ROOT

SAMPLE_DIR = ROOT / "samples" / "jinan-2020-10"
A4 = (595.3, 841.9)   # points
pytestmark = pytest.mark.slow


def readme_table() -> list[tuple[str, str]]:
    """out: (what, command) for each row of the table under 编辑部日常用法（命令行）."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## 编辑部日常用法（命令行）", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        command = re.match(r"`([^`]+)`", cells[-1]) if len(cells) == 2 else None
        if command:
            rows.append((cells[0] + cells[1][command.end():], command.group(1)))
    return rows


@pytest.fixture
def desk(tmp_path) -> Path:
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "main.py").symlink_to(ROOT / "main.py")   # "python3 main.py" as in the project folder
    shutil.copytree(SAMPLE_DIR, desk / "2020-10")
    shutil.copytree(SAMPLE_DIR, desk / "期刊")
    (desk / "来稿").mkdir()
    for doc in sorted((SAMPLE_DIR / "docs").glob("0[35]-*.docx")):
        shutil.copy(doc, desk / "来稿")
    shutil.copy(next((SAMPLE_DIR / "docs").glob("07-*.docx")), desk / "文件.docx")
    return desk


def option(command: list[str], name: str) -> str | None:
    return command[command.index(name) + 1] if name in command else None


def check_outputs(desk: Path, words: list[str], stdout: str) -> None:
    """What each command should have left behind, read back from the files it wrote."""
    command = words[2]
    if command == "new":
        data = json.loads((desk / words[3]).read_text(encoding="utf-8"))
        assert data["issue"]["number"] == int(option(words, "--number")) and data["sections"]
    elif command == "add":
        data = json.loads((desk / words[3]).read_text(encoding="utf-8"))
        section = next(s for s in data["sections"] if s["name"] == option(words, "--section"))
        received = sorted(p.name for p in (desk / "来稿").glob("*.docx"))
        assert sorted(Path(d["source"]).name for d in section["documents"]) == received
        assert all((desk / words[3]).parent.joinpath(d["source"]).is_file() for d in section["documents"])
    elif command == "build":
        if option(words, "--web"):
            assert "目录" in (desk / option(words, "--web") / "index.html").read_text(encoding="utf-8")
        if "--cover-separate" in words:
            pdf = desk / option(words, "--pdf")
            assert len(PdfReader(pdf.with_name(f"{pdf.stem}-封面.pdf")).pages) == 2
        for flag in ("--pdf", "--docx"):
            if option(words, flag):
                assert (desk / option(words, flag)).stat().st_size > 10_000, flag
        if option(words, "--pdf"):
            pages = PdfReader(desk / option(words, "--pdf")).pages
            width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
            if "--print" in words:   # 3 mm bleed on every side
                assert width > A4[0] + 10 and height > A4[1] + 10
            else:
                assert abs(width - A4[0]) < 1 and abs(height - A4[1]) < 1
            assert len(pages) > 10
    elif command == "import":
        assert json.loads(stdout)["title"]
    elif command == "archive":     # the desk's three issues: 2020-10, 期刊 (also 第10期), 2020-11
        assert "3 期" in stdout and "第10期有两期" in stdout
    elif command == "find":
        assert "2020年第10期（总第320期）" in stdout and "共找到" in stdout
    elif command == "annual":
        pdf = PdfReader(desk / option(words, "--pdf"))
        text = "".join(page.extract_text() for page in pdf.pages)
        assert "2020年总目录" in text and ("--append" in words) == (len(pdf.pages) > 10)
        if option(words, "--docx"):
            assert (desk / option(words, "--docx")).stat().st_size > 10_000


def test_readme_lists_the_commands():
    commands = [c.split()[2] for _what, c in readme_table()]
    assert commands[:2] == ["new", "add"]
    assert {"build", "import", "proof", "archive", "find", "annual"} <= set(commands)


def test_every_readme_command_runs_as_written_in_order(desk):
    for what, command in readme_table():
        assert command.startswith("python3 main.py "), command
        shell = shlex.quote(sys.executable) + command.removeprefix("python3")
        r = subprocess.run(shell, shell=True, executable="/bin/bash", cwd=desk, capture_output=True, text=True)
        allowed = {0, 1} if "退出码为 1" in what else {0}
        assert r.returncode in allowed and "Traceback" not in r.stderr, f"{command}\n{r.stderr}"
        check_outputs(desk, shlex.split(command), r.stdout)
