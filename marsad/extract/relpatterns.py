"""Relations stated by fixed Arabic constructions around two mentions: a table of small named rules.

Every rule is a function `(view, i) -> list[Hit]` that looks at token i of the article; its words are
the cue sets of the knowledge base's `relation_cues` lexicon (so a `--kb` overlay reaches them). A hit
is (type, head entity, tail entity, evidence start, evidence end). The rules, by name:

- `seated`: «مجلس النواب في طبرق», «الحكومة المؤقتة بالبيضاء» → BASED_IN;
- `unit_of`: «القوات الخاصة بالجيش» → MEMBER_OF;
- `body_of`: «المجلس الرئاسي لحكومة الوفاق», «القيادة العامة للجيش» → MEMBER_OF;
- `set_against`: «X التي تتصدى لـY», «X … ضد Y» → OPPOSES;
- `resides`: «تتمركز قوات X في P», «ويقيم X في P» → BASED_IN;
- `rivals`: «الصراع بين X وY», «اشتباكات بين X وY» → OPPOSES;
- `affiliated`: «X التابعة لـY» → MEMBER_OF (a unit of a force, a body of a body) or LOYAL_TO;
  «X الموالية لـY» → LOYAL_TO;
- `seat`: «X التي يوجد مقرها في P», «X ومقرها P», «X التي تتخذ من P مقراً» → BASED_IN;
- `controlled_by`: «P الذي تسيطر عليه X» → CONTROLS(X, P);
- `under_control`: «P الخاضعة لسيطرة X», «P تحت سيطرة X» → CONTROLS(X, P);
- `led_by`: «X بقيادة Y», «X تحت قيادة Y» → COMMANDS(Y, X) (LEADS for an organisation);
- `relative_clause`: «Y الذي يقود X», «X الذي يقوده Y», «X الذي يضم Y» → COMMANDS/LEADS, MEMBER_OF;
- `backed`: «X المدعومة من Y» → SUPPORTS(Y, X);
- `against`: «X المناهضة لـY» → OPPOSES;
- `one_of_parts`: «X إحدى فصائل Y» → MEMBER_OF;
- `led_by_verb`: «جماعات يقودها Y» → COMMANDS/LEADS;
- `linked`: «X المرتبط بـY», «X المتحالفة مع Y» → ALLIED_WITH;
- `one_of_roles`: «X، وهو أحد قيادات Y» → LEADS or MEMBER_OF;
- `supported_by`: «X التي تدعمها Y» → SUPPORTS(Y, X);
- `ally_with`: «X … بالتنسيق مع Y», «X القريبة من Y» → ALLIED_WITH;
- `backed_by`: «X … بدعم من Y», «برعاية Y», «بغطاء جوي من Y» → SUPPORTS(Y, X);
- `joint`: «بتنسيق مشترك بين X وY», «عملية مشتركة بين X وY» → ALLIED_WITH;
- `backed_state`: «الفصيل المدعوم إيرانياً», «بدعم تركي» → SUPPORTS(the country, X) through the gentilics lexicon;
- `fought_with`: «اشتبكت قوات X مع Y», «X … معارك مع Y», «X في مواجهة Y» → OPPOSES;
- `inner_body`: «مفوضية الأمم المتحدة لحقوق الإنسان» (the UN named on its own elsewhere) → MEMBER_OF;
- `freed_from`: «تحرير بنغازي من تنظيم X», «استعادت قوات X المنطقة من قبضة Y», «وطرد جماعة Y» → OPPOSES;
- `enemy_of`: «X، العدو اللدود لـY» → OPPOSES(X, Y); «المطلوب للسلطات X» → OPPOSES(the authorities, the man);
- `fell_to`: «سقوط الموصل بيد داعش», «في قبضة X» → CONTROLS(X, P);
- `positions_in`: «مواقع تنظيم X في الفلوجة», «مقر لتنظيم X في حي P» → BASED_IN(X, P);
- `handed_over`: «تسليم الموانئ … إلى المؤسسة الوطنية للنفط» → CONTROLS(the one handed to, each place);
- `state_head`: «الرئيس السوداني عمر البشير» → LEADS(the person, the state named by the gentilic).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from marsad.extract.names.cands import Cand
from marsad.knowledge.cache import per_kb
from marsad.model import Entity, Token
from marsad.text.normalise import normalise

_ACTORS = frozenset({"PERSON", "ARMED_GROUP", "TRIBE", "ORGANIZATION", "GPE"})
_PLACES = frozenset({"GPE", "LOCATION"})
_GROUPS = _ACTORS - {"PERSON", "GPE"}
_PERSON = frozenset({"PERSON"})
_FIGHTERS = frozenset({"ARMED_GROUP", "TRIBE", "PERSON"})
_TO = frozenset(normalise(w) for w in ("إلى", "الى"))
#: how far before a cue phrase the actor it qualifies may stand (tokens, same sentence, no full stop)
CUE_WINDOW = 10
_UNDER_WORD = normalise("تحت")
_COMMAND_NOUN = normalise("قيادة")

Hit = tuple[str, str, str, int, int]


@dataclass(slots=True)
class RelationWords:
    """The cue sets of the `relation_cues` lexicon: single words by cue, phrases by their first word."""

    sets: dict[str, frozenset[str]] = field(default_factory=dict)
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    gates: dict[str, frozenset[str]] = field(default_factory=dict)  # word -> the rules it may start
    gentilics: dict[str, str] = field(default_factory=dict)  # «ايراني», «ايرانيه» -> the country's place id

    def phrase_at(self, words: Sequence[str], i: int) -> tuple[int, str] | None:
        """(last token, cue) of the longest cue phrase starting at token i, or None."""
        w = words[i]
        options = self.phrases.get(w) or (self.phrases.get(w[1:]) if w[:1] in "وف" else None)
        for phrase, cue in options or ():
            end = i + len(phrase) - 1
            if end < len(words) and all(words[i + k] == phrase[k] for k in range(1, len(phrase))):
                return end, cue
        return None


@per_kb
def relation_words(kb: object | None) -> RelationWords:
    """The cue sets of a knowledge base (built once per KB; empty without one)."""
    sets: dict[str, set[str]] = {}
    out = RelationWords()
    if kb is not None and "relation_cues" in kb.lexicon_names():  # type: ignore[attr-defined]
        for row in kb.lexicon("relation_cues"):  # type: ignore[attr-defined]
            words = tuple(normalise(row.get("term", "")).split())
            cue = row.get("cue", "").strip()
            if len(words) == 1:
                sets.setdefault(cue, set()).add(words[0])
            elif words:
                out.phrases.setdefault(words[0], []).append((words, cue))
    out.sets = {cue: frozenset(ws) for cue, ws in sets.items()}
    if kb is not None and "gentilics" in kb.lexicon_names():  # type: ignore[attr-defined]
        for row in kb.lexicon("gentilics"):  # type: ignore[attr-defined]
            term = normalise(row.get("term", "")).strip()
            if term and " " not in term and row.get("place"):
                out.gentilics.setdefault(term, row["place"])
    for options in out.phrases.values():
        options.sort(key=lambda p: -len(p[0]))
    out.gates = _build_gate_index(out)
    return out


def entity_places(entities: Sequence[Entity], kb: object | None) -> dict[str, str | None]:
    """Each entity's place id in the knowledge base: its own for a place, its state's for a country's
    actor («إيران» the actor → place:ir), else its knowledge-base id."""
    actors = getattr(kb, "actors", {}) if kb is not None else {}
    out: dict[str, str | None] = {}
    for e in entities:
        actor = actors.get(e.kb_id) if e.kb_id else None
        out[e.id] = (actor.place if actor is not None and actor.place else None) or e.kb_id
    return out


class View:
    """An article's tokens with its resolved mentions indexed by first and last token."""

    def __init__(self, tokens: Sequence[Token], mentions: Sequence[Cand], types: dict[str, str],
                 kinds: dict[str, str | None] | None = None, words: "RelationWords | None" = None,
                 places: dict[str, str | None] | None = None) -> None:
        self.tokens = tokens
        self.types = types
        self.kinds = kinds or {}
        self._surfaces: dict[tuple[str, ...], str] | None = None
        #: the article's entity for each place id (`entity_places`; the first one named)
        self.by_kb: dict[str, str] = {}
        for entity, place in (places or {}).items():
            if place:
                self.by_kb.setdefault(place, entity)
        self.cues = words or relation_words(None)
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

    def cue(self, i: int, name: str) -> bool:
        """True when token i (whole, without its proclitics, or without a leading «و»/«ف» the
        tokeniser left on) is a word of the cue set `name`."""
        tok = self.tokens[i]
        words = self.cues.sets.get(name, frozenset())
        return tok.norm in words or (bool(tok.prefix) and tok.stem in words) \
            or (not tok.prefix and tok.norm[:1] in "وف" and tok.norm[1:] in words)

    def surfaces(self) -> dict[tuple[str, ...], str]:
        """Each entity mention's words (without proclitics) -> its entity, for names of one entity only."""
        if self._surfaces is None:
            found: dict[tuple[str, ...], set[str]] = {}
            for m in self.by_first.values():
                key = tuple(t.stem for t in self.tokens[m.first:m.last + 1])
                found.setdefault(key, set()).add(m.entity or "")
            self._surfaces = {k: next(iter(es)) for k, es in found.items() if len(es) == 1}
        return self._surfaces

    def and_more(self, m: Cand, types: frozenset[str], most: int = 4) -> list[Cand]:
        """`m` and the mentions of `types` joined to it by «و» or a comma right after it
        («بدعم من فرنسا وألمانيا وبريطانيا»), in order."""
        out = [m]
        k = m.last + 1
        while k < len(self.tokens) and len(out) <= most:
            if self.tokens[k].text in "،,":
                k += 1
            nxt = self.by_first.get(k)
            if nxt is None or self.type(nxt) not in types or nxt.entity in {o.entity for o in out} \
                    or not (self.tokens[k].prefix.startswith("و") or self.tokens[k - 1].text in "،,"):
                break
            out.append(nxt)
            k = nxt.last + 1
        return out

    def state(self, i: int) -> str | None:
        """The article's entity for the country a gentilic at token i points to: an adjective («إيراني»,
        «مصرية») or an adverb («إيرانياً», «تركياً»); None when the country is not named in the article."""
        w = self.tokens[i].norm
        if w.startswith("و") and w not in self.cues.gentilics:
            w = w[1:]
        place = self.cues.gentilics.get(w)
        if place is None and w.endswith("يا") and len(w) > 4:
            place = self.cues.gentilics.get(w[:-1])
        entity = self.by_kb.get(place) if place else None
        return entity if entity is not None and self.types.get(entity) == "GPE" else None

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



