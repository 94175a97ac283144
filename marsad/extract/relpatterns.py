"""Relations stated by fixed Arabic constructions around two mentions (used by `relations`).

- affiliation: «X التابعة لـY» → MEMBER_OF (Y an armed group) or LOYAL_TO (Y a government, a person);
  «X الموالية لـY», «متشددون موالون لتنظيم الدولة» → LOYAL_TO;
- seat: «X التي يوجد مقرها في P», «X ومقرها P», «X التي تتخذ من P مقراً» → BASED_IN(X, P);
- control: «P الذي تسيطر عليه X», «P الخاضعة لسيطرة X», «P تحت سيطرة X» → CONTROLS(X, P);
- command: «X بقيادة Y», «X تحت قيادة Y» → COMMANDS(Y, X) (LEADS when X is an organisation).
Each hit is (type, head entity, tail entity, start, end).
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.extract.names.cands import Cand
from marsad.model import Token
from marsad.text.normalise import normalise

_AFFILIATED = frozenset(normalise(w) for w in ("التابع", "التابعة", "التابعين", "التابعون", "تابعة", "تابع", "تابعين"))
_LOYAL = frozenset(normalise(w) for w in ("الموالية", "الموالي", "الموالين", "الموالون", "موالية", "موالون",
                                           "موالين", "موال", "المؤيدة", "المؤيدين"))
_SEAT = frozenset(normalise(w) for w in ("مقرها", "مقره", "مقرا", "مقراً", "ومقرها", "ومقره", "مقرهم"))
_CONTROL_VERBS = frozenset(normalise(w) for w in ("تسيطر", "يسيطر", "سيطرت", "سيطر", "تسيطران"))
_UNDER = frozenset(normalise(w) for w in ("الخاضعة", "الخاضع", "الخاضعه", "خاضعة", "خاضع"))
_CONTROL_NOUN = frozenset(normalise(w) for w in ("سيطرة", "لسيطرة", "لسيطره", "سيطره"))
_LED = frozenset(normalise(w) for w in ("بقيادة", "بقياده"))
_LEADS_VERB = frozenset(normalise(w) for w in ("يقود", "تقود", "يتزعم", "تتزعم", "يرأس", "ترأس", "يترأس"))
_LED_BY_VERB = frozenset(normalise(w) for w in ("يقوده", "يقودها", "يتزعمه", "يتزعمها", "يرأسه", "يرأسها"))
_BACKED = frozenset(normalise(w) for w in ("المدعومة", "المدعوم", "المدعومين", "مدعومة", "مدعوم", "المدعومه"))
_AGAINST = frozenset(normalise(w) for w in ("المناهضة", "مناهضة", "المناهض", "المناهضين", "المعادية", "معادية",
                                             "المعارضة", "المناوئة", "مناوئة"))
_PART = frozenset(normalise(w) for w in ("فصائل", "كتائب", "فروع", "أجنحة", "مكونات", "أذرع", "ألوية"))
_ONE_OF = frozenset(normalise(w) for w in ("أحد", "إحدى", "احدى", "احد"))
_INCLUDES = frozenset(normalise(w) for w in ("يضم", "تضم", "ويضم", "وتضم"))
_LED_BY_ANY = frozenset(normalise(w) for w in ("يقودها", "يقوده", "يقودهم", "يتزعمها", "يتزعمه", "يتزعمهم",
                                                "يرأسها", "يرأسه", "تقودها", "تقوده"))
_CALLED = frozenset(normalise(w) for w in ("المدعو", "المدعوة", "المسمى"))
_LINKED = frozenset(normalise(w) for w in ("المرتبط", "المرتبطة", "المرتبطين", "مرتبط", "مرتبطة", "المتحالف",
                                            "المتحالفة", "المتحالفين", "حليف", "حليفة"))
_ONE_OF_ROLES = {normalise(w): r for w, r in (("قيادات", "LEADS"), ("قادة", "LEADS"), ("زعماء", "LEADS"),
                                               ("عناصر", "MEMBER_OF"), ("أعضاء", "MEMBER_OF"),
                                               ("مقاتلي", "MEMBER_OF"), ("أفراد", "MEMBER_OF"))}
_SUPPORTED_BY = frozenset(normalise(w) for w in ("تدعمها", "يدعمها", "تدعمه", "يدعمه", "تسانده", "تساندها",
                                                  "يسانده", "يساندها", "تؤيدها", "يؤيده"))
#: adjectives that may stand between a body and its seat («مجلس النواب الشرعي في طبرق»)
_SEAT_ADJ = frozenset(normalise(w) for w in ("الشرعي", "الشرعية", "المؤقتة", "المنتخب", "الجديد", "الجديدة",
                                              "الموازية", "الموازي", "المنافسة", "المعترف"))
#: a body right after these words is not being located («هاجمت قوات X في …», «إلى»)
_SEAT_BLOCK = frozenset(normalise(w) for w in (
    "هاجمت", "هاجم", "هاجموا", "قصفت", "قصف", "استهدفت", "استهدف", "ضد", "على", "إلى", "الى", "دخلت", "دخل",
    "سيطرت", "سيطر", "انتشرت", "انتشر", "اشتبكت", "اشتبك", "تقدمت", "تقدم", "وصلت", "وصل", "انسحبت", "انسحب",
    "اعتقلت", "اعتقل", "حاصرت", "حاصر", "اقتحمت", "اقتحم", "نفذت", "نفذ", "شنت", "شن", "تمركزت", "تحركت"))
_RIVALRY = frozenset(normalise(w) for w in ("تنافس", "صراع", "نزاع", "خلاف", "خلافات", "عداء", "اقتتال", "حرب",
                                             "قتال", "معارك", "اشتباكات", "مواجهات", "توتر", "خصومة"))
_RESIDE_VERBS = frozenset(normalise(w) for w in (
    "يقيم", "تقيم", "أقام", "يتمركز", "تتمركز", "تمركزت", "تتواجد", "يتواجد", "تتخذ", "يتخذ", "اتخذت", "يعمل",
    "تعمل", "ينشط", "تنشط", "تتحصن", "يتحصن", "تحصنت", "يرابط", "ترابط"))
_OPPOSE_VERBS = frozenset(normalise(w) for w in (
    "تتصدى", "يتصدى", "تصدت", "تصدى", "تتحدى", "يتحدى", "تحدت", "تعارض", "يعارض", "عارضت", "تحارب", "يحارب",
    "حاربت", "تقاتل", "يقاتل", "قاتلت", "تواجه", "يواجه", "واجهت", "تناهض", "يناهض"))
_RELS = frozenset(normalise(w) for w in ("الذي", "التي", "والذي", "والتي", "الذين"))
_ACTORS = frozenset({"PERSON", "ARMED_GROUP", "TRIBE", "ORGANIZATION", "GPE"})
_PLACES = frozenset({"GPE", "LOCATION"})

Hit = tuple[str, str, str, int, int]


class View:
    """An article's tokens with its resolved mentions indexed by first and last token."""

    def __init__(self, tokens: Sequence[Token], mentions: Sequence[Cand], types: dict[str, str],
                 kinds: dict[str, str | None] | None = None) -> None:
        self.tokens = tokens
        self.types = types
        self.kinds = kinds or {}
        self.words = [t.norm for t in tokens]
        self.by_first: dict[int, Cand] = {}
        self.by_last: dict[int, Cand] = {}
        for m in mentions:
            if not m.entity:
                continue
            if m.first not in self.by_first or (m.last - m.first) > (self.by_first[m.first].last - self.by_first[m.first].first):
                self.by_first[m.first] = m
            if m.last not in self.by_last or (m.last - m.first) > (self.by_last[m.last].last - self.by_last[m.last].first):
                self.by_last[m.last] = m

    def type(self, m: Cand | None) -> str | None:
        """The entity type of a mention (None for no mention)."""
        return self.types.get(m.entity or "") if m else None

    def can_act(self, m: Cand) -> bool:
        """Actors act; of places, only countries do («مصر تدعم …»)."""
        t = self.type(m)
        return t != "GPE" or self.kinds.get(m.entity or "") == "country"

    def before(self, i: int, types: frozenset[str], skip: int = 2) -> Cand | None:
        """A mention ending just before token i (skipping up to `skip` commas or «و»)."""
        k = i - 1
        for _ in range(skip + 1):
            if k < 0:
                return None
            m = self.by_last.get(k)
            if m is not None and self.type(m) in types:
                return m
            if self.tokens[k].text not in "،,\"»”'" and self.words[k] not in ("و", "الذي", "التي"):
                return None
            k -= 1
        return None

    def nearest_before(self, i: int, types: frozenset[str], window: int, stops: str = "") -> Cand | None:
        """The mention of one of `types` ending nearest before token i, within `window` tokens and
        the sentence, not past a token whose text is in `stops`."""
        for back in range(i - 1, max(-1, i - window - 1), -1):
            m = self.by_last.get(back)
            if m is not None and self.type(m) in types:
                return m
            if (stops and self.tokens[back].text in stops) or self.tokens[back].sentence != self.tokens[i].sentence:
                return None
        return None

    def after(self, i: int, types: frozenset[str], skip: int = 1) -> Cand | None:
        """A mention starting at token i (or after `skip` small words)."""
        k = i
        for _ in range(skip + 1):
            if k >= len(self.tokens):
                return None
            m = self.by_first.get(k)
            if m is not None and self.type(m) in types:
                return m
            if self.words[k] not in ("في", "فى", "من", "ل", "لـ", "عليها", "عليه", "،", "ما", "يسمى", "تسمى",
                                     "المدعو", "المدعوه") and self.tokens[k].text not in "\"«“'":
                return None
            k += 1
        return None


