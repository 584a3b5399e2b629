"""Issue summaries made by hand for the archive's unit tests (no layout): an issue is its
numbers and date, a document its 栏目, title, 文号, 发文机关, date and printed pages."""
from editor.archive.folder import ArchivedIssue
from editor.archive.summary import DocumentSummary, IssueSummary, fingerprint


def document(title: str, number: str = "", organs=("济南市人民政府办公厅",), date: str = "2020-05-09",
             pages=((3, "正文"),), section: str = "市政府办公厅文件") -> DocumentSummary:
    pages = tuple(pages)
    return DocumentSummary(section, title, number, tuple(organs), date, f"docs/{title}.docx",
                           pages[0][0], fingerprint(title + "".join(t for _p, t in pages)), pages)


def issue(number: int, total: int, date: str, *documents: DocumentSummary, year: int = 2020) -> IssueSummary:
    return IssueSummary(f"/档案/{year}-{number:02d}/issue.json", "济南市人民政府公报", year, number,
                        total, date, 40, tuple(documents))


def archived(*issues: IssueSummary) -> list[ArchivedIssue]:
    return [ArchivedIssue(s.path, s) for s in issues]
