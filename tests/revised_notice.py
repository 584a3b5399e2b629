"""A small 通知 as an editor receives it and as its submitter later revises it, for the
correction tests (headless and in the app): paragraph 3 has a half-width comma."""

TITLE = "关于做好公文校对工作的通知"
BODY = ["为做好公报编辑工作,现将有关事项通知如下。",       # block 2 (paragraph 3): a half-width comma
        "各单位要认真核对报送的文件，确保文字准确无误。",
        "请于每月十日前报送下一期的文件。"]
FIXED = "为做好公报编辑工作，现将有关事项通知如下。"
INSERTED = "根据市政府领导批示精神，结合本市实际情况。"


def notice(body: list[str]) -> str:
    """The .txt text of the 通知 with `body` as its paragraphs."""
    lines = [TITLE, "各区县人民政府，市政府各部门（单位）："] + [f"\u3000\u3000{t}" for t in body]
    return "\n".join(lines + ["济南市人民政府", "2020年5月9日"]) + "\n"
