"""Photos and signatures through the attachment service, on real data folders."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from k3desk.domain.errors import PermissionDenied, ValidationError
from k3desk.services import attachment_service as att
from k3desk.services import inspection_service
from k3desk.services.context import Actor, AppContext
from k3desk.store.db import open_database
from k3desk.store.models import Attachment, Inspection, OutboxEntry, User
from tests.support import REPO
from tests.support.cli import run_main
from tests.support.drafts import new_draft, sent_back


def _ctx(db, username: str) -> AppContext:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return AppContext(db, Actor.of(s.scalars(select(User).where(
            User.username == username)).one()))


def _draft(db, username: str = "inspektur", template: str = "mobile_crane") -> str:  # type: ignore[no-untyped-def]
    """A new draft of ``username``'s, with no photo yet."""
    return new_draft(_ctx(db, username), template)


def jpeg(size: tuple[int, int] = (640, 480), orientation: int | None = None,
         gps: bool = False) -> bytes:
    """A JPEG whose left half is red and right half blue (so orientation shows)."""
    img = Image.new("RGB", size, (0, 0, 255))
    img.paste((255, 0, 0), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    if gps:
        exif[0x8825] = {1: "S", 2: (6.0, 12.0, 0.0)}
        exif[0x010F] = "KameraPabrik"
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=90, exif=exif.tobytes())
    return buf.getvalue()


@pytest.fixture
def env(demo_dir: Path):  # type: ignore[no-untyped-def]
    db = open_database(demo_dir)
    _blobs(db)  # what the demo holds before the test
    yield db, _ctx(db, "inspektur"), _draft(db)
    db.dispose()


def _all_blobs(db) -> set[Path]:  # type: ignore[no-untyped-def]
    return {p for p in db.blob_dir.glob("*/*") if p.is_file()}


_DEMO_BLOBS: dict[Path, set[Path]] = {}


def _blobs(db) -> list[Path]:  # type: ignore[no-untyped-def]
    """The blobs the test made (the demo's own photos left out); the demo's are all
    still there."""
    demo = _DEMO_BLOBS.setdefault(db.blob_dir, _all_blobs(db))
    now = _all_blobs(db)
    assert demo <= now, "a blob of the demo's photos was deleted"
    return sorted(now - demo)


def test_exif_rotated_photo_is_stored_upright_without_metadata(env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, ctx, iid = env
    src = tmp_path / "IMG_0001.JPG"
    src.write_bytes(jpeg((640, 480), orientation=6, gps=True))  # 6: turn 90 clockwise
    aid = att.add_photo(ctx, iid, "foto", src, src.name, caption="Pelat nama")
    [info] = att.photos(db, iid, "foto")
    assert info.id == aid and info.caption == "Pelat nama" and info.stored
    assert info.filename == "IMG_0001.jpg"
    with Image.open(info.path) as img:
        assert img.format == "JPEG"
        assert img.size == (480, 640)  # upright: portrait now
        top = img.getpixel((240, 20))
        bottom = img.getpixel((240, 620))
        assert top[0] > 200 and top[2] < 60  # red (the left half) went to the top
        assert bottom[2] > 200 and bottom[0] < 60
        exif = img.getexif()
        assert 0x0112 not in exif and 0x8825 not in exif and 0x010F not in exif
    assert src.read_bytes() != info.path.read_bytes()  # never the original file
    with db.session() as s:
        row = s.get(Attachment, aid)
        assert row.sha256 == info.path.name and row.size == info.path.stat().st_size
        assert row.content_type == "image/jpeg" and row.slot == "foto"
        entry = s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == aid)).one()
        assert entry.payload["sha256"] == row.sha256


def test_large_photo_is_downscaled(env) -> None:  # type: ignore[no-untyped-def]
    db, ctx, iid = env
    aid = att.add_photo(ctx, iid, "foto", jpeg((6000, 4000)), "besar.jpg")
    info = att.photo_infos(db, [aid])[aid]
    with Image.open(info.path) as img:
        assert img.size == (2048, 1365)
    assert info.size < 2 * 1024 * 1024  # syncs well under the server's 20 MiB


def test_png_with_transparency_becomes_jpeg_on_white(env) -> None:  # type: ignore[no-untyped-def]
    db, ctx, iid = env
    img = Image.new("RGBA", (100, 50), (0, 0, 0, 0))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    aid = att.add_photo(ctx, iid, "foto", buf.getvalue(), "layar.png")
    with Image.open(att.photo_infos(db, [aid])[aid].path) as out:
        assert out.format == "JPEG" and out.getpixel((50, 25))[0] > 240