def _seated(v: View, tokens: Sequence[Token], kinds: dict[str, str | None]) -> list[Hit]:
    """«مجلس النواب في طبرق», «الحكومة المؤقتة بالبيضاء»: a body named with the town it sits in."""
    out: list[Hit] = []
    for last, x in v.by_last.items():
        if v.type(x) not in ("ORGANIZATION", "ARMED_GROUP"):
            continue
        j = last + 1
        if j < len(tokens) and tokens[j].norm in _SEAT_ADJ:
            j += 1
        if j >= len(tokens) or tokens[j].sentence != tokens[last].sentence:
            continue
        if x.first > 0:
            prev = tokens[x.first - 1]
            if prev.norm in _SEAT_BLOCK or prev.stem in _SEAT_BLOCK or prev.norm[1:] in _SEAT_BLOCK:
                continue
            if any(tokens[q].norm == "بين" for q in range(max(0, x.first - 5), x.first)):
                continue  # «اشتباكات بين X وY في درنة» places the clash, not the sides
        k = j + 1 if tokens[j].norm in ("في", "فى") else j
        p = v.by_first.get(k)
        if p is None or v.type(p) not in _PLACES or kinds.get(p.entity or "") in ("country", None) and v.type(p) == "GPE":
            continue
        if k == j and not tokens[j].prefix.startswith("ب"):
            continue
        out.append(("BASED_IN", x.entity or "", p.entity or "", x.start, p.end))
    return out


