"""The live rules panel: the verdict on top, then every rule with its result.

Each rule reads pass / fail / incomplete (or not applicable), with its message, the
regulation, article and grade; a failed minor rule reads as a finding to follow up
("Catatan: perlu tindak lanjut", as the certificate and the report print it), never
"Tidak memenuhi" under a passing verdict, and a mark when the threshold is not verified from
regulation text in force. Status is said in words and a symbol, never by colour alone.
Clicking a rule (``rules_list``), a problem (``problems_list``, grouped by section) or a
recommendation emits ``jump(path)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from k3desk.domain.templates import CompiledRule, Template
from k3desk.ui.editor.problems import ValueProblem, top_field
from k3desk.ui.i18n import language

PATH_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
VERDICT_STYLE = {
    "memenuhi": "background: #e8f5e9; color: #1b5e20;",
    "tidak_memenuhi": "background: #ffebee; color: #b71c1c;",
    "incomplete": "background: #fff8e1; color: #6d4c00;",
}


translate = QCoreApplication.translate


def _texts(f: Any) -> tuple[str, str]:
    """A finding's title and message in the interface language."""
    en = language() == "en"
    return (f.title_en if en else f.title_id), (f.message_en if en else f.message_id)


@dataclass(frozen=True)
class RuleRow:
    """One line of the panel."""

    status: str  # "pass" | "fail" | "follow_up" | "incomplete" | "not_applicable"
    title: str
    message: str
    reference: str
    unverified: bool
    path: str
    severity: str = "major"


def _ref_text(ref: dict[str, Any]) -> str:
    if not ref:
        return ""
    text = f"{ref.get('regulation', '')} {ref.get('article', '')} [{ref.get('grade', '')}]"
    return text + (translate("RulesPanel", " (dicabut)") if ref.get("repealed") else "")


def _rule_path(template: Template, cr: CompiledRule) -> str:
    group = cr.rule.for_each
    for parts in cr.names:
        if parts[0] in template.fields:
            return parts[0]
        if group and parts[0] in template.group_subs.get(group, set()):
            return f"{group}[0].{parts[0]}"
    return group or ""


def _failed(f: Any) -> str:
    """A failed finding's status: a minor rule's failure is a finding to follow up."""
    return "follow_up" if f.severity == "minor" else "fail"


def rule_rows(template: Template, evaluation: Any) -> list[RuleRow]:
    """Every rule of the template with its result on these values, then failed items."""
    rows: list[RuleRow] = []
    for cr in template.rules:
        rule = cr.rule
        found = [f for f in evaluation.findings if f.rule_id == rule.id]
        for f in found:
            rows.append(RuleRow("pass" if f.passed else _failed(f), *_texts(f),
                                _ref_text(f.reference), f.unverified,
                                f.fields[0] if f.fields else _rule_path(template, cr),
                                f.severity))
        if found:
            continue
        ref = cr.reference
        ref_text = _ref_text(ref.model_dump())
        waiting = [n for n in evaluation.not_evaluated
                   if n.startswith(f"{rule.id}:") or n.startswith(f"{rule.id}[")]
        empty_group = bool(rule.for_each) and not evaluation_items(evaluation,
                                                                  rule.for_each or "")
        if waiting or empty_group:
            missing = waiting[0].split("missing ", 1)[-1].split(",")[0].strip() if waiting \
                else ""
            path = missing if missing and top_field(missing) in template.fields else \
                _rule_path(template, cr)
            rows.append(RuleRow("incomplete", rule.title.get(language()), translate(
                    "RulesPanel", "Menunggu nilai yang "
                                "diperlukan"), ref_text, ref.unverified, path, rule.severity))
        else:
            rows.append(RuleRow("not_applicable", rule.title.get(language()), translate(
                    "RulesPanel", "Tidak berlaku untuk "
                                "isian ini"), ref_text, ref.unverified,
                                _rule_path(template, cr), rule.severity))
    for f in evaluation.findings:
        if f.rule_id.startswith("item.") and not f.passed:
            rows.append(RuleRow(_failed(f), *_texts(f), _ref_text(f.reference),
                                f.unverified, f.fields[0] if f.fields else "", f.severity))
    rows.sort(key=lambda r: r.status == "not_applicable")  # stable: template order
    return rows


def evaluation_items(evaluation: Any, group: str) -> bool:
    return any(f.fields and f.fields[0].startswith(f"{group}[") for f in evaluation.findings)