def _hit(rtype: str, head: Cand, tail: Cand, start: int, end: int) -> list[Hit]:
    return [(rtype, head.entity or "", tail.entity or "", start, end)]


def seated(v: View, i: int) -> list[Hit]:
    """«مجلس النواب في طبرق», «الحكومة المؤقتة بالبيضاء»: a body named with the town it sits in."""
    x, tokens = v.by_last.get(i), v.tokens
    if x is None or v.type(x) not in ("ORGANIZATION", "ARMED_GROUP"):
        return []
    j = _after_qualifiers(v, i + 1)
    if j >= len(tokens) or tokens[j].sentence != tokens[i].sentence:
        return []
    if x.first > 0:
        prev = tokens[x.first - 1]
        block = v.cues.sets.get("seat_block", frozenset())
        if prev.norm in block or prev.stem in block or prev.norm[1:] in block:
            return []
        if any(tokens[q].norm == "بين" for q in range(max(0, x.first - 5), x.first)):
            return []  # «اشتباكات بين X وY في درنة» places the clash, not the sides
    k = j + 1 if tokens[j].norm in ("في", "فى") else j
    p = v.by_first.get(k)
    if p is None or v.type(p) not in _PLACES or v.kinds.get(p.entity or "") in ("country", None) and v.type(p) == "GPE":
        return []
    if k == j and not tokens[j].prefix.startswith("ب"):
        return []
    return _hit("BASED_IN", x, p, x.start, p.end)


