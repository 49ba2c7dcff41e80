"""The kinds of object a Balai K3 inspects and tests.

``number_code`` is the object part of a certificate number (``{object_code}`` in the
number format, e.g. ``0042/PAA/BK3JKT/III/2026``).
"""

from __future__ import annotations

from dataclasses import dataclass

from k3desk.domain.i18n import translate


@dataclass(frozen=True)
class ObjectType:
    code: str
    number_code: str
    name_id: str
    name_en: str
    field_id: str  # bidang: the inspector's licence field

    def name(self, lang: str = "id") -> str:
        return self.name_en if lang == "en" else self.name_id


_PUBT = "Pesawat Uap dan Bejana Tekan"
_PAA = "Pesawat Angkat dan Angkut"
_KBK = "Penanggulangan Kebakaran"
_EE = "Elevator dan Eskalator"

OBJECT_TYPES: dict[str, ObjectType] = {
    t.code: t
    for t in (
        ObjectType("bejana_tekan", "PUBT", "Bejana Tekanan", "Pressure vessel", _PUBT),
        ObjectType("tangki_timbun", "PUBT", "Tangki Timbun", "Storage tank", _PUBT),
        ObjectType("pesawat_uap", "PUBT", "Pesawat Uap (Ketel Uap)", "Steam boiler", _PUBT),
        ObjectType("overhead_crane", "PAA", "Overhead Crane", "Overhead crane", _PAA),
        ObjectType("mobile_crane", "PAA", "Mobile Crane", "Mobile crane", _PAA),
        ObjectType("forklift", "PAA", "Forklift", "Forklift", _PAA),
        ObjectType("tower_crane", "PAA", "Tower Crane", "Tower crane", _PAA),
        ObjectType("gondola", "PAA", "Gondola (Building Maintenance Unit)",
                   "Gondola (building maintenance unit)", _PAA),
        ObjectType("alat_bantu_angkat", "PAA", "Alat Bantu Angkat (Sling, Rantai, Segel, Kait)",
                   "Lifting accessories (slings, chains, shackles, hooks)", _PAA),
        ObjectType("elevator", "EE", "Elevator", "Elevator", _EE),
        ObjectType("eskalator", "EE", "Eskalator / Moving Walk", "Escalator / moving walk",
                   _EE),
        ObjectType("instalasi_listrik", "LIS", "Instalasi Listrik", "Electrical installation",
                   "Listrik"),
        ObjectType("penyalur_petir", "IPP", "Instalasi Penyalur Petir",
                   "Lightning protection installation", "Penyalur Petir"),
        ObjectType("apar", "PK", "Alat Pemadam Api Ringan (APAR)", "Portable fire extinguisher",
                   _KBK),
        ObjectType("hydrant", "PK", "Instalasi Hidran", "Fire hydrant installation", _KBK),
        ObjectType("alarm_kebakaran", "PK", "Instalasi Alarm Kebakaran", "Fire alarm installation",
                   _KBK),
        ObjectType("pesawat_tenaga_produksi", "PTP", "Pesawat Tenaga dan Produksi (Genset)",
                   "Prime mover and production machine (generator set)",
                   "Pesawat Tenaga dan Produksi"),
        ObjectType("lingkungan_kerja", "LK", "Lingkungan Kerja", "Work environment",
                   "Lingkungan Kerja"),
    )
}


def get_object_type(code: str) -> ObjectType:
    from k3desk.domain.errors import ValidationError

    try:
        return OBJECT_TYPES[code]
    except KeyError:
        known = ", ".join(sorted(OBJECT_TYPES))
        raise ValidationError(translate("object_types", "jenis objek {code} tidak dikenal "
                                        "(yang dikenal: {known})").format(code=code,
                                                                         known=known),
                              field="object_type") from None