def _units_of(v: View, tokens: Sequence[Token]) -> list[Hit]:
    """«القوات الخاصة بالجيش»: a unit named with the force it belongs to."""
    out: list[Hit] = []
    for last, x in v.by_last.items():
        if v.type(x) != "ARMED_GROUP" or last + 1 >= len(tokens) or tokens[last + 1].prefix[:1] != "ب":
            continue
        y = v.by_first.get(last + 1)
        if y is not None and v.type(y) == "ARMED_GROUP" and y.entity != x.entity:
            out.append(("MEMBER_OF", x.entity or "", y.entity or "", x.start, y.end))
    return out


def _against(v: View, tokens: Sequence[Token]) -> list[Hit]:
    """«X التي تتصدى لـY», «X تتحدى Y», «X … ضد Y»: one actor set against another."""
    out: list[Hit] = []
    for i, tok in enumerate(tokens):
        w = tok.stem if tok.prefix and not tok.prefix.endswith("ال") else tok.norm
        if w not in _OPPOSE_VERBS and tok.norm != "ضد":
            continue
        x = v.nearest_before(i, _ACTORS - {"GPE"}, 6, stops=".؟!،,")
        start_y = i + 1
        if x is None and tok.norm != "ضد":  # «وتقاتل قوات الحكومة جماعات إسلامية»: verb, subject, object
            x = v.by_first.get(i + 1)
            if x is None or v.type(x) not in _ACTORS - {"GPE"}:
                continue
            start_y = x.last + 1
        y = v.after(start_y, _ACTORS - {"GPE"}, skip=1) if start_y < len(tokens) else None
        if y is None and tok.norm == "ضد":
            y = v.by_first.get(i + 1)
        if x is not None and y is not None and x.entity != y.entity and v.type(y) in _ACTORS - {"GPE"}:
            out.append(("OPPOSES", x.entity or "", y.entity or "", x.start, y.end))
    return out