def _after_qualifiers(v: View, j: int) -> int:
    """The token after the adjectives that may follow a body's name before its seat
    («الشرعي», «الليبية», «المعترف بها دوليا»)."""
    tokens = v.tokens
    adjectives = v.cues.sets.get("seat_adj", frozenset())
    for _ in range(3):
        if j >= len(tokens) or not tokens[j].norm.startswith("ال") or tokens[j].prefix not in ("", "ال"):
            break
        if tokens[j].norm in adjectives and j + 2 < len(tokens) and tokens[j + 1].norm in ("بها", "به") \
                and tokens[j + 2].norm.startswith("دولي"):
            j += 3  # «المعترف بها دوليا»
        elif tokens[j].norm in adjectives or tokens[j].norm.endswith(("يه", "ي")):
            j += 1  # «الشرعي», «الليبية»
        else:
            break
    return j


def joint(v: View, i: int) -> list[Hit]:
    """«بتنسيق مشترك بين X وY», «عملية مشتركة بين X وY»: the two act together."""
    found = v.cues.phrase_at(v.words, i)
    if found is None or found[1] != "joint_between":
        return []
    tokens = v.tokens
    sides: list[Cand] = []
    for j in range(found[0] + 1, min(len(tokens), found[0] + 9)):
        if tokens[j].sentence != tokens[i].sentence or tokens[j].text in ".،,":
            break
        m = v.by_first.get(j)
        if m is not None and v.type(m) in _ACTORS and v.can_act(m) and m.entity not in {x.entity for x in sides}:
            sides.append(m)
            if len(sides) == 2:
                return _hit("ALLIED_WITH", sides[0], sides[1], tokens[i].start, sides[1].end)
    return []


def unit_of(v: View, i: int) -> list[Hit]:
    """«القوات الخاصة بالجيش»: a unit named with the force it belongs to."""
    x, tokens = v.by_last.get(i), v.tokens
    if x is None or v.type(x) != "ARMED_GROUP" or i + 1 >= len(tokens) or tokens[i + 1].prefix[:1] != "ب":
        return []
    y = v.by_first.get(i + 1)
    if y is not None and v.type(y) == "ARMED_GROUP" and y.entity != x.entity:
        return _hit("MEMBER_OF", x, y, x.start, y.end)
    return []


def body_of(v: View, i: int) -> list[Hit]:
    """«المجلس الرئاسي لحكومة الوفاق», «القيادة العامة للجيش»: a body named with the body it is part of."""
    x, tokens = v.by_last.get(i), v.tokens
    if x is None or v.type(x) not in ("ORGANIZATION", "ARMED_GROUP") or i + 1 >= len(tokens) \
            or tokens[i + 1].prefix[:1] != "ل" or tokens[i + 1].sentence != tokens[i].sentence:
        return []
    if tokens[i].norm in v.cues.sets.get("rival", ()) or tokens[i].stem in v.cues.sets.get("rival", ()):
        return []  # «حكومة موازية للحكومة المعترف بها»: a rival, not a part
    y = v.by_first.get(i + 1)
    if y is not None and v.type(y) == v.type(x) and y.entity != x.entity:
        return _hit("MEMBER_OF", x, y, x.start, y.end)
    return []


def set_against(v: View, i: int) -> list[Hit]:
    """«X التي تتصدى لـY», «X تتحدى Y», «X … ضد Y»: one actor set against another."""
    tokens = v.tokens
    tok = tokens[i]
    against = tok.norm == "ضد"
    w = tok.stem if tok.prefix and not tok.prefix.endswith("ال") else tok.norm
    if w not in v.cues.sets.get("oppose_verb", ()) and not against:
        return []
    x = v.nearest_before(i, _GROUPS | _PERSON, 6, stops=".؟!،,")
    start_y = i + 1
    if x is None and not against:  # «وتقاتل قوات الحكومة جماعات إسلامية»: verb, subject, object
        x = v.by_first.get(i + 1)
        if x is None or v.type(x) not in _ACTORS - {"GPE"}:
            return []
        start_y = x.last + 1
    y = v.after(start_y, _ACTORS - {"GPE"}, skip=1) if start_y < len(tokens) else None
    if y is None and against:
        y = v.by_first.get(i + 1)
    if x is not None and y is not None and x.entity != y.entity and v.type(y) in _ACTORS - {"GPE"}:
        return _hit("OPPOSES", x, y, x.start, y.end)
    return []


def rivals(v: View, i: int) -> list[Hit]:
    """«التنافس بين قبيلتي التبو والطوارق», «الصراع بين X وY»: two rivals."""
    tokens = v.tokens
    tok = tokens[i]
    w = tok.stem if tok.prefix else tok.norm
    w = w[2:] if w.startswith("ال") else w
    if w not in v.cues.sets.get("rivalry", ()) or i + 1 >= len(tokens) or tokens[i + 1].norm != "بين":
        return []
    found: list[Cand] = []
    for j in range(i + 2, min(len(tokens), i + 9)):
        if tokens[j].sentence != tok.sentence or tokens[j].text in ".،,":
            break
        m = v.by_first.get(j)
        if m is not None and v.type(m) in _ACTORS - {"GPE"} and m.entity not in {f.entity for f in found}:
            found.append(m)
            if len(found) == 2:
                break
    return _hit("OPPOSES", found[0], found[1], tok.start, found[1].end) if len(found) == 2 else []


