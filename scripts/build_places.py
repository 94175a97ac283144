"""Build marsad/data/places/libya.tsv from the shared Libyan gazetteers plus hand-written rows.

Sources (facts only, credited in NOTICE):
- datasets/gazetteer/libya_places_osm.tsv: OpenStreetMap places, (c) OpenStreetMap contributors, ODbL;
- datasets/gazetteer/libya_geonames_cities15000.tsv: GeoNames towns, CC BY 4.0.

Every OSM place with an Arabic name and every GeoNames town is kept; a town found in both (same Arabic
name, or one name a word-prefix of the other, within 25 km) appears once, with OSM coordinates and
GeoNames population and district. Regions, the 22 districts and facilities (oil ports and fields,
airports, bases, border crossings) are written by hand in HAND_ROWS below.

    .venv/bin/python scripts/build_places.py            # writes marsad/data/places/libya.tsv
    .venv/bin/python scripts/build_places.py --check    # exit 1 when the file is out of date
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.settings import shared_dir  # noqa: E402
from marsad.text.normalise import normalise  # noqa: E402

OUT = ROOT / "marsad" / "data" / "places" / "libya.tsv"
HEADER = ("id", "type", "kind", "name", "name_en", "lat", "lon", "country", "admin", "population",
          "aliases", "source")

# GeoNames admin-1 codes of Libya -> district (shabiya) in English
ADMIN1 = {
    "63": "Al Jabal al Akhdar", "64": "Al Jufrah", "65": "Al Kufrah", "66": "Al Marj", "67": "An Nuqat al Khams",
    "68": "Az Zawiyah", "69": "Benghazi", "70": "Darnah", "71": "Ghat", "72": "Misrata", "73": "Murzuq",
    "74": "Nalut", "75": "Sabha", "76": "Surt", "77": "Tripoli", "78": "Wadi ash Shati", "79": "Al Butnan",
    "80": "Al Jabal al Gharbi", "81": "Al Jifarah", "82": "Al Murqub", "83": "Al Wahat", "84": "Wadi al Hayat",
}

# Arabic names for GeoNames towns whose names_ar is empty or a district name
GEONAMES_AR = {
    "88562": "التاج", "2210221": "ترهونة", "2210394": "تاجوراء", "2213618": "قصر بن غشير",
    "2218983": "الزهراء", "2219356": "السواني", "2219471": "الرياينة", "2219591": "الناصرية",
    "2219736": "القواسم", "2220153": "الأصابعة", "7602388": "شحات", "12687304": "العلوص",
    "12687305": "قرقوزة", "12687308": "وادي عتبة", "2208791": "يفرن",
}

# stable, customary slugs and English names for the main towns (by any English spelling in the sources)
SLUGS = {
    "Tripoli": "tripoli", "Benghazi": "benghazi", "Misratah": "misrata", "Misrata": "misrata",
    "Az Zawiyah": "zawiya", "Al Zawiyah": "zawiya", "Zawiya": "zawiya", "Darnah": "derna",
    "Al Bayda'": "bayda", "Bayda": "bayda", "Al Khums": "khoms", "Khoms": "khoms", "Zuwarah": "zuwara",
    "Zuara": "zuwara", "Sabratah": "sabratha", "Surman": "surman", "Ubari": "ubari", "Awbari": "ubari",
    "Murzuk": "murzuq", "Murzuq": "murzuq", "Ras Lanuf": "ras-lanuf", "Al Burayqah": "brega",
    "Brega": "brega", "Ajdabiya": "ajdabiya", "Tobruk": "tobruk", "Sirte": "sirte", "Sabha": "sabha",
    "Zintan": "zintan", "Gharyan": "gharyan", "Bani Walid": "bani-walid", "Tarhuna": "tarhuna",
    "Zliten": "zliten", "Janzur": "janzour", "Tajura'": "tajoura", "Tajura": "tajoura", "Hun": "hun",
    "Waddan": "waddan", "Ghat": "ghat", "Ghadames": "ghadames", "Nalut": "nalut", "Yafran": "yafran",
    "Al Marj": "marj", "Al Abyar": "abyar", "Jalu": "jalu", "Al Jawf": "jawf", "Qatrun": "qatrun",
    "Az Zuwaytinah": "zuwaytina", "Brak": "brak", "Al 'Aziziyah": "aziziya", "Al Aziziya": "aziziya",
    "Al Ajaylat": "ajaylat", "Msalatah": "msallata", "Bin Jawwad": "bin-jawad",
    "Al Qubbah": "qubba", "At Taj": "taj", "Tawurgha": "tawergha", "Mizdah": "mizdah", "Mizda": "mizdah",
    "Al Jumayl": "jmail", "Al Jamil": "jmail",
}
ENGLISH_BY_AR = {"الكفرة": ("kufra", "Kufra")}

# a name without its article, safe as an alias (not an ordinary word)
SAFE_BARE = {"الزنتان", "الكفرة", "البريقة", "الزويتينة", "العجيلات", "القطرون", "الرجبان"}
# hand-kept spelling variants of main towns
VARIANTS = {
    "طرابلس": ["ترابلس"], "بنغازي": ["بنغازى"], "تاجوراء": ["تاجورا"], "رأس لانوف": ["راس الانوف"],
    "بن جواد": ["ابن جواد"], "بني وليد": ["بنى وليد"], "أوباري": ["أوبارى"], "إجدابيا": ["أجدابيا"],
    "صبراتة": ["صبراته"], "زوارة": ["زواره"], "درنة": ["درنه"],
}
# customary Arabic and English names of main towns, by slug (the sources' names become aliases)
CUSTOM_NAMES = {
    "brega": ("البريقة", "Brega"), "zawiya": ("الزاوية", "Zawiya"), "misrata": (None, "Misrata"),
    "khoms": (None, "Khoms"), "zuwara": (None, "Zuwara"), "sabratha": (None, "Sabratha"),
    "derna": (None, "Derna"), "bayda": (None, "Bayda"), "ubari": (None, "Ubari"), "murzuq": (None, "Murzuq"),
    "tajoura": (None, "Tajoura"), "janzour": (None, "Janzour"), "ajaylat": (None, "Ajaylat"),
    "aziziya": (None, "Aziziya"), "marj": (None, "Marj"), "msallata": (None, "Msallata"),
}
NEIGHBOURHOODS = {"مدينة طرابلس القديمة", "باب العزيزية", "باب تاجوراء"}

_HARAKAT = re.compile("[\u064b-\u0652\u0670\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_LATIN = re.compile(r"[A-Za-z`'’‘]+")


@dataclass
class Row:
    """One place being built."""

    slug: str
    kind: str
    name: str
    name_en: str
    lat: float
    lon: float
    admin: str = ""
    population: str = ""
    aliases: list[str] = field(default_factory=list)
    source: str = ""
    type: str = "GPE"

    def line(self) -> str:
        aliases = [a for a in dict.fromkeys(self.aliases) if a != self.name]
        return "\t".join([f"place:ly/{self.slug}", self.type, self.kind, self.name, self.name_en,
                          f"{self.lat:.5f}".rstrip("0").rstrip("."), f"{self.lon:.5f}".rstrip("0").rstrip("."),
                          "LY", self.admin, self.population, "|".join(aliases), self.source])


def clean_ar(text: str) -> str:
    """An Arabic name without Latin words, harakat, bidi marks and stray punctuation."""
    text = _HARAKAT.sub("", _LATIN.sub(" ", unicodedata.normalize("NFKC", text)))
    text = re.sub(r"\s*-\s*", " - ", text).strip(" -")
    return " ".join(text.split())


def slugify(text: str) -> str:
    """An ASCII slug of an English name."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[`'’‘]", "", text.lower())
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return re.sub(r"^(al|el|ar|as|az|an|at|ash|ad|adh|ath)-(?=[a-z0-9])", "", text)


