"""Build marsad/data/actors/state_bodies.jsonl: the usual bodies of every state the gentilics know.

Arabic news names a state's bodies by the state's adjective («الحكومة التونسية», «السلطات البريطانية»,
«وزارة الخارجية الأوغندية», «الجيش المالي») or by its name («حكومة جنوب السودان»). For every country
of `places/countries.tsv` this writes one actor per body (government, with the authorities among its names or on their own when the government is
hand-written, armed
forces, security forces, the ministries of foreign affairs, defence and the interior, the presidency,
the parliament and its chambers by their own names (`CHAMBERS`: «مجلس نواب الشعب», «الكنيست» …), the
intelligence services, the air force, the coast guard, the police, the ministry of health; the army is also «القوات الحكومية» with the adjective: a state's government forces), named from the country's
masculine and feminine adjectives and its name (by its name only where the gentilics have no
adjective: «حكومة جنوب السودان», and then only the government, authorities, army and foreign ministry). A name that another actors file already gives to an
actor is left out (that actor keeps it), and so is a body whose main name is taken or that a
hand-written actor of the same country already stands for (by its English name), so hand-written
actors always win; Libya, whose rival bodies share names, is left to the hand-written files.

    .venv/bin/python scripts/build_state_bodies.py            # writes the file
    .venv/bin/python scripts/build_state_bodies.py --check    # exit 1 when the file is out of date
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.knowledge import name_key  # noqa: E402

DATA = ROOT / "marsad" / "data"
OUT = DATA / "actors" / "state_bodies.jsonl"
MINED = DATA / "actors" / "mined.jsonl"
#: countries left to the hand-written files (rival bodies share the same names)
SKIP = frozenset({"ly"})

# (id suffix, type, English name, Arabic name templates: {m} masculine adjective with the article,
#  {f} feminine adjective with the article, {c} the country's name; the first is the canonical name)
BODIES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("govt", "ORGANIZATION", "Government of {en}",
     ("الحكومة {f}", "حكومة {c}", "السلطات {f}", "سلطات {c}")),
    ("authorities", "ORGANIZATION", "Authorities of {en}",
     ("السلطات {f}", "سلطات {c}")),
    ("army", "ARMED_GROUP", "Armed forces of {en}",
     ("الجيش {m}", "القوات المسلحة {f}", "جيش {c}", "القوات {f}", "القوات الحكومية {f}")),
    ("security", "ARMED_GROUP", "Security forces of {en}",
     ("قوات الأمن {f}", "الأجهزة الأمنية {f}", "قوات الأمن في {c}")),
    ("mfa", "ORGANIZATION", "Ministry of Foreign Affairs of {en}",
     ("وزارة الخارجية {f}", "الخارجية {f}", "وزارة خارجية {c}")),
    ("mod", "ORGANIZATION", "Ministry of Defence of {en}",
     ("وزارة الدفاع {f}", "وزارة دفاع {c}")),
    ("moi", "ORGANIZATION", "Ministry of the Interior of {en}",
     ("وزارة الداخلية {f}", "الداخلية {f}", "وزارة داخلية {c}")),
    ("presidency", "ORGANIZATION", "Presidency of {en}",
     ("الرئاسة {f}", "رئاسة الجمهورية {f}")),
    ("parliament", "ORGANIZATION", "Parliament of {en}",
     ("البرلمان {m}", "برلمان {c}")),
    ("intelligence", "ORGANIZATION", "Intelligence services of {en}",
     ("المخابرات {f}", "الاستخبارات {f}", "أجهزة الاستخبارات {f}", "جهاز المخابرات {m}", "جهاز الاستخبارات {m}")),
    ("air_force", "ARMED_GROUP", "Air force of {en}",
     ("القوات الجوية {f}", "سلاح الجو {m}")),
    ("coast_guard", "ARMED_GROUP", "Coast guard of {en}",
     ("خفر السواحل {m}", "خفر السواحل في {c}")),
    ("police", "ARMED_GROUP", "Police of {en}",
     ("الشرطة {f}", "قوات الشرطة {f}", "جهاز الشرطة {m}")),
    ("moh", "ORGANIZATION", "Ministry of Health of {en}",
     ("وزارة الصحة {f}", "وزارة صحة {c}")),
)
#: chambers of the legislatures, by their own names (country code, id suffix, English name, Arabic names
#: with the first canonical, parent body id suffix): facts of each state's constitution
CHAMBERS: tuple[tuple[str, str, str, tuple[str, ...], str], ...] = (
    ("bh", "house", "Council of Representatives", ("مجلس النواب البحريني",), "parliament"),
    ("de", "bundestag", "Bundestag", ("البوندستاغ", "البرلمان الاتحادي الألماني"), "parliament"),
    ("dz", "apn", "People's National Assembly", ("المجلس الشعبي الوطني", "المجلس الشعبي الوطني الجزائري"), "parliament"),
    ("dz", "council_nation", "Council of the Nation", ("مجلس الأمة الجزائري",), "parliament"),
    ("fr", "assembly", "National Assembly", ("الجمعية الوطنية الفرنسية",), "parliament"),
    ("fr", "senate", "Senate", ("مجلس الشيوخ الفرنسي",), "parliament"),
    ("gb", "commons", "House of Commons", ("مجلس العموم البريطاني", "مجلس العموم"), "parliament"),
    ("gb", "lords", "House of Lords", ("مجلس اللوردات البريطاني", "مجلس اللوردات"), "parliament"),
    ("il", "knesset", "Knesset", ("الكنيست", "الكنيست الإسرائيلي"), "parliament"),
    ("ir", "majlis", "Islamic Consultative Assembly", ("مجلس الشورى الإسلامي", "مجلس الشورى الإيراني"), "parliament"),
    ("jo", "house", "House of Representatives", ("مجلس النواب الأردني",), "parliament"),
    ("jo", "senate", "Senate", ("مجلس الأعيان الأردني", "مجلس الأعيان"), "parliament"),
    ("kw", "assembly", "National Assembly", ("مجلس الأمة الكويتي",), "parliament"),
    ("lb", "house", "Parliament", ("مجلس النواب اللبناني",), "parliament"),
    ("ma", "house", "House of Representatives", ("مجلس النواب المغربي",), "parliament"),
    ("ma", "councillors", "House of Councillors", ("مجلس المستشارين المغربي",), "parliament"),
    ("om", "shura", "Consultative Assembly", ("مجلس الشورى العماني",), "parliament"),
    ("qa", "shura", "Consultative Assembly", ("مجلس الشورى القطري",), "parliament"),
    ("ru", "duma", "State Duma", ("مجلس الدوما", "الدوما", "مجلس الدوما الروسي"), "parliament"),
    ("ru", "federation_council", "Federation Council", ("مجلس الاتحاد الروسي",), "parliament"),
    ("sa", "shura", "Consultative Assembly", ("مجلس الشورى السعودي",), "parliament"),
    ("sd", "assembly", "National Assembly", ("المجلس الوطني السوداني",), "parliament"),
    ("sy", "assembly", "People's Assembly", ("مجلس الشعب السوري",), "parliament"),
    ("tn", "arp", "Assembly of the Representatives of the People", ("مجلس نواب الشعب", "مجلس نواب الشعب التونسي"),
     "parliament"),
    ("us", "house", "House of Representatives", ("مجلس النواب الأمريكي", "مجلس النواب الأميركي"), "congress"),
    ("ye", "house", "House of Representatives", ("مجلس النواب اليمني",), "parliament"),
)
#: words of the English names of hand-written actors that already stand for a body of their country
SAME_BODY = {"govt": ("government",), "authorities": ("authorities",), "army": ("armed forces", " army"), "security": ("security forces",),
             "mfa": ("foreign affairs", "foreign ministry"), "mod": ("defence", "defense"),
             "moi": ("interior",), "presidency": ("presidency",),
             "parliament": ("parliament", "assembly", "house of representatives", "national council"),
             "intelligence": ("intelligence",), "air_force": ("air force",), "coast_guard": ("coast guard",),
             "police": ("police",), "moh": ("health",)}
#: bodies written only when the government is not (its names are then the government's aliases)
UNLESS_GOVERNMENT = frozenset({"authorities"})
#: the bodies written for a country without an adjective in the gentilics (named by the country's name)
BY_NAME_ONLY = frozenset({"govt", "authorities", "army", "mfa"})
#: bodies that belong to the government (a MEMBER_OF affiliation, undated)
IN_GOVERNMENT = frozenset({"mfa", "mod", "moi", "moh"})
#: bodies that belong to the armed forces
IN_ARMY = frozenset({"air_force"})


def _rows(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def countries() -> list[tuple[str, str, str, str | None, str | None]]:
    """(code, Arabic name, English name, masculine adjective, feminine adjective) of every country,
    adjectives with the article («التونسي», «التونسية») where the gentilics know them, else None."""
    names = {r["id"]: (r["name"], r["name_en"]) for r in _rows(DATA / "places" / "countries.tsv")}
    forms: dict[str, list[str]] = {}
    for r in _rows(DATA / "lexicons" / "gentilics.tsv"):
        forms.setdefault(r["place"], []).append(r["term"].strip())
    out = []
    for place, (name, name_en) in names.items():
        code = place.split(":", 1)[1]
        if "/" in code or code in SKIP:
            continue
        terms = forms.get(place, [])
        masc = next((t for t in terms if t.startswith("ال") and t.endswith("ي")), None)
        fem = next((t for t in terms if t.startswith("ال") and t.endswith("ية")), None)
        out.append((code, name, name_en, masc, fem) if masc and fem else (code, name, name_en, None, None))
    return sorted(out)


def taken_names() -> tuple[set[str], set[str], set[tuple[str, str]]]:
    """Normalised names and ids of the actors of every other actors file, and the (country code,
    body) pairs they already cover (by their English names)."""
    names: set[str] = set()
    ids: set[str] = set()
    bodies: set[tuple[str, str]] = set()
    for path in sorted((DATA / "actors").glob("*.jsonl")):
        if path in (OUT, MINED):  # the miner runs after this script and leaves out the names given here
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            actor = json.loads(line)
            ids.add(actor["id"])
            names.add(name_key(actor["name"]))
            english = " " + (actor.get("name_en") or "").lower()
            for body, words in SAME_BODY.items():
                if actor.get("country") and actor["type"] != "PERSON" and any(w in english for w in words):
                    bodies.add((actor["country"].lower(), body))
            for alias in actor.get("aliases", []):
                names.add(name_key(alias if isinstance(alias, str) else alias["text"]))
    return names, ids, bodies


def build() -> str:
    """The file's text."""
    taken, ids, covered = taken_names()
    lines = ["# The usual bodies of each state, named from its adjectives (الحكومة التونسية، الجيش المالي …).",
             "# Generated by scripts/build_state_bodies.py from places/countries.tsv and lexicons/gentilics.tsv;",
             "# names other actors files give are left to them. Edit the script, not this file."]
    for code, name, name_en, masc, fem in countries():
        made: set[str] = set()
        for suffix, type_, english, templates in BODIES:
            actor_id = f"{code}_{suffix}"
            if not masc and suffix not in BY_NAME_ONLY or suffix in UNLESS_GOVERNMENT and f"{code}_govt" in made:
                continue
            forms = [t.format(m=masc, f=fem, c=name) for t in templates if masc or "{c}" in t]
            if not forms or actor_id in ids or name_key(forms[0]) in taken or (code, suffix) in covered:
                continue
            aliases = [f for f in dict.fromkeys(forms[1:]) if name_key(f) not in taken]
            affiliations = []
            parent = f"{code}_govt" if suffix in IN_GOVERNMENT else f"{code}_army" if suffix in IN_ARMY else None
            if parent in made:
                affiliations.append({"type": "MEMBER_OF", "target": parent, "from": None, "to": None})
            actor = {"id": actor_id, "type": type_, "name": forms[0], "name_en": english.format(en=name_en),
                     "aliases": aliases, "roles": [], "affiliations": affiliations, "country": code.upper()}
            lines.append(json.dumps(actor, ensure_ascii=False))
            made.add(actor_id)
        lines += _chambers(code, name_en, taken, ids, made)
    return "\n".join(lines) + "\n"


def _chambers(code: str, name_en: str, taken: set[str], ids: set[str], made: set[str]) -> list[str]:
    """The JSON lines of a country's legislative chambers (`CHAMBERS`) that no other file gives."""
    out = []
    for ccode, suffix, english, names, parent in CHAMBERS:
        actor_id = f"{code}_{suffix}"
        if ccode != code or actor_id in ids or any(name_key(n) in taken for n in names):
            continue
        target = f"{code}_{parent}"
        affiliations = [{"type": "MEMBER_OF", "target": target, "from": None, "to": None}] \
            if target in made or target in ids else []
        actor = {"id": actor_id, "type": "ORGANIZATION", "name": names[0], "name_en": f"{english} of {name_en}",
                 "aliases": list(names[1:]), "roles": [], "affiliations": affiliations, "country": code.upper()}
        out.append(json.dumps(actor, ensure_ascii=False))
    return out


def main(argv: list[str] | None = None) -> int:
    """Write the file, or with --check tell whether it is up to date."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="exit 1 when the file is out of date")
    args = ap.parse_args(argv)
    text = build()
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is out of date: run scripts/build_state_bodies.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT}: {text.count(chr(10)) - 3} actors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