def resides(v: View, i: int) -> list[Hit]:
    """«ويقيم رئيس الوزراء … في الشرق», «تتمركز قوات X في P»: an actor staying in a place."""
    tokens = v.tokens
    tok = tokens[i]
    w = tok.stem if tok.prefix and not tok.prefix.endswith("ال") else tok.norm
    verbs = v.cues.sets.get("reside_verb", frozenset())
    if w not in verbs and tok.norm[1:] not in verbs:
        return []
    x = next((v.by_first[j] for j in range(i + 1, min(len(tokens), i + 5)) if j in v.by_first
              and v.type(v.by_first[j]) in _ACTORS - {"GPE"}), None)  # «ويقيم رئيس الوزراء X …»
    k = x.last + 1 if x is not None else i + 1
    if x is None:
        x = v.nearest_before(i, _ACTORS - {"GPE"}, 3)
    if x is None:
        return []
    for j in range(k, min(len(tokens), k + 6)):
        if tokens[j].sentence != tok.sentence or tokens[j].text in "،,.":
            break
        p = v.by_first.get(j)
        if p is not None and v.type(p) in _PLACES and (
                any(tokens[q].norm in ("في", "فى", "من") for q in range(k, j)) or tokens[j].prefix[:1] == "ب"):
            return _hit("BASED_IN", x, p, x.start, p.end)
    return []


def affiliated(v: View, i: int) -> list[Hit]:
    """«X التابعة لـY», «X المنتمي لـY» → MEMBER_OF (a unit of a force, a body of a body or of a government,
    a member of a group), LOYAL_TO when Y is a person or a country; «X الموالية لـY» → LOYAL_TO."""
    w = v.tokens[i].norm
    loyal = w in v.cues.sets.get("loyal", ())
    member = w in v.cues.sets.get("member", ())
    if not loyal and not member and w not in v.cues.sets.get("affiliated", ()):
        return []
    x = v.before(i, _ACTORS - ({"GPE"} if member else {"PERSON"}), skip=2)
    y = v.after(i + 1, _ACTORS, skip=0) if i + 1 < len(v.tokens) else None
    if not x or not y or x.entity == y.entity:
        return []
    bodies = v.type(x) in ("ARMED_GROUP", "ORGANIZATION", "PERSON") and v.type(y) in ("ARMED_GROUP", "ORGANIZATION")
    rtype = "MEMBER_OF" if not loyal and bodies else "LOYAL_TO"
    if v.type(x) == "PERSON" and rtype != "MEMBER_OF":
        return []
    return _hit(rtype, x, y, x.start, y.end)


def seat(v: View, i: int) -> list[Hit]:
    """«X التي يوجد مقرها في P», «X ومقرها P», «X التي تتخذ من P مقراً»: where a body sits."""
    if not v.cue(i, "seat"):
        return []
    tokens = v.tokens
    x = v.nearest_before(i, _ACTORS - {"GPE"}, 6)
    p = v.after(i + 1, _PLACES, skip=2) if i + 1 < len(tokens) else None
    if p is None:
        for back in range(i - 1, max(-1, i - 4), -1):  # «تتخذ من P مقرا»
            m = v.by_last.get(back)
            if m is not None and v.type(m) in _PLACES and m.first > 0 and tokens[m.first - 1].norm == "من":
                p = m
                break
    return _hit("BASED_IN", x, p, x.start, max(p.end, tokens[i].end)) if x and p else []


def controlled_by(v: View, i: int) -> list[Hit]:
    """«P الذي تسيطر عليه X»: X holds P."""
    tokens = v.tokens
    if tokens[i].norm not in v.cues.sets.get("control_verb", ()) or i + 1 >= len(tokens) \
            or tokens[i + 1].norm not in ("عليه", "عليها"):
        return []
    p = v.before(i, _PLACES, skip=2)
    x = v.after(i + 2, _ACTORS, skip=0) if i + 2 < len(tokens) else None
    return _hit("CONTROLS", x, p, p.start, x.end) if p and x else []


def under_control(v: View, i: int) -> list[Hit]:
    """«P الخاضعة لسيطرة X», «P تحت سيطرة X», «وتخضع P لسيطرة X»: X holds P."""
    tokens = v.tokens
    if i + 1 >= len(tokens) or not (v.cue(i, "under") or tokens[i].norm == _UNDER_WORD):
        return []
    nouns = v.cues.sets.get("control_noun", frozenset())
    p = v.by_first.get(i + 1)  # the verb first: «وتخضع درنة لسيطرة X»
    if p is not None and v.type(p) in _PLACES and p.last + 1 < len(tokens) and tokens[p.last + 1].norm in nouns:
        k = p.last + 2
    elif tokens[i + 1].norm in nouns:
        p, k = v.before(i, _PLACES, skip=1), i + 2
    else:
        return []
    if p is None or v.kinds.get(p.entity or "") == "country":
        return []  # «منطقة بشمال سوريا تخضع لسيطرة X»: a part of the country, not the country
    x = v.after(k, _ACTORS, skip=0) if k < len(tokens) else None
    return _hit("CONTROLS", x, p, min(p.start, tokens[i].start), x.end) if x else []


def led_by(v: View, i: int) -> list[Hit]:
    """«X بقيادة Y», «X تحت قيادة Y»: Y commands X (leads it when X is an organisation)."""
    tokens = v.tokens
    w = tokens[i].norm
    led = w in v.cues.sets.get("led", ())
    if not led and not (w == _UNDER_WORD and i + 1 < len(tokens) and tokens[i + 1].norm == _COMMAND_NOUN):
        return []
    j = i + 1 if led else i + 2
    x = v.before(i, _GROUPS, skip=1)
    y = v.after(j, _PERSON, skip=1) if j < len(tokens) else None
    if y is None and j < len(tokens):
        k = j
        while k < len(tokens) and k - j < 3 and v.by_first.get(k) is None:
            k += 1
        m = v.by_first.get(k)
        y = m if m is not None and v.type(m) == "PERSON" else None
    if not x or not y:
        return []
    return _hit("LEADS" if v.type(x) == "ORGANIZATION" else "COMMANDS", y, x, x.start, y.end)