@pytest.mark.parametrize("content, name, words", [
    (b"ini bukan gambar, hanya teks\n" * 10, "catatan.jpg", "bukan gambar"),
    (jpeg((1200, 900))[:3000], "terpotong.jpg", "rusak"),
    (jpeg()[:300], "kepala.jpg", "bukan gambar"),
    (b"\x00\x00\x00\x18ftypheic" + b"\x00" * 100, "iphone.heic", "HEIC"),
    (b"", "kosong.jpg", "kosong"),
])
def test_refused_files_store_nothing(env, tmp_path: Path, content: bytes, name: str,
                                     words: str) -> None:  # type: ignore[no-untyped-def]
    db, ctx, iid = env
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ValidationError) as err:
        att.add_photo(ctx, iid, "foto", path, name)
    assert name in str(err.value) and words in str(err.value)
    assert att.photos(db, iid) == [] and _blobs(db) == []


def test_a_file_over_the_limit_is_refused_unread(env, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db, ctx, iid = env
    monkeypatch.setattr(att, "MAX_INPUT_BYTES", 1000)
    path = tmp_path / "raksasa.jpg"
    path.write_bytes(jpeg())
    with pytest.raises(ValidationError, match="raksasa.jpg terlalu besar"):
        att.add_photo(ctx, iid, "foto", path)
    assert _blobs(db) == []


def test_remove_leaves_no_unreferenced_blob(env) -> None:  # type: ignore[no-untyped-def]
    db, ctx, iid = env
    data = jpeg()
    first = att.add_photo(ctx, iid, "foto", data, "a.jpg")
    second = att.add_photo(ctx, iid, "foto", data, "b.jpg")  # same bytes: one blob
    assert len(_blobs(db)) == 1
    inspection_service.update_draft(ctx, iid, values={"foto": [first, second]})
    att.remove_photo(ctx, first)
    assert len(_blobs(db)) == 1  # the second still names it
    with db.session() as s:
        assert s.get(Attachment, first).deleted
        assert s.get(Inspection, iid).values["foto"] == [second]  # no dangling id
        tomb = s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == first)).one()
        assert tomb.deleted
    att.remove_photo(ctx, second)
    assert _blobs(db) == [] and att.photos(db, iid) == []


def test_rotate_makes_a_new_blob_and_drops_the_old(env) -> None:  # type: ignore[no-untyped-def]
    db, ctx, iid = env
    aid = att.add_photo(ctx, iid, "foto", jpeg((300, 200)), "r.jpg")
    old = att.photo_infos(db, [aid])[aid].path
    info = att.rotate(ctx, aid, 1)
    assert info.id == aid and info.path != old and not old.exists()
    with Image.open(info.path) as img:
        assert img.size == (200, 300)
        assert img.getpixel((100, 20))[0] > 200  # clockwise: the red left half on top
    back = att.rotate(ctx, aid, -1)
    with Image.open(back.path) as img:
        assert img.size == (300, 200)
    assert _blobs(db) == [back.path]


def test_only_the_inspector_and_only_while_editable(env, demo_dir: Path) -> None:  # type: ignore[no-untyped-def]
    db, ctx, iid = env
    aid = att.add_photo(ctx, iid, "foto", jpeg(), "a.jpg")
    other = _ctx(db, "inspektur2")
    supervisor = _ctx(db, "penyelia")
    for who in (other, supervisor):
        with pytest.raises(PermissionDenied):
            att.add_photo(who, iid, "foto", jpeg(), "x.jpg")
        with pytest.raises(PermissionDenied):
            att.remove_photo(who, aid)
        with pytest.raises(PermissionDenied):
            att.set_caption(who, aid, "bukan milik saya")
    with db.session() as s:
        s.get(Inspection, iid).status = "submitted"
    with pytest.raises(PermissionDenied, match="tidak dapat diubah"):
        att.add_photo(ctx, iid, "foto", jpeg(), "late.jpg")
    with pytest.raises(PermissionDenied):
        att.rotate(ctx, aid, 1)
    with pytest.raises(PermissionDenied):
        att.set_signature(ctx, iid, b"")
    assert len(att.photos(db, iid)) == 1 and len(_blobs(db)) == 1
    revision = sent_back(ctx, supervisor, "bejana_tekan")
    assert att.add_photo(ctx, revision, "foto_uji", jpeg(), "ulang.jpg")


def test_caption_is_checked_and_stored(env) -> None:  # type: ignore[no-untyped-def]
    db, ctx, iid = env
    aid = att.add_photo(ctx, iid, "foto", jpeg(), "a.jpg")
    assert att.set_caption(ctx, aid, "  Kait utama  ").caption == "Kait utama"
    with pytest.raises(ValidationError, match="terlalu panjang"):
        att.set_caption(ctx, aid, "x" * 301)
    assert att.photos(db, iid)[0].caption == "Kait utama"


