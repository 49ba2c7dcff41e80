"""Labels of codes the services use (status, verdict, kind, role), through Qt's
translations (context "labels"; literal strings so pyside6-lupdate finds them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.ui.i18n import language

translate = QCoreApplication.translate


def status_label(code: str | None) -> str:
    return {"draft": translate("labels", "Draf"),
            "submitted": translate("labels", "Diajukan"),
            "revision_requested": translate("labels", "Perlu revisi"),
            "approved": translate("labels", "Disetujui"),
            "rejected": translate("labels", "Ditolak")}.get(code or "", code or "")


def verdict_label(code: str | None) -> str:
    return {"memenuhi": translate("labels", "Memenuhi"),
            "tidak_memenuhi": translate("labels", "Tidak memenuhi"),
            "incomplete": translate("labels", "Belum lengkap")}.get(code or "", "-")


def kind_label(code: str) -> str:
    return {"pertama": translate("labels", "Pertama"),
            "berkala": translate("labels", "Berkala"),
            "khusus": translate("labels", "Khusus"),
            "ulang": translate("labels", "Ulang")}.get(code, code)


def role_label(code: str) -> str:
    return {"inspector": translate("labels", "Pemeriksa"),
            "supervisor": translate("labels", "Penyelia"),
            "admin": translate("labels", "Admin")}.get(code, code)


def object_type_name(code: str) -> str:
    t = OBJECT_TYPES.get(code)
    return t.name(language()) if t else code


VERDICT_COLORS = {"memenuhi": "#1b5e20", "tidak_memenuhi": "#b71c1c", "incomplete": "#6d4c41"}
