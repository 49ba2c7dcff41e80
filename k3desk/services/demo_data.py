"""Names and places for the demo dataset (realistic, invented)."""

from __future__ import annotations

COMPANIES = [
    ("PT Sinar Baja Nusantara", "Jl. Raya Cakung Cilincing Km 3 No. 12", "Jakarta Utara"),
    ("PT Mitra Kimia Sejahtera", "Kawasan Industri Pulogadung, Jl. Rawa Gelam IV No. 8",
     "Jakarta Timur"),
    ("PT Pelabuhan Samudra Logistik", "Jl. Yos Sudarso Kav. 21, Tanjung Priok", "Jakarta Utara"),
    ("PT Graha Tirta Mandiri", "Jl. Gatot Subroto Kav. 38", "Jakarta Selatan"),
    ("PT Aneka Pangan Lestari", "Jl. Daan Mogot Km 14 No. 7", "Jakarta Barat"),
    ("PT Cahaya Tekstil Indonesia", "Jl. Raya Bekasi Km 21, Cakung", "Jakarta Timur"),
    ("PT Bumi Karya Konstruksi", "Jl. TB Simatupang Kav. 1", "Jakarta Selatan"),
    ("PT Sentosa Gas Utama", "Jl. Industri Raya Blok B3 No. 5, Cikarang", "Bekasi"),
    ("PT Nusantara Farmasi Jaya", "Jl. Pulo Lentut No. 10, Kawasan Industri Pulogadung",
     "Jakarta Timur"),
    ("PT Mega Plaza Properti", "Jl. Jend. Sudirman Kav. 52-53", "Jakarta Selatan"),
    ("PT Harapan Plastik Makmur", "Jl. Kapuk Kamal Raya No. 88", "Jakarta Utara"),
    ("PT Jaya Beton Prima", "Jl. Raya Narogong Km 7, Bantar Gebang", "Bekasi"),
    ("PT Surya Energi Listrik", "Jl. Pluit Raya No. 2", "Jakarta Utara"),
    ("PT Kencana Hotel Nusantara", "Jl. M.H. Thamrin No. 9", "Jakarta Pusat"),
    ("RS Sehat Sentosa", "Jl. Pramuka Raya No. 41", "Jakarta Timur"),
    ("PT Anugerah Cat Warna", "Jl. Kamal Muara Blok C No. 3", "Jakarta Utara"),
    ("PT Dirgantara Kargo Ekspres", "Jl. Marsekal Surya Darma No. 1, Neglasari", "Tangerang"),
    ("PT Garuda Kemasan Kertas", "Jl. Raya Serang Km 12, Cikupa", "Tangerang"),
    ("PT Lautan Minyak Nabati", "Jl. Pelabuhan Nizam Zachman, Muara Baru", "Jakarta Utara"),
    ("PT Pusaka Mall Sentral", "Jl. Letjen S. Parman Kav. 28", "Jakarta Barat"),
    ("PT Andalas Otomotif Parts", "Jl. Raya Pegangsaan Dua Km 2", "Jakarta Utara"),
    ("PT Citra Data Center", "Jl. Kebon Sirih No. 17", "Jakarta Pusat"),
    ("PT Bintang Rumah Sakit Medika", "Jl. Panjang No. 5, Kebon Jeruk", "Jakarta Barat"),
    ("PT Tunas Gudang Berikat", "Jl. Cakung Cilincing Raya Kav. 7", "Jakarta Utara"),
]

CONTACTS = ["Agus Salim", "Dewi Lestari", "Rudi Hartono", "Sri Wahyuni", "Bambang Sutrisno",
            "Rina Marlina", "Joko Purnomo", "Yuni Kartika", "Hadi Prasetyo", "Nur Aisyah"]

MAKERS = {
    "bejana_tekan": [("Kobelco", "Air Receiver 2 m³", "2000 L"),
                     ("PT Boma Bisma Indra", "Vertical Receiver", "1000 L")],
    "tangki_timbun": [("PT Wijaya Karya Industri", "Fixed Roof Tank", "500 kL"),
                      ("PT Rekayasa Industri", "Cone Roof Tank", "250 kL")],
    "pesawat_uap": [("Cheng Chen", "Fire Tube Boiler", "5 ton uap/jam"),
                    ("Takuma", "Water Tube Boiler", "10 ton uap/jam")],
    "overhead_crane": [("Konecranes", "CXT Double Girder", "10 ton"),
                       ("Demag", "EKKE Single Girder", "5 ton")],
    "mobile_crane": [("Tadano", "GR-500EX", "50 ton"), ("Kato", "KR-25H", "25 ton")],
    "forklift": [("Toyota", "8FD30", "3 ton"), ("Komatsu", "FD25T-17", "2,5 ton")],
    "elevator": [("Schindler", "5500", "1000 kg / 13 orang"),
                 ("Hyundai", "LUXEN", "1350 kg / 20 orang")],
    "instalasi_listrik": [("-", "Panel Utama Tegangan Rendah", "1250 kVA"),
                          ("-", "Instalasi Gedung", "630 kVA")],
    "penyalur_petir": [("-", "Sistem Konvensional Franklin", "6 penghantar turun"),
                       ("-", "Sistem Elektrostatis", "radius 100 m")],
    "apar": [("Yamato", "YA-6X Dry Chemical Powder", "6 kg"),
             ("Chubb", "CO2 Extinguisher", "5 kg")],
    "hydrant": [("Ebara", "Fire Pump Set 500 GPM", "500 US GPM"),
                ("Grundfos", "Fire Pump Set 750 GPM", "750 US GPM")],
    "alarm_kebakaran": [("Hochiki", "FireNET Plus", "4 zona"), ("Notifier", "NFS2-3030", "8 zona")],
    "pesawat_tenaga_produksi": [("Cummins", "C500 D5 Genset", "500 kVA"),
                                ("Caterpillar", "C18 Genset", "750 kVA")],
    "lingkungan_kerja": [("-", "Area Produksi", "-"), ("-", "Gudang dan Kantor", "-")],
}

LOCATIONS = ["Gedung produksi", "Gudang utama", "Ruang utilitas", "Area bongkar muat",
             "Ruang boiler", "Ruang panel", "Lantai 1", "Atap gedung", "Area parkir",
             "Ruang genset"]