def _rivals(v: View, tokens: Sequence[Token]) -> list[Hit]:
    """«التنافس بين قبيلتي التبو والطوارق», «الصراع بين X وY»: two rivals."""
    out: list[Hit] = []
    for i, tok in enumerate(tokens):
        w = tok.stem if tok.prefix else tok.norm
        w = w[2:] if w.startswith("ال") else w
        if w not in _RIVALRY or i + 1 >= len(tokens) or tokens[i + 1].norm != "بين":
            continue
        found: list[Cand] = []
        for j in range(i + 2, min(len(tokens), i + 9)):
            if tokens[j].sentence != tok.sentence or tokens[j].text in ".،,":
                break
            m = v.by_first.get(j)
            if m is not None and v.type(m) in _ACTORS - {"GPE"} and m.entity not in {f.entity for f in found}:
                found.append(m)
                if len(found) == 2:
                    break
        if len(found) == 2:
            out.append(("OPPOSES", found[0].entity or "", found[1].entity or "", tok.start, found[1].end))
    return out


def _resides(v: View, tokens: Sequence[Token]) -> list[Hit]:
    """«ويقيم رئيس الوزراء … في الشرق», «تتمركز قوات X في P»: an actor staying in a place."""
    out: list[Hit] = []
    for i, tok in enumerate(tokens):
        w = tok.stem if tok.prefix and not tok.prefix.endswith("ال") else tok.norm
        if w not in _RESIDE_VERBS and tok.norm[1:] not in _RESIDE_VERBS:
            continue
        x = next((v.by_first[j] for j in range(i + 1, min(len(tokens), i + 5)) if j in v.by_first
                  and v.type(v.by_first[j]) in _ACTORS - {"GPE"}), None)  # «ويقيم رئيس الوزراء X …»
        k = x.last + 1 if x is not None else i + 1
        if x is None:
            x = v.nearest_before(i, _ACTORS - {"GPE"}, 3)
        if x is None:
            continue
        for j in range(k, min(len(tokens), k + 6)):
            if tokens[j].sentence != tok.sentence or tokens[j].text in "،,.":
                break
            p = v.by_first.get(j)
            if p is not None and v.type(p) in _PLACES and (
                    any(tokens[q].norm in ("في", "فى", "من") for q in range(k, j)) or tokens[j].prefix[:1] == "ب"):
                out.append(("BASED_IN", x.entity or "", p.entity or "", x.start, p.end))
                break
    return out


