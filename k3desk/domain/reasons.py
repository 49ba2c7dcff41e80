"""Plain sentences for what the operating system refused, instead of its own text.

``OSError``'s text ("[Errno 28] No space left on device: '/…'") is English, names a C
constant and is not what a person can act on. ``os_reason`` says in the interface
language what is wrong and what to do; the caller logs the exception itself.
"""

from __future__ import annotations

import errno

from k3desk.domain.i18n import translate


def os_reason(exc: BaseException) -> str:
    """What ``exc`` (an ``OSError`` or anything else) means for a person, in one clause."""
    code = getattr(exc, "errno", None)
    if isinstance(exc, FileNotFoundError) or code == errno.ENOENT:
        return translate("reasons", "berkas atau folder tidak ditemukan; periksa lokasinya")
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return translate("reasons", "tidak ada izin untuk membuka atau menulis di lokasi "
                                    "ini; pilih folder lain atau periksa izinnya")
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG):
        return translate("reasons", "ruang disk penuh; kosongkan ruang atau pilih disk lain")
    if code == errno.EROFS:
        return translate("reasons", "media hanya dapat dibaca; pilih lokasi yang dapat "
                                    "ditulisi")
    if isinstance(exc, IsADirectoryError) or code == errno.EISDIR:
        return translate("reasons", "lokasi itu sebuah folder, bukan berkas")
    if isinstance(exc, NotADirectoryError) or code == errno.ENOTDIR:
        return translate("reasons", "sebagian jalur itu bukan folder; periksa lokasinya")
    if code == errno.ENAMETOOLONG:
        return translate("reasons", "nama atau jalur berkas terlalu panjang")
    if isinstance(exc, FileExistsError) or code == errno.EEXIST:
        return translate("reasons", "berkas dengan nama itu sudah ada")
    if code == errno.EIO:
        return translate("reasons", "disk atau media gagal dibaca/ditulis; periksa "
                                    "medianya")
    return translate("reasons", "sistem berkas menolak operasi ini (rincian ada di log)")


def yaml_reason(exc: BaseException) -> str:
    """Where a YAML (or JSON) file stops making sense, as a person reads it: the line and
    column of the mistake; the parser's own English text goes to the log."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = getattr(exc, "lineno", None)
    column = getattr(exc, "colno", None)
    if mark is not None:
        line, column = mark.line + 1, mark.column + 1
    if line is None:
        return translate("reasons", "penulisannya tidak sah; periksa indentasi, tanda titik "
                                    "dua dan tanda kutip")
    return translate("reasons", "penulisannya tidak sah di baris {line}, kolom {column}; "
                                "periksa indentasi, tanda titik dua dan tanda kutip").format(
                                    line=line, column=column)


def database_reason(exc: BaseException) -> str:
    """Why a (server's) database cannot be opened, from the driver's text, in a clause a
    person can act on; anything not recognised is one fixed clause (the text is logged)."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "password authentication failed" in text or "access denied" in text:
        return translate("reasons", "nama pengguna atau kata sandi basis data ditolak; "
                                    "periksa alamat --db")
    if "does not exist" in text and "database" in text:
        return translate("reasons", "basis data itu belum ada; buat dulu (createdb) atau "
                                    "periksa namanya di alamat --db")
    if ("could not connect" in text or "connection refused" in text
            or "could not translate host" in text or "timeout" in text):
        return translate("reasons", "server basis data tidak dapat dihubungi; pastikan "
                                    "PostgreSQL berjalan dan alamat --db benar")
    if "unable to open database file" in text or "readonly" in text:
        return translate("reasons", "berkas basis data tidak dapat dibuka atau ditulisi; "
                                    "periksa folder dan izinnya")
    if "not a database" in text or "malformed" in text:
        return translate("reasons", "berkas itu rusak atau bukan basis data k3desk")
    if "can't load plugin" in text or "no module named" in text:
        return translate("reasons", "jenis alamat --db tidak dikenal atau driver-nya belum "
                                    "terpasang")
    return translate("reasons", "basis data menolak dibuka (rinciannya tercatat di log)")
