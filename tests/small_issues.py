"""Small issues for the archive's tests: an issue folder holding one .txt 通知 and its
issue.json, laid out in a second or so (the sample takes several)."""
import json
from pathlib import Path


def notice(title: str, number: str, date: str = "2020年5月9日") -> str:
    """The .txt text of a short 通知: title, 文号, 主送, one paragraph, 落款, date."""
    return (f"{title}\n{number}\n各区县人民政府，市政府各部门（单位）：\n"
            f"\u3000\u3000现就{title.removeprefix('关于').removesuffix('的通知')}有关事项通知如下，请认真贯彻执行。\n"
            f"济南市人民政府办公厅\n{date}\n")


def make_issue(folder: Path, number: int, total: int, date: str, text: str, year: int = 2020) -> Path:
    """out: the issue file of a new issue in `folder` (made) holding the 通知 `text`."""
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "issue.json").write_text(json.dumps({
        "format": "gazette-issue", "version": 2,
        "issue": {"year": year, "number": number, "total_number": total, "date": date},
        "sections": [{"name": "市政府办公厅文件", "documents": [{"source": "a.txt"}]}]},
        ensure_ascii=False), encoding="utf-8")
    return folder / "issue.json"