def relative_clause(v: View, i: int) -> list[Hit]:
    """«فايز السراج، الذي يقود حكومة الوفاق», «الجيش الذي يقوده حفتر», «المجلس الذي يضم ميليشيات»."""
    tokens = v.tokens
    if tokens[i].norm not in v.cues.sets.get("relative", ()) or i + 1 >= len(tokens):
        return []
    x = v.before(i, _ACTORS, skip=1)
    if x is None:
        return []
    nxt = tokens[i + 1].norm
    if nxt in v.cues.sets.get("leads_verb", ()):
        y = v.after(i + 2, _ACTORS - {"PERSON"}, skip=3)  # «الذي يقود ما يسمى بالجيش الوطني»
        if y is not None and v.type(x) == "PERSON":
            return _hit("COMMANDS" if v.type(y) == "ARMED_GROUP" else "LEADS", x, y, x.start, y.end)
    elif nxt in v.cues.sets.get("led_by_verb", ()):
        y = v.after(i + 2, _PERSON, skip=1)
        if y is not None and v.type(x) != "PERSON":
            return _hit("COMMANDS" if v.type(x) == "ARMED_GROUP" else "LEADS", y, x, x.start, y.end)
    elif nxt in v.cues.sets.get("includes", ()):
        y = v.after(i + 2, _ACTORS - {"GPE"}, skip=1)
        if y is not None and v.type(x) != "PERSON":
            return _hit("MEMBER_OF", y, x, x.start, y.end)
    return []


def backed(v: View, i: int) -> list[Hit]:
    """«حكومة الوفاق المدعومة من الأمم المتحدة»: Y supports X."""
    if not v.cue(i, "backed"):
        return []
    tokens = v.tokens
    x = v.before(i, _ACTORS - {"PERSON"}, skip=1)
    j = i + 1
    if j < len(tokens) and tokens[j].norm == "من":
        j += 1
    if j < len(tokens) and tokens[j].norm == "قبل":
        j += 1
    y = v.after(j, _ACTORS, skip=0) if j < len(tokens) else None
    return _hit("SUPPORTS", y, x, x.start, y.end) if x and y and x.entity != y.entity else []


def against(v: View, i: int) -> list[Hit]:
    """«ميليشيات جهادية مناهضة للمشير حفتر»: X opposes Y."""
    if not v.cue(i, "against"):
        return []
    x = v.before(i, _GROUPS, skip=1)
    y = v.after(i + 1, _ACTORS, skip=0) if i + 1 < len(v.tokens) else None
    return _hit("OPPOSES", x, y, x.start, y.end) if x and y and x.entity != y.entity else []


def one_of_parts(v: View, i: int) -> list[Hit]:
    """«أنصار الشريعة إحدى فصائل مجلس الشورى»: X is a part of Y."""
    tokens = v.tokens
    if tokens[i].norm not in v.cues.sets.get("one_of", ()) or i + 2 >= len(tokens) or not v.cue(i + 1, "part"):
        return []
    x = v.before(i, _GROUPS, skip=1)
    y = v.after(i + 2, _GROUPS, skip=0)
    return _hit("MEMBER_OF", x, y, x.start, y.end) if x and y and x.entity != y.entity else []


def led_by_verb(v: View, i: int) -> list[Hit]:
    """«جماعات مسلحة يقودها المدعو إبراهيم الجضران» (no relative pronoun after an indefinite)."""
    tokens = v.tokens
    if tokens[i].norm not in v.cues.sets.get("led_by_any", ()):
        return []
    back = i - 1
    if back >= 0 and tokens[back].norm in v.cues.sets.get("relative", ()):
        back -= 1
    x = v.by_last.get(back)
    j = i + 1
    if j < len(tokens) and tokens[j].norm in v.cues.sets.get("called", ()):
        j += 1
    y = v.by_first.get(j)
    if x is None or y is None or v.type(y) != "PERSON" or v.type(x) not in ("ARMED_GROUP", "ORGANIZATION", "TRIBE"):
        return []
    return _hit("COMMANDS" if v.type(x) == "ARMED_GROUP" else "LEADS", y, x, x.start, y.end)


def linked(v: View, i: int) -> list[Hit]:
    """«تنظيم جند الإسلام المرتبط بالقاعدة», «X المتحالفة مع Y»: allies."""
    tokens = v.tokens
    if tokens[i].norm not in v.cues.sets.get("linked", ()) or i + 1 >= len(tokens):
        return []
    if tokens[i + 1].prefix[:1] not in ("ب", "م") and not (i + 2 < len(tokens) and tokens[i + 1].norm in ("ب", "مع")):
        return []
    x = v.before(i, _GROUPS, skip=1)
    y = v.after(i + 1, _GROUPS, skip=1)
    return _hit("ALLIED_WITH", x, y, x.start, y.end) if x and y and x.entity != y.entity else []


def one_of_roles(v: View, i: int) -> list[Hit]:
    """«X، وهو أحد قيادات تنظيم Y» → LEADS; «أحد عناصر Y» → MEMBER_OF."""
    tokens = v.tokens
    if tokens[i].norm not in v.cues.sets.get("one_of", ()) or i + 2 >= len(tokens):
        return []
    role = tokens[i + 1].norm
    if role in v.cues.sets.get("one_of_leaders", ()):
        rtype = "LEADS"
    elif role in v.cues.sets.get("one_of_members", ()):
        rtype = "MEMBER_OF"
    else:
        return []
    y = v.after(i + 2, _GROUPS, skip=0)
    x = v.nearest_before(i, _PERSON, 3)
    return _hit(rtype, x, y, x.start, y.end) if x and y else []


def supported_by(v: View, i: int) -> list[Hit]:
    """«الحكومة التي تدعمها الأمم المتحدة»: Y supports X."""
    tokens = v.tokens
    if tokens[i].norm not in v.cues.sets.get("supported_by", ()):
        return []
    back = i - 1
    if back >= 0 and tokens[back].norm in v.cues.sets.get("relative", ()):
        back -= 1
    x = v.by_last.get(back)
    y = v.after(i + 1, _ACTORS, skip=0) if i + 1 < len(tokens) else None
    if x is None or y is None or v.type(x) not in _ACTORS or x.entity == y.entity:
        return []
    return _hit("SUPPORTS", y, x, x.start, y.end)


