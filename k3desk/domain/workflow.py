"""Who may move an inspection from which status to which (SYNC_PROTOCOL.md section 4)."""

from __future__ import annotations

from enum import StrEnum

from k3desk.domain.i18n import translate

# Kinds of inspection (jenis pemeriksaan): first, periodic, special, repeat.
INSPECTION_KINDS = ("pertama", "berkala", "khusus", "ulang")


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    REVISION_REQUESTED = "revision_requested"
    APPROVED = "approved"
    REJECTED = "rejected"


class Role(StrEnum):
    INSPECTOR = "inspector"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


FINAL_STATUSES = frozenset({Status.APPROVED, Status.REJECTED})
EDITABLE_STATUSES = frozenset({Status.DRAFT, Status.REVISION_REQUESTED})

# (from, to) -> the role that may make the move
TRANSITIONS: dict[tuple[Status, Status], Role] = {
    (Status.DRAFT, Status.SUBMITTED): Role.INSPECTOR,
    (Status.REVISION_REQUESTED, Status.SUBMITTED): Role.INSPECTOR,
    (Status.SUBMITTED, Status.APPROVED): Role.SUPERVISOR,
    (Status.SUBMITTED, Status.REVISION_REQUESTED): Role.SUPERVISOR,
    (Status.SUBMITTED, Status.REJECTED): Role.SUPERVISOR,
}

STATUS_LABELS_ID = {
    Status.DRAFT: "Draf",
    Status.SUBMITTED: "Diajukan",
    Status.REVISION_REQUESTED: "Perlu revisi",
    Status.APPROVED: "Disetujui",
    Status.REJECTED: "Ditolak",
}


def transition_error(old: str | None, new: str, role: str) -> str | None:
    """None when ``role`` may move an inspection from ``old`` to ``new``, else why not.

    ``old`` is None for a new inspection, which starts as a draft (an inspector may also
    create one already submitted, as a laptop that was offline for the whole job does).
    Staying in an editable status is an edit, allowed to inspectors.
    """
    try:
        new_s = Status(new)
    except ValueError:
        return translate("workflow", "status tidak dikenal: {new!r}").format(
                   new=new)
    if old is None:
        if new_s == Status.DRAFT or (new_s == Status.SUBMITTED and role == Role.INSPECTOR):
            return None
        return translate("workflow", "pemeriksaan baru harus berstatus draft, bukan "
                         "{value}").format(
                   value=new_s.value)
    old_s = Status(old)
    if old_s in FINAL_STATUSES:
        return translate("workflow", "pemeriksaan berstatus {value} tidak dapat diubah "
                         "lagi").format(
                   value=old_s.value)
    if old_s == new_s:
        if old_s in EDITABLE_STATUSES and role == Role.INSPECTOR:
            return None
        if old_s == Status.SUBMITTED:
            return translate("workflow", "pemeriksaan yang sudah diajukan tidak dapat diubah; "
                             "penyelia sedang menelaahnya")
        return translate("workflow", "{role} tidak dapat mengubah pemeriksaan berstatus "
                         "{value}").format(
                   role=role, value=old_s.value)
    allowed = TRANSITIONS.get((old_s, new_s))
    if allowed is None:
        return translate("workflow", "status pemeriksaan tidak dapat berpindah dari "
                         "{value} ke {value2}").format(
                   value=old_s.value, value2=new_s.value)
    if allowed != role:
        return (translate("workflow", "hanya {value} yang dapat memindahkan pemeriksaan "
                          "dari {value2} ke {value3}").format(
                    value=allowed.value, value2=old_s.value, value3=new_s.value))
    return None