def key(text: str) -> str:
    """Matching form: normalised, without مدينة and the article, whitespace collapsed."""
    words = normalise(text).replace("-", " ").split()
    if words and words[0] == "مدينه":
        words = words[1:]
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words)


def variants(name: str) -> list[str]:
    """Spelling variants of a name: hamza/bare alef, راس/رأس, safe article-less forms, kept variants."""
    out = list(VARIANTS.get(name, []))
    bare = re.sub("[أإآ]", "ا", name)
    if bare != name:
        out.append(bare)
    if name.startswith("راس "):
        out.append("رأس " + name[4:])
    if name.startswith("اج"):
        out += ["أج" + name[2:], "إج" + name[2:]]
    for n in (name, bare):
        if n in SAFE_BARE or n.replace("ا", "أ", 1) in SAFE_BARE:
            out.append(n[2:])
    return out


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def read_tsv(path: Path) -> list[dict[str, str]]:
    """The rows of a shared TSV file."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def osm_rows(path: Path) -> list[Row]:
    """Every OSM place with an Arabic name."""
    out = []
    for r in read_tsv(path):
        name = clean_ar(r["name_ar"])
        if not name or not re.search("[\u0600-\u06ff]", name):
            continue
        parts = [p for p in re.split(r"\s*[()/]\s*", name) if p.strip()]
        if len(parts) > 1 and key(parts[0]) in GENERIC:
            parts = parts[1:]
        name, aliases = parts[0], parts[1:]
        if r["type"] == "city" and name.startswith("مدينة ") and name not in NEIGHBOURHOODS:
            aliases.append(name)
            name = name[len("مدينة "):]
        kind = {"city": "city", "town": "town"}.get(r["type"], "village")
        if name in NEIGHBOURHOODS:
            kind = "neighbourhood"
        en = r["name_en"].strip()
        slug, en2 = ENGLISH_BY_AR.get(name, (SLUGS.get(en) or slugify(en) or f"osm-{r['id']}", en))
        out.append(Row(slug, kind, name, en2, float(r["latitude"]), float(r["longitude"]),
                       aliases=aliases, source="osm", type="LOCATION" if kind == "neighbourhood" else "GPE"))
    return out


GENERIC = {"قريه", "مدينه", "بلده", "منطقه", "حي", "قبيله"}


def dedupe(rows: list[Row], within: float = 10.0) -> list[Row]:
    """Places of the same name less than `within` km apart (OSM maps some twice) kept once, the larger kind."""
    rank = {"capital": 0, "city": 1, "town": 2, "village": 3, "neighbourhood": 4}
    kept: list[Row] = []
    by_key: dict[str, list[Row]] = {}
    for r in rows:
        k = key(r.name)
        if k in GENERIC:
            continue
        twin = next((t for t in by_key.get(k, []) if km((t.lat, t.lon), (r.lat, r.lon)) < within), None)
        if twin is None:
            kept.append(r)
            by_key.setdefault(k, []).append(r)
            continue
        twin.aliases += [r.name, *r.aliases]
        if rank[r.kind] < rank[twin.kind]:
            twin.kind, twin.lat, twin.lon, twin.type = r.kind, r.lat, r.lon, r.type
        twin.name_en = twin.name_en or r.name_en
    return kept


def geonames_rows(path: Path) -> list[Row]:
    """Every GeoNames town, with an Arabic name (from the file or GEONAMES_AR)."""
    out = []
    for r in read_tsv(path):
        names = [clean_ar(n) for n in r["names_ar"].split("|") if n.strip()]
        names = [n for n in names if not n.startswith("شعبية")]
        if r["geonameid"] in GEONAMES_AR:
            names.insert(0, GEONAMES_AR[r["geonameid"]])
        if not names:
            raise SystemExit(f"GeoNames {r['geonameid']} {r['name']}: no Arabic name; add it to GEONAMES_AR")
        pop = int(r["population"] or 0)
        code = r["feature_code"]
        kind = "capital" if code == "PPLC" else "city" if code == "PPLA" or pop >= 50000 else "town"
        en = r["asciiname"]
        out.append(Row(SLUGS.get(en) or slugify(en), kind, names[0], en, float(r["latitude"]),
                       float(r["longitude"]), ADMIN1.get(r["admin1"], ""), str(pop or ""),
                       list(dict.fromkeys(names[1:])), "geonames"))
    return out


def merge(osm: list[Row], geo: list[Row]) -> list[Row]:
    """OSM places with each GeoNames town merged into its OSM twin (or added when it has none)."""
    rank = {"capital": 0, "city": 1, "town": 2, "village": 3, "neighbourhood": 4}
    merged_into: dict[int, Row] = {}
    extra: list[Row] = []
    for g in geo:
        gkeys = {key(n) for n in (g.name, *g.aliases)}
        best = None
        for i, o in enumerate(osm):
            if o.kind == "neighbourhood":
                continue
            d = km((g.lat, g.lon), (o.lat, o.lon))
            if d > 25:
                continue
            ok = key(o.name)
            exact = ok in gkeys
            prefix = any(ok.startswith(k + " ") or k.startswith(ok + " ") for k in gkeys)
            if exact or prefix:
                score = (0 if exact else 1, d)
                if best is None or score < best[0]:
                    best = (score, i)
        if best is None:
            twin = next((r for r in extra if key(r.name) == key(g.name) and km((r.lat, r.lon), (g.lat, g.lon)) < 25), None)
            if twin is None:
                extra.append(g)
            else:  # GeoNames lists some towns twice
                twin.population = twin.population or g.population
            continue
        o = osm[best[1]]
        if id(o) in {id(v) for v in merged_into.values()}:
            o.aliases += [g.name, *g.aliases]
            continue
        merged_into[best[1]] = o
        if best[0][1] > 10:
            print(f"note: {g.name_en} merged with OSM {o.name} at {best[0][1]:.1f} km", file=sys.stderr)
        o.aliases += [g.name, *g.aliases]
        o.population, o.admin, o.source = g.population, g.admin, "osm+geonames"
        o.slug = SLUGS.get(o.name_en) or SLUGS.get(g.name_en) or g.slug
        o.name_en = o.name_en or g.name_en
        if rank[g.kind] < rank[o.kind]:
            o.kind = g.kind
    return osm + extra


def unique_slugs(rows: list[Row], taken: set[str]) -> None:
    """Make every slug unique: the most populous keeps the plain slug, others get -2, -3 …"""
    order = sorted(rows, key=lambda r: (-int(r.population or 0), r.source != "osm+geonames", r.lat, r.lon))
    for r in order:
        base, n = r.slug, 1
        while r.slug in taken:
            n += 1
            r.slug = f"{base}-{n}"
        taken.add(r.slug)


def hand_rows() -> tuple[list[str], set[str]]:
    """The hand-written rows of the HAND section (regions, districts, facilities) and their slugs."""
    lines, slugs = [], set()
    for line in HAND.strip().splitlines():
        if not line.strip() or line.startswith("#"):
            lines.append(line)
            continue
        f = line.split("\t")
        if len(f) != 9:
            raise SystemExit(f"hand row with {len(f)} fields (need 9): {line!r}")
        pid, ptype, kind, name, en, lat, lon, admin, aliases = f
        slugs.add(pid.split("/", 1)[1])
        lines.append("\t".join([pid, ptype, kind, name, en, lat, lon, "LY", admin, "", aliases, "marsad"]))
    return lines, slugs


def build(shared: Path) -> str:
    """The text of libya.tsv."""
    gaz = shared / "datasets" / "gazetteer"
    rows = merge(dedupe(osm_rows(gaz / "libya_places_osm.tsv")), geonames_rows(gaz / "libya_geonames_cities15000.tsv"))
    hand, taken = hand_rows()
    unique_slugs(rows, set(taken))
    for r in rows:
        ar, en = CUSTOM_NAMES.get(r.slug, (None, None))
        if ar and ar != r.name:
            r.aliases.insert(0, r.name)
            r.name = ar
        r.name_en = en or r.name_en
    for r in rows:
        r.aliases += variants(r.name)
    rank = {"capital": 0, "city": 1, "town": 2, "village": 3, "neighbourhood": 4}
    rows.sort(key=lambda r: (rank[r.kind], -int(r.population or 0), r.slug))
    head = [
        "# Libya: regions, districts, facilities (written for marsad) and settlements.",
        "# GENERATED by scripts/build_places.py: edit the script (HAND rows) or use an overlay, not this file.",
        "# Settlements: OpenStreetMap (c) OpenStreetMap contributors, ODbL 1.0 (source osm);",
        "# GeoNames, CC BY 4.0 (source geonames). Hand rows: source marsad.",
        "\t".join(HEADER),
    ]
    return "\n".join(head + hand + [r.line() for r in rows]) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write (or check) marsad/data/places/libya.tsv."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only check that the file is up to date")
    args = ap.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        print("../shared/datasets not found (set MARSAD_SHARED)", file=sys.stderr)
        return 2
    text = build(shared)
    if args.check:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUT} is out of date: run scripts/build_places.py")
        return 0 if same else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 5} rows)")
    return 0


# id, type, kind, name, name_en, lat, lon, admin, aliases (| separated)
HAND = """
# regions
place:ly/south	LOCATION	region	الجنوب الليبي	southern Libya	26.0	14.5		جنوب ليبيا|المنطقة الجنوبية|الجنوب الغربي الليبي
place:ly/east	LOCATION	region	الشرق الليبي	eastern Libya	31.0	22.0		شرق ليبيا|المنطقة الشرقية
place:ly/west	LOCATION	region	الغرب الليبي	western Libya	31.5	12.5		غرب ليبيا|المنطقة الغربية
place:ly/fezzan	LOCATION	region	فزان	Fezzan	26.0	14.0		إقليم فزان|اقليم فزان
place:ly/cyrenaica	LOCATION	region	برقة	Cyrenaica	30.5	21.5		إقليم برقة|اقليم برقة
place:ly/tripolitania	LOCATION	region	طرابلس الغرب	Tripolitania	31.5	13.5		إقليم طرابلس|اقليم طرابلس|إقليم طرابلس الغرب
place:ly/nafusa	LOCATION	region	الجبل الغربي	Nafusa Mountains	31.9	12.0		جبل نفوسة|جبال نفوسة
place:ly/oil-crescent	LOCATION	region	الهلال النفطي	Oil Crescent	30.5	18.6		موانئ النفط|منطقة الهلال النفطي|موانئ الهلال النفطي
place:ly/warshefana	LOCATION	region	ورشفانة	Warshefana	32.7	12.9		منطقة ورشفانة|ورشفانه
place:ly/west-coast	LOCATION	region	الساحل الغربي	western coast	32.8	12.3		الساحل الغربي الليبي
place:ly/green-mountain	LOCATION	natural	الجبل الأخضر	Green Mountain (Jebel Akhdar)	32.6	21.7		الجبل الاخضر
place:ly/sirte-basin	LOCATION	region	حوض سرت	Sirte Basin	29.5	19.0		
place:ly/gulf-of-sirte	LOCATION	natural	خليج سرت	Gulf of Sirte	31.3	18.0		خليج السدرة
place:ly/libyan-desert	LOCATION	natural	الصحراء الليبية	Libyan Desert	25.0	24.0		
# the 22 districts (shabiyat, 2007)
place:ly/district-butnan	LOCATION	district	شعبية البطنان	Al Butnan District	31.2	24.2	Al Butnan	البطنان
place:ly/district-derna	LOCATION	district	شعبية درنة	Derna District	32.4	22.8	Darnah	
place:ly/district-jabal-akhdar	LOCATION	district	شعبية الجبل الأخضر	Jabal al Akhdar District	32.5	21.8	Al Jabal al Akhdar	
place:ly/district-marj	LOCATION	district	شعبية المرج	Marj District	32.2	20.9	Al Marj	
place:ly/district-benghazi	LOCATION	district	شعبية بنغازي	Benghazi District	32.0	20.3	Benghazi	
place:ly/district-wahat	LOCATION	district	شعبية الواحات	Al Wahat District	29.5	21.0	Al Wahat	الواحات
place:ly/district-kufra	LOCATION	district	شعبية الكفرة	Kufra District	23.5	22.5	Al Kufrah	منطقة الكفرة
place:ly/district-sirte	LOCATION	district	شعبية سرت	Sirte District	30.5	17.0	Surt	
place:ly/jufra	LOCATION	district	شعبية الجفرة	Jufra District	28.8	16.0	Al Jufrah	الجفرة|منطقة الجفرة
place:ly/district-misrata	LOCATION	district	شعبية مصراتة	Misrata District	31.6	15.0	Misrata	
place:ly/district-murqub	LOCATION	district	شعبية المرقب	Murqub District	32.4	14.0	Al Murqub	المرقب
place:ly/district-tripoli	LOCATION	district	شعبية طرابلس	Tripoli District	32.85	13.2	Tripoli	
place:ly/district-jafara	LOCATION	district	شعبية الجفارة	Jafara District	32.55	13.0	Al Jifarah	الجفارة
place:ly/district-zawiya	LOCATION	district	شعبية الزاوية	Zawiya District	32.6	12.6	Az Zawiyah	
place:ly/district-nuqat-al-khams	LOCATION	district	شعبية النقاط الخمس	Nuqat al Khams District	32.8	11.9	An Nuqat al Khams	النقاط الخمس
place:ly/district-jabal-gharbi	LOCATION	district	شعبية الجبل الغربي	Jabal al Gharbi District	31.3	12.6	Al Jabal al Gharbi	
place:ly/district-nalut	LOCATION	district	شعبية نالوت	Nalut District	30.8	10.8	Nalut	
place:ly/district-wadi-hayat	LOCATION	district	شعبية وادي الحياة	Wadi al Hayat District	26.4	12.8	Wadi al Hayat	وادي الحياة
place:ly/district-wadi-shati	LOCATION	district	شعبية وادي الشاطئ	Wadi ash Shati District	27.6	13.8	Wadi ash Shati	وادي الشاطئ|الشاطئ
place:ly/district-sabha	LOCATION	district	شعبية سبها	Sabha District	27.0	14.3	Sabha	
place:ly/district-murzuq	LOCATION	district	شعبية مرزق	Murzuq District	25.0	14.0	Murzuq	
place:ly/district-ghat	LOCATION	district	شعبية غات	Ghat District	24.9	10.6	Ghat	
# oil ports and terminals
place:ly/sidra-port	LOCATION	port	ميناء السدرة	Es Sider (Sidra) oil terminal	30.63	18.35	Surt	السدرة|مرفأ السدرة|ميناء السدر|السدرة النفطي
place:ly/ras-lanuf-port	LOCATION	port	ميناء راس لانوف	Ras Lanuf oil terminal	30.50	18.57	Surt	ميناء رأس لانوف|مرفأ راس لانوف|مرفأ رأس لانوف
place:ly/brega-port	LOCATION	port	ميناء البريقة	Marsa el Brega oil terminal	30.42	19.58	Al Wahat	مرفأ البريقة|ميناء مرسى البريقة
place:ly/zueitina-port	LOCATION	port	ميناء الزويتينة	Zueitina oil terminal	30.85	20.05	Al Wahat	مرفأ الزويتينة
place:ly/hariga-port	LOCATION	port	ميناء الحريقة	Marsa el Hariga oil terminal	32.07	24.00	Al Butnan	الحريقة|مرفأ الحريقة|ميناء مرسى الحريقة
place:ly/tripoli-port	LOCATION	port	ميناء طرابلس	Port of Tripoli	32.90	13.19	Tripoli	ميناء طرابلس البحري
place:ly/benghazi-port	LOCATION	port	ميناء بنغازي	Port of Benghazi	32.11	20.05	Benghazi	ميناء بنغازي البحري
place:ly/misrata-port	LOCATION	port	ميناء مصراتة	Port of Misrata	32.35	15.22	Misrata	ميناء قصر أحمد
# oil and gas fields and complexes
place:ly/sharara-field	LOCATION	oilfield	حقل الشرارة	El Sharara oil field	26.55	12.23	Wadi al Hayat	الشرارة|حقل الشرارة النفطي
place:ly/elephant-field	LOCATION	oilfield	حقل الفيل	El Feel (Elephant) oil field	24.45	11.05	Murzuq	الفيل|حقل الفيل النفطي
place:ly/sarir-field	LOCATION	oilfield	حقل السرير	Sarir oil field	27.65	22.50	Al Kufrah	حقل السرير النفطي
place:ly/mellitah	LOCATION	facility	مجمع مليتة	Mellitah oil and gas complex	32.87	12.24	An Nuqat al Khams	مليتة|مجمع مليتة للنفط والغاز|ميناء مليتة
place:ly/zawiya-refinery	LOCATION	facility	مصفاة الزاوية	Zawiya refinery	32.78	12.69	Az Zawiyah	
# airports
place:ly/mitiga-airport	LOCATION	airport	مطار معيتيقة الدولي	Mitiga International Airport	32.894	13.276	Tripoli	معيتيقة|مطار معيتيقة|قاعدة معيتيقة|قاعدة معيتيقة الجوية
place:ly/tripoli-airport	LOCATION	airport	مطار طرابلس الدولي	Tripoli International Airport	32.663	13.159	Tripoli	مطار طرابلس العالمي|مطار طرابلس
place:ly/benina-airport	LOCATION	airport	مطار بنينا الدولي	Benina International Airport	32.097	20.270	Benghazi	بنينا|مطار بنينا|قاعدة بنينا|قاعدة بنينا الجوية
place:ly/misrata-airport	LOCATION	airport	مطار مصراتة الدولي	Misrata Airport	32.325	15.061	Misrata	مطار مصراتة|مصراتة الجوي|قاعدة مصراتة الجوية|الكلية الجوية بمصراتة|الكلية الجوية مصراتة
place:ly/sabha-airport	LOCATION	airport	مطار سبها	Sabha Airport	26.99	14.47	Sabha	مطار سبها الدولي
place:ly/labraq-airport	LOCATION	base	قاعدة الأبرق الجوية	Al Abraq air base and airport	32.789	21.964	Al Jabal al Akhdar	الأبرق|مطار الأبرق|قاعدة الأبرق|مطار الأبرق الدولي
# air and army bases
place:ly/jufra-base	LOCATION	base	قاعدة الجفرة الجوية	Al Jufra air base	29.198	16.000	Al Jufrah	قاعدة الجفرة
place:ly/watiya-base	LOCATION	base	قاعدة الوطية الجوية	Al Watiya air base	32.473	11.898	An Nuqat al Khams	قاعدة الوطية|الوطية|قاعدة عقبة بن نافع
place:ly/khadim-base	LOCATION	base	قاعدة الخادم الجوية	Al Khadim air base	31.998	21.187	Al Marj	قاعدة الخادم|الخادم
place:ly/tamanhint-base	LOCATION	base	قاعدة تمنهنت الجوية	Tamanhint air base	27.240	14.656	Sabha	قاعدة تمنهنت|تمنهنت
place:ly/brak-base	LOCATION	base	قاعدة براك الشاطئ الجوية	Brak al-Shati air base	27.650	14.272	Wadi ash Shati	قاعدة براك الشاطئ|قاعدة براك|براك الشاطئ
place:ly/ghardabiya-base	LOCATION	base	قاعدة القرضابية الجوية	Ghardabiya air base	31.064	16.595	Surt	قاعدة القرضابية|قاعدة القرضابية الجوية بسرت
place:ly/nasser-base	LOCATION	base	قاعدة جمال عبد الناصر الجوية	Gamal Abdel Nasser air base	31.861	23.907	Al Butnan	قاعدة جمال عبد الناصر|قاعدة عبد الناصر
place:ly/yarmouk-camp	LOCATION	base	معسكر اليرموك	Yarmouk camp	32.80	13.20	Tripoli	
# border crossings
place:ly/ras-ajdir-crossing	LOCATION	border_crossing	منفذ رأس اجدير	Ras Ajdir border crossing	33.150	11.565	An Nuqat al Khams	رأس اجدير|راس اجدير|رأس جدير|منفذ راس اجدير|معبر رأس اجدير|معبر راس اجدير|معبر رأس جدير|منفذ رأس جدير
place:ly/wazin-crossing	LOCATION	border_crossing	منفذ الذهيبة وازن	Dehiba-Wazin border crossing	31.975	10.705	Nalut	معبر الذهيبة|منفذ وازن|معبر وازن|وازن|الذهيبة|منفذ الذهيبة
place:ly/amsaad-crossing	LOCATION	border_crossing	منفذ امساعد	Amsaad border crossing	31.580	25.040	Al Butnan	معبر امساعد|امساعد|منفذ أمساعد|معبر السلوم
place:ly/tumu-crossing	LOCATION	border_crossing	منفذ التوم	Tumu border crossing	22.80	14.15	Murzuq	معبر التوم
place:ly/ghat-crossing	LOCATION	border_crossing	منفذ إيسين	Isayen border crossing (Ghat)	24.95	10.20	Ghat	منفذ ايسين|معبر إيسين
"""


if __name__ == "__main__":
    raise SystemExit(main())
