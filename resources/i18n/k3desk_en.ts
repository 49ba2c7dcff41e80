<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>Autosaver</name>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Tersimpan {time}</source>
        <translation>Saved {time}</translation>
    </message>
    <message>
        <source>Tidak tersimpan: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
</context>
<context>
    <name>CertificateTableModel</name>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Berlaku sampai</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Perusahaan</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Peralatan</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>Terbit</source>
        <translation>Issued</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <source>Sertifikat</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Simpan sebagai…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Cabut…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <source>Koreksi…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>Cari nomor, perusahaan, nomor seri…</source>
        <translation>Search number, company, serial number…</translation>
    </message>
    <message>
        <source>Cari sertifikat</source>
        <translation>Search certificates</translation>
    </message>
    <message>
        <source>Status sertifikat</source>
        <translation>Certificate status</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Daftar sertifikat</source>
        <translation>Certificate list</translation>
    </message>
    <message>
        <source>Pilih sertifikat dari daftar.</source>
        <translation>Choose a certificate from the list.</translation>
    </message>
    <message>
        <source>Perbesar kode QR</source>
        <translation>Enlarge QR code</translation>
    </message>
    <message>
        <source>Kode QR verifikasi</source>
        <translation>Verification QR code</translation>
    </message>
    <message>
        <source>Tautan verifikasi</source>
        <translation>Verification link</translation>
    </message>
    <message>
        <source>Tautan &amp;verifikasi (isi kode QR):</source>
        <translation>&amp;Verification link (QR code content):</translation>
    </message>
    <message>
        <source>Salin tautan</source>
        <translation>Copy link</translation>
    </message>
    <message>
        <source>tidak dapat menyimpan {path}: {reason}</source>
        <translation>cannot save {path}: {reason}</translation>
    </message>
    <message>
        <source>Siapa pun dapat memindai kode ini untuk memeriksa keaslian sertifikat; tanda tangan diperiksa tanpa jaringan dengan `k3desk verify BERKAS.pdf`.</source>
        <translation>Anyone can scan this code to check that the certificate is genuine; the signature is checked without a network with `k3desk verify FILE.pdf`.</translation>
    </message>
    <message numerus="yes">
        <source>%n sertifikat</source>
        <translation>
            <numerusform>%n certificate</numerusform>
            <numerusform>%n certificates</numerusform>
        </translation>
    </message>
    <message>
        <source>alasan pencabutan: {reason}</source>
        <translation>reason for revocation: {reason}</translation>
    </message>
    <message>
        <source>menggantikan {number}</source>
        <translation>replaces {number}</translation>
    </message>
    <message>
        <source>diganti oleh {number}</source>
        <translation>replaced by {number}</translation>
    </message>
    <message>
        <source>draf koreksi sedang dikerjakan</source>
        <translation>a correction draft is in progress</translation>
    </message>
    <message>
        <source>Menyiapkan pratinjau…</source>
        <translation>Preparing preview…</translation>
    </message>
    <message>
        <source>PDF ini bertanda tangan digital (PAdES) dengan sertifikat Balai.</source>
        <translation>This PDF carries a digital signature (PAdES) with the Balai&apos;s certificate.</translation>
    </message>
    <message>
        <source>PDF ini hanya bertanda tangan pada kode QR: tanda tangan digital PDF dibuat di laptop penyelia yang menyetujuinya, setelah laptop itu menerima sertifikatnya dari server (sinkronkan sekali).</source>
        <translation>This PDF is signed by its QR code only: the PDF&apos;s digital signature is made on the approving supervisor&apos;s laptop once that laptop has received its certificate from the server (sync once).</translation>
    </message>
    <message>
        <source>Pratinjau tidak dapat dibuat; rincian ada di log.</source>
        <translation>The preview could not be made; the details are in the log.</translation>
    </message>
    <message>
        <source>Buat pemeriksaan pengganti yang menyebut sertifikat ini (dikerjakan oleh pemeriksa setelah sertifikat dicabut)</source>
        <translation>Create a replacement inspection that names this certificate (done by the inspector after the certificate is revoked)</translation>
    </message>
    <message>
        <source>Mencetak…</source>
        <translation>Printing…</translation>
    </message>
    <message numerus="yes">
        <source>Dikirim ke printer: %n halaman</source>
        <translation>
            <numerusform>Sent to the printer: %n page</numerusform>
            <numerusform>Sent to the printer: %n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Simpan sertifikat sebagai</source>
        <translation>Save certificate as</translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Disimpan: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>Tautan verifikasi disalin.</source>
        <translation>Verification link copied.</translation>
    </message>
    <message>
        <source>Cabut sertifikat</source>
        <translation>Revoke certificate</translation>
    </message>
    <message>
        <source>Cabut sertifikat {number}? Sertifikat yang dicabut tidak berlaku lagi dan verifikasinya menyatakan DICABUT.

Alasan: {reason}</source>
        <translation>Revoke certificate {number}? A revoked certificate is no longer valid and its verification says REVOKED.

Reason: {reason}</translation>
    </message>
    <message>
        <source>Mengapa sertifikat {number} dicabut?</source>
        <translation>Why is certificate {number} being revoked?</translation>
    </message>
    <message>
        <source>Lanjut…</source>
        <translation>Continue…</translation>
    </message>
    <message>
        <source>Sertifikat {number} dicabut.</source>
        <translation>Certificate {number} revoked.</translation>
    </message>
    <message>
        <source>Koreksi sertifikat</source>
        <translation>Correct certificate</translation>
    </message>
    <message>
        <source>Buat pemeriksaan pengganti untuk sertifikat {number}? Isinya disalin dari pemeriksaan asal; setelah disetujui, sertifikat barunya menyebut bahwa ia menggantikan {number}.</source>
        <translation>Create a replacement inspection for certificate {number}? Its contents are copied from the original inspection; once approved, the new certificate states that it replaces {number}.</translation>
    </message>
    <message>
        <source>Buat koreksi</source>
        <translation>Create correction</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Konflik sinkronisasi</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <source>Konflik yang menunggu</source>
        <translation>Pending conflicts</translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Semula</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Milik saya</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Dari server</source>
        <translation>From the server</translation>
    </message>
    <message>
        <source>Pakai</source>
        <translation>Use</translation>
    </message>
    <message>
        <source>Nilai yang disimpan</source>
        <translation>Value to keep</translation>
    </message>
    <message>
        <source>Semua milik saya</source>
        <translation>All mine</translation>
    </message>
    <message>
        <source>Semua dari server</source>
        <translation>All from the server</translation>
    </message>
    <message>
        <source>Selesaikan konflik</source>
        <translation>Resolve conflict</translation>
    </message>
    <message>
        <source>Tidak ada konflik yang menunggu.</source>
        <translation>No conflicts are waiting.</translation>
    </message>
    <message>
        <source>{kind}: {title}</source>
        <translation>{kind}: {title}</translation>
    </message>
    <message>
        <source>Perusahaan</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Peralatan</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>Pemeriksaan</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <source>Alat ukur</source>
        <translation>Measuring instrument</translation>
    </message>
    <message>
        <source>Lampiran</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>Sertifikat</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Kota</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Narahubung</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Nomor seri</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>Pabrikan</source>
        <translation>Manufacturer</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Kapasitas</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Lokasi</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Dihapus</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Kolom yang sama diubah di laptop ini dan di server: {fields}. Pilih untuk setiap kolom: milik saya, dari server, atau sunting nilainya.</source>
        <translation>The same fields were changed on this laptop and on the server: {fields}. For each field choose mine, the server&apos;s, or edit the value.</translation>
    </message>
    <message>
        <source>Pakai untuk {field}</source>
        <translation>Use for {field}</translation>
    </message>
    <message>
        <source>Sunting</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Nilai untuk {field}</source>
        <translation>Value for {field}</translation>
    </message>
    <message>
        <source>Mengerti, pakai keputusan server</source>
        <translation>Understood, use the server&apos;s decision</translation>
    </message>
    <message>
        <source>Konflik diselesaikan; hasilnya dikirim pada sinkronisasi berikutnya.</source>
        <translation>Conflict resolved; the result is sent with the next sync.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dasbor</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Pekerjaan saya</source>
        <translation>My work</translation>
    </message>
    <message>
        <source>Perlu perhatian</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Pemeriksaan per bulan (12 bulan terakhir)</source>
        <translation>Inspections per month (last 12 months)</translation>
    </message>
    <message>
        <source>Uji ulang jatuh tempo</source>
        <translation>Re-tests due</translation>
    </message>
    <message>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Tampilkan uji ulang</source>
        <translation>Show re-tests</translation>
    </message>
    <message>
        <source>Semua sampai 90 hari</source>
        <translation>All up to 90 days</translation>
    </message>
    <message>
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Dalam 30 hari</source>
        <translation>Within 30 days</translation>
    </message>
    <message>
        <source>Dalam 60 hari</source>
        <translation>Within 60 days</translation>
    </message>
    <message>
        <source>Ekspor ke Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Uji ulang jatuh tempo per perusahaan</source>
        <translation>Re-tests due by company</translation>
    </message>
    <message>
        <source>Perusahaan / peralatan</source>
        <translation>Company / equipment</translation>
    </message>
    <message>
        <source>Nomor seri</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Hari</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Perlu revisi</source>
        <translation>Revision requested</translation>
    </message>
    <message>
        <source>Diajukan</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Disetujui</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Hari ini {date}</source>
        <translation>Today {date}</translation>
    </message>
    <message>
        <source>{label}
{count}</source>
        <translation>{label}
{count}</translation>
    </message>
    <message>
        <source>Buka daftar pemeriksaan berstatus {label}</source>
        <translation>Open the list of inspections with status {label}</translation>
    </message>
    <message numerus="yes">
        <source>%n konflik</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ditolak server</source>
        <translation>
            <numerusform>%n refused by the server</numerusform>
            <numerusform>%n refused by the server</numerusform>
        </translation>
    </message>
    <message>
        <source>Kalibrasi {name} ({serial}) berakhir {date} ({days} hari lagi)</source>
        <translation>Calibration of {name} ({serial}) ends {date} (in {days} days)</translation>
    </message>
    <message>
        <source>Kalibrasi {name} ({serial}) sudah berakhir {date}</source>
        <translation>Calibration of {name} ({serial}) ended {date}</translation>
    </message>
    <message>
        <source>Lisensi {number} berakhir {date} ({days} hari lagi)</source>
        <translation>Licence {number} expires {date} (in {days} days)</translation>
    </message>
    <message>
        <source>Lisensi {number} sudah berakhir {date}</source>
        <translation>Licence {number} expired {date}</translation>
    </message>
    <message>
        <source>Sisa nomor sertifikat tinggal {n}: sambungkan ke server agar blok nomor baru diterima</source>
        <translation>Only {n} certificate numbers left: connect to the server to receive a new block of numbers</translation>
    </message>
    <message>
        <source>Sisa nomor sertifikat: {n}</source>
        <translation>Certificate numbers left: {n}</translation>
    </message>
    <message>
        <source>Tidak ada kalibrasi, lisensi atau nomor yang perlu diurus.</source>
        <translation>No calibration, licence or numbers need attention.</translation>
    </message>
    <message>
        <source>Terlambat
{n}</source>
        <translation>Overdue
{n}</translation>
    </message>
    <message>
        <source>≤ {days} hari
{n}</source>
        <translation>≤ {days} days
{n}</translation>
    </message>
    <message>
        <source>Pemeriksaan</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>Memenuhi (% dari yang disetujui)</source>
        <translation>Pass (% of approved)</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>Jan</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>Feb</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>Apr</translation>
    </message>
    <message>
        <source>Mei</source>
        <translation>May</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>Jun</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>Jul</translation>
    </message>
    <message>
        <source>Agu</source>
        <translation>Aug</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>Sep</translation>
    </message>
    <message>
        <source>Okt</source>
        <translation>Oct</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>Nov</translation>
    </message>
    <message>
        <source>Des</source>
        <translation>Dec</translation>
    </message>
    <message>
        <source>{contact} · {address}</source>
        <translation>{contact} · {address}</translation>
    </message>
    <message>
        <source>Tidak ada uji ulang yang jatuh tempo.</source>
        <translation>No re-tests are due.</translation>
    </message>
    <message>
        <source>Simpan daftar uji ulang</source>
        <translation>Save the re-test list</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <source>%n peralatan diekspor ke {path}</source>
        <translation>
            <numerusform>%n piece of equipment exported to {path}</numerusform>
            <numerusform>%n pieces of equipment exported to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentSettingsBox</name>
    <message>
        <source>Dokumen Balai (kop surat dan nomor sertifikat)</source>
        <extracomment>The fields an admin edits here, in the order shown (number_format has its own row).</extracomment>
        <translation>The Balai&apos;s documents (letterhead and certificate numbers)</translation>
    </message>
    <message>
        <source>Balai</source>
        <translation>Balai</translation>
    </message>
    <message>
        <source>Kop surat</source>
        <translation>Letterhead</translation>
    </message>
    <message>
        <source>Nama Balai</source>
        <translation>Balai name</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Kota</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Situs web</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Nama Kepala Balai</source>
        <translation>Head of the Balai</translation>
    </message>
    <message>
        <source>NIP Kepala Balai</source>
        <translation>Head&apos;s NIP</translation>
    </message>
    <message>
        <source>Pilih logo…</source>
        <translation>Choose logo…</translation>
    </message>
    <message>
        <source>Pakai lambang bawaan</source>
        <translation>Use the default emblem</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Format nomor</source>
        <translation>Number format</translation>
    </message>
    <message>
        <source>Contoh</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>Simpan ke server</source>
        <translation>Save to the server</translation>
    </message>
    <message>
        <source>Perubahan dikirim ke server dan tiba di laptop lain Balai ini pada sinkronisasi berikutnya. Perlu koneksi dan login daring.</source>
        <translation>Changes are sent to the server and reach this Balai&apos;s other laptops with their next sync. Needs a connection and an online login.</translation>
    </message>
    <message>
        <source>Kop surat, logo dan format nomor diubah oleh admin Balai; perubahan tiba di sini lewat sinkronisasi. Di sini format nomor dapat dicoba.</source>
        <translation>The letterhead, logo and number format are changed by the Balai&apos;s admin; changes arrive here by sync. Here you can try out a number format.</translation>
    </message>
    <message>
        <source>Data Balai belum ada di laptop ini; jalankan sinkronisasi.</source>
        <translation>The Balai&apos;s data is not on this laptop yet; run a sync.</translation>
    </message>
    <message>
        <source>Lambang bawaan (Balai belum punya logo sendiri)</source>
        <translation>Default emblem (the Balai has no logo of its own yet)</translation>
    </message>
    <message>
        <source>Logo Balai, {w}x{h} piksel, {kb} KB</source>
        <translation>The Balai&apos;s logo, {w}x{h} pixels, {kb} KB</translation>
    </message>
    <message>
        <source>Nomor berikutnya: {number}</source>
        <translation>Next number: {number}</translation>
    </message>
    <message>
        <source>Misalnya: {number}</source>
        <translation>For example: {number}</translation>
    </message>
    <message>
        <source>Pilih logo Balai</source>
        <translation>Choose the Balai&apos;s logo</translation>
    </message>
    <message>
        <source>Gambar PNG atau JPEG (*.png *.jpg *.jpeg)</source>
        <translation>PNG or JPEG images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Mengirim ke server…</source>
        <translation>Sending to the server…</translation>
    </message>
    <message>
        <source>Disimpan di server (versi {version}). Laptop lain Balai ini menerimanya pada sinkronisasi berikutnya.</source>
        <translation>Saved on the server (version {version}). This Balai&apos;s other laptops receive it with their next sync.</translation>
    </message>
