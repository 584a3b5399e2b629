"""What Qt itself shows is Chinese (its zh_CN translation), layouts appear by their Chinese
titles, and the save prompt names the issue, not its file."""
import re

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton

from editor.layout.spec import layout_titles
from editor.ui.qtchinese import install_qt_chinese

pytestmark = pytest.mark.gui
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture
def chinese_qt(qapp):
    locale = QLocale()
    assert install_qt_chinese(qapp)
    yield
    qapp.removeTranslator(qapp._gazette_translator)
    qapp._gazette_translator = None
    QLocale.setDefault(locale)


def test_message_box_buttons_are_chinese(qtbot, chinese_qt):
    box = QMessageBox(QMessageBox.Icon.Question, "保存修改", "要保存吗？",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes)
    qtbot.addWidget(box)
    texts = {box.button(b).text() for b in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard,
                                            QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes)}
    assert texts == {"保存", "丢弃", "取消", "是(&Y)"}


def test_the_file_dialog_has_no_english(qtbot, chinese_qt, tmp_path):
    dialog = QFileDialog(None, "打开期刊", str(tmp_path), "期刊文件 (*.json)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton) if w.text()]
    assert "查找范围(&L)：" in texts and len(texts) >= 4
    assert not [t for t in texts if LATIN_WORD.search(t.replace("&", ""))], texts


def test_layouts_are_shown_by_their_chinese_titles(window):
    combo = window.meta.editors["layout"]
    assert [combo.itemText(i) for i in range(combo.count())] == list(layout_titles().values())
    assert combo.currentText() == "济南市人民政府公报"
    combo.setCurrentIndex(combo.findText("GB/T 9704 公文"))
    assert window.session.issue.layout == "gbt9704"
    window.session.undo.undo()
    assert window.session.issue.layout == "jinan-gazette" and combo.currentText() == "济南市人民政府公报"


def test_the_save_prompt_names_the_issue(window):
    asked = []
    window.ask.save_changes = lambda name: asked.append(name) or "discard"
    window.editing.set_meta("phone", "0531-12345678")
    assert window.files.close_issue()
    assert asked == ["2020年第10期"]