def test_signature_is_a_cropped_transparent_png_and_is_replaced(env) -> None:  # type: ignore[no-untyped-def]
    db, ctx, iid = env
    img = Image.new("RGBA", (600, 200), (0, 0, 0, 0))
    img.paste((10, 20, 90, 255), (100, 80, 300, 100))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    info = att.set_signature(ctx, iid, buf.getvalue())
    assert att.signature(db, iid) == info
    with Image.open(info.path) as out:
        assert out.format == "PNG" and out.mode == "RGBA"
        assert out.size == (216, 36)  # the ink and an 8 px margin
        assert out.getpixel((0, 0))[3] == 0
    img.paste((10, 20, 90, 255), (100, 120, 300, 140))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    again = att.set_signature(ctx, iid, buf.getvalue())
    assert again.id == info.id and not info.path.exists()
    with pytest.raises(ValidationError, match="kosong"):
        empty = io.BytesIO()
        Image.new("RGBA", (50, 50), (0, 0, 0, 0)).save(empty, format="PNG")
        att.set_signature(ctx, iid, empty.getvalue())
    att.clear_signature(ctx, iid)
    assert att.signature(db, iid) is None and _blobs(db) == []
    with pytest.raises(ValidationError):
        att.add_photo(ctx, iid, "signature", jpeg())


def test_a_write_failing_after_the_blob_leaves_no_row(env, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db, ctx, iid = env

    def boom(*a, **kw):  # type: ignore[no-untyped-def]
        raise RuntimeError("power cut")

    monkeypatch.setattr(att, "_new_row", boom)
    with pytest.raises(RuntimeError):
        att.add_photo(ctx, iid, "foto", jpeg(), "a.jpg")
    monkeypatch.undo()
    assert att.photos(db, iid) == [] and len(_blobs(db)) == 1
    assert att.sweep_unreferenced(db, older_than_s=3600) == 0  # may be a commit to come
    assert att.sweep_unreferenced(db, older_than_s=0) == 1
    assert _blobs(db) == []


@pytest.mark.slow  # kills two writing processes
def test_a_process_killed_between_blob_and_row(demo_dir: Path) -> None:
    """Killed after the blob is written and before the row commits: no row, and the
    blob is left for the sweep; killed inside the row's transaction: rolled back."""
    db = open_database(demo_dir)
    iid = _draft(db)
    _blobs(db)
    db.dispose()
    for where in ("after_blob", "in_transaction"):
        script = textwrap.dedent(f"""
            import os, sys
            from pathlib import Path
            sys.path.insert(0, {str(REPO)!r})
            from tests.services.test_attachment_service import _ctx, jpeg
            from k3desk.services import attachment_service as att
            from k3desk.store.db import open_database
            db = open_database(Path({str(demo_dir)!r}))
            real_store, real_row = att.store_blob, att._new_row
            def store(*a):
                sha = real_store(*a)
                if {where!r} == "after_blob":
                    os._exit(9)
                return sha
            def row(*a):
                r = real_row(*a)
                if {where!r} == "in_transaction":
                    os._exit(9)
                return r
            att.store_blob, att._new_row = store, row
            att.add_photo(_ctx(db, "inspektur"), {iid!r}, "foto", jpeg(), "a.jpg")
        """)
        proc = subprocess.run([sys.executable, "-c", script], cwd=REPO, timeout=120,
                              capture_output=True, text=True)
        assert proc.returncode == 9, proc.stderr
        db = open_database(demo_dir)
        with db.session() as s:
            assert s.scalars(select(Attachment).where(
                Attachment.inspection_id == iid)).all() == []
        assert len(_blobs(db)) == 1  # the processed image, not the original
        assert att.sweep_unreferenced(db, older_than_s=0) == 1
        db.dispose()


def test_cli_attach(demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = open_database(demo_dir)
    iid = _draft(db)
    db.dispose()
    assert run_main(capsys, "login", "--username", "inspektur", "--password-stdin",
                    stdin="demo-inspektur\n", data_dir=demo_dir).returncode == 0
    good = tmp_path / "kait.jpg"
    good.write_bytes(jpeg(orientation=3))
    second = tmp_path / "rantai.png"
    Image.new("RGB", (50, 40), (0, 200, 0)).save(second)
    proc = run_main(capsys, "inspection", "attach", iid, "--slot", "foto", str(good),
                    str(second), data_dir=demo_dir)
    assert proc.returncode == 0, proc.stderr
    ids = proc.stdout.split()
    assert len(ids) == 2
    db = open_database(demo_dir)
    with db.session() as s:
        values = s.get(Inspection, iid).values
        assert values["foto"][-2:] == ids
    assert [p.filename for p in att.photos(db, iid, "foto")] == ["kait.jpg", "rantai.jpg"]
    db.dispose()
    bad = tmp_path / "laporan.jpg"
    bad.write_text("bukan foto", encoding="utf-8")
    proc = run_main(capsys, "inspection", "attach", iid, "--slot", "foto", str(good),
                    str(bad), data_dir=demo_dir)
    assert proc.returncode == 2
    assert "laporan.jpg" in proc.stderr and "Traceback" not in proc.stderr
    db = open_database(demo_dir)
    assert len(att.photos(db, iid, "foto")) == 2  # all or nothing
    db.dispose()
