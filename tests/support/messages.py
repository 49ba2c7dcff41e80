"""What a message a person reads may not hold: Python, SQL, internal words, the other
language. ``raw_parts(text)`` lists what it finds (empty: the message is plain)."""

from __future__ import annotations

import re

# Python and library leftovers: type names, tracebacks, errno, reprs, SQL.
_RAW = [
    (re.compile(r"Traceback|File \"[^\"]+\", line"), "a traceback"),
    (re.compile(r"\b[A-Z]\w*(Error|Exception|Refused|Timeout)\b"), "a Python type name"),
    (re.compile(r"\b(ConnectError|ReadTimeout|BadZipFile|JSONDecodeError|httpx|sqlite3|"
                r"sqlalchemy|pydantic|yaml\.)"), "a library name"),
    (re.compile(r"\[Errno|\berrno\b|strerror"), "an errno"),
    (re.compile(r"\[SQL:|\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b|UNIQUE constraint"),
     "SQL"),
    (re.compile(r"<[\w.]+ object at 0x|\b\w+\(\w+="), "a repr"),
    (re.compile(r"\b(tidak_memenuhi|memenuhi_sebagian|revision_requested|missing_reference)\b"),
     "an internal value"),
]

# Lower-case English words that never appear in the Indonesian messages (nor in their
# placeholders' values in these tests). Upper-case placeholders (FILE.xlsx, URL) are fine.
ENGLISH = ("the", "is", "not", "cannot", "can't", "failed", "error", "such", "file",
           "directory", "connection", "refused", "denied", "permission", "invalid",
           "database", "missing", "unknown", "must", "expected", "unable", "does", "exist",
           "line", "column", "found", "damaged", "malformed", "readable", "please", "wrong",
           "password", "username", "unreachable", "timed", "space", "device")

# Indonesian words that never appear in the English messages.
INDONESIAN = ("tidak", "dapat", "berkas", "sudah", "belum", "harus", "bukan", "periksa",
              "dan", "atau", "yang", "untuk", "dengan", "sandi", "pengguna", "rusak",
              "dihubungi", "gagal", "jalankan", "pemeriksaan", "cadangan", "salah", "sebagai")


def _words(text: str) -> list[str]:
    # Paths and addresses carry the test's own names (tmp folders): leave them out.
    kept = [t for t in text.split() if "/" not in t and "\\" not in t and "://" not in t]
    return re.findall(r"[a-z][a-z']*", " ".join(kept))


def raw_parts(text: str, lang: str = "id") -> list[str]:
    """What in ``text`` a person should not read (as 'kind: excerpt')."""
    found = [f"{what}: {m.group(0)!r}" for pattern, what in _RAW
             for m in [pattern.search(text)] if m]
    other = ENGLISH if lang == "id" else INDONESIAN
    words = set(_words(text))
    found += [f"{'English' if lang == 'id' else 'Indonesian'} word: {w!r}"
              for w in other if w in words]
    return found


def assert_plain(text: str, lang: str = "id") -> None:
    assert text.strip(), "no message at all"
    problems = raw_parts(text, lang)
    assert not problems, f"{problems} in:\n{text}"
