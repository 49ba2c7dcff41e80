"""Labels of codes the services use (status, verdict, kind, role), through Qt's
translations (context "labels"; literal strings so pyside6-lupdate finds them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.ui.i18n import language


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def status_label(code: str | None) -> str:
    return {"draft": _t("Draf"), "submitted": _t("Diajukan"),
            "revision_requested": _t("Perlu revisi"), "approved": _t("Disetujui"),
            "rejected": _t("Ditolak")}.get(code or "", code or "")


def verdict_label(code: str | None) -> str:
    return {"memenuhi": _t("Memenuhi"), "tidak_memenuhi": _t("Tidak memenuhi"),
            "incomplete": _t("Belum lengkap")}.get(code or "", "-")


def kind_label(code: str) -> str:
    return {"pertama": _t("Pertama"), "berkala": _t("Berkala"), "khusus": _t("Khusus"),
            "ulang": _t("Ulang")}.get(code, code)


def role_label(code: str) -> str:
    return {"inspector": _t("Pemeriksa"), "supervisor": _t("Penyelia"),
            "admin": _t("Admin")}.get(code, code)


def object_type_name(code: str) -> str:
    t = OBJECT_TYPES.get(code)
    return t.name(language()) if t else code


VERDICT_COLORS = {"memenuhi": "#1b5e20", "tidak_memenuhi": "#b71c1c", "incomplete": "#6d4c41"}