def ally_with(v: View, i: int) -> list[Hit]:
    """«X … بالتنسيق مع Y», «X القريبة من Y»: X and Y act together."""
    found = v.cues.phrase_at(v.words, i)
    if found is None or found[1] != "ally_with":
        return []
    x = v.nearest_before(i, _ACTORS, CUE_WINDOW, stops=".؟!")
    y = v.after(found[0] + 1, _ACTORS, skip=1) if found[0] + 1 < len(v.tokens) else None
    if x is None or y is None or x.entity == y.entity or not v.can_act(x) or not v.can_act(y):
        return []
    return [("ALLIED_WITH", x.entity or "", z.entity or "", x.start, z.end)
            for z in v.and_more(y, _ACTORS) if z.entity != x.entity and v.can_act(z)]


def backed_by(v: View, i: int) -> list[Hit]:
    """«X … بدعم من Y», «برعاية Y»: Y supports X."""
    found = v.cues.phrase_at(v.words, i)
    if found is None and v.cue(i, "backed_by"):
        found = (i, "backed_by")  # a one-word cue: «بدعم الإمارات», «بمساندة قوات X»
    if found is None or found[1] != "backed_by":
        return []
    y = v.after(found[0] + 1, _ACTORS, skip=1) if found[0] + 1 < len(v.tokens) else None
    x = v.nearest_before(i, _ACTORS, CUE_WINDOW, stops=".؟!")
    if x is None or y is None or x.entity == y.entity or not v.can_act(x) or not v.can_act(y):
        return []
    return [("SUPPORTS", z.entity or "", x.entity or "", x.start, z.end)
            for z in v.and_more(y, _ACTORS) if z.entity != x.entity and v.can_act(z)]


def fought_with(v: View, i: int) -> list[Hit]:
    """«اشتبكت قوات X مع Y», «X … خاضت معارك مع Y», «X في مواجهة Y»: a fight between two sides."""
    tokens = v.tokens
    found = v.cues.phrase_at(v.words, i)
    if found is not None and found[1] == "facing":
        j = found[0] + 1  # «في مواجهة Y»
    elif v.cue(i, "fight_with"):
        j = i + 1
    else:
        return []
    x = None
    if j < len(tokens) and v.words[j] != "مع" and found is None:  # verb, subject, «مع»: «اشتبكت قوات X مع Y»
        x = v.by_first.get(j)
        if x is None or v.type(x) not in _ACTORS - {"GPE"} or x.last + 1 >= len(tokens):
            return []
        j = x.last + 1
    if found is None:
        if j >= len(tokens) or v.words[j] != "مع":
            return []
        j += 1
    sides = _ACTORS - {"GPE"} if found is not None else _FIGHTERS  # fighting is done by forces and people
    y = v.after(j, sides, skip=1) if j < len(tokens) else None
    if x is None:
        x = _fighter_before(v, i, sides)
    if x is None or y is None or x.entity == y.entity or v.type(x) not in sides:
        return []
    return [("OPPOSES", x.entity or "", z.entity or "", min(x.start, tokens[i].start), z.end)
            for z in v.and_more(y, sides) if z.entity != x.entity]


def _fighter_before(v: View, i: int, sides: frozenset[str]) -> Cand | None:
    """The side named before a fight word, within the clause: not past a word that opens another
    matter («خلال», «بشأن» …, the `fight_stop` cues), a colon or the end of a sentence."""
    for back in range(i - 1, max(-1, i - CUE_WINDOW - 1), -1):
        m = v.by_last.get(back)
        if m is not None and v.type(m) in sides:
            return m
        if v.tokens[back].text in ".؟!:" or v.cue(back, "fight_stop") or v.tokens[back].sentence != v.tokens[i].sentence:
            return None
    return None


#: the longest name of another body looked for inside a body's name (tokens)
_INNER_MAX = 5


def inner_body(v: View, i: int) -> list[Hit]:
    """«مفوضية الأمم المتحدة لحقوق الإنسان», «بعثة الاتحاد الأوروبي في ليبيا»: a body whose name holds
    the name of a larger body the article also names on its own → MEMBER_OF."""
    x = v.by_last.get(i)
    if x is None or x.last <= x.first or v.type(x) not in ("ORGANIZATION", "ARMED_GROUP"):
        return []
    names = v.surfaces()
    for k in range(x.first + 1, x.last + 1):
        if v.cue(k - 1, "alias_head") and k == x.first + 1 or _relating(v, k - 1) or v.tokens[k].prefix[:1] == "و":
            break  # «تنظيم الإخوان» is the Brotherhood itself; «قوات موالية للحكومة» is read by `affiliated`
        for e in range(min(x.last, k + _INNER_MAX - 1), k, -1):  # two words at least: «الجيش» alone is anyone's
            y = names.get(tuple(t.stem for t in v.tokens[k:e + 1]))
            if y is not None and y != x.entity and v.types.get(y) in ("ORGANIZATION", "ARMED_GROUP"):
                return [("MEMBER_OF", x.entity or "", y, x.start, x.end)]
    return []


def freed_from(v: View, i: int) -> list[Hit]:
    """«تحرير بنغازي من تنظيم القاعدة», «استعادت X المنطقة من قبضة Y», «وطرد جماعة Y»: a side taking
    ground from another, or driving it out → OPPOSES(X, Y), X being the side named before (or right after
    a verb: «استعادت قوات X …»)."""
    tokens = v.tokens
    expel = v.cue(i, "expel")
    if not expel and not v.cue(i, "free_from"):
        return []
    x = v.by_first.get(i + 1) if i + 1 < len(tokens) and not expel else None
    if x is not None and v.type(x) not in _FIGHTERS:
        x = None
    y = None
    if expel:
        y = v.after(i + 1, _GROUPS | _PERSON, skip=0) if i + 1 < len(tokens) else None  # «طرد جماعة Y من P»
    else:
        for j in range((x.last if x else i) + 1, min(len(tokens) - 1, i + 9)):
            if tokens[j].sentence != tokens[i].sentence or tokens[j].text in ".؟!،,:" or v.cue(j, "backed") \
                    or v.cue(j, "backed_by") or v.cue(j, "helped_by"):
                break  # «… بإسناد من التحالف»: a helper, not the loser
            if v.words[j] == "من" and not v.cue(j - 1, "quantity"):  # not «أكثر من», «عدد من»
                k = j + 2 if v.cue(j + 1, "hostile_object") else j + 1  # «من قبضة Y», «من أيدي Y»
                y = v.after(k, _GROUPS | _PERSON, skip=0) if k < len(tokens) else None
                break
    if y is None:
        return []
    if x is None:
        x = _fighter_before(v, i, _FIGHTERS | {"ORGANIZATION"})
    if x is None or x.entity == y.entity:
        return []
    return [("OPPOSES", x.entity or "", z.entity or "", min(x.start, tokens[i].start), max(x.end, z.end))
            for z in v.and_more(y, _GROUPS | _PERSON) if z.entity != x.entity]


