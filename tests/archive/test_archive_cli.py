"""The archive's commands refuse what they cannot do with one Chinese line and exit status
2 (a folder that is not there or holds no issue, no output asked for, a date that is none,
nothing to look for, a year the archive lacks); `find` exits 1 when it finds nothing."""
import os

import pytest

from testpaths import run_main

from small_issues import make_issue, notice


@pytest.fixture
def archive(tmp_path):
    make_issue(tmp_path / "档案" / "2020-10", 10, 320, "2020-05-20", notice("关于甲事项的通知", "济政办字〔2020〕3号"))
    return tmp_path / "档案"


def env_for(tmp_path):
    return dict(os.environ, GAZETTE_CACHE_DIR=str(tmp_path / "cache"))


@pytest.mark.parametrize("args, words", [
    (["archive", "没有这个文件夹"], "没有这个文件夹：文件夹不存在"),
    (["find", ".", "--from", "五月"], "--from 的日期“五月”无效"),
    (["find", "."], "请给出要查找的文号或文字"),
    (["annual", ".", "--year", "2020"], "请用 --pdf 或 --docx 指定输出文件"),
    (["annual", ".", "--year", "2020", "--pdf", "没有/总目录.pdf"], "输出目录不存在：没有"),
])
def test_what_cannot_be_done_is_one_chinese_line(tmp_path, args, words):
    r = run_main(*args, cwd=tmp_path, env=env_for(tmp_path))
    assert r.returncode == 2 and r.stderr.strip() == r.stderr.strip().splitlines()[0]
    assert words in r.stderr, r.stderr


def test_an_empty_folder_a_missing_year_and_nothing_found(tmp_path, archive):
    env = env_for(tmp_path)
    (tmp_path / "空").mkdir()
    r = run_main("archive", tmp_path / "空", env=env)
    assert r.returncode == 2 and "没有找到期刊" in r.stderr
    r = run_main("annual", archive, "--year", "2019", "--pdf", tmp_path / "a.pdf", env=env)
    assert r.returncode == 2 and "档案中没有 2019 年的期刊（有：2020）" in r.stderr
    assert "正在排版 2020-10/issue.json（1/1）" in r.stderr     # the first time only
    assert not (tmp_path / "a.pdf").exists()
    r = run_main("find", archive, "没有的词", env=env)
    assert r.returncode == 1 and "没有找到" in r.stdout and "正在排版" not in r.stderr
    r = run_main("archive", archive, env=env)
    assert r.returncode == 0 and "未发现问题" in r.stdout
