"""Continuity across the archive (issue 15, item 1), on summaries made by hand: each fault
is reported once, by its code, naming the issues concerned; a sound archive has none."""
from pathlib import Path

from editor.archive.continuity import check_archive
from editor.archive.folder import ArchivedIssue

from summaries import archived, document, issue


def codes(problems) -> list[str]:
    return sorted(p.code for p in problems)


def sound_year():
    """第10–12期 of 2020, one document each."""
    return [issue(10, 320, "2020-05-20", document("关于甲的通知", "济政办字〔2020〕18号")),
            issue(11, 321, "2020-06-05", document("关于乙的通知", "济政办字〔2020〕19号")),
            issue(12, 322, "2020-06-20", document("关于丙的通知")), ]


def test_a_sound_archive_has_no_problem_even_when_it_starts_and_ends_within_a_year():
    assert check_archive(archived(*sound_year())) == []


def test_the_year_turns_from_24_to_1_and_the_total_goes_on():
    turn = [issue(23, 333, "2020-12-05"), issue(24, 334, "2020-12-20"),
            issue(1, 335, "2021-01-05", year=2021)]
    assert check_archive(archived(*turn)) == []


def test_a_missing_issue_is_one_gap_and_not_also_a_total_or_a_date_fault():
    ten, eleven, _twelve = sound_year()
    thirteen = issue(13, 323, "2020-07-05")
    problems = check_archive(archived(ten, eleven, thirteen))
    assert codes(problems) == ["number-gap"]
    assert "2020年缺第12期" in problems[0].message and "第11期之后是第13期" in problems[0].message


def test_issues_missing_at_a_years_end_and_at_the_next_ones_start():
    problems = check_archive(archived(issue(22, 332, "2020-11-20"), issue(2, 336, "2021-01-20", year=2021)))
    assert codes(problems) == ["number-gap", "number-gap"]
    assert "2020年缺第23—24期" in problems[0].message and "2021年缺第1期" in problems[1].message


def test_a_repeated_number_a_wrong_total_and_a_number_out_of_range():
    ten, eleven, twelve = sound_year()
    twin = issue(11, 322, "2020-06-05")
    assert codes(check_archive(archived(ten, eleven, twin))) == ["number-repeat"]
    wrong_total = issue(12, 325, "2020-06-20")
    problems = check_archive(archived(ten, eleven, wrong_total))
    assert codes(problems) == ["total-gap"] and "应是总第322期，却是总第325期" in problems[0].message
    assert "number-range" in codes(check_archive(archived(issue(25, 335, "2020-12-30"))))


def test_dates_missing_out_of_order_in_another_year_or_not_half_a_month_apart():
    ten, eleven, _ = sound_year()
    cases = {"date-missing": issue(12, 322, ""), "date-order": issue(12, 322, "2020-06-01"),
             "date-spacing": issue(12, 322, "2020-07-30"), "date-year": issue(12, 322, "2021-06-20")}
    for code, twelve in cases.items():
        found = codes(check_archive(archived(ten, eleven, twelve)))
        assert code in found and not {"number-gap", "total-gap"} & set(found), (code, found)


def test_one_doc_number_for_two_documents_whatever_its_brackets():
    ten, eleven, twelve = sound_year()
    other = issue(12, 322, "2020-06-20", document("关于丁的通知", "济政办字[2020]18号", pages=((7, "丁"),)))
    problems = check_archive(archived(ten, eleven, other))
    assert codes(problems) == ["doc-number-repeat"]
    assert problems[0].message.startswith("文号 济政办字〔2020〕18号 用于 2 篇不同的文件")
    assert "2020年第10期第3页《关于甲的通知》" in problems[0].message
    assert "2020年第12期第7页《关于丁的通知》" in problems[0].message


def test_the_same_document_in_two_issues_is_one_problem_not_two():
    ten, eleven, _ = sound_year()
    again = issue(12, 322, "2020-06-20", document("关于甲的通知", "济政办字（2020）18号", pages=((5, "正文"),)))
    problems = check_archive(archived(ten, eleven, again))
    assert codes(problems) == ["document-repeat"]
    assert "《关于甲的通知》" in problems[0].message and "2020年第10期第3页；2020年第12期第5页" in problems[0].message


def test_an_unreadable_issue_is_reported_and_the_others_still_checked():
    ten, eleven, _ = sound_year()
    broken = ArchivedIssue(Path("/档案/2020-12/issue.json"), None, "/档案/2020-12/issue.json：期刊文件已损坏")
    problems = check_archive([*archived(ten, eleven), broken])
    assert codes(problems) == ["unreadable"] and "已损坏" in problems[0].message
