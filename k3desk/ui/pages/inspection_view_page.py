"""A read-only view of one inspection: the stand-in under key "editor" until the
editor page (k3desk/ui/pages/editor_page.py) is there. Shows the verdict and why, every
rule with what was required and measured, then every value entered."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout

from k3desk.services import browse_service
from k3desk.ui.labels import VERDICT_COLORS, object_type_name, status_label, verdict_label
from k3desk.ui.pages.base import Page
from k3desk.ui.session import UiSession


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value))


class InspectionViewPage(Page):
    def __init__(self, session: UiSession) -> None:
        super().__init__(session)
        self.setObjectName("inspection_view_page")
        self.title = self.tr("Pemeriksaan")
        self.inspection_id: str | None = None
        self.note = QLabel(self.tr("Tampilan baca saja."))
        self.text = QTextBrowser()
        self.text.setObjectName("inspection_view_text")
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.text, 1)

    def open_inspection(self, inspection_id: str) -> None:
        self.inspection_id = inspection_id
        self.text.setPlainText(self.tr("Memuat…"))
        self.refresh()

    def refresh(self) -> None:
        if self.inspection_id:
            self.session.run(browse_service.inspection_detail, self.session.db,
                             self.inspection_id, success=self._show)

    def _show(self, detail: dict[str, Any]) -> None:
        if not detail:
            self.text.setPlainText(self.tr("Pemeriksaan ini tidak ada lagi."))
            return
        self.text.setHtml(self.render_html(detail))

    def render_html(self, detail: dict[str, Any]) -> str:
        insp = detail["inspection"]
        equipment, company = detail["equipment"], detail["company"]
        verdict = insp.get("verdict") or ""
        color = VERDICT_COLORS.get(verdict, "#000")
        cert = detail.get("certificate")
        parts = [
            f"<h3>{esc(object_type_name(equipment.get('object_type', '')))} "
            f"{esc(equipment.get('serial_number', ''))}</h3>",
            f"<p>{esc(company.get('name', ''))}<br>{esc(company.get('address', ''))}<br>"
            + self.tr("Tanggal: {date} · Pemeriksa: {inspector}").format(
                date=insp["inspected_on"], inspector=esc(detail.get("inspector", "")))
            + "</p>",
            "<p>" + self.tr("Kesimpulan: {verdict} · Status: {status}").format(
                verdict=f"<b style='color:{color}'>{esc(verdict_label(verdict))}</b>",
                status=esc(status_label(insp["status"])))]
        if cert:
            parts.append(" · " + self.tr("Sertifikat: {number}").format(number=esc(cert)))
            if detail.get("certificate_revoked"):
                parts.append(f" <span style='color:#b71c1c'>({self.tr('dicabut')})</span>")
        parts.append("</p>")
        if insp.get("review_comment"):
            parts.append("<p>" + self.tr("Catatan penyelia: {comment}").format(
                comment=esc(insp["review_comment"])) + "</p>")
        if detail["results"]:
            rows = "".join(
                f"<tr><td>{esc(r['factor'])}</td><td>{esc(r['required'])}"
                f"{'*' if r['unverified'] else ''}<br><small>{esc(r['reference'])}</small></td>"
                f"<td align=right>{esc(r['measured'])} {esc(r['unit'])}</td>"
                f"<td style='color:{'#1b5e20' if r['passed'] else '#b71c1c'}'>"
                f"{verdict_label('memenuhi' if r['passed'] else 'tidak_memenuhi')}</td></tr>"
                for r in detail["results"])
            parts.append(
                f"<h4>{self.tr('Hasil pemeriksaan dan pengujian')}</h4>"
                "<table border=1 cellspacing=0 cellpadding=3 width=100%>"
                f"<tr><th>{self.tr('Faktor')}</th><th>{self.tr('Persyaratan')}</th>"
                f"<th>{self.tr('Hasil ukur')}</th><th>{self.tr('Keterangan')}</th></tr>{rows}"
                "</table><p><small>* "
                + self.tr("ambang belum terverifikasi terhadap teks peraturan")
                + "</small></p>")
        for title, values in detail["sections"]:
            rows = "".join(f"<tr><td>{esc(label)}</td><td>{esc(value)} {esc(unit)}</td></tr>"
                           for label, value, unit in values)
            parts.append(f"<h4>{esc(title)}</h4><table cellspacing=2>{rows}</table>")
        return "".join(parts)
