"""The screen draws the back page's QR code module for module as the PDF does (issue 10,
item 7): the sample laid out, its back page painted, the modules read back from pixels."""
import pytest

from qrcheck import QUIET, encoded, sampled
from ui_helpers import SAMPLE_DIR

pytestmark = pytest.mark.gui


def test_the_page_view_paints_the_back_page_qr_code(qtbot):
    from PySide6.QtGui import QColor
    from editor.pipeline import layout, load_issue
    from editor.ui.pagepaint import PagePainter, render_page_image
    issue = load_issue(SAMPLE_DIR / "issue.json")
    result = layout(issue).layout
    back = result.pages[-1]
    assert back.kind == "back" and [c.text for c in back.codes] == [issue.website]
    code = back.codes[0]
    scale = 4.0                                   # pixels per point: a module is ~8 px
    image = render_page_image(PagePainter(), back, result.fonts, result.width, result.height,
                              round(result.width * scale))

    def dark_at(x, y):
        return QColor(image.pixel(int(x * scale), int(y * scale))).lightness() < 128
    want = encoded(issue.website)
    assert sampled(code.x, code.y, code.size, len(want), dark_at) == want
    module = code.size / (len(want) + 2 * QUIET)
    quiet = [(code.x + module, code.y + k * module) for k in range(len(want) + 2 * QUIET)]
    assert not any(dark_at(x, y) for x, y in quiet)     # the quiet zone stays white
