"""The main window: issue tree | pages | properties, with 校对 under the pages.

in: Settings and an issue to open (open_issue); out: the editor's work — every edit goes
through Editing onto the session's undo stack, every change re-lays out in the background
(LiveLayout), and the pages, thumbnails and 校对 list show each new BuildOutcome.
Opening, saving and closing are in files.py (FileControl).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDockWidget, QLabel, QMainWindow, QMessageBox, QProgressBar,
                               QSplitter, QStackedWidget, QTabWidget)

from .actions import Actions
from .archivepanel import ArchivePanel
from .asking import Asker
from .compare import CompareDialog
from .docpanel import DocPanel
from .editing import Editing
from .exportdialog import ExportDialog
from .files import FileControl
from .findreplace import FindReplaceDialog
from .gotopage import GoToPageDialog
from .issuetree import IssueTree
from .jobs import BuildJob
from .livelayout import LiveLayout
from .menus import ZOOM_CHOICES, build_menus, tree_menu
from .metaform import MetaForm
from .pagepaint import PagePainter
from .pageview import PageView
from .printing import print_with_dialog
from .proofpanel import ProofPanel
from .thumbnails import ThumbnailList
from .welcome import WelcomePage

SPLITTERS = ("main", "centre", "blocks")


class MainWindow(QMainWindow):
    issueOpened = Signal(object)        # IssueSession

    def __init__(self, settings, interactive: bool = True):
        super().__init__()
        self.settings = settings
        self.interactive = interactive
        self.ask = Asker(self, interactive)
        self.session = None
        self._page_wanted: int | None = None    # a printed page to show once the pages are laid out
        self.editing: Editing | None = None
        self.autosaver = None
        self._syncing = False
        self.pp = PagePainter()
        self.job = BuildJob(self)
        self.live = LiveLayout(self.job, self)
        self.actions = Actions(self)
        self.files = FileControl(self)
        self._build_widgets()
        self.recent_menu, self.zoom, self.move_menu = build_menus(self, self.actions)
        self.recent_menu.aboutToShow.connect(self.files.fill_recent_menu)
        self.move_menu.aboutToShow.connect(self.fill_move_menu)
        self.tree_menu = tree_menu(self, self.actions, self.move_menu)
        self.finder = FindReplaceDialog(self)
        self._build_status()
        self._connect()
        self.actions.set_issue_open(False)
        self.actions.set_undo_stack(None)
        self.setWindowTitle("公报排版[*]")
        self.resize(1280, 760)
        self.restore_settings()

    # -- construction --------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.tree = IssueTree()
        self.thumbs = ThumbnailList(self.pp)
        self.left = QTabWidget()
        self.left.addTab(self.tree, "栏目与文件")
        self.left.addTab(self.thumbs, "缩略图")
        self.pages = PageView(self.pp)
        self.proof = ProofPanel()
        self.centre = QSplitter(Qt.Orientation.Vertical)
        self.centre.addWidget(self.pages)
        self.centre.addWidget(self.proof)
        self.centre.setStretchFactor(0, 4)
        self.centre.setStretchFactor(1, 1)
        self.meta = MetaForm()
        self.doc = DocPanel()
        self.right = QTabWidget()
        self.right.addTab(self.meta, "期刊信息")
        self.right.addTab(self.doc, "文件")
        self.main = QSplitter(Qt.Orientation.Horizontal)
        for w in (self.left, self.centre, self.right):
            self.main.addWidget(w)
        self.main.setStretchFactor(1, 1)
        self.main.setSizes([260, 660, 360])
        self.centre.setSizes([560, 160])
        self.left.setMinimumWidth(160)
        self.right.setMinimumWidth(220)
        self.archive = ArchivePanel()
        self.archive_dock = QDockWidget("档案", self)
        self.archive_dock.setObjectName("archive-dock")
        self.archive_dock.setWidget(self.archive)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.archive_dock)
        self.archive_dock.hide()
        self.welcome = WelcomePage(self.actions)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.main)
        self.setCentralWidget(self.stack)
        for name in ("edit_remove", "edit_move_up", "edit_move_down"):   # keys of the tree only
            self.tree.addAction(self.actions.all[name])
            self.actions.all[name].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for name in ("edit_add_files", "edit_add_section", "edit_rename"):
            self.tree.addAction(self.actions.all[name])
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def _build_status(self) -> None:
        self.message = QLabel("")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.page_label = QLabel("")
        self.zoom_label = QLabel("")
        status = self.statusBar()
        status.addWidget(self.message, 1)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.page_label)
        status.addPermanentWidget(self.zoom_label)

    def _connect(self) -> None:
        a, f = self.actions, self.files
        a.file_new.triggered.connect(f.new_issue)
        a.file_open.triggered.connect(f.open_dialog)
        a.file_open_sample.triggered.connect(f.open_sample)
        a.file_save.triggered.connect(f.save)
        a.file_save_as.triggered.connect(f.save_as)
        a.file_reload.triggered.connect(lambda: self.session and self.session.reload())
        a.file_export.triggered.connect(self.export)
        a.file_print.triggered.connect(self.print_pages)
        a.file_quit.triggered.connect(self.close)
        a.edit_add_section.triggered.connect(self.add_section)
        a.edit_add_files.triggered.connect(self.add_files)
        a.edit_remove.triggered.connect(lambda: self.editing and self.editing.remove(self.tree.current_key()))
        a.edit_rename.triggered.connect(self.rename_section)
        a.edit_move_up.triggered.connect(lambda: self.editing and self.editing.move_by(self.tree.current_key(), -1))
        a.edit_move_down.triggered.connect(lambda: self.editing and self.editing.move_by(self.tree.current_key(), 1))
        a.edit_find.triggered.connect(lambda: self.finder.show_for(replacing=False))
        a.edit_replace.triggered.connect(lambda: self.finder.show_for(replacing=True))
        a.view_go_to_page.triggered.connect(self.go_to_page)
        a.view_zoom_in.triggered.connect(lambda: self.pages.zoom_step(1))
        a.view_zoom_out.triggered.connect(lambda: self.pages.zoom_step(-1))
        a.view_actual.triggered.connect(lambda: self.pages.set_zoom("fixed", 1.0))
        a.view_fit_width.triggered.connect(lambda: self.pages.set_zoom("width"))
        a.view_fit_page.triggered.connect(lambda: self.pages.set_zoom("page"))
        a.view_facing.toggled.connect(self.pages.set_facing)
        a.view_compare.triggered.connect(lambda: self.compare(self.doc.ref))
        a.view_archive.toggled.connect(self.show_archive)
        # closed by its own button (hidden, not merely out of sight with the window minimised)
        self.archive_dock.visibilityChanged.connect(
            lambda _seen: a.view_archive.setChecked(not self.archive_dock.isHidden()))
        self.archive.openRequested.connect(self.open_at_page)
        self.archive.folderChanged.connect(lambda folder: self.settings.set("archive/folder", folder))
        a.help_about.triggered.connect(self.about)
        self.zoom.activated.connect(lambda i: self.pages.set_zoom(*ZOOM_CHOICES[i][1:]))
        self.pages.zoomChanged.connect(self._show_zoom)
        self.pages.pageChanged.connect(self._page_changed)
        self.pages.lineClicked.connect(self._line_clicked)
        self.thumbs.pageActivated.connect(self.pages.go_to_page)
        self.proof.diagnosticActivated.connect(self._diagnostic_clicked)
        self.proof.csvRequested.connect(self.export_proof_csv)
        self.finder.matchActivated.connect(self._match_activated)
        self.tree.customContextMenuRequested.connect(
            lambda pos: self.tree_menu.exec(self.tree.viewport().mapToGlobal(pos)))
        self.welcome.recentChosen.connect(self.files.open_issue)
        self.live.ready.connect(self._outcome)
        self.live.failed.connect(self._layout_failed)
        self.job.started.connect(self._layout_started)
        self.job.progress.connect(self._layout_progress)
        self.tree.refSelected.connect(self._ref_selected)
        self.doc.blockSelected.connect(self._block_selected)
        self.doc.compareRequested.connect(self.compare)
        intents = [(self.tree.documentMoved, "move_document"), (self.tree.sectionMoved, "move_section"),
                   (self.tree.filesDropped, "add_files"), (self.tree.sectionRenamed, "rename_section"),
                   (self.meta.edited, "set_meta"), (self.doc.correctionRequested, "correct"),
                   (self.doc.kindRequested, "set_kind"), (self.doc.sectionRequested, "move_to_section"),
                   (self.doc.linesRequested, "set_lines"),
                   (self.doc.headingNumbersRequested, "set_heading_numbers"),
                   (self.doc.reapplyRequested, "reapply_correction"),
                   (self.doc.dropRequested, "drop_correction"),
                   (self.proof.ignoreRequested, "ignore"), (self.finder.replaceRequested, "replace_texts")]
        for signal, name in intents:    # to whichever issue is open when the signal comes
            signal.connect(lambda *args, name=name: self.editing and getattr(self.editing, name)(*args))

    # -- an issue is opened (called by FileControl) ---------------------------------------
    def attach(self, session) -> None:
        """Show `session` in every panel and route the panels' intents to its undo stack."""
        self.session = session
        self.editing = Editing(session, session)      # goes when the issue is closed
        self.editing.problem.connect(lambda m: self.ask.warn("无法添加", m))
        self.tree.set_session(session)
        self.meta.set_session(session)
        self.doc.set_session(session)
        session.undo.cleanChanged.connect(lambda clean: self.setWindowModified(not clean))
        session.metaChanged.connect(lambda _n: self.update_title())
        session.ignoredChanged.connect(lambda: self.proof.set_ignored(session.issue.ignored))
        self.proof.set_ignored(session.issue.ignored)
        self.actions.set_undo_stack(session.undo)
        self.actions.set_issue_open(True)
        self.stack.setCurrentWidget(self.main)
        self.setWindowModified(session.modified)
        self.update_title()
        self.live.set_session(session)
        self.finder.set_session(session, self.live)
        self.issueOpened.emit(session)

    def detach(self) -> None:
        """Forget the open issue (before another is opened)."""
        self.live.set_session(None)
        self.finder.set_session(None, None)
        self.finder.hide()
        self.proof.set_ignored([])
        self.actions.set_undo_stack(None)
        self.actions.set_issue_open(False)
        for view in (self.pages, self.thumbs, self.proof):
            view.set_outcome(None)
        self.doc.show_ref(None)
        if self.session is not None:
            self.session.deleteLater()
        self.session, self.editing = None, None
        self.welcome.set_recent(self.settings.recent())
        self.stack.setCurrentWidget(self.welcome)
        self.setWindowModified(False)
        self.update_title()

    def update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle("公报排版[*]")
            return
        i = self.session.issue
        self.setWindowTitle(f"{i.name} {i.year}年第{i.number}期（{self.session.path.name}）[*] — 公报排版")

    # -- layout results ------------------------------------------------------------------
    def _layout_started(self) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()

    def _layout_progress(self, label: str, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.message.setText(f"排版中… {label}")

    def _outcome(self, outcome) -> None:
        self.progress.hide()
        self.pages.set_outcome(outcome)
        self.thumbs.set_outcome(outcome)
        self.proof.set_outcome(outcome)
        ref, block = self.doc.ref, self.doc.current_block()
        k = self.doc_index(ref)
        self.pages.highlight = (k, block) if k is not None and block >= 0 else None
        self.message.setText(f"共 {len(outcome.pages)} 页，排版用时 {outcome.seconds:.1f} 秒")
        self._show_wanted_page(outcome)
        self._page_changed(self.pages.current_page())

    def _show_wanted_page(self, outcome) -> None:
        """After open_at_page: the page printed with that number (else that physical page)."""
        wanted, self._page_wanted = self._page_wanted, None
        if wanted is not None and outcome.pages:
            index = next((p.index for p in outcome.pages if p.folio == wanted), wanted - 1)
            self.pages.go_to_page(max(0, min(index, len(outcome.pages) - 1)))

    def _layout_failed(self, message: str) -> None:
        self.progress.hide()
        self.message.setText(f"<span style='color:#c00'>排版失败：{message}</span>")

    def doc_index(self, ref) -> int | None:
        """out: the layout's index of a session ref in the current outcome, or None."""
        outcome = self.live.outcome
        if outcome is None or ref is None:
            return None
        return next((k for k, other in enumerate(outcome.refs) if other is ref), None)

    # -- selection kept in step across tree, properties and pages -------------------------
    def _ref_selected(self, ref) -> None:
        self.doc.show_ref(ref)
        if ref is None:
            return
        self.right.setCurrentWidget(self.doc)
        k = self.doc_index(ref)
        if not self._syncing and k is not None and k < len(self.live.outcome.layout.doc_pages):
            self.pages.go_to_page(self.live.outcome.layout.doc_pages[k])

    def _block_selected(self, ref, block: int) -> None:
        if not self._syncing:
            self.pages.show_block(self.doc_index(ref), block)

    def _line_clicked(self, doc: int, block: int) -> None:
        outcome = self.live.outcome
        if outcome is not None and doc < len(outcome.refs):
            self.select(outcome.refs[doc], block)

    def select(self, ref, block: int | None) -> None:
        """Select a document (and block) in the tree and the properties without scrolling."""
        self._syncing = True
        try:
            self.tree.select_ref(ref)
            if self.doc.ref is not ref:
                self.doc.show_ref(ref)
            self.right.setCurrentWidget(self.doc)
            if block is not None:
                self.doc.select_block(block)
        finally:
            self._syncing = False

    def _diagnostic_clicked(self, diag) -> None:
        outcome = self.live.outcome
        if diag.page is not None:
            self.pages.go_to_page(diag.page)
        if diag.document is None and diag.source and self.session is not None:
            ref = next((r for _s, r in self.session.issue.refs() if r.source == diag.source), None)
            if ref is not None:
                self.select(ref, None)
        if outcome is not None and diag.document is not None and diag.document < len(outcome.refs):
            self.select(outcome.refs[diag.document], diag.block)
            if diag.block is not None:
                self.pages.show_block(diag.document, diag.block)

    def _match_activated(self, ref, block: int, page) -> None:
        """A 查找 result: select its block and show the page the match is printed on."""
        self.select(ref, block)
        k = self.doc_index(ref)
        self.pages.show_block(k, block)
        first = self.pages.find_block(k, block) if k is not None else None
        if page is not None and (first is None or first[0] != page):
            self.pages.go_to_page(page)

    def _page_changed(self, index: int) -> None:
        total = self.pages.page_count()
        if index >= 0:
            page = self.live.outcome.pages[index]
            folio = f"（页码 {page.folio}）" if page.folio else ""
            self.page_label.setText(f"第 {index + 1} / {total} 页{folio}")
            self.thumbs.set_current(index)
        self._show_zoom()

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{self.pages.zoom_percent()}%")
        for n, (_label, mode, factor) in enumerate(ZOOM_CHOICES):
            if mode == self.pages.mode and (factor is None or abs(factor - self.pages.factor) < 1e-6):
                self.zoom.setCurrentIndex(n)

    # -- the archive -----------------------------------------------------------------------
    def archive_folder(self) -> Path | None:
        """The archive the 档案 panel and 新建期刊 look at: the one last chosen, else the
        folder holding the open (or last opened) issue's folder."""
        chosen = self.settings.get("archive/folder")
        if chosen and Path(chosen).is_dir():
            return Path(chosen)
        recent = [Path(p) for p in self.settings.recent()]
        issue = self.session.path if self.session else (recent[0] if recent else None)
        return issue.parent.parent if issue else None

    def show_archive(self, shown: bool) -> None:
        self.archive_dock.setVisible(shown)
        if shown and self.archive.folder is None and self.archive_folder() is not None:
            self.archive.set_folder(self.archive_folder())

    def open_at_page(self, path: str, page: int | None) -> None:
        """A 档案 hit: open its issue (unless it is the open one) and show the page printed
        with that number."""
        self._page_wanted = page
        if self.session is not None and self.session.path == Path(path).resolve():
            if self.live.outcome is not None:
                self._show_wanted_page(self.live.outcome)
        elif not self.files.open_issue(path):
            self._page_wanted = None

    # -- commands ------------------------------------------------------------------------
    def add_files(self) -> None:
        if self.editing is None:
            return
        paths = self.ask.source_files(str(self.session.folder))
        if paths:
            si = self.tree.selected_section()
            self.editing.add_files(si, len(self.session.issue.sections[si].documents), paths)

    def add_section(self) -> None:
        name = self.ask.section_name("新建栏目") if self.editing else ""
        if name:
            self.editing.add_section(self.tree.selected_section() + 1, name)

    def rename_section(self) -> None:
        key = self.tree.current_key()
        if key and key[0] == "section":
            self.tree.editItem(self.tree.currentItem())

    def fill_move_menu(self) -> None:
        """移到栏目: one entry per 栏目 for the tree's current document."""
        menu = self.move_menu
        menu.clear()
        key = self.tree.current_key() if self.session is not None else None
        if key is None or key[0] != "doc":
            menu.addAction("（先在左侧选中一个文件）").setEnabled(False)
            return
        ref, here = key[1], self.session.locate(key[1])
        for si, section in enumerate(self.session.issue.sections):
            action = menu.addAction(f"【{section.name}】")
            action.setEnabled(here is not None and si != here[0])
            action.triggered.connect(lambda _c=False, si=si: self.editing and self.editing.move_to_section(ref, si))

    def go_to_page(self) -> GoToPageDialog | None:
        """跳到页 (Ctrl+G); out: the dialog (tests answer it themselves when not interactive)."""
        outcome = self.live.outcome
        if outcome is None or not outcome.pages:
            return None
        dialog = GoToPageDialog(outcome.pages, self.pages.current_page(), self)
        dialog.accepted.connect(lambda: dialog.page() is not None and self.pages.go_to_page(dialog.page()))
        if self.interactive:
            dialog.exec()
        return dialog

    def export_proof_csv(self) -> None:
        """校对 → 导出 CSV: the whole list, with the issue's name in the file name."""
        if self.session is None:
            return
        i = self.session.issue
        default = self.session.folder / f"校对-{i.year}年第{i.number}期.csv"
        path = self.ask.save_csv(str(default))
        if not path:
            return
        try:
            self.proof.write_csv(path)
        except OSError as e:
            self.ask.warn("导出校对列表", f"{path}：无法保存（{e.strerror or e}）")
            return
        self.message.setText(f"已导出校对列表 {path}")

    def export(self) -> ExportDialog | None:
        if self.session is None:
            return None
        dialog = ExportDialog(self.session.issue, self.session.folder, self.live, self)
        if self.interactive:
            dialog.exec()
        return dialog

    def print_pages(self) -> None:
        outcome = self.live.current() or self.live.outcome
        if outcome is None or not outcome.pages:
            self.ask.warn("打印", "还没有排好的页面可打印")
            return
        try:
            print_with_dialog(self, outcome, self.pp)
        except OSError as e:
            self.ask.warn("打印", str(e))

    def compare(self, ref=None) -> CompareDialog | None:
        if self.session is None:
            return None
        dialog = CompareDialog(self.session, self.live.outcome, ref, self)
        if self.interactive:
            dialog.exec()
        return dialog

    def about(self) -> None:
        QMessageBox.about(self, "关于", "<b>公报排版</b><p>济南市人民政府公报排版工具：导入公文、"
                          "编排栏目、校对，导出可付印的 PDF 与 Word 文档。</p>")

    # -- settings and closing --------------------------------------------------------------
    def restore_settings(self) -> None:
        s = self.settings
        if s.get("window/geometry") is not None:
            self.restoreGeometry(s.get("window/geometry"))
        if s.get("window/state") is not None:
            self.restoreState(s.get("window/state"))
        for name in SPLITTERS:
            state = s.splitter(name)
            if state is not None:
                self._splitter(name).restoreState(state)
        self.actions.view_facing.setChecked(s.get("view/facing"))
        self.pages.set_zoom(s.get("view/zoom_mode"), s.get("view/zoom_factor"))

    def save_settings(self) -> None:
        s = self.settings
        s.set("window/geometry", self.saveGeometry())
        s.set("window/state", self.saveState())
        for name in SPLITTERS:
            s.set_splitter(name, self._splitter(name).saveState())
        s.set("view/facing", self.pages.facing)
        s.set("view/zoom_mode", self.pages.mode)
        s.set("view/zoom_factor", self.pages.factor)
        s.sync()

    def _splitter(self, name: str) -> QSplitter:
        return {"main": self.main, "centre": self.centre, "blocks": self.doc.splitter}[name]

    def closeEvent(self, event) -> None:
        if not self.files.close_issue():
            event.ignore()
            return
        if self.interactive:
            self.save_settings()
        self.archive.shutdown()
        self.job.shutdown()
        event.accept()