</context>
<context>
    <name>EditorPage</name>
    <message>
        <source>Pemeriksaan</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <source>Urungkan</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Ulangi</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Ajukan ke penyelia…</source>
        <translation>Submit to supervisor…</translation>
    </message>
    <message>
        <source>Ajukan (Ctrl+Enter)</source>
        <translation>Submit (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Bagian formulir</source>
        <translation>Form sections</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>Penyelia meminta revisi: {comment}</source>
        <translation>The supervisor asked for a revision: {comment}</translation>
    </message>
    <message>
        <source>Hanya baca: pemeriksaan ini berstatus {status}.</source>
        <translation>Read only: this inspection is {status}.</translation>
    </message>
    <message>
        <source>Tersimpan</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Alat ukur yang dipakai</source>
        <translation>Measuring instruments used</translation>
    </message>
    <message>
        <source>Temuan</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Rekomendasi</source>
        <translation>Recommendations</translation>
    </message>
    <message>
        <source>Catatan pemeriksa (teks bebas)</source>
        <translation>Inspector&apos;s notes (free text)</translation>
    </message>
    <message>
        <source>Temuan dari persyaratan</source>
        <translation>Findings from the requirements</translation>
    </message>
    <message>
        <source>Temuan dan rekomendasi</source>
        <translation>Findings and recommendations</translation>
    </message>
    <message>
        <source>Tanda tangan pemeriksa</source>
        <translation>Inspector&apos;s signature</translation>
    </message>
    <message>
        <source>Ubah {label}</source>
        <translation>Change {label}</translation>
    </message>
    <message>
        <source>Ubah catatan</source>
        <translation>Change notes</translation>
    </message>
    <message>
        <source>Tambah baris</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>Hapus baris</source>
        <translation>Delete row</translation>
    </message>
    <message>
        <source>Naikkan baris</source>
        <translation>Move row up</translation>
    </message>
    <message>
        <source>Turunkan baris</source>
        <translation>Move row down</translation>
    </message>
    <message>
        <source>Perlu tindak lanjut: {message}</source>
        <translation>To follow up: {message}</translation>
    </message>
    <message>
        <source>Tidak memenuhi: {message}</source>
        <translation>Fails: {message}</translation>
    </message>
    <message numerus="yes">
        <source>· %n isian tidak valid belum disimpan</source>
        <translation>
            <numerusform>· %n invalid entry not saved yet</numerusform>
            <numerusform>· %n invalid entries not saved yet</numerusform>
        </translation>
    </message>
    <message>
        <source>{title} — ⚠ {n}</source>
        <translation>{title} — ⚠ {n}</translation>
    </message>
    <message>
        <source>{n} isian perlu diperbaiki</source>
        <translation>{n} entries need fixing</translation>
    </message>
    <message>
        <source>Ajukan pemeriksaan</source>
        <translation>Submit inspection</translation>
    </message>
    <message>
        <source>Ajukan pemeriksaan ini ke penyelia? Setelah diajukan, isiannya tidak dapat diubah lagi kecuali penyelia meminta revisi.</source>
        <translation>Submit this inspection to the supervisor? Once submitted, its entries cannot be changed unless the supervisor asks for a revision.</translation>
    </message>
    <message>
        <source>Ajukan</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EquipmentForm</name>
    <message>
        <source>Nomor seri</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>Pabrikan</source>
        <translation>Manufacturer</translation>
    </message>
    <message>
        <source>Model/tipe</source>
        <translation>Model/type</translation>
    </message>
    <message>
        <source>Kapasitas</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Lokasi</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Jenis objek</source>
        <translation>Object type</translation>
    </message>
    <message>
        <source>Tahun pembuatan</source>
        <translation>Year built</translation>
    </message>
</context>
<context>
    <name>FieldWidgets</name>
    <message>
        <source>Satuan {label}</source>
        <translation>Unit of {label}</translation>
    </message>
    <message>
        <source>paling banyak {n} karakter</source>
        <translation>at most {n} characters</translation>
    </message>
    <message>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>catatan</source>
        <translation>note</translation>
    </message>
    <message>
        <source>Catatan {label}</source>
        <translation>Note on {label}</translation>
    </message>
    <message>
        <source>HH-BB-TTTT</source>
        <translation>DD-MM-YYYY</translation>
    </message>
    <message>
        <source>Pilih tanggal {label}</source>
        <translation>Choose the date for {label}</translation>
    </message>
    <message>
        <source>{label}: “{value}” bukan tanggal yang sah (tulis HH-BB-TTTT, mis. 15-01-2026)</source>
        <translation>{label}: “{value}” is not a valid date (write DD-MM-YYYY, e.g. 15-01-2026)</translation>
    </message>
    <message>
        <source>dihitung otomatis</source>
        <translation>calculated automatically</translation>
    </message>
</context>
<context>
    <name>FormBuilder</name>
    <message>
        <source>Rentang {low} – {high}{unit}</source>
        <translation>Range {low} – {high}{unit}</translation>
    </message>
    <message>
        <source>Paling kecil {low}{unit}</source>
        <translation>At least {low}{unit}</translation>
    </message>
    <message>
        <source>Paling besar {high}{unit}</source>
        <translation>At most {high}{unit}</translation>
    </message>
    <message>
        <source>wajib diisi</source>
        <translation>required</translation>
    </message>
</context>
<context>
    <name>GroupTable</name>
    <message>
        <source>baris</source>
        <translation>row</translation>
    </message>
    <message>
        <source>+ Tambah {item}</source>
        <translation>+ Add {item}</translation>
    </message>
    <message>
        <source>{group} baris {n} — {label}</source>
        <translation>{group} row {n} — {label}</translation>
    </message>
    <message>
        <source>Naikkan baris</source>
        <translation>Move row up</translation>
    </message>
    <message>
        <source>Turunkan baris</source>
        <translation>Move row down</translation>
    </message>
    <message>
        <source>Hapus baris</source>
        <translation>Delete row</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Impor dari Excel</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Kolom berkas → isian</source>
        <translation>File columns → fields</translation>
    </message>
    <message>
        <source>Masalah per baris</source>
        <translation>Problems by row</translation>
    </message>
    <message>
        <source>Pilih berkas</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <source>Lembar kerja (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Membaca berkas…</source>
        <translation>Reading file…</translation>
    </message>
    <message>
        <source>(abaikan)</source>
        <translation>(ignore)</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>baru</source>
        <translation>new</translation>
    </message>
    <message>
        <source>diperbarui</source>
        <translation>updated</translation>
    </message>
    <message>
        <source>tetap</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>bermasalah</source>
        <translation>has problems</translation>
    </message>
    <message>
        <source>dikecualikan</source>
        <translation>excluded</translation>
    </message>
    <message>
        <source>{n} masalah: perbaiki berkasnya dulu. Impor bersifat semua atau tidak sama sekali; belum ada yang disimpan.</source>
        <translation>{n} problems: fix the file first. An import is all or nothing; nothing has been saved yet.</translation>
    </message>
    <message>
        <source>Siap: {created} baru, {updated} diperbarui, {unchanged} tetap.</source>
        <translation>Ready: {created} new, {updated} updated, {unchanged} unchanged.</translation>
    </message>
</context>
<context>
    <name>InspectionTableModel</name>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kesimpulan</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Jenis objek</source>
        <translation>Object type</translation>
    </message>
    <message>
        <source>Nomor seri</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>Perusahaan</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Nomor sertifikat</source>
        <translation>Certificate number</translation>
    </message>
    <message>
        <source>Pemeriksa</source>
        <translation>Inspector</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <source>Pemeriksaan</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>Cari: jenis objek, perusahaan, nomor seri, status, nomor sertifikat… (Ctrl+F)</source>
        <translation>Search: object type, company, serial number, status, certificate number… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Cari pemeriksaan</source>
        <translation>Search inspections</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Jenis objek</source>
        <translation>Object type</translation>
    </message>
    <message>
        <source>Semua jenis objek</source>
        <translation>All object types</translation>
    </message>
    <message>
        <source>Perusahaan</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Semua perusahaan</source>
        <translation>All companies</translation>
    </message>
    <message>
        <source>Dari tanggal</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Sampai tanggal</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>Hanya milik saya</source>
        <translation>Only mine</translation>
    </message>
    <message>
        <source>Pemeriksaan baru…</source>
        <translation>New inspection…</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message numerus="yes">
        <source>%n pemeriksaan cocok</source>
        <translation>
            <numerusform>%n inspection matches</numerusform>
            <numerusform>%n inspections match</numerusform>
        </translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Pemeriksaan baru untuk peralatan ini…</source>
        <translation>New inspection for this equipment…</translation>
    </message>
    <message>
        <source>Hapus draf…</source>
        <translation>Delete draft…</translation>
    </message>
    <message>
        <source>Hapus draf</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <source>Hapus draf ini? Nilai, foto dan tanda tangan di dalamnya ikut terhapus; penghapusan dikirim ke server pada sinkronisasi berikutnya.</source>
        <translation>Delete this draft? Its values, photos and signature are deleted with it; the deletion is sent to the server with the next sync.</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>InstrumentPicker</name>
    <message>
        <source>Alat ukur yang dipakai</source>
        <translation>Measuring instruments used</translation>
    </message>
    <message>
        <source>Tambah &amp;alat ukur:</source>
        <translation>Add &amp;instrument:</translation>
    </message>
    <message>
        <source>Cari nama atau nomor seri…</source>
        <translation>Search name or serial number…</translation>
    </message>
    <message>
        <source>Cari alat ukur</source>
        <translation>Search instruments</translation>
    </message>
    <message>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Alat ukur terpilih</source>
        <translation>Selected instruments</translation>
    </message>
    <message>
        <source>Alat ukur</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Nomor seri</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>Kalibrasi berlaku s.d.</source>
        <translation>Calibration valid until</translation>
    </message>
    <message>
        <source>Status pada tanggal pemeriksaan</source>
        <translation>Status on the inspection date</translation>
    </message>
    <message>
        <source>Belum ada alat ukur dipilih.</source>
        <translation>No instrument selected yet.</translation>
    </message>
    <message>
        <source>{text} (kalibrasi berakhir)</source>
        <translation>{text} (calibration expired)</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Tidak dikenal di laptop ini</source>
        <translation>Unknown on this laptop</translation>
    </message>
    <message>
        <source>Kalibrasi berakhir — tidak boleh dipakai</source>
        <translation>Calibration expired — must not be used</translation>
    </message>
    <message numerus="yes">
        <source>Berlaku, berakhir %n hari lagi</source>
        <translation>
            <numerusform>Valid, expires in %n day</numerusform>
            <numerusform>Valid, expires in %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Berlaku</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Sertifikat kalibrasi: {number}</source>
        <translation>Calibration certificate: {number}</translation>
    </message>
    <message>
        <source>Hapus dari daftar</source>
        <translation>Remove from the list</translation>
    </message>
    <message>
        <source>Hapus {name} dari daftar</source>
        <translation>Remove {name} from the list</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Hubungkan ke server (folder data baru)…</source>
        <translation>Connect to a server (new data folder)…</translation>
    </message>
    <message>
        <source>Masuk untuk mulai bekerja. Tanpa sambungan pun bisa, setelah sekali login daring di laptop ini.</source>
        <translation>Log in to start working. This works without a connection too, after one online login on this laptop.</translation>
    </message>
    <message>
        <source>Pengguna data demo (nama pengguna, kata sandi):</source>
        <translation>Demo data users (username, password):</translation>
    </message>
    <message>
        <source>Isi nama pengguna dan kata sandi.</source>
        <translation>Enter a username and password.</translation>
    </message>
    <message>
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Pemeriksaan baru…</source>
        <translation>New inspection…</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Ajukan ke penyelia…</source>
        <translation>Submit to supervisor…</translation>
    </message>
    <message>
        <source>Cari</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Urungkan</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Ulangi</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Sinkronkan sekarang</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Keluar akun</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Tutup aplikasi</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Tentang k3desk</source>
        <translation>About k3desk</translation>
    </message>
    <message>
        <source>Dasbor</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Pemeriksaan</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>Registri</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>Tinjauan</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Sertifikat</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Sunting</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Tampilan</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>B&amp;antuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Luring: belum ada server</source>
        <translation>Offline: no server yet</translation>
    </message>
    <message>
        <source>Folder data baru</source>
        <translation>New data folder</translation>
    </message>
    <message>
        <source>Data demo tidak pernah dikirim ke server. k3desk memindahkan folder demo ke samping ({demo}) dan memulai folder data baru yang kosong di {folder}; sesudah itu Anda login ke server. Lanjutkan?</source>
        <translation>Demo data is never sent to a server. k3desk moves the demo folder aside ({demo}) and starts a new, empty data folder in {folder}; after that you log in to the server. Continue?</translation>
    </message>
    <message>
        <source>Mulai folder baru</source>
        <translation>Start a new folder</translation>
    </message>
    <message>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <source>k3desk {version}
Pemeriksaan dan pengujian K3, luring dulu.</source>
        <translation>k3desk {version}
Occupational safety (K3) inspection and testing, offline first.</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <source>Pemeriksaan baru</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <source>Cari perusahaan…</source>
        <translation>Search companies…</translation>
    </message>
    <message>
        <source>Cari perusahaan</source>
        <translation>Search companies</translation>
    </message>
    <message>
        <source>Perusahaan</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Cari peralatan (nomor seri, jenis, lokasi)…</source>
        <translation>Search equipment (serial number, type, location)…</translation>
    </message>
    <message>
        <source>Cari peralatan</source>
        <translation>Search equipment</translation>
    </message>
    <message>
        <source>Peralatan</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>Peralatan baru…</source>
        <translation>New equipment…</translation>
    </message>
    <message>
        <source>Peralatan baru (data pelat nama)</source>
        <translation>New equipment (nameplate data)</translation>
    </message>
    <message>
        <source>Jenis pemeriksaan</source>
        <translation>Inspection kind</translation>
    </message>
    <message>
        <source>Tanggal pemeriksaan</source>
        <translation>Inspection date</translation>
    </message>
    <message>
        <source>1. Perusahaan</source>
        <translation>1. Company</translation>
    </message>
    <message>
        <source>2. Peralatan</source>
        <translation>2. Equipment</translation>
    </message>
    <message>
        <source>3. &amp;Jenis pemeriksaan</source>
        <translation>3. Inspection &amp;kind</translation>
    </message>
    <message>
        <source>4. &amp;Tanggal</source>
        <translation>4. &amp;Date</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Buat dan buka</source>
        <translation>Create and open</translation>
    </message>
    <message>
        <source>Pilih perusahaan dulu.</source>
        <translation>Choose a company first.</translation>
    </message>
    <message>
        <source>Pilih peralatan, atau daftarkan peralatan baru.</source>
        <translation>Choose the equipment, or register new equipment.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Pratinjau dokumen</source>
        <translation>Document preview</translation>
    </message>
    <message>
        <source>Halaman sebelumnya</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Halaman berikutnya</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Halaman</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Perkecil</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Perbesar</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Lebar</source>
        <translation>Width</translation>
    </message>
    <message>
        <source>Sesuaikan dengan lebar</source>
        <translation>Fit to width</translation>
    </message>
    <message>
        <source>Halaman penuh</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>Tampilkan satu halaman penuh</source>
        <translation>Show one whole page</translation>
    </message>
    <message>
        <source>dari {count}</source>
        <translation>of {count}</translation>
    </message>
</context>
<context>
    <name>PhotoDialog</name>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PhotoSlot</name>
    <message>
        <source>Tambah foto…</source>
        <translation>Add photo…</translation>
    </message>
    <message>
        <source>Tambah foto ke {title}</source>
        <translation>Add a photo to {title}</translation>
    </message>
    <message>
        <source>atau seret berkas gambar ke sini, atau tempel (Ctrl+V)</source>
        <translation>or drag an image file here, or paste (Ctrl+V)</translation>
    </message>
    <message>
        <source>Belum ada foto.</source>
        <translation>No photos yet.</translation>
    </message>
    <message>
        <source>Pilih foto</source>
        <translation>Choose photo</translation>
    </message>
    <message>
        <source>Gambar ({patterns})</source>
        <translation>Images ({patterns})</translation>
    </message>
    <message>
        <source>Semua berkas (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n foto</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} · perlu minimal {need}</source>
        <translation>{count} · at least {need} needed</translation>
    </message>
    <message>
        <source>Menyimpan foto… ({text})</source>
        <translation>Saving photo… ({text})</translation>
    </message>
    <message>
        <source>Hapus foto</source>
        <translation>Delete photo</translation>
    </message>
    <message>
        <source>Hapus foto ini dari pemeriksaan?</source>
        <translation>Delete this photo from the inspection?</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>PhotoTile</name>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Klik untuk memperbesar</source>
        <translation>Click to enlarge</translation>
    </message>
    <message>
        <source>Foto; klik untuk memperbesar</source>
        <translation>Photo; click to enlarge</translation>
    </message>
    <message>
        <source>Keterangan foto</source>
        <translation>Photo caption</translation>
    </message>
    <message>
        <source>Putar ke kiri</source>
        <translation>Rotate left</translation>
    </message>
    <message>
        <source>Putar ke kanan</source>
        <translation>Rotate right</translation>
    </message>
    <message>
        <source>Hapus foto</source>
        <translation>Delete photo</translation>
    </message>
    <message>
        <source>Foto tidak
ditemukan</source>
        <translation>Photo not
found</translation>
    </message>
    <message>
        <source>Gambar belum ada
di laptop ini
(menunggu sinkron)</source>
        <translation>Image not yet
on this laptop
(waiting for sync)</translation>
    </message>
    <message>
        <source>Gambar tidak
dapat dibuka</source>
        <translation>Image cannot
be opened</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Gambar tidak dapat dibuka</source>
        <translation>The image cannot be opened</translation>
    </message>
</context>
<context>
    <name>QrDialog</name>
    <message>
        <source>Kode QR {number}</source>
        <translation>QR code {number}</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>QuarantineDialog</name>
    <message>
        <source>Perubahan yang ditolak server</source>
        <translation>Changes refused by the server</translation>
    </message>
    <message>
        <source>Server menolak perubahan berikut. Perbaiki penyebabnya lalu kirim lagi, atau buang perubahan itu (rekaman kembali seperti di server). Perubahan lain tetap dikirim seperti biasa.</source>
        <translation>The server refused the following changes. Fix the cause and send them again, or discard the change (the record returns to what the server has). Other changes are still sent as usual.</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Rekaman</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Alasan dari server</source>
        <translation>Reason given by the server</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Kirim lagi</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>Buang perubahan…</source>
        <translation>Discard change…</translation>
    </message>
    <message>
        <source>Perusahaan</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Peralatan</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>Pemeriksaan</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <source>Alat ukur</source>
        <translation>Measuring instrument</translation>
    </message>
    <message>
        <source>Lampiran</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>Sertifikat</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>{reason} (kolom {field})</source>
        <translation>{reason} (field {field})</translation>
    </message>
    <message>
        <source>Tidak ada perubahan yang ditolak server.</source>
        <translation>No changes were refused by the server.</translation>
    </message>
    <message>
        <source>Perubahan dikirim lagi pada sinkronisasi berikutnya.</source>
        <translation>The change is sent again with the next sync.</translation>
    </message>
    <message>
        <source>Buang perubahan?</source>
        <translation>Discard the change?</translation>
    </message>
    <message>
        <source>Perubahan yang ditolak server ini dibuang dan rekaman kembali seperti di server (rekaman yang belum pernah diterima server dihapus dari laptop ini). Tindakan ini tidak dapat dibatalkan.</source>
        <translation>This refused change is discarded and the record returns to what the server has (a record the server never accepted is deleted from this laptop). This cannot be undone.</translation>
    </message>
    <message>
        <source>Buang</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Perubahan dibuang.</source>
        <translation>Change discarded.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Perusahaan baru</source>
        <translation>New company</translation>
    </message>
    <message>
        <source>Ubah perusahaan</source>
        <translation>Edit company</translation>
    </message>
    <message>
        <source>Peralatan baru</source>
        <translation>New equipment</translation>
    </message>
    <message>
        <source>Ubah peralatan</source>
        <translation>Edit equipment</translation>
    </message>
    <message>
        <source>Alat ukur baru</source>
        <translation>New instrument</translation>
    </message>
    <message>
        <source>Ubah alat ukur</source>
        <translation>Edit instrument</translation>
    </message>
    <message>
        <source>Nama perusahaan</source>
        <translation>Company name</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Kota</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Narahubung</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Nama alat</source>
        <translation>Instrument name</translation>
    </message>
    <message>
        <source>Nomor seri</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>Jenis alat</source>
        <translation>Instrument type</translation>
    </message>
    <message>
        <source>Nomor sertifikat kalibrasi</source>
        <translation>Calibration certificate number</translation>
    </message>
    <message>
        <source>Kalibrasi berlaku sampai (YYYY-MM-DD)</source>
        <translation>Calibration valid until (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Perusahaan pemilik</source>
        <translation>Owner company</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>{date} (kedaluwarsa)</source>
        <translation>{date} (expired)</translation>
    </message>
</context>
<context>
    <name>RecordsTab</name>
    <message>
        <source>Cari… (Ctrl+F)</source>
        <translation>Search… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Cari</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Baru…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>Ubah…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Impor dari Excel…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message numerus="yes">
        <source>%n baris</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>Uji berikutnya: {date}</source>
        <translation>Next test: {date}</translation>
    </message>
    <message>
        <source>Sertifikat terakhir: {number} ({issued})</source>
        <translation>Latest certificate: {number} ({issued})</translation>
    </message>
    <message>
        <source>dicabut</source>
        <translation>revoked</translation>
    </message>
    <message>
        <source>Belum ada sertifikat.</source>
        <translation>No certificate yet.</translation>
    </message>
    <message>
        <source>Riwayat pemeriksaan</source>
        <translation>Inspection history</translation>
    </message>
</context>
<context>
    <name>RecoveryBar</name>
    <message>
        <source>Buka kembali</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Nanti saja</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Aplikasi tidak ditutup dengan benar. Pemeriksaan {title} dipulihkan; isiannya tersimpan sampai {saved}. Buka kembali di tempat terakhir?</source>
        <translation>The application was not closed properly. Inspection {title} was recovered; its entries are saved up to {saved}. Reopen it where you left off?</translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <source>Registri</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kota</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Narahubung</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Jenis objek</source>
        <translation>Object type</translation>
    </message>
    <message>
        <source>Nomor seri</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>Perusahaan</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Pabrikan</source>
        <translation>Manufacturer</translation>
    </message>
    <message>
        <source>Kapasitas</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Lokasi</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Nama alat</source>
        <translation>Instrument name</translation>
    </message>
    <message>
        <source>Jenis alat</source>
        <translation>Instrument type</translation>
    </message>
    <message>
        <source>Kalibrasi berlaku sampai</source>
        <translation>Calibration valid until</translation>
    </message>
    <message>
        <source>Peralatan</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>Alat ukur</source>
        <translation>Measuring instruments</translation>
    </message>
</context>
<context>
    <name>ReloginDialog</name>
    <message>
        <source>Login ulang ke server</source>
        <translation>Log in to the server again</translation>
    </message>
    <message>
        <source>Login ke server sudah berakhir. Masukkan kata sandi untuk melanjutkan sinkronisasi.</source>
        <translation>Your login to the server has expired. Enter your password to continue syncing.</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Kata sandi belum diisi.</source>
        <translation>The password is empty.</translation>
    </message>
    <message>
        <source>Menghubungi server…</source>
        <translation>Contacting the server…</translation>
    </message>
    <message>
        <source>Server tidak dapat dihubungi; coba lagi saat tersambung.</source>
        <translation>The server cannot be reached; try again when you are connected.</translation>
    </message>
</context>
<context>
    <name>ReviewDetailView</name>
    <message>
        <source>Foto pemeriksaan</source>
        <translation>Inspection photos</translation>
    </message>
    <message>
        <source>Pemeriksaan ini tidak berisi foto.</source>
        <translation>This inspection has no photos.</translation>
    </message>
    <message>
        <source>Alat ukur</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Nomor seri</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>Sertifikat kalibrasi</source>
        <translation>Calibration certificate</translation>
    </message>
    <message>
        <source>Kalibrasi sampai</source>
        <translation>Calibrated until</translation>
    </message>
    <message>
        <source>Saat diperiksa</source>
        <translation>At inspection</translation>
    </message>
    <message>
        <source>Nomor lisensi</source>
        <translation>Licence number</translation>
    </message>
    <message>
        <source>Berlaku sampai</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Untuk objek ini</source>
        <translation>For this object</translation>
    </message>
    <message>
        <source>&lt;b&gt;Alat ukur dan kalibrasinya&lt;/b&gt;</source>
        <translation>&lt;b&gt;Measuring instruments and their calibration&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lisensi (kualifikasi) pemeriksa&lt;/b&gt;</source>
        <translation>&lt;b&gt;Inspector&apos;s licences (qualifications)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Formulir</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Kesimpulan dan aturan</source>
        <translation>Verdict and rules</translation>
    </message>
    <message>
        <source>Foto</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Alat ukur dan lisensi</source>
        <translation>Instruments and licences</translation>
    </message>
    <message>
        <source>Berkas foto belum ada di laptop ini</source>
        <translation>The photo file is not on this laptop yet</translation>
    </message>
    <message>
        <source>Foto ({n})</source>
        <translation>Photos ({n})</translation>
    </message>
    <message>
        <source>berlaku</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>KEDALUWARSA</source>
        <translation>EXPIRED</translation>
    </message>
    <message>
        <source>{name}, NIP {nip}</source>
        <translation>{name}, employee no. {nip}</translation>
    </message>
    <message>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>tidak</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Tinjauan</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Setujui dan terbitkan…</source>
        <translation>Approve and issue…</translation>
    </message>
    <message>
        <source>Minta revisi…</source>
        <translation>Request revision…</translation>
    </message>
    <message>
        <source>Tolak…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <source>Cari perusahaan, nomor seri, lokasi…</source>
        <translation>Search company, serial number, location…</translation>
    </message>
    <message>
        <source>Cari dalam antrean</source>
        <translation>Search the queue</translation>
    </message>
    <message>
        <source>Jenis objek</source>
        <translation>Object type</translation>
    </message>
    <message>
        <source>Semua jenis objek</source>
        <translation>All object types</translation>
    </message>
    <message>
        <source>Perusahaan</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Semua perusahaan</source>
        <translation>All companies</translation>
    </message>
    <message>
        <source>Pemeriksa</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Semua pemeriksa</source>
        <translation>All inspectors</translation>
    </message>
    <message>
        <source>Antrean tinjauan</source>
        <translation>Review queue</translation>
    </message>
    <message>
        <source>Pilih pemeriksaan dari antrean.</source>
        <translation>Choose an inspection from the queue.</translation>
    </message>
    <message>
        <source>Tinjauan hanya untuk penyelia.</source>
        <translation>Review is for supervisors only.</translation>
    </message>
    <message numerus="yes">
        <source>%n pemeriksaan menunggu tinjauan</source>
        <translation>
            <numerusform>%n inspection awaiting review</numerusform>
            <numerusform>%n inspections awaiting review</numerusform>
        </translation>
    </message>
    <message>
        <source>Pemeriksa: {inspector} · diperiksa {inspected} · diajukan {submitted} · {place}</source>
        <translation>Inspector: {inspector} · inspected {inspected} · submitted {submitted} · {place}</translation>
    </message>
    <message>
        <source>Belum dapat disetujui:</source>
        <translation>Cannot be approved yet:</translation>
    </message>
    <message>
        <source>Antrean kosong: tidak ada pemeriksaan yang menunggu.</source>
        <translation>The queue is empty: no inspections are waiting.</translation>
    </message>
    <message>
        <source>Sisa nomor sertifikat di laptop ini: {n}</source>
        <translation>Certificate numbers left on this laptop: {n}</translation>
    </message>
    <message>
        <source>Sisa nomor sertifikat tinggal {n}: sinkronkan untuk meminta blok nomor baru.</source>
        <translation>Only {n} certificate numbers left: sync to request a new block of numbers.</translation>
    </message>
    <message>
        <source>Sisa nomor sertifikat tinggal {n} dan laptop ini tidak tersambung ke server: sambungkan dan sinkronkan untuk meminta blok nomor baru.</source>
        <translation>Only {n} certificate numbers left and this laptop is not connected to the server: connect and sync to request a new block of numbers.</translation>
    </message>
    <message>
        <source>Foto</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Berkas foto ini belum ada di laptop ini; sinkronkan untuk mengambilnya.</source>
        <translation>This photo file is not on this laptop yet; sync to fetch it.</translation>
    </message>
    <message>
        <source>Setujui pemeriksaan</source>
        <translation>Approve inspection</translation>
    </message>
    <message>
        <source>Setujui {what}?

Satu nomor sertifikat diambil dari blok laptop ini, dokumen ditandatangani secara elektronik dan tidak dapat diubah lagi (hanya dicabut).</source>
        <translation>Approve {what}?

One certificate number is taken from this laptop&apos;s block; the document is signed electronically and can no longer be changed (only revoked).</translation>
    </message>
    <message>
        <source>Setujui dan terbitkan</source>
        <translation>Approve and issue</translation>
    </message>
    <message>
        <source>Belum dapat disetujui</source>
        <translation>Cannot be approved yet</translation>
    </message>
    <message>
        <source>Pemeriksaan ini belum dapat disetujui:</source>
        <translation>This inspection cannot be approved yet:</translation>
    </message>
    <message>
        <source>Minta revisi</source>
        <translation>Request revision</translation>
    </message>
    <message>
        <source>Apa yang perlu diperbaiki pemeriksa? Catatan ini dikirim kepadanya.</source>
        <translation>What does the inspector need to fix? This note is sent to them.</translation>
    </message>
    <message>
        <source>Lanjut…</source>
        <translation>Continue…</translation>
    </message>
    <message>
        <source>Tolak pemeriksaan</source>
        <translation>Reject inspection</translation>
    </message>
    <message>
        <source>Mengapa pemeriksaan ini ditolak? Alasan ini dikirim kepada pemeriksa.</source>
        <translation>Why is this inspection rejected? The reason is sent to the inspector.</translation>
    </message>
    <message>
        <source>Kembalikan pemeriksaan ini kepada {who} untuk direvisi?

Catatan: {comment}</source>
        <translation>Return this inspection to {who} for revision?

Note: {comment}</translation>
    </message>
    <message>
        <source>Kembalikan untuk revisi</source>
        <translation>Return for revision</translation>
    </message>
    <message>
        <source>Tolak pemeriksaan ini? Pemeriksaan yang ditolak tidak dapat diajukan lagi.

Alasan: {reason}</source>
        <translation>Reject this inspection? A rejected inspection cannot be submitted again.

Reason: {reason}</translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <source>Diajukan</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Objek</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>Kesimpulan</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Perusahaan</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Pemeriksa</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Diperiksa</source>
        <translation>Inspected</translation>
    </message>
</context>
<context>
    <name>RulesPanel</name>
    <message>
        <source> (dicabut)</source>
        <translation> (revoked)</translation>
    </message>
    <message>
        <source>Menunggu nilai yang diperlukan</source>
        <translation>Waiting for the values it needs</translation>
    </message>
    <message>
        <source>Tidak berlaku untuk isian ini</source>
        <translation>Does not apply to these entries</translation>
    </message>
    <message>
        <source>Catatan: perlu tindak lanjut</source>
        <translation>Note: to follow up</translation>
    </message>
    <message>
        <source>Yang harus diperbaiki</source>
        <translation>What must be fixed</translation>
    </message>
    <message>
        <source>Persyaratan</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <source>Memenuhi</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>Tidak memenuhi</source>
        <translation>Fail</translation>
    </message>
    <message>
        <source>Belum lengkap</source>
        <translation>Incomplete</translation>
    </message>
    <message>
        <source>Kesimpulan: {verdict}</source>
        <translation>Verdict: {verdict}</translation>
    </message>
    <message>
        <source>{ok} memenuhi · {bad} tidak memenuhi · {wait} belum lengkap · {prob} isian perlu diperbaiki</source>
        <translation>{ok} pass · {bad} fail · {wait} incomplete · {prob} entries need fixing</translation>
    </message>
    <message>
        <source>{n} perlu tindak lanjut</source>
        <translation>{n} to follow up</translation>
    </message>
    <message>
        <source>⚠ ambang belum terverifikasi</source>
        <translation>⚠ threshold not yet verified</translation>
    </message>
    <message>
        <source>Umum</source>
        <translation>General</translation>
    </message>
</context>
<context>
    <name>RulesView</name>
    <message>
        <source>Kesimpulan dan aturan</source>
        <translation>Verdict and rules</translation>
    </message>
    <message>
        <source>Memenuhi</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>Catatan: perlu tindak lanjut</source>
        <translation>Note: to follow up</translation>
    </message>
    <message>
        <source>Tidak memenuhi</source>
        <translation>Fails</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Alamat server</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Uji koneksi</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Simpan alamat</source>
        <translation>Save address</translation>
    </message>
    <message>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Bahasa tampilan</source>
        <translation>Display language</translation>
    </message>
    <message>
        <source>Berlaku saat k3desk dibuka lagi, juga untuk pesan perintah k3desk di folder data ini.</source>
        <translation>Takes effect when k3desk is opened again, also for the messages of k3desk commands in this data folder.</translation>
    </message>
    <message>
        <source>Data di laptop ini</source>
        <translation>Data on this laptop</translation>
    </message>
    <message>
        <source>Buka folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Folder data</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Cadangkan sekarang</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Pulihkan dari cadangan…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>Ekspor berkas diagnostik…</source>
        <translation>Export diagnostics file…</translation>
    </message>
    <message>
        <source>Cadangan</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Menghubungi {url}…</source>
        <translation>Contacting {url}…</translation>
    </message>
    <message>
        <source>Server {url} menjawab (protokol {protocol}).</source>
        <translation>Server {url} answered (protocol {protocol}).</translation>
    </message>
    <message>
        <source>Alamat server disimpan. Login daring ke server ini diperlukan sekali sebelum sinkronisasi (Sinkronkan sekarang, F5).</source>
        <translation>Server address saved. One online login to this server is needed before syncing (Sync now, F5).</translation>
    </message>
    <message>
        <source>Alamat server disimpan.</source>
        <translation>Server address saved.</translation>
    </message>
    <message>
        <source>Bahasa disimpan. Tutup lalu buka lagi k3desk untuk memakainya.</source>
        <translation>Language saved. Close and reopen k3desk to use it.</translation>
    </message>
    <message>
        <source>Bahasa Inggris disimpan. Tutup lalu buka lagi k3desk untuk memakainya.</source>
        <translation>English saved. Close and reopen k3desk to use it.</translation>
    </message>
    <message>
        <source>Mencadangkan…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Cadangan ditulis: {path}</source>
        <translation>Backup written: {path}</translation>
    </message>
    <message>
        <source>Pilih berkas cadangan</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>Cadangan k3desk (*.zip)</source>
        <translation>k3desk backups (*.zip)</translation>
    </message>
    <message>
        <source>Pulihkan data?</source>
        <translation>Restore data?</translation>
    </message>
    <message>
        <source>Semua data di laptop ini diganti dengan isi {name}. Data saat ini disimpan dulu sebagai cadangan pre-restore. Setelah pemulihan k3desk ditutup dan perlu dibuka lagi.</source>
        <translation>All data on this laptop is replaced with the contents of {name}. The current data is first saved as a pre-restore backup. After the restore k3desk closes and must be opened again.</translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Memulihkan dari {name}…</source>
        <translation>Restoring from {name}…</translation>
    </message>
    <message>
        <source>Data dipulihkan</source>
        <translation>Data restored</translation>
    </message>
    <message>
        <source>Data dipulihkan dari {name}. k3desk ditutup sekarang; buka lagi untuk memakai data yang dipulihkan.</source>
        <translation>Data restored from {name}. k3desk closes now; open it again to use the restored data.</translation>
    </message>
    <message>
        <source>Simpan berkas diagnostik</source>
        <translation>Save diagnostics file</translation>
    </message>
    <message>
        <source>Arsip zip (*.zip)</source>
        <translation>Zip archives (*.zip)</translation>
    </message>
    <message>
        <source>Berkas diagnostik ditulis: {path}</source>
        <translation>Diagnostics file written: {path}</translation>
    </message>
</context>
<context>
    <name>SignatureCanvas</name>
    <message>
        <source>Kotak tanda tangan</source>
        <translation>Signature box</translation>
    </message>
    <message>
        <source>Tanda tangan di sini</source>
        <translation>Sign here</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Tanda tangan pemeriksa</source>
        <translation>Inspector&apos;s signature</translation>
    </message>
    <message>
        <source>Urungkan goresan</source>
        <translation>Undo stroke</translation>
    </message>
    <message>
        <source>Hapus tanda tangan</source>
        <translation>Clear signature</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Belum ditandatangani</source>
        <translation>Not signed yet</translation>
    </message>
    <message>
        <source>Tanda tangan tersimpan; gambarnya menunggu sinkron</source>
        <translation>Signature saved; its image is waiting for sync</translation>
    </message>
    <message>
        <source>Tanda tangan tersimpan</source>
        <translation>Signature saved</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>SubmitRefusedDialog</name>
    <message>
        <source>Belum dapat diajukan</source>
        <translation>Cannot be submitted yet</translation>
    </message>
    <message>
        <source>Pemeriksaan ini belum dapat diajukan. Perbaiki yang berikut (klik untuk menuju isiannya):</source>
        <translation>This inspection cannot be submitted yet. Fix the following (click to go to the entry):</translation>
    </message>
    <message>
        <source>Yang harus diperbaiki</source>
        <translation>What must be fixed</translation>
    </message>
    <message>
        <source>Umum</source>
        <translation>General</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Luring: belum ada server</source>
        <translation>Offline: no server yet</translation>
    </message>
    <message>
        <source>Batalkan</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Hentikan sinkronisasi; yang sudah terkirim tetap tersimpan</source>
        <translation>Stop syncing; what has been sent stays saved</translation>
    </message>
    <message>
        <source>Rincian…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <source>Status sinkronisasi</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <source>Status sinkronisasi…</source>
        <translation>Sync status…</translation>
    </message>
    <message>
        <source>Konflik…</source>
        <translation>Conflicts…</translation>
    </message>
    <message>
        <source>Perubahan yang ditolak server…</source>
        <translation>Changes refused by the server…</translation>
    </message>
    <message>
        <source>Batalkan sinkronisasi</source>
        <translation>Cancel sync</translation>
    </message>
    <message>
        <source>Belum disinkronkan</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>Mengirim {done} dari {total} perubahan</source>
        <translation>Sending {done} of {total} changes</translation>
    </message>
    <message>
        <source>Menerima data: halaman {pages} ({records} rekaman)</source>
        <translation>Receiving data: page {pages} ({records} records)</translation>
    </message>
    <message>
        <source>Mengunduh foto {done}</source>
        <translation>Downloading photo {done}</translation>
    </message>
    <message>
        <source>Menyinkronkan…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Mutakhir pukul {time}</source>
        <translation>Up to date at {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n item perlu perhatian</source>
        <translation>
            <numerusform>%n item needs attention</numerusform>
            <numerusform>%n items need attention</numerusform>
        </translation>
    </message>
    <message>
        <source>Luring: server tidak terhubung</source>
        <translation>Offline: server not connected</translation>
    </message>
    <message>
        <source>Perlu login ulang ke server</source>
        <translation>Log in to the server again</translation>
    </message>
    <message>
        <source>Sinkronisasi dibatalkan</source>
        <translation>Sync cancelled</translation>
    </message>
    <message>
        <source>Sinkronisasi gagal; dicoba lagi nanti</source>
        <translation>Sync failed; will try again later</translation>
    </message>
    <message>
        <source>Belum ada server. Atur alamat server di Pengaturan; sampai itu semua pekerjaan tersimpan di laptop ini.</source>
        <translation>No server yet. Set the server address in Settings; until then all work is saved on this laptop.</translation>
    </message>
    <message>
        <source> Dicoba lagi pukul {time}.</source>
        <translation> Next try at {time}.</translation>
    </message>
    <message>
        <source>Server {url} tidak dapat dihubungi. Perubahan Anda aman di laptop ini dan dikirim otomatis begitu server terhubung lagi.</source>
        <translation>Server {url} cannot be reached. Your changes are safe on this laptop and are sent automatically as soon as the server is reachable again.</translation>
    </message>
    <message>
        <source>Login Anda ke server sudah berakhir atau belum pernah dilakukan di laptop ini. Login ulang untuk melanjutkan sinkronisasi; antrean perubahan tidak disentuh.</source>
        <translation>Your login to the server has expired or was never made on this laptop. Log in again to continue syncing; the queue of changes is left untouched.</translation>
    </message>
    <message>
        <source>Sinkronisasi dihentikan. Yang sudah terkirim dan diterima tetap tersimpan; sisanya ikut pada sinkronisasi berikutnya.</source>
        <translation>Sync stopped. What was sent and received stays saved; the rest goes with the next sync.</translation>
    </message>
    <message>
        <source>Sinkronisasi gagal karena kesalahan di laptop ini; rinciannya ada di log. Data Anda tetap aman dan sinkronisasi dicoba lagi nanti.</source>
        <translation>Sync failed because of an error on this laptop; the details are in the log. Your data is safe and the sync will be tried again later.</translation>
    </message>
    <message numerus="yes">
        <source>%n perlu perhatian</source>
        <translation>
            <numerusform>%n needs attention</numerusform>
            <numerusform>%n need attention</numerusform>
        </translation>
    </message>
    <message>
        <source>Sinkronisasi terakhir: {time}</source>
        <translation>Last sync: {time}</translation>
    </message>
    <message>
        <source>Belum pernah disinkronkan</source>
        <translation>Never synced</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sinkronisasi</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Batalkan</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Sinkronkan sekarang</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Login ulang…</source>
        <translation>Log in again…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Sinkronisasi terakhir: {time}</source>
        <translation>Last sync: {time}</translation>
    </message>
    <message>
        <source>Belum pernah disinkronkan</source>
        <translation>Never synced</translation>
    </message>
    <message numerus="yes">
        <source>%n perubahan menunggu dikirim</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n konflik…</source>
        <translation>
            <numerusform>%n conflict…</numerusform>
            <numerusform>%n conflicts…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ditolak server…</source>
        <translation>
            <numerusform>%n refused by the server…</numerusform>
            <numerusform>%n refused by the server…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Selamat datang di k3desk</source>
        <translation>Welcome to k3desk</translation>
    </message>
    <message>
        <source>Pemeriksaan dan pengujian K3 di lapangan, tanpa sambungan. Pilih cara memulai:</source>
        <translation>Occupational safety (K3) inspection and testing in the field, without a connection. Choose how to start:</translation>
    </message>
    <message>
        <source>Alamat &amp;server</source>
        <translation>&amp;Server address</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Hubungkan ke server</source>
        <translation>Connect to a server</translation>
    </message>
    <message>
        <source>Hubungkan ke server Balai</source>
        <translation>Connect to the Balai&apos;s server</translation>
    </message>
    <message>
        <source>Login daring sekali; sesudahnya login juga bisa tanpa sambungan.</source>
        <translation>Log in online once; after that you can log in without a connection too.</translation>
    </message>
    <message>
        <source>Coba dengan data demo</source>
        <translation>Try with demo data</translation>
    </message>
    <message>
        <source>Satu Balai contoh dengan perusahaan, peralatan dan pemeriksaan dalam setiap status. Data demo tidak pernah dikirim ke server; untuk bekerja sungguhan, k3desk nanti memulai folder data baru dan menyimpan demo di sampingnya.</source>
        <translation>An example Balai with companies, equipment and inspections in every status. Demo data is never sent to a server; to work for real, k3desk later starts a new data folder and keeps the demo beside it.</translation>
    </message>
    <message>
        <source>Coba dulu</source>
        <translation>Try it</translation>
    </message>
    <message>
        <source>Isi alamat server, nama pengguna dan kata sandi.</source>
        <translation>Enter the server address, username and password.</translation>
    </message>
    <message>
        <source>Menghubungi {url}…</source>
        <translation>Contacting {url}…</translation>
    </message>
    <message>
        <source>Server tidak menjawab; login luring dipakai.</source>
        <translation>The server did not answer; an offline login was used.</translation>
    </message>
    <message>
        <source>Membuat data demo… (beberapa detik)</source>
        <translation>Creating demo data… (a few seconds)</translation>
    </message>
</context>
<context>
    <name>admin</name>
    <message>
        <source>basis data server tidak dapat dibuka: {reason}</source>
        <extracomment>``update-balai`` options, one per document field (k3desk.domain.balai_documents).</extracomment>
        <translation>the server database cannot be opened: {reason}</translation>
    </message>
    <message>
        <source>{path} tidak dapat dibaca: {reason}</source>
        <translation>{path} cannot be read: {reason}</translation>
    </message>
    <message>
        <source>{path} bukan YAML yang sah: {reason}</source>
        <translation>{path} is not valid YAML: {reason}</translation>
    </message>
</context>
<context>
    <name>attachment</name>
    <message>
        <source>berkas {name} terlalu besar ({mb}; paling besar {mb2})</source>
        <translation>file {name} is too large ({mb}; at most {mb2})</translation>
    </message>
    <message>
        <source>{name} adalah folder, bukan berkas gambar</source>
        <translation>{name} is a folder, not an image file</translation>
    </message>
    <message>
        <source>berkas {name} tidak dapat dibaca: {reason}</source>
        <translation>the file {name} cannot be read: {reason}</translation>
    </message>
    <message>
        <source>berkas {name} kosong</source>
        <translation>file {name} is empty</translation>
    </message>
    <message>
        <source>berkas {name} berformat HEIC yang belum didukung; simpan sebagai JPEG (di ponsel: Pengaturan &gt; Kamera &gt; Format &gt; Paling Kompatibel)</source>
        <translation>file {name} is in HEIC format, which is not supported yet; save it as JPEG (on the phone: Settings &gt; Camera &gt; Formats &gt; Most Compatible)</translation>
    </message>
    <message>
        <source>berkas {name} bukan gambar yang dapat dibaca (yang diterima: JPEG, PNG, WebP, BMP, TIFF, GIF)</source>
        <translation>file {name} is not a readable image (accepted: JPEG, PNG, WebP, BMP, TIFF, GIF)</translation>
    </message>
    <message>
        <source>gambar {name} terlalu besar ({w}x{h} piksel; paling banyak {value} megapiksel)</source>
        <translation>image {name} is too large ({w}x{h} pixels; at most {value} megapixels)</translation>
    </message>
    <message>
        <source>berkas gambar {name} rusak atau terpotong; tidak ada yang disimpan</source>
        <translation>image file {name} is damaged or truncated; nothing was saved</translation>
    </message>
    <message>
        <source>tanda tangan kosong: tulis tanda tangan di kotak lebih dulu</source>
        <translation>the signature is empty: sign in the box first</translation>
    </message>
    <message>
        <source>gambar {filename} tetap terlalu besar setelah diperkecil ({mb}; batas server {mb2})</source>
        <translation>image {filename} is still too large after shrinking ({mb}; the server&apos;s limit is {mb2})</translation>
    </message>
    <message>
        <source>foto dan tanda tangan tidak dapat diubah: {error}</source>
        <translation>photos and signature cannot be changed: {error}</translation>
    </message>
    <message>
        <source>hanya pemeriksa yang mengisi pemeriksaan ini yang dapat mengubah foto dan tanda tangannya</source>
        <translation>only the inspector who filled in this inspection can change its photos and signature</translation>
    </message>
    <message>
        <source>slot foto {slot!r} tidak sah (contoh: foto, hidran[0].foto)</source>
        <translation>photo slot {slot!r} is not valid (for example: foto, hidran[0].foto)</translation>
    </message>
    <message>
        <source>slot signature hanya untuk tanda tangan</source>
        <translation>the signature slot is for the signature only</translation>
    </message>
    <message>
        <source>keterangan foto terlalu panjang ({count} karakter; paling banyak {MAX_CAPTION})</source>
        <translation>the photo caption is too long ({count} characters; at most {MAX_CAPTION})</translation>
    </message>
    <message>
        <source>foto {attachment_id} tidak ditemukan</source>
        <translation>photo {attachment_id} not found</translation>
    </message>
    <message>
        <source>{head} belum mempunyai baris {index}; tambahkan barisnya lebih dulu</source>
        <translation>{head} has no row {index} yet; add the row first</translation>
    </message>
    <message>
        <source>gambar foto ini belum ada di laptop ini (menunggu sinkronisasi); belum dapat diputar</source>
        <translation>this photo&apos;s image is not on this laptop yet (waiting for sync); it cannot be rotated yet</translation>
    </message>
</context>
<context>
    <name>auth</name>
    <message>
        <source>nama pengguna atau kata sandi salah (login luring memakai kata sandi login daring terakhir di laptop ini)</source>
        <translation>wrong username or password (an offline login uses the password of the last online login on this laptop)</translation>
    </message>
    <message>
        <source>pengguna {username} dinonaktifkan</source>
        <translation>user {username} is deactivated</translation>
    </message>
    <message>
        <source>kata sandi salah; kunci tanda tangan tetap terkunci</source>
        <translation>wrong password; the signing key stays locked</translation>
    </message>
    <message>
        <source>pengguna {user_id} tidak ada di laptop ini</source>
        <translation>user {user_id} is not on this laptop</translation>
    </message>
    <message>
        <source>belum ada pengguna yang login di laptop ini: jalankan dulu `{hint}`</source>
        <translation>nobody is logged in on this laptop: first run `{hint}`</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>tidak ada basis data k3desk di {data_dir}; tidak ada yang dicadangkan</source>
        <extracomment>The signing key in clear an older k3desk kept (keys_service.PLAIN_KEY_FILE); the encrypted ``keys/signing.key.enc`` is backed up, useless without the password. What a restore accepts, checked on the sizes the zip declares *and* on the bytes it really unpacks: the database, any other member (a photo is at most a few MiB; the server takes blobs up to 20 MiB), the whole, and how far a member may expand.</extracomment>
        <translation>there is no k3desk database in {data_dir}; nothing was backed up</translation>
    </message>
    <message>
        <source>cadangan tidak dapat ditulis ke {dest}: {reason}</source>
        <translation>the backup cannot be written to {dest}: {reason}</translation>
    </message>
    <message>
        <source>{name} bukan berkas cadangan k3desk</source>
        <translation>{name} is not a k3desk backup file</translation>
    </message>
    <message>
        <source>berkas cadangan {path} tidak ditemukan</source>
        <translation>backup file {path} not found</translation>
    </message>
    <message>
        <source>{not_backup} (tidak ada manifest.json yang terbaca)</source>
        <translation>{not_backup} (no readable manifest.json)</translation>
    </message>
    <message>
        <source>{not_backup} (manifest rusak)</source>
        <translation>{not_backup} (damaged manifest)</translation>
    </message>
    <message>
        <source>{not_backup} (manifest tidak lengkap)</source>
        <translation>{not_backup} (incomplete manifest)</translation>
    </message>
    <message>
        <source>{name} dibuat oleh k3desk {manifest} yang lebih baru (format {version}); pasang k3desk terbaru untuk memulihkannya. Data saat ini tidak diubah.</source>
        <translation>{name} was made by a newer k3desk {manifest} (format {version}); install the latest k3desk to restore it. The current data was not changed.</translation>
    </message>
    <message>
        <source>{name} berasal dari k3desk {manifest} yang lebih baru (skema {revision}); pasang k3desk terbaru untuk memulihkannya. Data saat ini tidak diubah.</source>
        <translation>{name} comes from a newer k3desk {manifest} (schema {revision}); install the latest k3desk to restore it. The current data was not changed.</translation>
    </message>
    <message>
        <source>{name} tidak berisi basis data; cadangan tidak lengkap</source>
        <translation>{name} holds no database; the backup is incomplete</translation>
    </message>
    <message>
        <source>{name}: isi cadangan tidak sesuai manifest; berkas rusak atau diubah</source>
        <translation>{name}: the backup&apos;s contents do not match its manifest; the file is damaged or was altered</translation>
    </message>
    <message>
        <source>{name}: nama berkas tidak sah di dalam cadangan: {name2}</source>
        <translation>{name}: invalid file name inside the backup: {name2}</translation>
    </message>
    <message>
        <source>{name}: {name2} tidak cocok dengan sidik sha256 di manifest; cadangan rusak</source>
        <translation>{name}: {name2} does not match the sha256 fingerprint in the manifest; the backup is damaged</translation>
    </message>
    <message>
        <source>isi arsipnya rusak; pakai cadangan lain</source>
        <translation>the archive is damaged; use another backup</translation>
    </message>
    <message>
        <source>{name} tidak dapat dibaca utuh: {reason}</source>
        <translation>{name} cannot be read whole: {reason}</translation>
    </message>
    <message>
        <source>{backup}: {name} terlalu besar untuk cadangan k3desk (berkas rusak atau sengaja dibuat membengkak); pemulihan dibatalkan. Data saat ini tidak diubah.</source>
        <translation>{backup}: {name} is too large for a k3desk backup (a damaged file or one blown up on purpose); the restore was cancelled. The current data was not changed.</translation>
    </message>
    <message>
        <source>{backup}: isi cadangan melebihi {mib} MiB; pemulihan dibatalkan. Data saat ini tidak diubah.</source>
        <translation>{backup}: the backup&apos;s contents exceed {mib} MiB; the restore was cancelled. The current data was not changed.</translation>
    </message>
    <message>
        <source>{name}: basis data di dalamnya rusak; pakai cadangan lain</source>
        <translation>{name}: the database inside is damaged; use another backup</translation>
    </message>
    <message>
        <source>pemulihan dibatalkan, data lama dikembalikan: {reason}</source>
        <translation>the restore was cancelled and the old data put back: {reason}</translation>
    </message>
</context>
<context>
    <name>balai</name>
    <message>
        <source>{field} bukan pengaturan dokumen Balai</source>
        <extracomment>The fields an admin may change, with their longest allowed length. Fields a document cannot do without: never cleared.</extracomment>
        <translation>{field} is not one of the Balai&apos;s document settings</translation>
    </message>
    <message>
        <source>{field} harus berupa teks</source>
        <translation>{field} must be text</translation>
    </message>
    <message>
        <source>{field} memuat karakter yang tidak sah</source>
        <translation>{field} contains an invalid character</translation>
    </message>
    <message>
        <source>{field} harus satu baris teks biasa</source>
        <translation>{field} must be one line of plain text</translation>
    </message>
    <message>
        <source>{field} wajib diisi: dokumen mencetaknya</source>
        <translation>{field} is required: documents print it</translation>
    </message>
    <message>
        <source>{field} paling panjang {limit} karakter</source>
        <translation>{field} is at most {limit} characters long</translation>
    </message>
    <message>
        <source>{field} memuat karakter kendali arah {char} yang tidak diizinkan</source>
        <translation>{field} contains the direction control character {char}, which is not allowed</translation>
    </message>
    <message>
        <source>email {text} bukan alamat email (contoh: info@bk3.go.id)</source>
        <translation>email {text} is not an email address (e.g. info@bk3.go.id)</translation>
    </message>
    <message>
        <source>website {text} bukan alamat situs (contoh: https://bk3jakarta.go.id)</source>
        <translation>website {text} is not a web address (e.g. https://bk3jakarta.go.id)</translation>
    </message>
    <message>
        <source>number_prefix hanya huruf, angka, . _ - (paling panjang 32)</source>
        <translation>number_prefix takes only letters, digits, . _ - (at most 32)</translation>
    </message>
    <message>
        <source>head_nip harus 18 angka NIP</source>
        <translation>head_nip must be the 18 digits of a NIP</translation>
    </message>
    <message>
        <source>format nomor tidak dapat dipakai: {why}</source>
        <translation>the number format cannot be used: {why}</translation>
    </message>
    <message>
        <source>berkas logo {size} KB; paling besar {limit} KB</source>
        <translation>the logo file is {size} KB; at most {limit} KB</translation>
    </message>
    <message>
        <source>berkas logo bukan gambar PNG atau JPEG yang utuh</source>
        <translation>the logo file is not a complete PNG or JPEG image</translation>
    </message>
    <message>
        <source>logo harus PNG atau JPEG, bukan {kind}</source>
        <translation>the logo must be PNG or JPEG, not {kind}</translation>
    </message>
    <message>
        <source>logo {width}x{height} piksel; harus antara {low} dan {high} piksel per sisi</source>
        <translation>the logo is {width}x{height} pixels; each side must be between {low} and {high} pixels</translation>
    </message>
    <message>
        <source>berkas {name} tidak dapat dibaca: {why}</source>
        <translation>cannot read the file {name}: {why}</translation>
    </message>
    <message>
        <source>hanya admin yang dapat mengubah pengaturan dokumen Balai</source>
        <translation>only an admin can change the Balai&apos;s document settings</translation>
    </message>
    <message>
        <source>alamat server belum diatur: pengaturan Balai disimpan di server</source>
        <translation>no server address is set: the Balai&apos;s settings are kept on the server</translation>
    </message>
    <message>
        <source>Balai ini tidak ada di laptop ini</source>
        <translation>this Balai is not on this laptop</translation>
    </message>
    <message>
        <source>pengaturan Balai sudah diubah di server sejak dibuka di sini; sinkronkan, periksa, lalu simpan lagi</source>
        <translation>the Balai&apos;s settings were changed on the server since they were opened here; sync, check, then save again</translation>
    </message>
    <message>
        <source>server menolak: hanya admin Balai ini yang dapat mengubah pengaturan dokumennya</source>
        <translation>the server refused: only an admin of this Balai can change its document settings</translation>
    </message>
    <message>
        <source>server tidak mengenal Balai ini</source>
        <translation>the server does not know this Balai</translation>
    </message>
</context>
<context>
    <name>certificate</name>
    <message>
        <source>status sertifikat tidak dikenal: {status}</source>
        <translation>unknown certificate status: {status}</translation>
    </message>
    <message>
        <source>sertifikat {certificate_id} tidak ditemukan di laptop ini</source>
        <translation>certificate {certificate_id} not found on this laptop</translation>
    </message>
</context>
<context>
    <name>certificates</name>
    <message>
        <source>kesimpulan {verdict} tidak dikenal (yang dikenal: {known})</source>
        <translation>unknown verdict {verdict} (known: {known})</translation>
    </message>
    <message>
        <source>data sertifikat belum lengkap: tidak ada {fields}</source>
        <extracomment>``valid_until`` of a findings report (tidak_memenuhi), which grants no validity</extracomment>
        <translation>the certificate data is incomplete: {fields} missing</translation>
    </message>
    <message>
        <source>data sertifikat bukan JSON</source>
        <translation>the certificate data is not JSON</translation>
    </message>
    <message>
        <source>data sertifikat bukan objek JSON</source>
        <translation>the certificate data is not a JSON object</translation>
    </message>
    <message>
        <source>data sertifikat tidak dalam bentuk kanonis</source>
        <translation>the certificate data is not in its canonical form</translation>
    </message>
    <message>
        <source>sertifikat yang memenuhi persyaratan perlu tanggal berlaku sampai (valid_until)</source>
        <translation>a certificate that meets the requirements needs a valid-until date (valid_until)</translation>
    </message>
    <message>
        <source>tanggal berlaku sampai (valid_until) sebelum tanggal terbit (issued_on)</source>
        <translation>the valid-until date (valid_until) lies before the date of issue (issued_on)</translation>
    </message>
    <message>
        <source>isian tambahan mengulang isian wajib {fields}</source>
        <translation>extra fields repeat the required fields {fields}</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>perintah ini memerlukan paket server, yang tidak termasuk dalam aplikasi desktop; pasang dengan: pip install &apos;k3desk[server]&apos;</source>
        <translation>this command needs the server packages, which the desktop application does not include; install them with: pip install &apos;k3desk[server]&apos;</translation>
    </message>
    <message>
        <source>terjadi kesalahan tak terduga; rinciannya tercatat di log (`k3desk diagnostics -o diag.zip` mengumpulkannya)</source>
        <translation>an unexpected error happened; the details are in the log (`k3desk diagnostics -o diag.zip` collects them)</translation>
    </message>
    <message>
        <source>Jejak audit utuh: {n} peristiwa.</source>
        <translation>The audit trail is intact: {n} events.</translation>
    </message>
    <message>
        <source>Jejak audit RUSAK pada peristiwa {id}: {reason}</source>
        <translation>The audit trail is BROKEN at event {id}: {reason}</translation>
    </message>
    <message>
        <source>perusahaan</source>
        <translation>companies</translation>
    </message>
    <message>
        <source>peralatan</source>
        <translation>equipment</translation>
    </message>
    <message>
        <source>pemeriksaan</source>
        <translation>inspections</translation>
    </message>
    <message>
        <source>sertifikat</source>
        <translation>certificates</translation>
    </message>
    <message>
        <source>lampiran</source>
        <translation>attachments</translation>
    </message>
    <message>
        <source>cadangan ditulis: {path} ({size} MB; {counts})</source>
        <translation>backup written: {path} ({size} MB; {counts})</translation>
    </message>
    <message>
        <source>data dipulihkan dari {name} (dibuat {created}, k3desk {version}; {counts})</source>
        <translation>data restored from {name} (made {created}, k3desk {version}; {counts})</translation>
    </message>
    <message>
        <source>data sebelumnya disimpan di {path}</source>
        <translation>the previous data is kept in {path}</translation>
    </message>
    <message>
        <source>tanggal harus YYYY-MM-DD, bukan {value}</source>
        <translation>a date must be YYYY-MM-DD, not {value}</translation>
    </message>
    <message>
        <source>tidak dapat membaca {path}: {reason}</source>
        <translation>cannot read {path}: {reason}</translation>
    </message>
    <message>
        <source>{path} bukan teks UTF-8; simpan ulang berkas itu sebagai UTF-8</source>
        <translation>{path} is not UTF-8 text; save the file again as UTF-8</translation>
    </message>
    <message>
        <source>{path} bukan JSON yang sah (baris {line}, kolom {column}); periksa tanda kutip, koma dan kurung</source>
        <translation>{path} is not valid JSON (line {line}, column {column}); check the quotes, commas and brackets</translation>
    </message>
    <message>
        <source>... dan {n} lagi</source>
        <translation>... and {n} more</translation>
    </message>
    <message>
        <source>{path}: {n} nilai tidak sah untuk {id} v{version}:</source>
        <translation>{path}: {n} invalid values for {id} v{version}:</translation>
    </message>
    <message>
        <source>Data demo dibuat di {folder}: {companies} perusahaan, {equipment} peralatan, {inspections} pemeriksaan ({statuses}).</source>
        <translation>Demo data made in {folder}: {companies} companies, {equipment} pieces of equipment, {inspections} inspections ({statuses}).</translation>
    </message>
    <message>
        <source>pemeriksa</source>
        <translation>inspector</translation>
    </message>
    <message>
        <source>penyelia</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>kata sandi: {password}</source>
        <translation>password: {password}</translation>
    </message>
    <message>
        <source>diagnostik ditulis ke {path} ({size} kB); periksa isinya sebelum dikirim bila perlu</source>
        <translation>diagnostics written to {path} ({size} kB); look through it before sending it if needed</translation>
    </message>
    <message>
        <source>berkas keluaran {what} harus berakhiran {suffix}</source>
        <translation>the output file of {what} must end in {suffix}</translation>
    </message>
    <message>
        <source>{start} s.d. {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>rekap {period} ditulis ke {path}: {total} pemeriksaan ({passed} memenuhi, {failed} tidak memenuhi, {pending} belum selesai, {rejected} ditolak), {issued} sertifikat terbit, {revoked} dicabut, {retest_due} uji ulang jatuh tempo</source>
        <translation>recap {period} written to {path}: {total} inspections ({passed} meet the requirements, {failed} do not, {pending} not finished, {rejected} rejected), {issued} certificates issued, {revoked} revoked, {retest_due} re-tests due</translation>
    </message>
    <message>
        <source>{n} pemeriksaan {period} ditulis ke {path}</source>
        <translation>{n} inspections of {period} written to {path}</translation>
    </message>
    <message>
        <source>{n} sertifikat {period} ditulis ke {path}</source>
        <translation>{n} certificates of {period} written to {path}</translation>
    </message>
    <message>
        <source>{path} harus berisi objek JSON (nama isian -&gt; nilai)</source>
        <translation>{path} must hold a JSON object (field name -&gt; value)</translation>
    </message>
    <message>
        <source>--date harus YYYY-MM-DD, bukan {value}</source>
        <translation>--date must be YYYY-MM-DD, not {value}</translation>
    </message>
    <message>
        <source>Tersimpan. Kesimpulan sementara: {verdict}</source>
        <translation>Saved. Provisional verdict: {verdict}</translation>
    </message>
    <message>
        <source>status: {status}; tanggal pemeriksaan: {date}</source>
        <translation>status: {status}; inspected on: {date}</translation>
    </message>
    <message>
        <source>Kesimpulan: {verdict}</source>
        <translation>Verdict: {verdict}</translation>
    </message>
    <message>
        <source>Belum lengkap untuk diajukan:</source>
        <translation>Not complete enough to submit:</translation>
    </message>
    <message>
        <source>Pemeriksaan {id} diajukan ke penyelia.</source>
        <translation>Inspection {id} submitted to the supervisor.</translation>
    </message>
    <message>
        <source>Catatan: {slot} bukan isian foto templat pemeriksaan ini; foto disimpan sebagai lampiran tanpa dihitung untuk isian mana pun.</source>
        <translation>Note: {slot} is not a photo field of this inspection&apos;s template; the photos are kept as attachments without counting for any field.</translation>
    </message>
    <message>
        <source>{name} harus berformat YYYY-MM-DD, bukan {value}</source>
        <translation>{name} must be YYYY-MM-DD, not {value}</translation>
    </message>
    <message>
        <source>--status hanya untuk daftar pemeriksaan</source>
        <translation>--status is for the list of inspections only</translation>
    </message>
    <message>
        <source>kata sandi kosong: berikan kata sandi di masukan standar</source>
        <translation>empty password: give the password on standard input</translation>
    </message>
    <message>
        <source>login daring sebagai {username} ({name}, {role})</source>
        <translation>logged in online as {username} ({name}, {role})</translation>
    </message>
    <message>
        <source>login luring (server tidak terhubung) sebagai {username} ({name}, {role})</source>
        <translation>logged in offline (no server connection) as {username} ({name}, {role})</translation>
    </message>
    <message>
        <source>tidak dapat menulis {path}: {reason}</source>
        <translation>cannot write {path}: {reason}</translation>
    </message>
    <message>
        <source>--sample tidak memakai jenis atau id pemeriksaan</source>
        <translation>--sample takes no kind and no inspection id</translation>
    </message>
    <message>
        <source>folder data ini belum punya sertifikat; buat dulu dengan `k3desk demo`</source>
        <translation>this data folder has no certificate yet; make one first with `k3desk demo`</translation>
    </message>
    <message>
        <source>sebutkan certificate|report dan id pemeriksaan, atau --sample</source>
        <translation>name certificate|report and the inspection id, or --sample</translation>
    </message>
    <message>
        <source>Peringatan: sisa nomor sertifikat di laptop ini tinggal {n}; sinkronkan untuk meminta blok baru.</source>
        <translation>Warning: only {n} certificate numbers are left on this laptop; sync to ask for a new block.</translation>
    </message>
    <message>
        <source>kunci tanda tangan terkunci: berikan kata sandi Anda dengan --password-stdin</source>
        <translation>the signing key is locked: give your password with --password-stdin</translation>
    </message>
    <message>
        <source>Kata sandi (membuka kunci tanda tangan): </source>
        <translation>Password (unlocks the signing key): </translation>
    </message>
    <message>
        <source>Pemeriksaan {id} dikembalikan untuk revisi.</source>
        <translation>Inspection {id} sent back for revision.</translation>
    </message>
    <message>
        <source>Pemeriksaan {id} ditolak.</source>
        <translation>Inspection {id} rejected.</translation>
    </message>
    <message>
        <source>Sertifikat {number} dicabut.</source>
        <translation>Certificate {number} revoked.</translation>
    </message>
    <message>
        <source>--username perlu --password-stdin (kata sandi dari masukan standar)</source>
        <translation>--username needs --password-stdin (the password from standard input)</translation>
    </message>
    <message>
        <source>sinkronisasi gagal, server tidak dapat dihubungi; periksa alamat server dan jaringan, lalu coba lagi (perubahan tetap dalam antrean)</source>
        <translation>sync failed, the server cannot be reached; check the server address and the network, then try again (your changes stay queued)</translation>
    </message>
    <message>
        <source>{reason}; jalankan `{hint}`</source>
        <translation>{reason}; run `{hint}`</translation>
    </message>
    <message>
        <source>dikirim: {n}</source>
        <translation>sent: {n}</translation>
    </message>
    <message>
        <source>diterima: {n}</source>
        <translation>received: {n}</translation>
    </message>
    <message>
        <source>konflik: {new} baru, {open} menunggu</source>
        <translation>conflicts: {new} new, {open} waiting</translation>
    </message>
    <message>
        <source>karantina: {new} baru, {open} menunggu</source>
        <translation>quarantined: {new} new, {open} waiting</translation>
    </message>
    <message>
        <source>masih dalam antrean: {n}</source>
        <translation>still queued: {n}</translation>
    </message>
    <message>
        <source>catatan: {message}</source>
        <translation>note: {message}</translation>
    </message>
    <message>
        <source>{path} bukan folder</source>
        <translation>{path} is not a folder</translation>
    </message>
    <message>
        <source>VER  {type:&lt;24}  JUDUL</source>
        <translation>VER  {type:&lt;24}  TITLE</translation>
    </message>
    <message>
        <source>JENIS OBJEK</source>
        <translation>OBJECT TYPE</translation>
    </message>
    <message>
        <source>{path}: JSON Schema ditulis</source>
        <translation>{path}: JSON Schema written</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Menggantikan nomor</source>
        <translation>Replaces number</translation>
    </message>
    <message>
        <source>Perusahaan</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Nomor seri objek</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Tanggal terbit</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>Berlaku sampai</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Kunci penandatangan</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <source>Pemilik kunci</source>
        <translation>Key owner</translation>
    </message>
    <message>
        <source>Alasan pencabutan</source>
        <translation>Reason for revocation</translation>
    </message>
    <message>
        <source>Tanda tangan PDF</source>
        <translation>PDF signature</translation>
    </message>
    <message>
        <source>Penanda tangan PDF</source>
        <translation>PDF signer</translation>
    </message>
    <message>
        <source>- (tidak diberikan)</source>
        <translation>- (not given)</translation>
    </message>
    <message>
        <source>(data berikut tidak terbukti asli)</source>
        <translation>(the data below is not proven authentic)</translation>
    </message>
    <message>
        <source>masa berlaku telah habis</source>
        <translation>the validity has ended</translation>
    </message>
    <message>
        <source>berikan berkas PDF atau --qr TEKS (salah satu saja)</source>
        <translation>give a PDF file or --qr TEXT (one of them)</translation>
    </message>
</context>
<context>
    <name>conflict</name>
    <message>
        <source>konflik {conflict_id} tidak ditemukan</source>
        <translation>conflict {conflict_id} not found</translation>
    </message>
    <message>
        <source>pilihan harus salah satu dari {value}</source>
        <translation>the choice must be one of {value}</translation>
    </message>
    <message>
        <source>konflik {conflict_id} sudah diselesaikan ({resolution})</source>
        <translation>conflict {conflict_id} is already resolved ({resolution})</translation>
    </message>
    <message>
        <source>keputusan penyelia sudah berlaku untuk pemeriksaan ini; perubahan Anda hanya dapat disimpan sebagai catatan</source>
        <translation>the supervisor&apos;s decision already applies to this inspection; your change can only be kept as a note</translation>
    </message>
    <message>
        <source>{record_type} {record_id} tidak ada lagi di laptop ini</source>
        <translation>{record_type} {record_id} no longer exists on this laptop</translation>
    </message>
    <message>
        <source>bukan kolom yang berkonflik: {fields}</source>
        <translation>not a conflicting field: {fields}</translation>
    </message>
    <message>
        <source>pilihan per kolom harus salah satu dari {choices}: {fields}</source>
        <translation>the choice for each field must be one of {choices}: {fields}</translation>
    </message>
    <message>
        <source>nilai untuk kolom yang disunting belum diisi: {fields}</source>
        <translation>no value given yet for the edited fields: {fields}</translation>
    </message>
</context>
<context>
    <name>context</name>
    <message>
        <source>hanya {wanted} yang dapat {action}; Anda login sebagai {username} ({role})</source>
        <translation>only {wanted} may {action}; you are logged in as {username} ({role})</translation>
    </message>
</context>
<context>
    <name>dashboard</name>
    <message>
        <source>daftar uji ulang tidak dapat disimpan ke {path}: {reason}</source>
        <translation>the re-test list cannot be saved to {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <source>folder data {path} sudah berisi data; demo hanya mengisi folder yang kosong</source>
        <translation>the data folder {path} already holds data; the demo fills empty folders only</translation>
    </message>
</context>
<context>
    <name>desk</name>
    <message>
        <source>T&amp;injauan</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <source>Koreksi</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Draf pengganti sudah dibuat; bukalah dari daftar Pemeriksaan.</source>
        <translation>The replacement draft has been created; open it from the Inspections list.</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>document</name>
    <message>
        <source>data Balai, perusahaan atau peralatan pemeriksaan ini belum ada di laptop ini; jalankan sinkronisasi</source>
        <translation>the Balai, company or equipment data of this inspection is not on this laptop yet; run a sync</translation>
    </message>
    <message>
        <source>kota Balai {code} belum diisi: dokumen resmi mencetak &apos;Ditetapkan di &lt;kota&gt;&apos; dan &apos;KEPALA BALAI K3 &lt;KOTA&gt;&apos;; minta admin server mengisi kota Balai, lalu sinkronkan</source>
        <translation>the city of Balai {code} is not filled in: official documents print &apos;Ditetapkan di &lt;city&gt;&apos; and &apos;KEPALA BALAI K3 &lt;CITY&gt;&apos;; ask the server admin to fill in the Balai&apos;s city, then sync</translation>
    </message>
    <message>
        <source>pemeriksaan ini belum lengkap; dokumen dibuat setelah semua nilai wajib terisi</source>
        <translation>this inspection is incomplete; the document is made once every required value is filled in</translation>
    </message>
    <message>
        <source>pemeriksaan {inspection_id} tidak ditemukan</source>
        <translation>inspection {inspection_id} not found</translation>
    </message>
    <message>
        <source>pemeriksaan ini belum disetujui: belum ada sertifikat</source>
        <translation>this inspection is not approved yet: there is no certificate</translation>
    </message>
    <message>
        <source>sertifikat {certificate_id} tidak ditemukan</source>
        <translation>certificate {certificate_id} not found</translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <source>Formulir pemeriksaan (hanya baca)</source>
        <translation>Inspection form (read-only)</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Terjadi kesalahan yang tidak terduga. Data Anda tetap aman; rincian ada di log.</source>
        <translation>An unexpected error occurred. Your data is safe; the details are in the log.</translation>
    </message>
    <message>
        <source>Jika terulang, kirim berkas diagnostik ke admin Balai: menu Bantuan, atau perintah `k3desk diagnostics -o diag.zip`.</source>
        <translation>If it happens again, send a diagnostics file to the Balai&apos;s admin: the Help menu, or the command `k3desk diagnostics -o diag.zip`.</translation>
    </message>
    <message>
        <source>Salin rincian</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>nilai tidak valid</source>
        <translation>invalid values</translation>
    </message>
    <message>
        <source>pemeriksaan belum dapat diajukan</source>
        <translation>the inspection cannot be submitted yet</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>periode terbalik: {start} sampai {end}</source>
        <translation>the period is reversed: {start} to {end}</translation>
    </message>
</context>
<context>
    <name>expressions</name>
    <message>
        <source>karakter tak terduga {char} di posisi {pos}</source>
        <translation>unexpected character {char} at position {pos}</translation>
    </message>
    <message>
        <source>diharapkan {want} tetapi ditemukan {found}</source>
        <translation>expected {want} but found {found}</translation>
    </message>
    <message>
        <source>akhir aturan</source>
        <translation>the end of the rule</translation>
    </message>
    <message>
        <source>tak terduga: {token}</source>
        <translation>unexpected {token}</translation>
    </message>
    <message>
        <source>perbandingan berantai tidak diizinkan; gunakan &apos;and&apos;</source>
        <translation>chained comparisons are not allowed; use &apos;and&apos;</translation>
    </message>
    <message>
        <source>fungsi {name} tidak dikenal (yang dikenal: {known})</source>
        <translation>unknown function {name} (known: {known})</translation>
    </message>
    <message>
        <source>if() memerlukan tiga argumen: if(syarat, maka, selain itu)</source>
        <translation>if() takes three arguments: if(condition, then, else)</translation>
    </message>
    <message>
        <source>lookup() memerlukan nama tabel sebagai teks berkutip di depan</source>
        <translation>lookup() needs the table name as a quoted text first</translation>
    </message>
    <message>
        <source>convert() memerlukan satu angka dan dua satuan berkutip: convert(4.5, &apos;bar&apos;, &apos;kg/cm²&apos;)</source>
        <translation>convert() takes a number and two quoted units: convert(4.5, &apos;bar&apos;, &apos;kg/cm²&apos;)</translation>
    </message>
    <message>
        <source>{name}() memerlukan satu argumen</source>
        <translation>{name}() takes one argument</translation>
    </message>
    <message>
        <source>ekspresi kosong</source>
        <translation>empty expression</translation>
    </message>
    <message>
        <source>nama {name} tidak dikenal</source>
        <translation>unknown name {name}</translation>
    </message>
    <message>
        <source>{name} bukan grup</source>
        <translation>{name} is not a group</translation>
    </message>
    <message>
        <source>{what} memerlukan angka, didapat {value}</source>
        <translation>{what} needs a number, got {value}</translation>
    </message>
    <message>
        <source>&apos;in&apos; memerlukan daftar di sebelah kanannya</source>
        <translation>&apos;in&apos; needs a list on its right</translation>
    </message>
    <message>
        <source>{a} tidak dapat dibandingkan dengan {b}</source>
        <translation>cannot compare {a} with {b}</translation>
    </message>
    <message>
        <source>galat aritmetika: {error}</source>
        <translation>arithmetic error: {error}</translation>
    </message>
    <message>
        <source>pembagian dengan nol</source>
        <translation>division by zero</translation>
    </message>
    <message>
        <source>diharapkan ya/tidak (true/false), didapat {value}</source>
        <translation>expected yes/no (true/false), got {value}</translation>
    </message>
    <message>
        <source>len() memerlukan daftar atau teks</source>
        <translation>len() needs a list or text</translation>
    </message>
    <message>
        <source>tabel {name} tidak dikenal</source>
        <translation>unknown table {name}</translation>
    </message>
    <message>
        <source>fungsi {name} tidak dikenal</source>
        <translation>unknown function {name}</translation>
    </message>
    <message>
        <source>{name}() dari himpunan kosong</source>
        <translation>{name}() of nothing</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>jenis impor tidak dikenal: {kind} (pilih {value})</source>
        <translation>unknown import kind: {kind} (choose {value})</translation>
    </message>
    <message>
        <source>perusahaan dengan ID {values} tidak ditemukan</source>
        <translation>company with ID {values} not found</translation>
    </message>
    <message>
        <source>nama perusahaan wajib diisi</source>
        <translation>the company name is required</translation>
    </message>
    <message>
        <source>perusahaan &apos;{name}&apos; belum terdaftar; impor perusahaannya dulu</source>
        <translation>company &apos;{name}&apos; is not registered yet; import the company first</translation>
    </message>
    <message>
        <source>ada {count} perusahaan bernama &apos;{name}&apos;; isi kolom alamat perusahaan agar jelas</source>
        <translation>there are {count} companies named &apos;{name}&apos;; fill in the company address column to tell them apart</translation>
    </message>
    <message>
        <source>data yang sama sudah ada di baris {seen}</source>
        <translation>the same data is already in row {seen}</translation>
    </message>
    <message>
        <source>jenis objek peralatan yang sudah terdaftar tidak dapat diubah; daftarkan sebagai peralatan baru</source>
        <translation>the object type of registered equipment cannot be changed; register it as new equipment</translation>
    </message>
    <message>
        <source>tidak dapat menulis {path}: {reason}</source>
        <translation>cannot write {path}: {reason}</translation>
    </message>
    <message>
        <source>berkas {path} tidak ditemukan</source>
        <translation>file {path} not found</translation>
    </message>
    <message>
        <source>{name} berformat Excel lama (.xls); buka di Excel lalu simpan sebagai .xlsx, atau sebagai CSV</source>
        <translation>{name} is in the old Excel format (.xls); open it in Excel and save it as .xlsx, or as CSV</translation>
    </message>
    <message>
        <source>{name}: hanya berkas .xlsx atau .csv yang dapat diimpor</source>
        <translation>{name}: only .xlsx or .csv files can be imported</translation>
    </message>
    <message>
        <source>{name} bukan berkas Excel .xlsx yang sah (mungkin berkas lain yang diganti namanya, atau rusak); buka di Excel lalu simpan sebagai .xlsx, atau ekspor ke CSV</source>
        <translation>{name} is not a valid Excel .xlsx file (perhaps another file that was renamed, or a damaged one); open it in Excel and save it as .xlsx, or export it to CSV</translation>
    </message>
    <message>
        <source>{name} berisi lebih dari {MAX_ROWS} baris; bagi menjadi beberapa berkas</source>
        <translation>{name} has more than {MAX_ROWS} rows; split it into several files</translation>
    </message>
    <message>
        <source>{name} bukan berkas teks CSV</source>
        <translation>{name} is not a CSV text file</translation>
    </message>
    <message>
        <source>{name} kosong: tidak ada baris judul kolom</source>
        <translation>{name} is empty: there is no row of column headings</translation>
    </message>
    <message>
        <source>{name}: judul kolom &apos;{name2}&apos; muncul dua kali (baris {header_row})</source>
        <translation>{name}: column heading &apos;{name2}&apos; appears twice (row {header_row})</translation>
    </message>
    <message>
        <source>--map harus berbentuk KOLOM=ISIAN, bukan {value}</source>
        <translation>--map takes COLUMN=FIELD, not {value}</translation>
    </message>
    <message>
        <source>--exclude-rows harus berupa nomor baris, mis. 3,7: {value}</source>
        <translation>--exclude-rows takes row numbers, e.g. 3,7: {value}</translation>
    </message>
    <message>
        <source>-o hanya untuk menulis templat: `k3desk import template {kind} -o {kind}.xlsx`</source>
        <translation>-o is for writing a template only: `k3desk import template {kind} -o {kind}.xlsx`</translation>
    </message>
    <message>
        <source>(diabaikan)</source>
        <translation>(ignored)</translation>
    </message>
    <message>
        <source>{rows} baris: {created} baru, {updated} diperbarui, {unchanged} tetap, {excluded} dikecualikan, {errors} masalah</source>
        <translation>{rows} rows: {created} new, {updated} updated, {unchanged} unchanged, {excluded} left out, {errors} problems</translation>
    </message>
    <message>
        <source>, {n} dikecualikan</source>
        <translation>, {n} left out</translation>
    </message>
    <message>
        <source>{name}: {total} baris diimpor ({created} dibuat, {updated} diperbarui, {unchanged} tidak berubah{excluded})</source>
        <translation>{name}: {total} rows imported ({created} created, {updated} updated, {unchanged} unchanged{excluded})</translation>
    </message>
    <message>
        <source>kolom diabaikan (tidak dikenali): {columns}; petakan dengan --map KOLOM=ISIAN bila perlu</source>
        <translation>columns ignored (not recognised): {columns}; map them with --map COLUMN=FIELD if needed</translation>
    </message>
    <message>
        <source>import template perlu jenisnya ({kinds}), bukan {kind}: mis. `k3desk import template companies -o perusahaan.xlsx`</source>
        <translation>import template needs its kind ({kinds}), not {kind}: e.g. `k3desk import template companies -o companies.xlsx`</translation>
    </message>
    <message>
        <source>--map, --exclude-rows dan --preview dipakai saat mengimpor, bukan untuk import template</source>
        <translation>--map, --exclude-rows and --preview are for importing, not for import template</translation>
    </message>
    <message>
        <source>import template perlu -o FILE.xlsx, mis. `k3desk import template {kind} -o {kind}.xlsx`</source>
        <translation>import template needs -o FILE.xlsx, e.g. `k3desk import template {kind} -o {kind}.xlsx`</translation>
    </message>
    <message>
        <source>{path}: templat kosong dengan kolom {headers}</source>
        <translation>{path}: an empty template with the columns {headers}</translation>
    </message>
</context>
<context>
    <name>inspection</name>
    <message>
        <source>pemeriksaan {inspection_id} tidak ditemukan</source>
        <translation>inspection {inspection_id} not found</translation>
    </message>
    <message>
        <source>pemeriksaan {inspection_id} milik Balai lain</source>
        <translation>inspection {inspection_id} belongs to another Balai</translation>
    </message>
    <message>
        <source>hanya draf yang dapat dihapus; pemeriksaan ini sudah berstatus {inspection}</source>
        <translation>only a draft can be deleted; this inspection is already {inspection}</translation>
    </message>
    <message>
        <source>hanya pemeriksa yang membuat draf ini yang dapat menghapusnya</source>
        <translation>only the inspector who created this draft can delete it</translation>
    </message>
    <message>
        <source>peralatan {equipment_id} tidak ditemukan</source>
        <translation>equipment {equipment_id} not found</translation>
    </message>
    <message>
        <source>pilih peralatan atau daftarkan yang baru</source>
        <translation>choose the equipment or register new equipment</translation>
    </message>
    <message>
        <source>jenis pemeriksaan {kind} berbeda dengan isian formulir ({form_kind})</source>
        <translation>inspection kind {kind} differs from the form&apos;s entry ({form_kind})</translation>
    </message>
    <message>
        <source>jenis pemeriksaan harus salah satu dari {value}</source>
        <translation>the inspection kind must be one of {value}</translation>
    </message>
    <message>
        <source>peralatan {equipment_id} milik Balai lain</source>
        <translation>equipment {equipment_id} belongs to another Balai</translation>
    </message>
    <message>
        <source>templat {id} untuk {object_type}, sedangkan peralatan ini {object_type2}</source>
        <translation>template {id} is for {object_type}, but this equipment is {object_type2}</translation>
    </message>
    <message>
        <source>templat {id} tidak melayani pemeriksaan {kind}</source>
        <translation>template {id} does not cover a {kind} inspection</translation>
    </message>
    <message>
        <source>{slot!r} bukan isian foto templat {template_id}</source>
        <translation>{slot!r} is not a photo entry of template {template_id}</translation>
    </message>
    <message>
        <source>alat ukur yang dipakai tidak dikenal di laptop ini</source>
        <translation>a measuring instrument used is unknown on this laptop</translation>
    </message>
    <message>
        <source>kalibrasi alat ukur: {error}</source>
        <translation>instrument calibration: {error}</translation>
    </message>
    <message>
        <source>hanya pemeriksa yang mengisi pemeriksaan ini yang dapat mengajukannya</source>
        <translation>only the inspector who filled in this inspection can submit it</translation>
    </message>
    <message>
        <source>status tidak dikenal: {status}</source>
        <translation>unknown status: {status}</translation>
    </message>
</context>
<context>
    <name>keys</name>
    <message>
        <source>kunci tanda tangan laptop ini masih terkunci: login dulu sebagai penyelia pemiliknya dengan kata sandi Anda (di aplikasi, atau `k3desk review approve ID --password-stdin` di baris perintah)</source>
        <translation>the signing key of this laptop is still locked: log in first as the supervisor who owns it, with your password (in the application, or `k3desk review approve ID --password-stdin` on the command line)</translation>
    </message>
    <message>
        <source>kunci tanda tangan {path} tidak terbaca: {reason}</source>
        <extracomment>Unlocked private keys of this process, by data folder: never written anywhere.</extracomment>
        <translation>the signing key {path} cannot be read: {reason}</translation>
    </message>
    <message>
        <source>kunci tanda tangan {path} rusak (bukan JSON yang sah); pulihkan dari cadangan</source>
        <translation>the signing key {path} is damaged (not valid JSON); restore it from a backup</translation>
    </message>
    <message>
        <source>kunci tanda tangan {path} rusak (format tidak dikenal)</source>
        <translation>the signing key {path} is damaged (unknown format)</translation>
    </message>
    <message>
        <source>kunci tanda tangan {path} rusak (bukan 32 byte)</source>
        <translation>the signing key {path} is damaged (not 32 bytes)</translation>
    </message>
    <message>
        <source>kunci tanda tangan laptop ini belum terdaftar di server: sambungkan laptop dan jalankan `k3desk sync` agar kunci didaftarkan</source>
        <translation>this laptop&apos;s signing key is not registered with the server yet: connect the laptop and run `k3desk sync` so that the key is registered</translation>
    </message>
    <message>
        <source>laptop ini tidak punya sisa nomor sertifikat untuk tahun {year}: sambungkan ke server dan jalankan `k3desk sync` untuk meminta blok nomor baru</source>
        <translation>this laptop has no certificate numbers left for {year}: connect to the server and run `k3desk sync` to request a new block of numbers</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Diajukan</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Perlu revisi</source>
        <translation>Revision requested</translation>
    </message>
    <message>
        <source>Disetujui</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Memenuhi</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>Tidak memenuhi</source>
        <translation>Fail</translation>
    </message>
    <message>
        <source>Belum lengkap</source>
        <translation>Incomplete</translation>
    </message>
    <message>
        <source>Pertama</source>
        <translation>First</translation>
    </message>
    <message>
        <source>Berkala</source>
        <translation>Periodic</translation>
    </message>
    <message>
        <source>Khusus</source>
        <translation>Special</translation>
    </message>
    <message>
        <source>Ulang</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>Pemeriksa</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Penyelia</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Berlaku</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Dicabut</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Kedaluwarsa</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Diganti</source>
        <translation>Replaced</translation>
    </message>
</context>
<context>
    <name>numbering</name>
    <message>
        <source>format nomor kosong</source>
        <translation>the number format is empty</translation>
    </message>
    <message>
        <source>format nomor harus satu baris</source>
        <translation>the number format must be one line</translation>
    </message>
    <message>
        <source>format nomor tidak utuh (ada kurung kurawal yang tidak berpasangan); tulis kurung kurawal biasa secara ganda, mis. {{BK3}}</source>
        <translation>the number format is malformed (a brace without its pair); write literal braces doubled, e.g. {{BK3}}</translation>
    </message>
    <message>
        <source>format nomor memuat isian kosong {}; beri nama, mis. {seq:04d}</source>
        <translation>the number format has an empty field {}; name it, e.g. {seq:04d}</translation>
    </message>
    <message>
        <source>isian {field} tidak dikenal dalam format nomor (yang dikenal: {known})</source>
        <translation>unknown field {field} in the number format (known: {known})</translation>
    </message>
    <message>
        <source>konversi !{conversion} tidak diizinkan dalam format nomor</source>
        <translation>conversion !{conversion} is not allowed in the number format</translation>
    </message>
    <message>
        <source>format nomor harus memuat {seq} (mis. {seq:04d}); tanpa itu dua sertifikat mendapat nomor yang sama</source>
        <translation>the number format must contain {seq} (e.g. {seq:04d}), or two certificates would get the same number</translation>
    </message>
    <message>
        <source>nomor urut harus bilangan bulat positif, bukan {seq}</source>
        <translation>the sequence number must be a positive integer, not {seq}</translation>
    </message>
    <message>
        <source>format nomor {fmt} tidak dapat diisi: periksa bentuk tiap isian (mis. {{seq:04d}} untuk angka, {{balai_code}} tanpa :d)</source>
        <translation>the number format {fmt} cannot be filled in: check the form of each field (e.g. {{seq:04d}} for numbers, {{balai_code}} without :d)</translation>
    </message>
    <message>
        <source>format nomor menghasilkan nomor kosong</source>
        <translation>the number format gives an empty number</translation>
    </message>
    <message>
        <source>nomor lebih panjang dari {n} karakter</source>
        <translation>the number is longer than {n} characters</translation>
    </message>
</context>
<context>
    <name>object_types</name>
    <message>
        <source>jenis objek {code} tidak dikenal (yang dikenal: {known})</source>
        <translation>unknown object type {code} (known: {known})</translation>
    </message>
</context>
<context>
    <name>qualification</name>
    <message>
        <source>pemeriksa tidak memiliki lisensi untuk {object_type}</source>
        <translation>the inspector has no licence for {object_type}</translation>
    </message>
    <message>
        <source>lisensi pemeriksa untuk {object_type} tidak mempunyai tanggal berlaku yang sah</source>
        <translation>the inspector&apos;s licence for {object_type} has no valid expiry date</translation>
    </message>
    <message>
        <source>lisensi pemeriksa untuk {object_type} berakhir pada {latest}, sebelum tanggal pemeriksaan {on}</source>
        <translation>the inspector&apos;s licence for {object_type} expired on {latest}, before the inspection date {on}</translation>
    </message>
    <message>
        <source>alat ukur {label} tidak mempunyai tanggal kalibrasi</source>
        <translation>measuring instrument {label} has no calibration date</translation>
    </message>
    <message>
        <source>kalibrasi alat ukur {label} berakhir pada {until}, sebelum tanggal pemeriksaan {on}</source>
        <translation>the calibration of measuring instrument {label} ended on {until}, before the inspection date {on}</translation>
    </message>
</context>
<context>
    <name>reasons</name>
    <message>
        <source>berkas atau folder tidak ditemukan; periksa lokasinya</source>
        <translation>the file or folder was not found; check where it is</translation>
    </message>
    <message>
        <source>tidak ada izin untuk membuka atau menulis di lokasi ini; pilih folder lain atau periksa izinnya</source>
        <translation>no permission to open or write in this place; choose another folder or check its permissions</translation>
    </message>
    <message>
        <source>ruang disk penuh; kosongkan ruang atau pilih disk lain</source>
        <translation>the disk is full; free some space or choose another disk</translation>
    </message>
    <message>
        <source>media hanya dapat dibaca; pilih lokasi yang dapat ditulisi</source>
        <translation>the medium is read-only; choose a place that can be written</translation>
    </message>
    <message>
        <source>lokasi itu sebuah folder, bukan berkas</source>
        <translation>that place is a folder, not a file</translation>
    </message>
    <message>
        <source>sebagian jalur itu bukan folder; periksa lokasinya</source>
        <translation>part of that path is not a folder; check where it is</translation>
    </message>
    <message>
        <source>nama atau jalur berkas terlalu panjang</source>
        <translation>the file name or path is too long</translation>
    </message>
    <message>
        <source>berkas dengan nama itu sudah ada</source>
        <translation>a file with that name exists already</translation>
    </message>
    <message>
        <source>disk atau media gagal dibaca/ditulis; periksa medianya</source>
        <translation>the disk or medium failed to read/write; check the medium</translation>
    </message>
    <message>
        <source>sistem berkas menolak operasi ini (rincian ada di log)</source>
        <translation>the file system refused this (the details are in the log)</translation>
    </message>
    <message>
        <source>penulisannya tidak sah; periksa indentasi, tanda titik dua dan tanda kutip</source>
        <translation>it is not written correctly; check the indentation, colons and quotes</translation>
    </message>
    <message>
        <source>penulisannya tidak sah di baris {line}, kolom {column}; periksa indentasi, tanda titik dua dan tanda kutip</source>
        <translation>it is not written correctly at line {line}, column {column}; check the indentation, colons and quotes</translation>
    </message>
    <message>
        <source>nama pengguna atau kata sandi basis data ditolak; periksa alamat --db</source>
        <translation>the database user name or password was refused; check the --db address</translation>
    </message>
    <message>
        <source>basis data itu belum ada; buat dulu (createdb) atau periksa namanya di alamat --db</source>
        <translation>that database does not exist yet; create it first (createdb) or check its name in the --db address</translation>
    </message>
    <message>
        <source>server basis data tidak dapat dihubungi; pastikan PostgreSQL berjalan dan alamat --db benar</source>
        <translation>the database server cannot be reached; make sure PostgreSQL runs and the --db address is right</translation>
    </message>
    <message>
        <source>berkas basis data tidak dapat dibuka atau ditulisi; periksa folder dan izinnya</source>
        <translation>the database file cannot be opened or written; check the folder and its permissions</translation>
    </message>
    <message>
        <source>berkas itu rusak atau bukan basis data k3desk</source>
        <translation>that file is damaged or not a k3desk database</translation>
    </message>
    <message>
        <source>jenis alamat --db tidak dikenal atau driver-nya belum terpasang</source>
        <translation>the kind of --db address is unknown or its driver is not installed</translation>
    </message>
    <message>
        <source>basis data menolak dibuka (rinciannya tercatat di log)</source>
        <translation>the database refused to open (the details are in the log)</translation>
    </message>
</context>
<context>
    <name>records</name>
    <message>
        <source>{label} wajib diisi</source>
        <translation>{label} is required</translation>
    </message>
    <message>
        <source>{label} harus berupa teks</source>
        <translation>{label} must be text</translation>
    </message>
    <message>
        <source>{label} memuat karakter kendali arah teks {char} yang dapat menampilkan teks terbalik; hapus karakter itu</source>
        <translation>{label} holds the text-direction control character {char}, which can show text reversed; remove that character</translation>
    </message>
    <message>
        <source>{what} {record_id} tidak ditemukan</source>
        <translation>{what} {record_id} not found</translation>
    </message>
    <message>
        <source>{what} {record_id} milik Balai lain</source>
        <translation>{what} {record_id} belongs to another Balai</translation>
    </message>
    <message>
        <source>data ini tercantum pada sertifikat {number} yang sudah terbit dan tidak dapat dihapus</source>
        <translation>this record appears on certificate {number}, which is issued, and cannot be deleted</translation>
    </message>
    <message>
        <source>pengguna ini tidak terdaftar pada Balai mana pun</source>
        <translation>this user is not registered with any Balai</translation>
    </message>
    <message>
        <source>tahun pembuatan tidak masuk akal: {year!r}</source>
        <translation>the year built does not make sense: {year!r}</translation>
    </message>
    <message>
        <source>perusahaan pemilik wajib dipilih</source>
        <translation>the owner company must be chosen</translation>
    </message>
    <message>
        <source>jenis objek peralatan tidak dapat diubah; daftarkan sebagai peralatan baru</source>
        <translation>the equipment&apos;s object type cannot be changed; register it as new equipment</translation>
    </message>
    <message>
        <source>tanggal berlaku kalibrasi wajib diisi (YYYY-MM-DD)</source>
        <translation>the calibration expiry date is required (YYYY-MM-DD)</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>berkas huruf {path} tidak ada; pasang ulang k3desk</source>
        <translation>the font file {path} is missing; reinstall k3desk</translation>
    </message>
    <message>
        <source>berkas logo Balai {path} tidak ada; periksa pengaturan logo Balai</source>
        <extracomment>document information keys that carry the signed payload (read by k3desk verify)</extracomment>
        <translation>the Balai&apos;s logo file {path} is missing; check the Balai&apos;s logo setting</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>penyelia tidak dapat menelaah pemeriksaan yang tercatat atas namanya sendiri; minta penyelia lain</source>
        <translation>a supervisor cannot review an inspection recorded under their own name; ask another supervisor</translation>
    </message>
    <message>
        <source>data pemeriksa atau peralatan belum ada di laptop ini; jalankan sinkronisasi</source>
        <translation>the inspector&apos;s or the equipment&apos;s data is not on this laptop yet; run a sync</translation>
    </message>
    <message>
        <source>kualifikasi pemeriksa {name}: {error}</source>
        <translation>qualification of inspector {name}: {error}</translation>
    </message>
    <message>
        <source>kesimpulan tersimpan ({stored}) berbeda dari hasil templat ({computed}); buka dan simpan lagi pemeriksaannya</source>
        <translation>the stored verdict ({stored}) differs from the template&apos;s result ({computed}); open and save the inspection again</translation>
    </message>
    <message>
        <source>persetujuan ditolak:
{reasons}</source>
        <translation>approval refused:
{reasons}</translation>
    </message>
    <message>
        <source>data Balai, perusahaan atau peralatan belum lengkap di laptop ini; jalankan sinkronisasi</source>
        <translation>the Balai, company or equipment data is incomplete on this laptop; run a sync</translation>
    </message>
    <message>
        <source>tuliskan apa yang perlu direvisi</source>
        <translation>write what needs to be revised</translation>
    </message>
    <message>
        <source>tuliskan alasan penolakan</source>
        <translation>write the reason for the rejection</translation>
    </message>
    <message>
        <source>sertifikat {number_or_id} tidak ditemukan di laptop ini</source>
        <translation>certificate {number_or_id} not found on this laptop</translation>
    </message>
    <message>
        <source>tuliskan alasan pencabutan</source>
        <translation>write the reason for the revocation</translation>
    </message>
    <message>
        <source>sertifikat {number} milik Balai lain</source>
        <translation>certificate {number} belongs to another Balai</translation>
    </message>
    <message>
        <source>sertifikat {number} sudah dicabut</source>
        <translation>certificate {number} is already revoked</translation>
    </message>
    <message>
        <source>cabut dulu sertifikat {number} sebelum menerbitkan koreksinya</source>
        <translation>revoke certificate {number} before issuing its correction</translation>
    </message>
    <message>
        <source>pemeriksaan asal sertifikat ini tidak ada di laptop ini</source>
        <translation>the original inspection of this certificate is not on this laptop</translation>
    </message>
</context>
<context>
    <name>server</name>
    <message>
        <source>basis data server tidak dapat dibuka: {reason}</source>
        <translation>the server database cannot be opened: {reason}</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>bahasa tidak dikenal: {lang!r} (pilih id atau en)</source>
        <translation>unknown language: {lang!r} (choose id or en)</translation>
    </message>
</context>
<context>
    <name>signing</name>
    <message>
        <source>kunci publik bukan base64 yang sah</source>
        <translation>the public key is not valid base64</translation>
    </message>
    <message>
        <source>kunci publik harus 32 byte (Ed25519)</source>
        <translation>the public key must be 32 bytes (Ed25519)</translation>
    </message>
    <message>
        <source>bukan teks base64url yang sah</source>
        <translation>not valid base64url text</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <source>perubahan ini bentrok dengan data yang sudah ada (misalnya nomor atau nama yang sama); perubahan tidak disimpan (rincian ada di log)</source>
        <translation>this change clashes with existing data (for example the same number or name); the change was not saved (the details are in the log)</translation>
    </message>
    <message>
        <source>disk tempat {path} penuh; perubahan terakhir tidak disimpan</source>
        <translation>the disk of {path} is full; the last change was not saved</translation>
    </message>
    <message>
        <source>tidak dapat menulis ke {path}: folder data hanya-baca atau tidak dapat diakses</source>
        <translation>cannot write to {path}: the data folder is read-only or cannot be reached</translation>
    </message>
    <message>
        <source>{path} rusak atau bukan basis data k3desk</source>
        <translation>{path} is damaged or not a k3desk database</translation>
    </message>
    <message>
        <source>{path} sedang dipakai (k3desk lain sedang menulis); coba lagi</source>
        <translation>{path} is in use (another k3desk is writing); try again</translation>
    </message>
    <message>
        <source>terjadi kesalahan pada basis data {path}; perubahan terakhir tidak disimpan (rincian ada di log)</source>
        <translation>the database {path} failed; the last change was not saved (the details are in the log)</translation>
    </message>
    <message>
        <source>{path} bukan basis data k3desk (bukan berkas SQLite); berkas itu dibiarkan apa adanya</source>
        <translation>{path} is not a k3desk database (not an SQLite file); the file was left as it is</translation>
    </message>
    <message>
        <source>{path} berkas SQLite, tetapi bukan basis data k3desk; berkas itu dibiarkan apa adanya</source>
        <translation>{path} is an SQLite file but not a k3desk database; the file was left as it is</translation>
    </message>
    <message>
        <source>folder data {path} tidak dapat dibuat: {reason}</source>
        <translation>the data folder {path} cannot be created: {reason}</translation>
    </message>
    <message>
        <source>{path} rusak atau bukan basis data k3desk; berkas itu dibiarkan apa adanya. Pulihkan dari cadangan (k3desk restore BERKAS) bila perlu.</source>
        <translation>{path} is damaged or not a k3desk database; the file was left as it is. Restore it from a backup (k3desk restore FILE) if needed.</translation>
    </message>
    <message>
        <source>{path} ditulis oleh k3desk yang lebih baru (skema {revision}); pasang k3desk terbaru untuk membukanya. Berkas itu tidak diubah.</source>
        <translation>{path} was written by a newer k3desk (schema {revision}); install the newest k3desk to open it. The file was not changed.</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>server {url} tidak dapat dihubungi, dan login luring gagal: {reason}. Periksa jaringan lalu coba lagi.</source>
        <translation>the server {url} cannot be reached, and the offline login failed: {reason}. Check the network and try again.</translation>
    </message>
    <message>
        <source>alamat server belum diatur: pakai --server URL</source>
        <translation>no server address is set: use --server URL</translation>
    </message>
    <message>
        <source>{username} belum login daring di laptop ini: sinkronisasi memakai login daring pengguna yang sedang bekerja</source>
        <translation>{username} has not logged in online on this laptop: sync uses the online login of the user at work</translation>
    </message>
    <message>
        <source>kunci tanda tangan belum dibuat: login sebagai penyelia dengan kata sandi Anda, lalu sinkronkan lagi</source>
        <translation>no signing key yet: log in as the supervisor with your password, then sync again</translation>
    </message>
    <message>
        <source>kunci tanda tangan laptop ini didaftarkan di server</source>
        <translation>this laptop&apos;s signing key was registered on the server</translation>
    </message>
    <message>
        <source>sertifikat tanda tangan PDF diterima dari server</source>
        <translation>the PDF signing certificate was received from the server</translation>
    </message>
    <message>
        <source>blok {size} nomor sertifikat diterima (sisa sebelumnya {left})</source>
        <translation>a block of {size} certificate numbers received ({left} were left)</translation>
    </message>
    <message>
        <source>kunci/nomor sertifikat belum diperbarui: {reason}</source>
        <translation>the signing key/certificate numbers were not refreshed: {reason}</translation>
    </message>
    <message>
        <source>perubahan karantina {entry_id} tidak ditemukan</source>
        <translation>quarantined change {entry_id} not found</translation>
    </message>
    <message>
        <source>{record_type} {record_id} tidak ada lagi</source>
        <translation>{record_type} {record_id} no longer exists</translation>
    </message>
    <message>
        <source>pemeriksaan {inspection_id} tidak ditemukan</source>
        <translation>inspection {inspection_id} not found</translation>
    </message>
    <message>
        <source>data pemeriksaan terlalu besar ({size} bita; batas server {limit} bita)</source>
        <translation>the inspection&apos;s data is too large ({size} bytes; the server&apos;s limit is {limit} bytes)</translation>
    </message>
    <message>
        <source>lampiran {name} terlalu besar ({size} bita; batas server {limit} bita)</source>
        <translation>the attachment {name} is too large ({size} bytes; the server&apos;s limit is {limit} bytes)</translation>
    </message>
    <message>
        <source>alamat server kosong</source>
        <translation>the server address is empty</translation>
    </message>
    <message>
        <source>alamat server harus diawali http:// atau https://, misalnya https://k3.example.go.id</source>
        <translation>the server address must start with http:// or https://, for example https://k3.example.go.id</translation>
    </message>
    <message>
        <source>alamat server tidak sah (nomor port atau nama host keliru): tulis seperti https://k3.example.go.id:8443</source>
        <translation>the server address is not valid (a wrong port number or host name): write it like https://k3.example.go.id:8443</translation>
    </message>
    <message>
        <source>alamat server harus diawali http:// atau https://</source>
        <translation>the server address must start with http:// or https://</translation>
    </message>
    <message>
        <source>alamat server tidak sah: tulis seperti https://k3.example.go.id</source>
        <translation>invalid server address: write it like https://k3.example.go.id</translation>
    </message>
    <message>
        <source>nomor port server tidak sah</source>
        <translation>invalid server port number</translation>
    </message>
    <message>
        <source>{url} menjawab, tetapi bukan server k3desk yang dapat dipakai: {reason}</source>
        <translation>{url} answers, but it is not a k3desk server that can be used: {reason}</translation>
    </message>
    <message>
        <source>{url} menjawab, tetapi bukan server k3desk yang dapat dipakai (jawabannya tidak dikenali)</source>
        <translation>{url} answers, but it is not a usable k3desk server (its answer was not recognised)</translation>
    </message>
    <message>
        <source>sinkronisasi gagal karena kesalahan tak terduga; dicoba lagi nanti (rinciannya tercatat di log)</source>
        <translation>sync failed because of an unexpected error; it is tried again later (the details are in the log)</translation>
    </message>
    <message>
        <source>berkas lampiran {name} tidak ada di laptop ini</source>
        <translation>the attachment file {name} is not on this laptop</translation>
    </message>
    <message>
        <source>lampiran {name} ({size} bita) melebihi batas server ({limit} bita)</source>
        <translation>the attachment {name} ({size} bytes) is over the server&apos;s limit ({limit} bytes)</translation>
    </message>
    <message>
        <source>server menolak lampiran: {reason}</source>
        <translation>the server refused the attachment: {reason}</translation>
    </message>
    <message>
        <source>server menolak permintaan ini: akun Anda tidak berhak melakukannya</source>
        <translation>the server refused this: your account may not do it</translation>
    </message>
    <message>
        <source>server tidak mengenal data yang diminta</source>
        <translation>the server does not know the data asked for</translation>
    </message>
    <message>
        <source>server menolak permintaan ini (HTTP {status}); rinciannya tercatat di log</source>
        <translation>the server refused this (HTTP {status}); the details are in the log</translation>
    </message>
    <message>
        <source>belum login ke server: login daring diperlukan</source>
        <translation>not logged in to the server: an online login is needed</translation>
    </message>
    <message>
        <source>server {url} tidak menjawab tepat waktu; periksa jaringan lalu coba lagi</source>
        <translation>the server {url} did not answer in time; check the network and try again</translation>
    </message>
    <message>
        <source>server {url} tidak dapat dihubungi; periksa alamat server dan jaringan</source>
        <translation>the server {url} cannot be reached; check the server address and the network</translation>
    </message>
    <message>
        <source>server {url} sedang bermasalah (HTTP {status}); coba lagi nanti</source>
        <translation>the server {url} has a problem (HTTP {status}); try again later</translation>
    </message>
    <message>
        <source>sesi login ke server berakhir: silakan login daring lagi</source>
        <translation>the login to the server has ended: please log in online again</translation>
    </message>
    <message>
        <source>server meminta tarik ulang dari awal</source>
        <translation>the server asks for a pull from the start</translation>
    </message>
    <message>
        <source>server menolak data yang terlalu besar; rinciannya tercatat di log</source>
        <translation>the server refused data that is too large; the details are in the log</translation>
    </message>
    <message>
        <source>terlalu banyak percobaan login yang gagal; tunggu beberapa menit lalu coba lagi</source>
        <translation>too many failed logins; wait a few minutes and try again</translation>
    </message>
    <message>
        <source>jawaban server {url} tidak utuh; coba lagi nanti</source>
        <translation>the answer of the server {url} is incomplete; try again later</translation>
    </message>
    <message>
        <source>nama pengguna atau kata sandi salah</source>
        <translation>wrong username or password</translation>
    </message>
    <message>
        <source>jawaban server atas pengiriman tidak lengkap; coba lagi nanti</source>
        <translation>the server&apos;s answer to the push is incomplete; try again later</translation>
    </message>
    <message>
        <source>sinkronisasi dibatalkan</source>
        <extracomment>progress(phase, done, total): phase &quot;push&quot; | &quot;pull&quot; | &quot;blobs&quot;; total None when unknown.</extracomment>
        <translation>sync cancelled</translation>
    </message>
    <message>
        <source>foto belum semua diterima: {reason}</source>
        <translation>not all photos were received yet: {reason}</translation>
    </message>
    <message>
        <source>perubahan ini lebih besar dari batas server ({limit} bita)</source>
        <translation>this change is larger than the server&apos;s limit ({limit} bytes)</translation>
    </message>
    <message>
        <source>jawaban server atas perubahan ini tidak lengkap; kirim ulang dari daftar perubahan yang ditolak</source>
        <translation>the server&apos;s answer to this change is incomplete; send it again from the list of refused changes</translation>
    </message>
    <message>
        <source>satu rekaman dari server tidak dapat disimpan di laptop ini karena bentrok dengan data lokal (rinciannya tercatat di log)</source>
        <translation>a record from the server cannot be stored on this laptop because it clashes with local data (the details are in the log)</translation>
    </message>
    <message>
        <source>tarik data ditunda: ada kiriman yang belum pasti</source>
        <translation>the pull waits: a push has no certain outcome yet</translation>
    </message>
    <message>
        <source>server menolak perubahan ini karena datanya tidak sah; periksa dan simpan lagi</source>
        <translation>the server refused this change because its data is not valid; check it and save again</translation>
    </message>
    <message>
        <source>server menolak perubahan ini: akun Anda tidak berhak mengubah data ini</source>
        <translation>the server refused this change: your account may not change this data</translation>
    </message>
    <message>
        <source>data ini sudah berubah di server; sinkronkan lagi lalu selesaikan konfliknya</source>
        <translation>this data changed on the server; sync again and resolve the conflict</translation>
    </message>
    <message>
        <source>foto atau lampiran belum ada di server; sinkronkan lagi</source>
        <translation>a photo or attachment is not on the server yet; sync again</translation>
    </message>
    <message>
        <source>perubahan ini merujuk data yang belum ada di server (misalnya perusahaan, peralatan atau templat); sinkronkan lagi atau hubungi administrator Balai</source>
        <translation>this change refers to data the server does not have (for example a company, equipment or a template); sync again or call the Balai&apos;s administrator</translation>
    </message>
    <message>
        <source>menurut server, pemeriksa tidak memiliki lisensi yang berlaku untuk jenis peralatan ini; hubungi administrator Balai</source>
        <translation>according to the server, the inspector has no valid licence for this kind of equipment; call the Balai&apos;s administrator</translation>
    </message>
    <message>
        <source>menurut server, kalibrasi alat ukur tidak berlaku pada tanggal pemeriksaan</source>
        <translation>according to the server, the instrument&apos;s calibration is not valid on the date of inspection</translation>
    </message>
    <message>
        <source>server menolak perubahan status ini: alur kerja pemeriksaan tidak mengizinkannya saat ini</source>
        <translation>the server refused this change of status: the inspection&apos;s workflow does not allow it now</translation>
    </message>
    <message>
        <source>server menolak sertifikat ini (misalnya penandatangan atau nomornya tidak sah); hubungi penyelia</source>
        <translation>the server refused this certificate (for example its signer or number is not valid); call the supervisor</translation>
    </message>
    <message>
        <source>server menolak perubahan ini karena terlalu besar</source>
        <translation>the server refused this change because it is too large</translation>
    </message>
    <message>
        <source>server menolak perubahan ini (kode {code}); rinciannya tercatat di log</source>
        <translation>the server refused this change (code {code}); the details are in the log</translation>
    </message>
    <message>
        <source> (isian: {field})</source>
        <translation> (field: {field})</translation>
    </message>
</context>
<context>
    <name>templates</name>
    <message>
        <source>templat {id} v{version} tidak memiliki isian {path}</source>
        <translation>template {id} v{version} has no field {path}</translation>
    </message>
    <message>
        <source>{source}: templat {id} versi {version} sudah ada ({old}) dengan isi yang berbeda; terbitkan versi baru</source>
        <translation>{source}: template {id} version {version} already exists ({old}) with a different content; publish a new version instead</translation>
    </message>
    <message>
        <source>templat {id} tidak dikenal (yang dikenal: {known})</source>
        <translation>template {id} is unknown (known: {known})</translation>
    </message>
    <message>
        <source>templat {id} versi {version} tidak ada (yang ada: {versions})</source>
        <translation>template {id} has no version {version} (available: {versions})</translation>
    </message>
    <message>
        <source>belum ada templat untuk jenis objek {type}</source>
        <translation>no template for object type {type} yet</translation>
    </message>
    <message>
        <source>folder templat tidak ditemukan atau kosong: {folder}; k3desk terpasang tidak lengkap (pasang ulang paket k3desk, atau arahkan K3DESK_RESOURCES ke folder resources/ yang berisi templates/)</source>
        <translation>template folder not found or empty: {folder}; the k3desk installation is incomplete (reinstall the k3desk package, or point K3DESK_RESOURCES at a resources/ folder that holds templates/)</translation>
    </message>
    <message>
        <source>{path}: (nama berkas): beri nama berkas {expected} agar versi-versinya berdampingan</source>
        <translation>{path}: (file name): name the file {expected} so versions sit side by side</translation>
    </message>
    <message>
        <source>{path}: version: {id} versi {version} sudah ada dengan isi yang berbeda; terbitkan sebagai versi {next}</source>
        <translation>{path}: version: {id} version {version} already exists with a different content; publish it as version {next}</translation>
    </message>
    <message>
        <source>{path}: example: nilai contoh memberi &apos;{verdict}&apos;, bukan &apos;memenuhi&apos; ({why}); perbaiki &apos;example&apos; isiannya</source>
        <translation>{path}: example: the example values give &apos;{verdict}&apos;, not &apos;memenuhi&apos; ({why}); fix the fields&apos; &apos;example&apos;</translation>
    </message>
    <message>
        <source>{path}: example_failing: contoh gagal memberi &apos;{verdict}&apos;, bukan &apos;tidak_memenuhi&apos;; beri sebuah isian &apos;example_failing&apos;</source>
        <translation>{path}: example_failing: the failing example gives &apos;{verdict}&apos;, not &apos;tidak_memenuhi&apos;; give a field an &apos;example_failing&apos;</translation>
    </message>
    <message>
        <source>aturan kesimpulan {rule} ({severity}) dapat terlewati bila {path} dibiarkan kosong: jadikan {path} wajib, required_when jawaban yang wajib, atau aturan itu minor</source>
        <extracomment>sha256 of the canonical JSON of shipped template versions that predate the check (their v2 fixes them).</extracomment>
        <translation>verdict rule {rule} ({severity}) can be skipped by leaving {path} empty: make {path} required, required_when a required answer, or the rule minor</translation>
    </message>
    <message>
        <source>butir {path} dapat menggagalkan kesimpulan tetapi dapat dibiarkan kosong: jadikan wajib (atau required_when jawaban yang wajib)</source>
        <translation>item {path} can fail the verdict but can be left empty: make it required (or required_when a required answer)</translation>
    </message>
    <message>
        <source>(dan {count} lagi: {items})</source>
        <translation>(and {count} more: {items})</translation>
    </message>
    <message>
        <source>{path}: templat tidak dapat dibaca: {error}</source>
        <translation>{path}: cannot read template: {error}</translation>
    </message>
    <message>
        <source>baris {line}</source>
        <translation>line {line}</translation>
    </message>
    <message>
        <source>(berkas)</source>
        <translation>(file)</translation>
    </message>
    <message>
        <source>{path}: {where}: kesalahan sintaks YAML: {reason}</source>
        <translation>{path}: {where}: YAML syntax error: {reason}</translation>
    </message>
    <message>
        <source>{source}: (top): templat harus berupa mapping, didapat {kind}</source>
        <translation>{source}: (top): a template must be a mapping, got {kind}</translation>
    </message>
    <message>
        <source>{source}: include: berkas bersama diuraikan saat berkas templat dibaca; definisi yang tersimpan harus sudah diuraikan</source>
        <translation>{source}: include: shared files are resolved when a template file is read; a stored definition must be expanded</translation>
    </message>
    <message>
        <source>{source}: (top): bukan data JSON biasa: {error}</source>
        <translation>{source}: (top): not plain JSON data: {error}</translation>
    </message>
    <message>
        <source>jenis objek {name} tidak dikenal</source>
        <translation>unknown object type {name}</translation>
    </message>
    <message>
        <source>id isian {id} dipakai dua kali</source>
        <translation>field id {id} is used twice</translation>
    </message>
    <message>
        <source>id aturan {id} dipakai dua kali</source>
        <translation>rule id {id} is used twice</translation>
    </message>
    <message>
        <source>rujukan {name} tidak dikenal (definisikan di bawah &apos;references&apos;)</source>
        <translation>unknown reference {name} (define it under &apos;references&apos;)</translation>
    </message>
    <message>
        <source>{text} tidak dapat diurai: {error}</source>
        <translation>cannot parse {text}: {error}</translation>
    </message>
    <message>
        <source>tabel {name} tidak dikenal</source>
        <translation>unknown table {name}</translation>
    </message>
    <message>
        <source>nama {name} tidak dikenal</source>
        <translation>unknown name {name}</translation>
    </message>
    <message>
        <source>{name}: {head} bukan grup dengan sub-isian {sub}</source>
        <translation>{name}: {head} is not a group with a sub-field {sub}</translation>
    </message>
    <message>
        <source>{unit} tidak dapat dikonversi ke {canonical}</source>
        <translation>{unit} cannot be converted to {canonical}</translation>
    </message>
    <message>
        <source>satuan alternatif memerlukan &apos;unit&apos; kanonik</source>
        <translation>alternative units need a canonical &apos;unit&apos;</translation>
    </message>
    <message>
        <source>min lebih besar daripada max</source>
        <translation>min is greater than max</translation>
    </message>
    <message>
        <source>isian pilihan memerlukan &apos;choices&apos;</source>
        <translation>a choice field needs choices</translation>
    </message>
    <message>
        <source>butir daftar periksa memerlukan skala (baik_buruk atau layak)</source>
        <translation>a checklist item needs a scale (baik_buruk or layak)</translation>
    </message>
    <message>
        <source>isian terhitung memerlukan &apos;expr&apos;</source>
        <translation>a computed field needs &apos;expr&apos;</translation>
    </message>
    <message>
        <source>hanya isian terhitung yang memiliki &apos;expr&apos; (ini {kind})</source>
        <translation>only computed fields have &apos;expr&apos; (this is {kind})</translation>
    </message>
    <message>
        <source>grup memerlukan sub-isian</source>
        <translation>a group needs sub-fields</translation>
    </message>
    <message>
        <source>grup tidak dapat bersarang</source>
        <translation>groups cannot be nested</translation>
    </message>
    <message>
        <source>id sub-isian {id} dipakai dua kali</source>
        <translation>sub-field id {id} is used twice</translation>
    </message>
    <message>
        <source>hanya grup yang memiliki sub-isian</source>
        <translation>only groups have sub-fields</translation>
    </message>
    <message>
        <source>butir ya/tidak dengan &apos;severity&apos; memerlukan &apos;expect&apos;</source>
        <translation>a yes/no item with a severity needs &apos;expect&apos;</translation>
    </message>
    <message>
        <source>tabel rentang memiliki satu kunci dan daftar baris</source>
        <translation>a range table has one key and a list of rows</translation>
    </message>
    <message>
        <source>tabel peta memiliki mapping baris</source>
        <translation>a map table has a mapping of rows</translation>
    </message>
    <message>
        <source>setiap entri memerlukan {levels} tingkat kunci yang berakhir pada angka atau null</source>
        <translation>every entry needs {levels} level(s) of keys ending in a number or null</translation>
    </message>
    <message>
        <source>tabel {name} memerlukan satu kunci</source>
        <translation>table {name} takes one key</translation>
    </message>
    <message>
        <source>tabel {name} memerlukan angka, didapat {value}</source>
        <translation>table {name} needs a number, got {value}</translation>
    </message>
    <message>
        <source>tabel {name} memerlukan {count} kunci</source>
        <translation>table {name} takes {count} key(s)</translation>
    </message>
    <message>
        <source>{name} bukan isian grup</source>
        <translation>{name} is not a group field</translation>
    </message>
    <message>
        <source>grade {grade} memerlukan &apos;source&apos; yang menyebut asal angkanya</source>
        <translation>grade {grade} needs a &apos;source&apos; saying where the number comes from</translation>
    </message>
    <message>
        <source>aturan memerlukan &apos;check&apos; atau semua dari &apos;measured&apos;, &apos;op&apos;, &apos;required&apos;</source>
        <extracomment>``kind:`` in the template file (the key authors write). ``kind:`` in the template file.</extracomment>
        <translation>a rule needs either &apos;check&apos; or all of &apos;measured&apos;, &apos;op&apos;, &apos;required&apos;</translation>
    </message>
    <message>
        <source>{path}: {where}: bukan nama berkas bersama: {name}</source>
        <translation>{path}: {where}: not a shared file name: {name}</translation>
    </message>
    <message>
        <source>{path}: {where}: tidak ada berkas bersama {shared}</source>
        <translation>{path}: {where}: no shared file {shared}</translation>
    </message>
    <message>
        <source>{path}: kesalahan sintaks YAML: {error}</source>
        <translation>{path}: YAML syntax error: {error}</translation>
    </message>
    <message>
        <source>{path}: (top): berkas bersama harus berupa mapping</source>
        <translation>{path}: (top): a shared file must be a mapping</translation>
    </message>
    <message>
        <source>{path}: {key}: tidak diizinkan dalam berkas bersama (yang diizinkan: {allowed})</source>
        <translation>{path}: {key}: not allowed in a shared file (allowed: {allowed})</translation>
    </message>
    <message>
        <source>{path}: include: diharapkan daftar nama berkas bersama, mis. [alat_bantu_angkat]</source>
        <translation>{path}: include: expected a list of shared file names, e.g. [alat_bantu_angkat]</translation>
    </message>
    <message>
        <source>{path}: {key}.{ref}: juga didefinisikan dalam berkas bersama {name} dengan isi yang berbeda</source>
        <translation>{path}: {key}.{ref}: also defined in shared file {name} with a different content</translation>
    </message>
    <message>
        <source>{path}: sections[{si}].fields[{fi}].use: tidak ada isian bersama {use} di {names}</source>
        <translation>{path}: sections[{si}].fields[{fi}].use: no shared field {use} in {names}</translation>
    </message>
</context>
<context>
    <name>units</name>
    <message>
        <source>satuan {unit} tidak dikenal</source>
        <translation>unknown unit {unit}</translation>
    </message>
    <message>
        <source>nilai ya/tidak bukan angka</source>
        <translation>a yes/no value is not a number</translation>
    </message>
    <message>
        <source>{src} ({src_dim}) tidak dapat dikonversi ke {dst} ({dst_dim})</source>
        <translation>cannot convert {src} ({src_dim}) to {dst} ({dst_dim})</translation>
    </message>
</context>
<context>
    <name>values</name>
    <message>
        <source>{label} baris {n}</source>
        <translation>{label} row {n}</translation>
    </message>
    <message>
        <source>harus berupa teks, bukan {kind_of}</source>
        <translation>must be text, not {kind_of}</translation>
    </message>
    <message>
        <source>terlalu panjang ({count} karakter, paling banyak {max_length})</source>
        <translation>too long ({count} characters, at most {max_length})</translation>
    </message>
    <message>
        <source>“{clip}” bukan salah satu pilihan ({shown})</source>
        <translation>“{clip}” is not one of the choices ({shown})</translation>
    </message>
    <message>
        <source>harus ya atau tidak, bukan {kind_of}</source>
        <translation>must be yes or no, not {kind_of}</translation>
    </message>
    <message>
        <source>harus berupa daftar foto (id lampiran)</source>
        <translation>must be a list of photos (attachment ids)</translation>
    </message>
    <message>
        <source>“{clip}” bukan foto yang tersimpan (id lampiran sha256 atau uuid)</source>
        <translation>“{clip}” is not a stored photo (a sha256 or uuid attachment id)</translation>
    </message>
    <message>
        <source>jenis isian “{kind}” tidak dikenal</source>
        <translation>unknown entry kind “{kind}”</translation>
    </message>
    <message>
        <source>harus berupa daftar baris, bukan {kind_of}</source>
        <translation>must be a list of rows, not {kind_of}</translation>
    </message>
    <message>
        <source>{count} baris, paling banyak {max_items}</source>
        <translation>{count} rows, at most {max_items}</translation>
    </message>
    <message>
        <source>harus berupa isian baris, bukan {kind}</source>
        <translation>must be a row of entries, not {kind}</translation>
    </message>
    <message>
        <source>harus bilangan bulat, bukan {shown}</source>
        <translation>must be a whole number, not {shown}</translation>
    </message>
    <message>
        <source>{shown}{tail} di bawah rentang yang diizinkan (min {low}{tail})</source>
        <translation>{shown}{tail} is below the allowed range (min {low}{tail})</translation>
    </message>
    <message>
        <source>{shown}{tail} di atas rentang yang diizinkan (maks {high}{tail})</source>
        <translation>{shown}{tail} is above the allowed range (max {high}{tail})</translation>
    </message>
    <message>
        <source>“{clip}” bukan angka</source>
        <translation>“{clip}” is not a number</translation>
    </message>
    <message>
        <source>“{clip}” tidak jelas: tulis angka tanpa pemisah ribuan, dengan koma untuk desimal (mis. 1234 atau 1234,5)</source>
        <translation>“{clip}” is ambiguous: write the number without thousands separators, with a comma for decimals (e.g. 1234 or 1234,5)</translation>
    </message>
    <message>
        <source>harus angka, atau angka dengan satuannya</source>
        <translation>must be a number, or a number with its unit</translation>
    </message>
    <message>
        <source>harus angka, bukan {kind_of}</source>
        <translation>must be a number, not {kind_of}</translation>
    </message>
    <message>
        <source>satuan “{clip}” tidak dapat dipakai di sini (yang dapat: {shown})</source>
        <translation>unit “{clip}” cannot be used here (allowed: {shown})</translation>
    </message>
    <message>
        <source>“{clip}” bukan tanggal yang sah (tulis TTTT-BB-HH, mis. 2026-01-15)</source>
        <translation>“{clip}” is not a valid date (write YYYY-MM-DD, e.g. 2026-01-15)</translation>
    </message>
    <message>
        <source>kosong</source>
        <translation>empty</translation>
    </message>
    <message>
        <source>ya/tidak</source>
        <translation>yes/no</translation>
    </message>
    <message>
        <source>angka {value}</source>
        <translation>the number {value}</translation>
    </message>
    <message>
        <source>angka yang tidak sah</source>
        <translation>an invalid number</translation>
    </message>
    <message>
        <source>teks “{value}”</source>
        <translation>the text “{value}”</translation>
    </message>
    <message>
        <source>daftar</source>
        <translation>a list</translation>
    </message>
    <message>
        <source>objek</source>
        <translation>an object</translation>
    </message>
    <message>
        <source>nilai yang tidak dikenal</source>
        <translation>an unknown value</translation>
    </message>
    <message>
        <source>Nilai formulir harus berupa objek (nama isian -&gt; nilai), bukan {kind}</source>
        <translation>The form&apos;s values must be an object (field name -&gt; value), not {kind}</translation>
    </message>
    <message>
        <source>{label}: wajib diisi (paling sedikit {need} {what})</source>
        <translation>{label}: required (at least {need} {what})</translation>
    </message>
    <message>
        <source>{label}: wajib diisi</source>
        <translation>{label}: required</translation>
    </message>
    <message>
        <source>baris</source>
        <translation>rows</translation>
    </message>
    <message>
        <source>foto</source>
        <translation>photos</translation>
    </message>
</context>
<context>
    <name>verify</name>
    <message>
        <source>kode verifikasi terpotong</source>
        <translation>the verification code is cut short</translation>
    </message>
    <message>
        <source>kode verifikasi memuat teks yang tidak sah</source>
        <translation>the verification code holds invalid text</translation>
    </message>
    <message>
        <source>kode verifikasi bukan kode k3desk</source>
        <translation>the verification code is not a k3desk code</translation>
    </message>
    <message>
        <source>versi kode verifikasi tidak dikenal</source>
        <translation>unknown version of the verification code</translation>
    </message>
    <message>
        <source>kode verifikasi memuat kesimpulan yang tidak dikenal</source>
        <translation>the verification code holds an unknown verdict</translation>
    </message>
    <message>
        <source>kode verifikasi memuat isian yang tidak dikenal</source>
        <translation>the verification code holds an unknown field</translation>
    </message>
    <message>
        <source>kode verifikasi memuat data berlebih di ujungnya</source>
        <translation>the verification code has trailing data</translation>
    </message>
    <message>
        <source>data sertifikat rusak atau bukan data sertifikat k3desk</source>
        <translation>the certificate data is damaged or not k3desk certificate data</translation>
    </message>
    <message>
        <source>nomor yang tercetak ({claimed}) berbeda dengan nomor yang ditandatangani ({signed})</source>
        <translation>the printed number ({claimed}) differs from the signed number ({signed})</translation>
    </message>
    <message>
        <source>kunci penandatangan {key_id} tidak dikenal di perangkat ini</source>
        <translation>the signing key {key_id} is unknown on this device</translation>
    </message>
    <message>
        <source>tanda tangan elektronik tidak cocok dengan data (data diubah atau tanda tangan palsu)</source>
        <translation>the electronic signature does not match the data (the data was changed or the signature is forged)</translation>
    </message>
    <message>
        <source>kunci penandatangan telah dicabut</source>
        <translation>the signing key has been revoked</translation>
    </message>
    <message>
        <source>sertifikat telah dicabut</source>
        <translation>the certificate has been revoked</translation>
    </message>
    <message>
        <source>tanggal berlaku dalam data tidak sah</source>
        <translation>the validity date in the data is not valid</translation>
    </message>
    <message>
        <source>tanda tangan sah</source>
        <translation>the signature is valid</translation>
    </message>
    <message>
        <source>isinya bukan JSON yang sah</source>
        <translation>its content is not valid JSON</translation>
    </message>
    <message>
        <source>{path} tidak dapat dibaca: {reason}</source>
        <translation>{path} cannot be read: {reason}</translation>
    </message>
    <message>
        <source>{path} harus berisi objek JSON: id kunci -&gt; kunci</source>
        <translation>{path} must hold a JSON object of key id -&gt; key</translation>
    </message>
    <message>
        <source>{path}: kunci {key_id} tidak memiliki public_key</source>
        <translation>{path}: key {key_id} has no public_key</translation>
    </message>
    <message>
        <source>{path}: kunci publik {key_id} rusak (bukan kunci Ed25519 yang sah)</source>
        <translation>{path}: the public key {key_id} is damaged (not a valid Ed25519 key)</translation>
    </message>
    <message>
        <source>{path} harus berisi objek JSON: nomor -&gt; alasan</source>
        <translation>{path} must hold a JSON object of number -&gt; reason</translation>
    </message>
    <message>
        <source>tanda tangan dalam tautan bukan base64url yang sah</source>
        <translation>the signature in the link is not valid base64url</translation>
    </message>
    <message>
        <source>bukan tautan verifikasi k3desk (tidak ada /verify)</source>
        <translation>not a k3desk verification link (no /verify path)</translation>
    </message>
    <message>
        <source>tautan verifikasi tidak memuat parameter {name}</source>
        <translation>the verification link lacks its {name} parameter</translation>
    </message>
    <message>
        <source>berkas ini bukan PDF yang dapat dibaca (rusak atau bukan PDF)</source>
        <translation>this file is not a readable PDF (damaged or not a PDF)</translation>
    </message>
    <message>
        <source>keterangan dokumen PDF ini rusak</source>
        <translation>this PDF&apos;s document information is damaged</translation>
    </message>
    <message>
        <source>PDF ini tidak membawa tanda tangan k3desk (tidak ada data bertanda tangan di dalamnya)</source>
        <translation>this PDF carries no k3desk signature (no signed data inside)</translation>
    </message>
    <message>
        <source>berkas {path} tidak ditemukan; periksa nama dan foldernya</source>
        <translation>the file {path} was not found; check its name and folder</translation>
    </message>
    <message>
        <source>berkas ini bukan PDF k3desk yang bertanda tangan (atau rusak), jadi keasliannya tidak dapat diperiksa; minta salinan asli dari Balai</source>
        <translation>this file is not a signed k3desk PDF (or it is damaged), so it cannot be checked; ask the Balai for an original copy</translation>
    </message>
    <message>
        <source>isi dokumen yang tercetak tidak sesuai dengan data yang ditandatangani ({fields})</source>
        <translation>the printed document does not match the signed data ({fields})</translation>
    </message>
    <message>
        <source>tanda tangan digital PDF: {reason}</source>
        <translation>the PDF&apos;s digital signature: {reason}</translation>
    </message>
    <message>
        <source>tanda tangan digital PDF dibuat dengan sertifikat kunci lain daripada tanda tangan kode QR ({pdf_key} ≠ {key_id})</source>
        <translation>the PDF&apos;s digital signature was made with the certificate of another key than the QR code&apos;s signature ({pdf_key} ≠ {key_id})</translation>
    </message>
    <message>
        <source>tanpa kunci k3desk</source>
        <translation>no k3desk key</translation>
    </message>
    <message>
        <source>nomor sertifikat</source>
        <translation>certificate number</translation>
    </message>
    <message>
        <source>perusahaan</source>
        <translation>company</translation>
    </message>
    <message>
        <source>nomor seri peralatan</source>
        <translation>equipment serial number</translation>
    </message>
    <message>
        <source>teks QR tidak sah: ini bukan tautan verifikasi sertifikat k3desk, atau tautannya terpotong; pindai ulang kode QR pada sertifikat</source>
        <translation>the QR text is not valid: it is not a k3desk certificate verification link, or the link is cut off; scan the QR code on the certificate again</translation>
    </message>
</context>
<context>
    <name>workflow</name>
    <message>
        <source>status tidak dikenal: {new!r}</source>
        <translation>unknown status: {new!r}</translation>
    </message>
    <message>
        <source>pemeriksaan baru harus berstatus draft, bukan {value}</source>
        <translation>a new inspection must be a draft, not {value}</translation>
    </message>
    <message>
        <source>pemeriksaan berstatus {value} tidak dapat diubah lagi</source>
        <translation>an inspection with status {value} can no longer be changed</translation>
    </message>
    <message>
        <source>pemeriksaan yang sudah diajukan tidak dapat diubah; penyelia sedang menelaahnya</source>
        <translation>a submitted inspection cannot be changed; the supervisor is reviewing it</translation>
    </message>
    <message>
        <source>{role} tidak dapat mengubah pemeriksaan berstatus {value}</source>
        <translation>{role} cannot change an inspection with status {value}</translation>
    </message>
    <message>
        <source>status pemeriksaan tidak dapat berpindah dari {value} ke {value2}</source>
        <translation>the inspection status cannot move from {value} to {value2}</translation>
    </message>
    <message>
        <source>hanya {value} yang dapat memindahkan pemeriksaan dari {value2} ke {value3}</source>
        <translation>only {value} can move an inspection from {value2} to {value3}</translation>
    </message>
</context>
</TS>