class RulesPanel(QWidget):
    """Verdict, rules, what must be corrected, recommendations."""

    jump = Signal(str)

    STATUS = {"pass": ("✔", "Memenuhi"), "fail": ("✖", "Tidak memenuhi"),
              "follow_up": ("⚑", str(QT_TRANSLATE_NOOP("RulesPanel",
                                                      "Catatan: perlu tindak lanjut"))),
              "incomplete": ("…", "Belum lengkap"), "not_applicable": ("–", "Tidak berlaku")}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rules_panel")
        self.verdict = QLabel()
        self.verdict.setObjectName("rules_verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setMargin(8)
        self.summary = QLabel()
        self.summary.setObjectName("rules_summary")
        self.summary.setWordWrap(True)
        self.problems = QTreeWidget()
        self.problems.setObjectName("problems_list")
        self.problems.setHeaderHidden(True)
        self.problems.setAccessibleName(self.tr("Yang harus diperbaiki"))
        self.problems.itemActivated.connect(self._tree_jump)
        self.problems.itemClicked.connect(self._tree_jump)
        self.rules = QListWidget()
        self.rules.setObjectName("rules_list")
        self.rules.setWordWrap(True)
        self.rules.setAlternatingRowColors(True)
        self.rules.setSpacing(2)
        self.rules.setResizeMode(QListView.ResizeMode.Adjust)
        self.rules.setAccessibleName(self.tr("Persyaratan"))
        self.rules.itemActivated.connect(self._list_jump)
        self.rules.itemClicked.connect(self._list_jump)
        self.problems_title = QLabel(self.tr("Yang harus diperbaiki"))
        self.problems_title.setObjectName("problems_title")
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.verdict)
        column.addWidget(self.summary)
        column.addWidget(self.problems_title)
        column.addWidget(self.problems, 1)
        column.addWidget(QLabel(self.tr("Persyaratan")))
        column.addWidget(self.rules, 3)
        self.rows: list[RuleRow] = []

    def show_result(self, template: Template, evaluation: Any, problems: list[ValueProblem],
                    section_of: Any, section_titles: dict[str, str]) -> None:
        verdict = "incomplete" if problems else evaluation.verdict
        symbol, text = {"memenuhi": ("✔", self.tr("Memenuhi")),
                        "tidak_memenuhi": ("✖", self.tr("Tidak memenuhi")),
                        "incomplete": ("…", self.tr("Belum lengkap"))}[verdict]
        self.verdict.setText(f"{symbol} {text}")
        self.verdict.setProperty("verdict", verdict)
        self.verdict.setStyleSheet(VERDICT_STYLE[verdict] + " font-size: 16px; "
                                   "font-weight: bold; border-radius: 4px;")
        self.verdict.setAccessibleName(self.tr("Kesimpulan: {verdict}").format(verdict=text))
        self.rows = rule_rows(template, evaluation)
        counts = {k: sum(r.status == k for r in self.rows) for k in self.STATUS}
        summary = self.tr("{ok} memenuhi · {bad} tidak memenuhi · {wait} belum "
                          "lengkap · {prob} isian perlu diperbaiki").format(
            ok=counts["pass"], bad=counts["fail"], wait=counts["incomplete"],
            prob=len(problems))
        if counts["follow_up"]:
            summary += " · " + self.tr("{n} perlu tindak lanjut").format(n=counts["follow_up"])
        self.summary.setText(summary)
        self.rules.clear()
        for row in self.rows:
            symbol, word = self.STATUS[row.status]
            lines = [f"{symbol} {QCoreApplication.translate('RulesPanel', word)} — {row.title}",
                     row.message]
            ref = row.reference
            if row.unverified:
                ref += " · " + self.tr("⚠ ambang belum terverifikasi")
            if ref:
                lines.append(ref)
            item = QListWidgetItem("\n".join(lines))
            item.setData(PATH_ROLE, row.path)
            item.setData(STATUS_ROLE, row.status)
            if row.status == "not_applicable":
                item.setForeground(Qt.GlobalColor.gray)
            elif row.status == "fail":
                item.setForeground(Qt.GlobalColor.darkRed)
            elif row.status == "follow_up":
                item.setForeground(Qt.GlobalColor.darkYellow)
            self.rules.addItem(item)
        self.show_problems(problems, section_of, section_titles)

    def show_problems(self, problems: list[ValueProblem], section_of: Any,
                      section_titles: dict[str, str]) -> None:
        self.problems.clear()
        heads: dict[str, QTreeWidgetItem] = {}
        order = list(section_titles)
        for p in sorted(problems, key=lambda p: order.index(section_of(p.path))
                        if section_of(p.path) in order else -1):
            section = section_of(p.path) or ""
            head = heads.get(section)
            if head is None:
                head = QTreeWidgetItem([section_titles.get(section, self.tr("Umum"))])
                head.setData(0, PATH_ROLE, "")
                self.problems.addTopLevelItem(head)
                head.setExpanded(True)
                heads[section] = head
            child = QTreeWidgetItem([p.message])
            child.setData(0, PATH_ROLE, p.path)
            child.setToolTip(0, p.message)
            head.addChild(child)
        self.problems_title.setVisible(bool(problems))
        self.problems.setVisible(bool(problems))

    def _list_jump(self, item: QListWidgetItem) -> None:
        path = item.data(PATH_ROLE)
        if path:
            self.jump.emit(str(path))

    def _tree_jump(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        path = item.data(0, PATH_ROLE)
        if path:
            self.jump.emit(str(path))