def enemy_of(v: View, i: int) -> list[Hit]:
    """«حفتر، العدو اللدود للإسلاميين», «المطلوب للسلطات المصرية هشام عشماوي»: an enemy or a wanted man."""
    tokens = v.tokens
    wanted = v.cue(i, "wanted")
    if not wanted and not v.cue(i, "enemy"):
        return []
    j = i + 1
    while j < len(tokens) and j - i <= 2 and v.by_first.get(j) is None and not tokens[j].prefix.startswith("ل"):
        j += 1  # «العدو اللدود لـ…»
    y = v.after(j, _ACTORS, skip=0) if j < len(tokens) and tokens[j].prefix.startswith("ل") else None
    if y is None:
        return []
    x = v.before(i, _ACTORS - {"GPE"}, skip=2)  # «X، العدو اللدود لـY»
    if x is None and wanted:
        x = v.after(y.last + 1, _PERSON, skip=1) if y.last + 1 < len(tokens) else None  # «… للسلطات X»
    if x is None or x.entity == y.entity:
        return []
    head, tail = (y, x) if wanted else (x, y)  # the one who wants the man opposes him
    return _hit("OPPOSES", head, tail, min(x.start, y.start), max(x.end, y.end))


def fell_to(v: View, i: int) -> list[Hit]:
    """«سقوط الموصل بيد داعش», «سقطت المدينة في قبضة X», «P في يد X»: X holds P."""
    tokens = v.tokens
    if not v.cue(i, "hand") or i + 1 >= len(tokens):
        return []
    if not (tokens[i].prefix.startswith("ب") or (i > 0 and v.words[i - 1] in ("في", "فى"))):
        return []
    x = v.after(i + 1, _GROUPS, skip=0)
    p = v.nearest_before(i if tokens[i].prefix else i - 1, _PLACES, 4, stops=".؟!،,")
    if x is None or p is None or v.kinds.get(p.entity or "") == "country":
        return []
    return _hit("CONTROLS", x, p, p.start, x.end)


def positions_in(v: View, i: int) -> list[Hit]:
    """«مواقع تنظيم داعش في الفلوجة», «مقر لتنظيم X في حي نزال», «معقل X في P»: where a group holds positions."""
    tokens = v.tokens
    if not v.cue(i, "position") or i + 1 >= len(tokens):
        return []
    x = v.after(i + 1, _GROUPS, skip=0)
    if x is None:
        return []
    k = x.last + 1
    if k < len(tokens) and v.words[k] in ("في", "فى"):
        k += 1
    p = v.by_first.get(k) if k < len(tokens) else None
    if p is None or v.type(p) not in _PLACES or (k == x.last + 1 and not tokens[k].prefix.startswith("ب")):
        return []
    return _hit("BASED_IN", x, p, tokens[i].start, p.end)


def handed_over(v: View, i: int) -> list[Hit]:
    """«تسليم الموانئ النفطية … إلى المؤسسة الوطنية للنفط», «سلم الجيش ميناء P إلى X»: X holds P after."""
    tokens = v.tokens
    if not v.cue(i, "hand_over"):
        return []
    places: list[Cand] = []
    taker = None
    for j in range(i + 1, min(len(tokens), i + 16)):
        if tokens[j].sentence != tokens[i].sentence or tokens[j].text in ".؟!:":
            break
        m = v.by_first.get(j)
        if m is None:
            continue
        if v.type(m) in _PLACES and v.kinds.get(m.entity or "") != "country" and taker is None:
            places.append(m)
        elif v.type(m) in ("ORGANIZATION", "ARMED_GROUP") and (tokens[j].prefix.startswith("ل") or v.words[j - 1] in _TO):
            taker = m
            break
    if taker is None or not places:
        return []
    return [("CONTROLS", taker.entity or "", p.entity or "", tokens[i].start, taker.end) for p in places]


def state_head(v: View, i: int) -> list[Hit]:
    """«الرئيس السوداني عمر البشير», «العاهل الأردني الملك عبد الله»: the head of a state named by its
    gentilic → LEADS(the person, the state), when the state is named in the article."""
    tokens = v.tokens
    if not v.cue(i, "head_of_state") or i + 2 >= len(tokens) or (i > 0 and v.cue(i - 1, "deputy")):
        return []  # «نائب الرئيس الأمريكي، X» names the deputy
    state = v.state(i + 1)
    if state is None or not tokens[i + 1].norm.startswith("ال") == tokens[i].norm.startswith("ال"):
        return []  # «رئيس الحكومة الليبية» is not «الرئيس الليبي»
    k = i + 2
    while k < len(tokens) and k - i <= 4 and (tokens[k].text in "،," or v.cue(k, "head_of_state")):
        k += 1  # «العاهل الأردني الملك عبد الله»
    person = v.by_first.get(k) if k < len(tokens) else None
    if person is None or v.type(person) != "PERSON":
        return []
    return [("LEADS", person.entity or "", state, tokens[i].start, person.end)]


def _relating(v: View, k: int) -> bool:
    """Whether token k states a relation of its own inside a descriptive name («الموالية», «التابعة», «المدعومة»)."""
    return any(v.cue(k, name) for name in ("loyal", "affiliated", "member", "backed", "against", "linked"))


