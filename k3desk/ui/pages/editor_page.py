"""The inspection editor: section index | generated form | live rules panel.

``open_inspection(id, read_only=False, section=None)`` loads the inspection on the
database worker and builds the form from its pinned template (``editor.form_builder``).
Every edit goes through the undo stack (``editor.commands``) into ``self.values``, is
evaluated at once (``domain.evaluation.evaluate``, fast enough for the UI thread: see
docs/ui.md) and saved by the autosaver within a second. What is typed but not valid
(letters in a number, out of range, a bad date) stays in its widget with a message and
is never saved as something else; it blocks submit.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from k3desk.domain.errors import K3Error
from k3desk.domain.evaluation import evaluate
from k3desk.domain.templates import Template, default_registry
from k3desk.domain.values import compute, normalize_values
from k3desk.services import editor_service, inspection_service
from k3desk.ui.editor.autosave import INSTRUMENTS, NOTES, Autosaver
from k3desk.ui.editor.commands import (
    SetNote,
    SetRows,
    SetValue,
    get_note,
    get_path,
    rows_after,
    set_note,
    set_path,
)
from k3desk.ui.editor.field_widgets import ChecklistField, ComputedField
from k3desk.ui.editor.form_builder import Form, build_form
from k3desk.ui.editor.instrument_picker import InstrumentPicker
from k3desk.ui.editor.photo_slot import PhotoSlot
from k3desk.ui.editor.problems import (
    ValueProblem,
    evaluation_problems,
    refusal_problems,
    top_field,
)
from k3desk.ui.editor.rules_panel import PATH_ROLE, RulesPanel
from k3desk.ui.editor.signature_pad import SignaturePad
from k3desk.ui.editor.submit_dialog import SubmitRefusedDialog
from k3desk.ui.errors import show_error
from k3desk.ui.i18n import language
from k3desk.ui.labels import status_label
from k3desk.ui.pages.base import Page
from k3desk.ui.session import UiSession

EXTRA_SECTIONS = ("_instruments", "_findings", "_signature")
BANNER = "padding: 6px; border-radius: 4px;"


class EditorPage(Page):
    """One inspection at a time; the supervisor's review reuses it read-only."""

    def __init__(self, session: UiSession, parent: QWidget | None = None,
                 embedded: bool = False) -> None:
        super().__init__(session, parent)
        self.setObjectName("page_editor")
        self.embedded = embedded  # inside the review page: no title bar, no banner
        self.title = self.tr("Pemeriksaan")
        self.data: editor_service.EditorData | None = None
        self.template: Template | None = None
        self.form: Form | None = None
        self.values: dict[str, Any] = {}
        self.input_problems: dict[str, ValueProblem] = {}
        self.problems: list[ValueProblem] = []
        self.evaluation: Any = None
        self.read_only = True
        self._asked_read_only = False
        self.show_missing = False
        self.last_open_ms = 0.0
        self.last_open_cpu_ms = 0.0
        self.eval_ms: list[float] = []
        self.undo_stack = QUndoStack(self)
        self.undo_stack.canUndoChanged.connect(self._actions_changed)
        self.undo_stack.canRedoChanged.connect(self._actions_changed)
        self.autosaver = Autosaver(session, self._payload, self)
        self.autosaver.status_changed.connect(self._save_status)
        self.autosaver.saved.connect(lambda changes: session.notify(changes, self))
        self._where_timer = QTimer(self)
        self._where_timer.setSingleShot(True)
        self._where_timer.setInterval(1000)
        self._where_timer.timeout.connect(self._remember_where)
        self._section = ""
        self._build()

    # layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("editor_title")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.status_text = QLabel()
        self.status_text.setObjectName("editor_status")
        self.autosave_status = QLabel()
        self.autosave_status.setObjectName("autosave_status")
        self.invalid_status = QLabel()
        self.invalid_status.setObjectName("invalid_status")
        self.invalid_status.setStyleSheet("color: #b71c1c;")
        self.undo_button = QPushButton(self.tr("Urungkan"))
        self.undo_button.setObjectName("editor_undo")
        self.undo_button.clicked.connect(self.undo)
        self.redo_button = QPushButton(self.tr("Ulangi"))
        self.redo_button.setObjectName("editor_redo")
        self.redo_button.clicked.connect(self.redo)
        for name, keys, slot in (("editor_undo_shortcut", QKeySequence.StandardKey.Undo,
                                  self.undo),
                                 ("editor_redo_shortcut", QKeySequence.StandardKey.Redo,
                                  self.redo)):
            action = QAction(self)
            action.setObjectName(name)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)  # a line edit keeps its own Ctrl+Z while typing
        self.submit_button = QPushButton(self.tr("Ajukan ke penyelia…"))
        self.submit_button.setObjectName("editor_submit")
        self.submit_button.setToolTip(self.tr("Ajukan (Ctrl+Enter)"))
        self.submit_button.clicked.connect(self.submit)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.status_text)
        top.addWidget(self.autosave_status)
        top.addWidget(self.invalid_status)
        for button in (self.undo_button, self.redo_button, self.submit_button):
            top.addWidget(button)
        self.revision_banner = QLabel()
        self.revision_banner.setObjectName("revision_banner")
        self.revision_banner.setWordWrap(True)
        self.revision_banner.setStyleSheet(BANNER + "background: #fff3e0; color: #5d3a00;")
        self.readonly_banner = QLabel()
        self.readonly_banner.setObjectName("readonly_banner")
        self.readonly_banner.setWordWrap(True)
        self.readonly_banner.setStyleSheet(BANNER + "background: #eceff1; color: #263238;")
        self.index = QListWidget()
        self.index.setObjectName("section_index")
        self.index.setAccessibleName(self.tr("Bagian formulir"))
        self.index.setWordWrap(True)
        self.index.setResizeMode(QListView.ResizeMode.Adjust)
        self.index.itemClicked.connect(self._index_clicked)
        self.index.itemActivated.connect(self._index_clicked)
        self.form_scroll = QScrollArea()
        self.form_scroll.setObjectName("form_scroll")
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.rules_panel = RulesPanel()
        self.rules_panel.jump.connect(self.jump_to)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("editor_splitter")
        self.splitter.addWidget(self.index)
        self.splitter.addWidget(self.form_scroll)
        self.splitter.addWidget(self.rules_panel)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 640, 330])
        self.splitter.setChildrenCollapsible(False)
        self.index.setMinimumWidth(120)
        self.rules_panel.setMinimumWidth(260)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        column.addLayout(top)
        column.addWidget(self.revision_banner)
        column.addWidget(self.readonly_banner)
        column.addWidget(self.splitter, 1)
        self.revision_banner.hide()
        self.readonly_banner.hide()
        if self.embedded:
            for widget in (self.heading, self.status_text, self.autosave_status,
                           self.invalid_status, self.undo_button, self.redo_button,
                           self.submit_button):
                widget.setVisible(False)
            self.index.setVisible(False)  # the review's own tabs are narrow enough
            self.splitter.setSizes([0, 540, 300])

    # opening ---------------------------------------------------------------------------
    def open_inspection(self, inspection_id: str, read_only: bool = False,
                        section: str | None = None) -> None:
        """Load on the database worker; the form appears when it arrives."""
        if self.data is not None and self.autosaver.pending:
            self.autosaver.flush_blocking()
        self.session.run(editor_service.load, self.session.context(), inspection_id,
                         success=lambda data: self._loaded(data, read_only, section),
                         failure=lambda exc: show_error(self, exc))

    def _loaded(self, data: editor_service.EditorData, read_only: bool,
                section: str | None) -> None:
        import time

        started, cpu = time.perf_counter(), time.thread_time()
        self.setUpdatesEnabled(False)
        try:
            self.show_loaded(data, read_only)
        finally:
            self.setUpdatesEnabled(True)
        self.last_open_ms = (time.perf_counter() - started) * 1000
        self.last_open_cpu_ms = (time.thread_time() - cpu) * 1000
        if section:
            QTimer.singleShot(0, lambda: self.jump_to_section(section))

    def show_loaded(self, data: editor_service.EditorData, read_only: bool) -> None:
        self.data = data
        self._asked_read_only = read_only
        self.template = default_registry().get(data.template_id, data.template_version)
        self.values = copy.deepcopy(data.values)
        self.input_problems.clear()
        self.undo_stack.clear()
        self.show_missing = False
        self.read_only = read_only or not data.editable
        self.autosaver.start(data.id)
        old = self.form_scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.form = build_form(self.template, self._photo_slot)
        self.form.edited.connect(self._edited)
        self.form.note_edited.connect(self._note_edited)
        self.form.row_action.connect(self._row_action)
        self._add_extra_sections(data)
        for path, widget in self.form.widgets.items():
            if not isinstance(widget, ComputedField):
                widget.set_value(self.values.get(path))
            if isinstance(widget, ChecklistField):
                widget.set_note(get_note(self.values, path))
        for gid, group in self.form.groups.items():
            items = self.values.get(gid)
            group.set_items(items if isinstance(items, list) else [])
        self.form.set_read_only(self.read_only)
        self.form_scroll.setWidget(self.form)
        self._fill_index()
        self.heading.setText(f"{data.equipment_label} · {data.company_name} · "
                             f"{data.inspected_on:%d-%m-%Y}")
        self.heading.setToolTip(self.template.title(language()))  # the object type says it
        shown = status_label(data.status)
        self.status_text.setText(self.tr("Status: {status}").format(status=shown))
        comment = data.review_comment if data.status == "revision_requested" else None
        self.revision_banner.setText(self.tr("Penyelia meminta revisi: {comment}").format(
            comment=comment or ""))
        self.revision_banner.setVisible(bool(comment))
        self.readonly_banner.setText(self.tr("Hanya baca: pemeriksaan ini berstatus "
                                             "{status}.").format(status=shown))
        self.readonly_banner.setVisible(self.read_only and not self.embedded)
        self.autosave_status.setText(self.tr("Tersimpan") if not self.read_only else "")
        for button in (self.submit_button, self.undo_button, self.redo_button):
            button.setVisible(not self.read_only and not self.embedded)
        self.evaluate_now()
        self._actions_changed()
        if not self.read_only:
            self._remember_where()

    def _photo_slot(self, path: str, spec: Any) -> QWidget:
        assert self.data is not None
        slot: QWidget = PhotoSlot(self.session, self.data.id, path, spec)
        return slot

    def _add_extra_sections(self, data: editor_service.EditorData) -> None:
        assert self.form is not None
        self.instrument_picker = InstrumentPicker(self.session)
        self.instrument_picker.set_value(data.instrument_ids, data.inspected_on)
        self.instrument_picker.set_read_only(self.read_only)
        self.instrument_picker.changed.connect(lambda: self._mark(INSTRUMENTS))
        self.form.add_section_frame("_instruments", self.tr("Alat ukur yang dipakai"),
                                    self.instrument_picker)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.findings_list = QListWidget()
        self.findings_list.setObjectName("findings_list")
        self.findings_list.setAccessibleName(self.tr("Temuan"))
        self.findings_list.itemClicked.connect(self._finding_clicked)
        self.findings_list.setMaximumHeight(120)
        self.recommendations_list = QListWidget()
        self.recommendations_list.setObjectName("recommendations_list")
        self.recommendations_list.setAccessibleName(self.tr("Rekomendasi"))
        self.recommendations_list.setMaximumHeight(100)
        self.notes_edit = QPlainTextEdit(data.notes)
        self.notes_edit.setObjectName("inspection_notes")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(100)
        self.notes_edit.setReadOnly(self.read_only)
        self.notes_edit.textChanged.connect(lambda: self._mark(NOTES))
        notes_label = QLabel(self.tr("Catatan pemeriksa (teks bebas)"))
        notes_label.setBuddy(self.notes_edit)
        self.notes_edit.setAccessibleName(notes_label.text())
        for widget in (QLabel(self.tr("Temuan dari persyaratan")), self.findings_list,
                       QLabel(self.tr("Rekomendasi")), self.recommendations_list,
                       notes_label, self.notes_edit):
            column.addWidget(widget)
        self.form.add_section_frame("_findings", self.tr("Temuan dan rekomendasi"), box)
        self.signature_pad = SignaturePad(self.session, data.id)
        self.signature_pad.set_read_only(self.read_only)
        self.form.add_section_frame("_signature", self.tr("Tanda tangan pemeriksa"),
                                    self.signature_pad)

    def _fill_index(self) -> None:
        assert self.form is not None
        self.index.clear()
        for sid, title in self.form.section_titles.items():
            item = QListWidgetItem(title)
            item.setData(PATH_ROLE, sid)
            item.setData(PATH_ROLE + 1, title)
            self.index.addItem(item)

    # editing ---------------------------------------------------------------------------
    def _edited(self, path: str) -> None:
        if self.form is None or self.read_only:
            return
        widget = self.form.widget(path)
        problem = widget.input_problem()
        if problem is not None:
            self.input_problems[path] = problem
            self._undo_prefix(path)
            self.schedule_evaluation()
            return
        self.input_problems.pop(path, None)
        new, old = widget.value(), get_path(self.values, path)
        if new != old:
            label = getattr(widget, "label", path)
            self.undo_stack.push(SetValue(self, path, copy.deepcopy(old), new,
                                          self.tr("Ubah {label}").format(label=label)))
        else:
            self.schedule_evaluation()

    def _undo_prefix(self, path: str) -> None:
        """Typing "150" in a field limited to 100 passes through "1" and "15": while the
        text is invalid, the stored value goes back to what it was before this typing,
        never a prefix that looks like a measurement."""
        top = self.undo_stack.command(self.undo_stack.index() - 1)
        if (type(top) is SetValue and top.path == path
                and get_path(self.values, path) != top.old):
            top.new = copy.deepcopy(top.old)
            set_path(self.values, path, copy.deepcopy(top.old))
            self._mark(top_field(path))

    def _note_edited(self, path: str) -> None:
        if self.form is None or self.read_only:
            return
        widget = self.form.widget(path)
        new, old = widget.note_text(), get_note(self.values, path)
        if new != old:
            self.undo_stack.push(SetNote(self, path, old, new, self.tr("Ubah catatan")))

    def _row_action(self, action: str, group: str, index: int) -> None:
        if self.read_only:
            return
        old = copy.deepcopy(self.values.get(group) or [])
        new = rows_after(old, action, index)
        if new != old:
            text = {"add": self.tr("Tambah baris"), "remove": self.tr("Hapus baris"),
                    "up": self.tr("Naikkan baris"), "down": self.tr("Turunkan baris")}[action]
            self.undo_stack.push(SetRows(self, group, old, new, text))

    # called by the undo commands
    def apply_value(self, path: str, value: Any) -> None:
        set_path(self.values, path, copy.deepcopy(value))
        if self.form is not None:
            widget = self.form.widget(path)
            if widget is not None and widget.value() != value:
                widget.set_value(value)
                self.input_problems.pop(path, None)
        self._mark(top_field(path))

    def apply_note(self, path: str, text: str) -> None:
        set_note(self.values, path, text)
        if self.form is not None:
            widget = self.form.widget(path)
            if isinstance(widget, ChecklistField) and widget.note_text() != text:
                widget.set_note(text)
        self._mark("_notes" if top_field(path) == path else top_field(path))

    def apply_rows(self, group: str, items: list[dict[str, Any]]) -> None:
        self.values[group] = items
        self.input_problems = {p: v for p, v in self.input_problems.items()
                               if top_field(p) != group}
        if self.form is not None:
            self.form.groups[group].set_items(items)
        self._mark(group)

    def _mark(self, key: str) -> None:
        if self.read_only or self.data is None:
            return
        self.autosaver.mark(key)
        self.schedule_evaluation()

    def _payload(self, keys: set[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        values = {k: copy.deepcopy(self.values.get(k)) for k in keys
                  if k not in (NOTES, INSTRUMENTS)}
        if values:
            out["values"] = values
        if NOTES in keys:
            out["notes"] = self.notes_edit.toPlainText()
        if INSTRUMENTS in keys:
            out["instrument_ids"] = list(self.instrument_picker.value())
        return out

    def _save_status(self, text: str, state: str) -> None:
        self.autosave_status.setText(text)
        self.autosave_status.setProperty("state", state)
        self.autosave_status.setStyleSheet("color: #b71c1c; font-weight: bold;"
                                           if state == "refused" else "")

    # evaluating ------------------------------------------------------------------------
    def schedule_evaluation(self) -> None:
        """Evaluate now: a few milliseconds on the largest template (docs/ui.md), so the
        panel follows every keystroke without a worker."""
        self.evaluate_now()

    def evaluate_now(self) -> None:
        import time

        if self.template is None or self.form is None or self.data is None:
            return
        started = time.perf_counter()
        shown = copy.deepcopy(self.values)
        for path in self.input_problems:
            widget = self.form.widget(path)
            if widget is not None:
                set_path(shown, path, widget.raw())
        self.evaluation = evaluate(self.template, shown, self.data.inspected_on)
        norm: dict[str, Any] = {}
        if self.template.computed:  # evaluate() computed them too, but keeps them inside
            norm, _ = normalize_values(self.template, shown)
            compute(self.template, norm, [])
        self.eval_ms.append((time.perf_counter() - started) * 1000)
        found = [p for p in evaluation_problems(self.template, self.evaluation)
                 if p.path not in self.input_problems]
        self.problems = list(self.input_problems.values()) + found
        picker = getattr(self, "instrument_picker", None)
        extra = [ValueProblem("", "calibration", {}, text)
                 for text in (picker.problems() if picker is not None else [])]
        self._show_evaluation(norm, self.problems + extra)

    def _show_evaluation(self, norm: dict[str, Any], problems: list[ValueProblem]) -> None:
        assert self.form is not None and self.template is not None
        for cell in self.form.computed_cells():
            cell.show_computed(get_path(norm, cell.path))
        soft: dict[str, str] = {}
        for f in self.evaluation.failed:
            for path in f.fields[:1]:
                text = (self.tr("Perlu tindak lanjut: {message}") if f.severity == "minor"
                        else self.tr("Tidak memenuhi: {message}"))
                soft.setdefault(path, text.format(message=f.message_id))
        hard = {p.path: p.message for p in problems
                if p.path and (self.show_missing or p.code != "required"
                               or p.path in self.input_problems)}
        for widget in self.form.all_cells():
            widget.set_message(hard.get(widget.path), soft.get(widget.path))
        for gid, group in self.form.groups.items():
            group.set_message(hard.get(gid), None)
        self.rules_panel.show_result(self.template, self.evaluation, problems,
                                     self.form.section_id_of, self.form.section_titles)
        self.findings_list.clear()
        for f in self.evaluation.failed:
            item = QListWidgetItem(f"✖ {f.message_id}")
            item.setData(PATH_ROLE, f.fields[0] if f.fields else "")
            self.findings_list.addItem(item)
        self.recommendations_list.clear()
        self.recommendations_list.addItems(list(self.evaluation.recommendations))
        n = len(self.input_problems)
        self.invalid_status.setText(self.tr("· %n isian tidak valid belum disimpan", "", n)
                                    if n else "")
        per_section: dict[str, int] = {}
        for p in problems:
            sid = self.form.section_id_of(p.path) or ""
            per_section[sid] = per_section.get(sid, 0) + 1
        for i in range(self.index.count()):
            item = self.index.item(i)
            title, sid = item.data(PATH_ROLE + 1), item.data(PATH_ROLE)
            n = per_section.get(sid, 0)
            item.setText(self.tr("{title} — ⚠ {n}").format(title=title, n=n) if n else title)
            item.setToolTip(self.tr("{n} isian perlu diperbaiki").format(n=n) if n else "")

    # moving around ---------------------------------------------------------------------
    def jump_to(self, path: str) -> None:
        if self.form is None:
            return
        widget = self.form.widget(path)
        if widget is None:
            return
        self.form_scroll.ensureWidgetVisible(widget, 40, 80)
        widget.focus_input()

    def jump_to_section(self, section: str) -> None:
        if self.form is None or section not in self.form.sections:
            return
        frame = self.form.sections[section]
        self.form_scroll.verticalScrollBar().setValue(frame.y())

    def _index_clicked(self, item: QListWidgetItem) -> None:
        self.jump_to_section(str(item.data(PATH_ROLE)))

    def _finding_clicked(self, item: QListWidgetItem) -> None:
        if item.data(PATH_ROLE):
            self.jump_to(str(item.data(PATH_ROLE)))

    def current_section(self) -> str:
        if self.form is None:
            return ""
        y = self.form_scroll.verticalScrollBar().value()
        current = ""
        for sid, frame in self.form.sections.items():
            if frame.y() <= y + 20:
                current = sid
        return current or next(iter(self.form.sections), "")

    def _scrolled(self, _value: int) -> None:
        section = self.current_section()
        for i in range(self.index.count()):
            item = self.index.item(i)
            if item.data(PATH_ROLE) == section and self.index.currentRow() != i:
                self.index.setCurrentRow(i)
        if section != self._section and not self.read_only:
            self._where_timer.start()

    def _remember_where(self) -> None:
        if self.data is None or self.read_only or self.session.actor is None:
            return
        self._section = self.current_section()
        self.session.run(editor_service.remember_open, self.session.db, self.data.id,
                         self._section, self.session.actor.id)

    # the window's actions --------------------------------------------------------------
    def can(self, action: str) -> bool:
        editable = self.data is not None and not self.read_only
        if action in ("save_now", "submit"):
            return editable
        if action == "undo":
            return editable and self.undo_stack.canUndo()
        if action == "redo":
            return editable and self.undo_stack.canRedo()
        return super().can(action)

    def _actions_changed(self, *_args: object) -> None:
        self.undo_button.setEnabled(self.undo_stack.canUndo())
        self.redo_button.setEnabled(self.undo_stack.canRedo())
        update = getattr(self.window(), "update_actions", None)
        if callable(update) and self.window() is not self:
            update()

    def undo(self) -> None:
        if self.can("undo"):
            self.undo_stack.undo()

    def redo(self) -> None:
        if self.can("redo"):
            self.undo_stack.redo()

    def save_now(self) -> None:
        if self.can("save_now"):
            self.autosaver.save_now()

    def submit(self) -> None:
        """Refuse with the list of problems, or confirm and submit."""
        if not self.can("submit"):
            return
        self.show_missing = True
        self.evaluate_now()
        picker = self.instrument_picker.problems()
        local = self.problems + [ValueProblem("", "calibration", {}, t) for t in picker]
        if local:
            self.show_refusal(local)
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Ajukan pemeriksaan"),
                          self.tr("Ajukan pemeriksaan ini ke penyelia? Setelah diajukan, "
                                  "isiannya tidak dapat diubah lagi kecuali penyelia meminta "
                                  "revisi."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setObjectName("submit_confirm")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Ajukan"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Batal"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _r: self._confirmed(box))
        self.confirm_box = box
        box.open()

    def _confirmed(self, box: QMessageBox) -> None:
        if box.standardButton(box.clickedButton()) != QMessageBox.StandardButton.Yes:
            return
        self.autosaver.save_now(then=self._send_submit)

    def _send_submit(self, saved: bool) -> None:
        if not saved or self.data is None:
            return
        self.session.run(inspection_service.submit, self.session.context(), self.data.id,
                         success=self._submitted, failure=self._submit_failed)

    def _submitted(self, changes: Any) -> None:
        self.session.notify(changes, self)
        assert self.data is not None
        self.session.run(editor_service.forget_open, self.session.db)
        self.open_inspection(self.data.id)

    def _submit_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, K3Error):
            show_error(self, exc)
            return
        self.show_refusal(refusal_problems(self.template, exc))

    def show_refusal(self, problems: list[ValueProblem]) -> None:
        assert self.form is not None
        dialog = SubmitRefusedDialog(problems, self.form.section_id_of,
                                     self.form.section_titles, self)
        dialog.jump.connect(self.jump_to)
        self.refusal_dialog = dialog
        dialog.open()

    # life cycle ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Another process or a sync changed data: take a new status or review comment."""
        if self.data is None or self.autosaver.pending:
            return
        self.session.run(editor_service.load, self.session.context(), self.data.id,
                         success=self._refreshed, failure=lambda _exc: None)

    def _refreshed(self, data: editor_service.EditorData) -> None:
        if self.data is None or data.id != self.data.id or self.autosaver.pending:
            return
        if (data.status, data.review_comment, data.values) != (
                self.data.status, self.data.review_comment, self.values):
            self.show_loaded(data, self._asked_read_only)

    def about_to_close(self) -> None:
        """The window closes: store what is pending and forget the open inspection."""
        if self.data is None:
            return
        self.autosaver.flush_blocking()
        self.session.run(editor_service.forget_open, self.session.db)
        self.session.ops.wait_idle()
        self.data = None