def pattern_relations(tokens: Sequence[Token], mentions: Sequence[Cand], types: dict[str, str],
                      kinds: dict[str, str | None] | None = None, view: View | None = None) -> list[Hit]:
    """Every relation the fixed constructions state in the article."""
    v = view or View(tokens, mentions, types, kinds)
    out: list[Hit] = _seated(v, tokens, kinds or {}) + _units_of(v, tokens) + _against(v, tokens) + _resides(v, tokens) \
        + _rivals(v, tokens)
    for i, tok in enumerate(tokens):
        w = tok.norm
        stem = tok.stem if tok.prefix else w
        if w in _AFFILIATED or w in _LOYAL:
            x = v.before(i, _ACTORS - {"PERSON"}, skip=1)
            y = v.after(i + 1, _ACTORS, skip=0) if i + 1 < len(tokens) else None
            if x and y and x.entity != y.entity:
                if w in _LOYAL:
                    rtype = "LOYAL_TO"
                else:
                    # a unit of a force, a body of a body («المؤسسة الوطنية للنفط التابعة للبرلمان»)
                    rtype = "MEMBER_OF" if v.type(y) == v.type(x) and v.type(x) in ("ARMED_GROUP", "ORGANIZATION") \
                        else "LOYAL_TO"
                out.append((rtype, x.entity or "", y.entity or "", x.start, y.end))
        elif w in _SEAT or stem in _SEAT:
            x = v.nearest_before(i, _ACTORS - {"GPE"}, 6)
            p = v.after(i + 1, _PLACES, skip=2) if i + 1 < len(tokens) else None
            if p is None:
                for back in range(i - 1, max(-1, i - 4), -1):  # «تتخذ من P مقرا»
                    m = v.by_last.get(back)
                    if m is not None and v.type(m) in _PLACES and m.first > 0 and tokens[m.first - 1].norm == "من":
                        p = m
                        break
            if x and p:
                out.append(("BASED_IN", x.entity or "", p.entity or "", x.start, max(p.end, tok.end)))
        elif w in _CONTROL_VERBS and i + 1 < len(tokens) and tokens[i + 1].norm in ("عليه", "عليها"):
            p = v.before(i, _PLACES, skip=2)
            x = v.after(i + 2, _ACTORS, skip=0) if i + 2 < len(tokens) else None
            if p and x:
                out.append(("CONTROLS", x.entity or "", p.entity or "", p.start, x.end))
        elif (w in _UNDER and i + 1 < len(tokens) and tokens[i + 1].norm in _CONTROL_NOUN) or \
                (w == normalise("تحت") and i + 1 < len(tokens) and tokens[i + 1].norm in _CONTROL_NOUN):
            p = v.before(i, _PLACES, skip=1)
            x = v.after(i + 2, _ACTORS, skip=0) if i + 2 < len(tokens) else None
            if p and x:
                out.append(("CONTROLS", x.entity or "", p.entity or "", p.start, x.end))
        elif w in _LED or (w == normalise("تحت") and i + 1 < len(tokens) and tokens[i + 1].norm == normalise("قيادة")):
            j = i + 1 if w in _LED else i + 2
            x = v.before(i, _ACTORS - {"PERSON", "GPE"}, skip=1)
            y = v.after(j, frozenset({"PERSON"}), skip=1) if j < len(tokens) else None
            if y is None and j < len(tokens):
                k = j
                while k < len(tokens) and k - j < 3 and v.by_first.get(k) is None:
                    k += 1
                m = v.by_first.get(k)
                y = m if m is not None and v.type(m) == "PERSON" else None
            if x and y:
                rtype = "LEADS" if v.type(x) == "ORGANIZATION" else "COMMANDS"
                out.append((rtype, y.entity or "", x.entity or "", x.start, y.end))
        if w in _RELS and i + 1 < len(tokens):
            nxt = tokens[i + 1].norm
            x = v.before(i, _ACTORS, skip=1)
            if x is not None and nxt in _LEADS_VERB:
                y = v.after(i + 2, _ACTORS - {"PERSON"}, skip=3)  # «الذي يقود ما يسمى بالجيش الوطني»
                if y is not None and v.type(x) == "PERSON":  # «فايز السراج، الذي يقود حكومة الوفاق»
                    rtype = "COMMANDS" if v.type(y) == "ARMED_GROUP" else "LEADS"
                    out.append((rtype, x.entity or "", y.entity or "", x.start, y.end))
            elif x is not None and nxt in _LED_BY_VERB:
                y = v.after(i + 2, frozenset({"PERSON"}), skip=1)
                if y is not None and v.type(x) != "PERSON":  # «"الجيش الوطني الليبي" الذي يقوده حفتر»
                    rtype = "COMMANDS" if v.type(x) == "ARMED_GROUP" else "LEADS"
                    out.append((rtype, y.entity or "", x.entity or "", x.start, y.end))
            elif x is not None and nxt in _INCLUDES:
                y = v.after(i + 2, _ACTORS - {"GPE"}, skip=1)
                if y is not None and v.type(x) != "PERSON":  # «مجلس شورى المجاهدين، والذي يضم ميليشيات»
                    out.append(("MEMBER_OF", y.entity or "", x.entity or "", x.start, y.end))
        elif w in _BACKED or stem in _BACKED:
            x = v.before(i, _ACTORS - {"PERSON"}, skip=1)
            j = i + 1
            if j < len(tokens) and tokens[j].norm == "من":
                j += 1
            if j < len(tokens) and tokens[j].norm == "قبل":
                j += 1
            y = v.after(j, _ACTORS, skip=0) if j < len(tokens) else None
            if x and y and x.entity != y.entity:  # «حكومة الوفاق المدعومة من الأمم المتحدة»
                out.append(("SUPPORTS", y.entity or "", x.entity or "", x.start, y.end))
        elif w in _AGAINST or stem in _AGAINST:
            x = v.before(i, _ACTORS - {"PERSON", "GPE"}, skip=1)
            y = v.after(i + 1, _ACTORS, skip=0) if i + 1 < len(tokens) else None
            if x and y and x.entity != y.entity:  # «ميليشيات جهادية مناهضة للمشير حفتر»
                out.append(("OPPOSES", x.entity or "", y.entity or "", x.start, y.end))
        elif w in _ONE_OF and i + 2 < len(tokens) and (tokens[i + 1].norm in _PART or tokens[i + 1].stem in _PART):
            x = v.before(i, _ACTORS - {"PERSON", "GPE"}, skip=1)
            y = v.after(i + 2, _ACTORS - {"PERSON", "GPE"}, skip=0)
            if x and y and x.entity != y.entity:  # «أنصار الشريعة إحدى فصائل مجلس الشورى»
                out.append(("MEMBER_OF", x.entity or "", y.entity or "", x.start, y.end))
        if w in _LED_BY_ANY:
            # «جماعات مسلحة يقودها المدعو إبراهيم الجضران» (no relative pronoun after an indefinite)
            back = i - 1
            if back >= 0 and tokens[back].norm in _RELS:
                back -= 1
            x = v.by_last.get(back)
            j = i + 1
            if j < len(tokens) and tokens[j].norm in _CALLED:
                j += 1
            y = v.by_first.get(j)
            if x is not None and y is not None and v.type(y) == "PERSON" and v.type(x) in ("ARMED_GROUP", "ORGANIZATION", "TRIBE"):
                rtype = "COMMANDS" if v.type(x) == "ARMED_GROUP" else "LEADS"
                out.append((rtype, y.entity or "", x.entity or "", x.start, y.end))
        elif w in _LINKED and i + 1 < len(tokens) and tokens[i + 1].prefix[:1] in ("ب", "م") or \
                (w in _LINKED and i + 2 < len(tokens) and tokens[i + 1].norm in ("ب", "مع")):
            x = v.before(i, _ACTORS - {"PERSON", "GPE"}, skip=1)
            y = v.after(i + 1, _ACTORS - {"PERSON", "GPE"}, skip=1)
            if x and y and x.entity != y.entity:  # «تنظيم جند الإسلام المرتبط بالقاعدة»
                out.append(("ALLIED_WITH", x.entity or "", y.entity or "", x.start, y.end))
        elif w in _ONE_OF and i + 2 < len(tokens) and tokens[i + 1].norm in _ONE_OF_ROLES:
            y = v.after(i + 2, _ACTORS - {"PERSON", "GPE"}, skip=0)
            x = v.nearest_before(i, frozenset({"PERSON"}), 3)  # «X، وهو أحد قيادات تنظيم Y»
            if x and y:
                out.append((_ONE_OF_ROLES[tokens[i + 1].norm], x.entity or "", y.entity or "", x.start, y.end))
        elif w in _SUPPORTED_BY:
            back = i - 1
            if back >= 0 and tokens[back].norm in _RELS:
                back -= 1
            x = v.by_last.get(back)
            y = v.after(i + 1, _ACTORS, skip=0) if i + 1 < len(tokens) else None
            if x is not None and y is not None and v.type(x) in _ACTORS and x.entity != y.entity:
                out.append(("SUPPORTS", y.entity or "", x.entity or "", x.start, y.end))  # «الحكومة التي تدعمها الأمم المتحدة»
    return out