def backed_state(v: View, i: int) -> list[Hit]:
    """«الفصيل المدعوم إيرانياً», «X … بدعم تركي», «برعاية مصرية»: a country named by its gentilic supports X."""
    tokens = v.tokens
    participle = v.cue(i, "backed")
    if i + 1 >= len(tokens) or not (participle or v.cue(i, "backed_by")):
        return []
    states = [s for s in (v.state(i + 1), _and_state(v, i + 2)) if s]  # «المدعومة سعودياً وإماراتياً»
    if not states:
        return []
    x = v.before(i, _GROUPS, skip=1) if participle else v.nearest_before(i, _GROUPS | _PERSON, CUE_WINDOW, stops=".؟!")
    if x is None:
        return []
    return [("SUPPORTS", s, x.entity or "", x.start, tokens[i + 1].end) for s in states if s != x.entity]


def _and_state(v: View, k: int) -> str | None:
    """The country of a gentilic joined by «و» at token k («… وإماراتياً»), or None."""
    if k >= len(v.tokens) or not v.tokens[k].norm.startswith("و"):
        return None
    return v.state(k)


Rule = Callable[[View, int], list[Hit]]

#: rules run one after the other over the whole article (their readings come first)
ARTICLE_RULES: dict[str, Rule] = {
    "seated": seated, "unit_of": unit_of, "body_of": body_of, "set_against": set_against, "resides": resides,
    "rivals": rivals,
}
#: rules run together at each token
TOKEN_RULES: dict[str, Rule] = {
    "affiliated": affiliated, "seat": seat, "controlled_by": controlled_by, "under_control": under_control,
    "led_by": led_by, "relative_clause": relative_clause, "backed": backed, "against": against,
    "one_of_parts": one_of_parts, "led_by_verb": led_by_verb, "linked": linked, "one_of_roles": one_of_roles,
    "supported_by": supported_by, "ally_with": ally_with, "backed_by": backed_by, "joint": joint,
    "backed_state": backed_state, "fought_with": fought_with, "inner_body": inner_body,
    "freed_from": freed_from, "enemy_of": enemy_of, "fell_to": fell_to, "positions_in": positions_in,
    "handed_over": handed_over, "state_head": state_head,
}
#: every rule by name
RULES: dict[str, Rule] = {**ARTICLE_RULES, **TOKEN_RULES}


#: the cue sets whose words let a rule fire at a token (a rule runs only where one of them stands);
#: "@mention_end" stands for the last token of a mention
GATES: dict[str, tuple[str, ...]] = {
    "seated": ("@mention_end",), "unit_of": ("@mention_end",), "body_of": ("@mention_end",),
    "set_against": ("oppose_verb", "@against_word"), "resides": ("reside_verb",), "rivals": ("rivalry",),
    "affiliated": ("affiliated", "loyal", "member"), "seat": ("seat",), "controlled_by": ("control_verb",),
    "under_control": ("under", "@under_word"), "led_by": ("led", "@under_word"), "relative_clause": ("relative",),
    "backed": ("backed",), "against": ("against",), "one_of_parts": ("one_of",), "led_by_verb": ("led_by_any",),
    "linked": ("linked",), "one_of_roles": ("one_of",), "supported_by": ("supported_by",),
    "ally_with": ("@phrase",), "backed_by": ("@phrase", "backed_by"), "joint": ("@phrase",),
    "backed_state": ("backed", "backed_by"), "fought_with": ("fight_with", "@phrase"),
    "inner_body": ("@mention_end",), "freed_from": ("free_from", "expel"), "enemy_of": ("enemy", "wanted"),
    "fell_to": ("hand",), "positions_in": ("position",), "handed_over": ("hand_over",),
    "state_head": ("head_of_state",),
}
_GATE_WORDS = {"@against_word": frozenset({"ضد"}), "@under_word": frozenset({_UNDER_WORD})}


def _token_keys(tok: Token) -> set[str]:
    """The forms of a token a gate word may match: whole, without proclitics, without «و/ف», without article."""
    keys = {tok.norm, tok.stem, tok.norm[1:]}
    for w in (tok.norm, tok.stem):
        if w.startswith("ال") and len(w) > 3:
            keys.add(w[2:])
    return keys


def _candidates(view: View, rules: dict[str, Rule]) -> dict[str, list[int]]:
    """For each rule, the tokens where it may fire."""
    index = view.cues.gates
    out: dict[str, list[int]] = {name: [] for name in rules}
    for i, tok in enumerate(view.tokens):
        names: set[str] = set()
        for key in _token_keys(tok):
            names |= index.get(key, frozenset())
        if i in view.by_last:
            names |= {name for name, gates in GATES.items() if "@mention_end" in gates}
        for name in names:
            if name in out:
                out[name].append(i)
    return out


def _build_gate_index(words: RelationWords) -> dict[str, frozenset[str]]:
    """Word -> the rules it may start, for one set of cue words."""
    index: dict[str, set[str]] = {}
    for rule, gates in GATES.items():
        for gate in gates:
            if gate == "@phrase":
                found = list(words.phrases)
            elif gate.startswith("@"):
                found = list(_GATE_WORDS.get(gate, ()))
            else:
                found = list(words.sets.get(gate, ()))
            for w in found:
                index.setdefault(w, set()).add(rule)
    return {w: frozenset(rules) for w, rules in index.items()}


def pattern_relations(view: View, only: Sequence[str] | None = None) -> list[Hit]:
    """Every relation the fixed constructions state in the article (or those of the rules named in `only`).
    A rule runs only at the tokens its gate words or a mention's end mark (`GATES`)."""
    candidates = _candidates(view, RULES)
    out: list[Hit] = []
    for name, rule in ARTICLE_RULES.items():
        if only is None or name in only:
            for i in candidates[name]:
                out += rule(view, i)
    at: dict[int, list[str]] = {}
    for name in TOKEN_RULES:
        if only is None or name in only:
            for i in candidates[name]:
                at.setdefault(i, []).append(name)
    for i in sorted(at):
        for name in at[i]:
            out += TOKEN_RULES[name](view, i)
    return out
