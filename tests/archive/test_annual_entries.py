"""What the 总目录 lists (issue 15, item 2), on summaries made by hand: the year's issues
only, every document once under its 栏目 with its 期号 and printed page — or, by 发文机关,
a joint document under each of its organs; an unreadable issue stops it."""
from pathlib import Path

import pytest

from editor.archive.annual import AnnualError, annual_index, year_issues
from editor.archive.folder import ArchivedIssue

from summaries import archived, document, issue

JOINT = ("济南市住房和城乡建设局", "济南市生态环境局")
YEAR = [issue(23, 333, "2020-12-05", document("关于甲的通知", "济政办字〔2020〕30号", pages=((3, ""),)),
              document("关于乙的办法", "济建发〔2020〕23号", organs=JOINT, pages=((9, ""),),
                       section="市政府部门文件")),
        issue(24, 334, "2020-12-20", document("关于丙的通知", "济政办字〔2020〕31号", pages=((5, ""),)))]
NEXT_YEAR = issue(1, 335, "2021-01-05", document("关于丁的通知", "济政办字〔2021〕1号"), year=2021)


def test_the_years_documents_under_their_sections_with_issue_and_page():
    index = annual_index(year_issues(archived(*YEAR, NEXT_YEAR), 2020), 2020)
    assert (index.year, index.name) == (2020, "济南市人民政府公报")
    assert [(g, [(e.title, e.doc_number, e.issue, e.page) for e in entries]) for g, entries in index.groups()] == [
        ("【市政府办公厅文件】", [("关于甲的通知", "济政办字〔2020〕30号", 23, 3), ("关于丙的通知", "济政办字〔2020〕31号", 24, 5)]),
        ("【市政府部门文件】", [("关于乙的办法", "济建发〔2020〕23号", 23, 9)])]
    assert set(JOINT) <= set(index.words)           # organ names are not broken in a title


def test_by_issuing_organ_a_joint_document_is_under_each_of_its_organs():
    index = annual_index(YEAR, 2020, by_organ=True)
    assert [(g, [e.title for e in entries]) for g, entries in index.groups()] == [
        ("济南市人民政府办公厅", ["关于甲的通知", "关于丙的通知"]),
        ("济南市住房和城乡建设局", ["关于乙的办法"]), ("济南市生态环境局", ["关于乙的办法"])]


def test_a_year_without_issues_or_an_unreadable_issue_stops_it():
    with pytest.raises(AnnualError, match="没有 2019 年的期刊（有：2020、2021）"):
        year_issues(archived(*YEAR, NEXT_YEAR), 2019)
    broken = ArchivedIssue(Path("/档案/x/issue.json"), None, "/档案/x/issue.json：期刊文件已损坏")
    with pytest.raises(AnnualError, match="总目录会不完整"):
        year_issues([*archived(*YEAR), broken], 2020)
