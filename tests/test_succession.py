"""沿用上一期: the next issue's numbers, date and standing texts, from the previous issue."""
from testpaths import ROOT
from editor.issuefile import read_issue
from editor.model import DocumentRef, Section
from editor.succession import STANDING_FIELDS, following, next_date

SAMPLE = ROOT / "samples" / "jinan-2020-10" / "issue.json"


def test_a_half_monthly_issue_comes_out_half_a_month_later():
    assert next_date("2020-05-20") == "2020-06-05"
    assert next_date("2020-06-05") == "2020-06-20"
    assert next_date("2020-12-20") == "2021-01-05"
    assert next_date("2021-02-14") == "2021-02-28"      # a short month keeps the date inside it
    assert next_date("") == "" and next_date("五月") == ""


def test_the_next_issue_copies_the_standing_texts_and_moves_the_numbers_on():
    before = read_issue(SAMPLE)
    after = following(before)
    assert all(getattr(after, f) == getattr(before, f) for f in STANDING_FIELDS)
    assert after.intro is not before.intro
    assert [s.name for s in after.sections] == [s.name for s in before.sections]
    assert all(s.documents == [] for s in after.sections)
    assert (after.year, after.number, after.total_number, after.date) == (2020, 11, 321, "2020-06-05")
    assert after.previous_total == 320


def test_the_first_issue_of_a_new_year_is_number_1():
    before = read_issue(SAMPLE)
    before.number, before.total_number, before.date = 24, 334, "2020-12-20"
    before.sections = [Section("市政府文件", [DocumentRef("docs/a.docx")])]
    after = following(before)
    assert (after.year, after.number, after.total_number, after.date) == (2021, 1, 335, "2021-01-05")
    assert after.sections[0].documents == []
