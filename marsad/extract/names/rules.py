"""Context rules for names the knowledge base does not know, and for descriptive mentions.

Each rule reads the tokens and the dictionary matches of one article and proposes new candidates
(unknown people, groups, tribes) plus `Hint`s (a spokesman of, the commander of, based in …):

- title + organisation, then «، NAME»: «الناطق باسم قوات حفتر، أحمد المسماري»
- rank or title directly before a name: «العقيد عمر تنتوش»
- a person with a parenthesised role: «الجضران (آمر حرس المنشآت النفطية)»
- a stationed group: «القوات المتواجدة بمنطقة ورشفانة», «القوات المتواجدة بالجنوب الليبي»
- a group led by a person: «القوات التي يقودها الجنرال المتقاعد»; «قوات X» for a known X
- tribes and named units: «قبيلة X», «كتيبة X», «لواء X», units by number «اللواء 73»
- a tribal leader without a name: «زعيم قبيلة المغاربة»
- a place announced by its cue word: «حي الفرسان», «معسكر الصاعقة», «فندق اللؤلؤة», «بلدة تمسكت»,
  «منطقة "الفتائح"»; a facility named after a town: «ميناء مصراتة», «مستشفى الفلوجة التعليمي»
- a region named by a direction: «شمال البلاد», «جنوب تونس», «في الجنوب» (not «الواقعة شمال X»)
- the press as a source: «وسائل إعلام ليبية», «الصحف التونسية», «وكالات الأنباء»

The word sets the rules read are the `name_cues` lexicon (marsad/data/lexicons/name_cues.tsv, via
`RuleContext.cues`), so a --kb overlay extends them.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.extract.names.cands import Cand, Hint
from marsad.extract.names.lexicon import NameCues, RuleLexicon
from marsad.knowledge import KnowledgeBase
from marsad.model import Token
from marsad.text.clitics import word_count

#: a word seen this often in news is an everyday word, not part of a personal name
_COMMON = 150
_PUNCT_STOP = frozenset("،,.:;؛!?؟\"«»“”()[]{}-–—/")


def _adjectival(word: str) -> bool:
    """A definite word shaped like an adjective: a nisba («الليبية») or a participle («المسلحة»)."""
    w = word[2:] if word.startswith("ال") else word
    return w.endswith(("ي", "يه", "يين", "يون")) or (w.startswith("م") and len(w) >= 5)


class RuleContext:
    """What the rules look at: tokens, text, the KB, rule tables and the candidates found so far."""

    def __init__(self, tokens: Sequence[Token], text: str, kb: KnowledgeBase, lex: RuleLexicon,
                 cands: list[Cand]) -> None:
        self.tokens = tokens
        self.text = text
        self.kb = kb
        self.lex = lex
        self.cues: NameCues = lex.cues
        self.cands = cands
        self.words = [t.norm for t in tokens]
        self.bare = [_bare(t) for t in tokens]
        self.new: list[Cand] = []
        self.dropped: list[Cand] = []
        #: regions named by a direction: (candidate, direction, country code of the place it divides or None
        #: for the article's own country), linked once the article's country is known
        self.regions: list[tuple[Cand, str, str | None]] = []
        self.hints: list[Hint] = []
        self._covered: set[int] = set()
        self._by_first: dict[int, list[Cand]] = {}
        self._by_last: dict[int, list[Cand]] = {}
        for c in cands:
            self._index(c)

    def _index(self, c: Cand) -> None:
        self._covered.update(range(c.first, c.last + 1))
        self._by_first.setdefault(c.first, []).append(c)
        self._by_last.setdefault(c.last, []).append(c)

    def extend(self, cands: Sequence[Cand]) -> None:
        """Take in candidates found after the rules ran (they are looked up like the others)."""
        for c in cands:
            self.cands.append(c)
            self._index(c)

    def drop(self, cand: Cand) -> None:
        """Take a candidate back (a town inside a facility's name is no mention of its own)."""
        self.dropped.append(cand)
        self.new = [c for c in self.new if c is not cand]
        for i in range(cand.first, cand.last + 1):
            self._covered.discard(i)
        for table, key in ((self._by_first, cand.first), (self._by_last, cand.last)):
            table[key] = [c for c in table.get(key, []) if c is not cand]
        gone = {id(c) for c in self.dropped}
        for c in self.cands + self.new:  # other candidates over the same tokens keep them covered
            if id(c) not in gone and c.first <= cand.last and c.last >= cand.first:
                self._covered.update(range(c.first, c.last + 1))

    # -- lookups -------------------------------------------------------------------------------
    def type_of(self, cand: Cand) -> str | None:
        """The entity type of a candidate (its own, or its first KB candidate's)."""
        if cand.type:
            return cand.type
        for kb_id in cand.kb_ids:
            rec = self.kb.get(kb_id)
            if rec is not None:
                return rec.type
        return None

    def cand_at(self, i: int, *, outer_first: bool = True) -> Cand | None:
        """The candidate whose first token is `i` (descriptive outer ones first)."""
        found = self._by_first.get(i)
        if not found:
            return None
        found = list(found)
        found.sort(key=lambda c: (not c.outer if outer_first else c.outer, -(c.last - c.first)))
        return found[0]

    def cand_ending(self, i: int) -> Cand | None:
        """A candidate whose last token is `i`."""
        found = self._by_last.get(i)
        return found[0] if found else None

    def covered(self, i: int) -> bool:
        """True when token `i` lies inside a known candidate."""
        return i in self._covered

    def same_sentence(self, i: int, j: int) -> bool:
        """True when tokens i and j exist and are in one sentence."""
        n = len(self.tokens)
        return 0 <= i < n and 0 <= j < n and self.tokens[i].sentence == self.tokens[j].sentence

    def is_punct(self, i: int, chars: str = "،,") -> bool:
        """True when token `i` is one of the punctuation `chars`."""
        return 0 <= i < len(self.tokens) and self.tokens[i].text in chars

    def add(self, first: int, last: int, type_: str, *, kb_ids: Sequence[str] = (), outer: bool = False,
            source: str = "rule", confidence: float = 0.8, start: int | None = None) -> Cand:
        """Record a new candidate over tokens [first, last]."""
        tok = self.tokens[first]
        e = self.tokens[last].end
        name = None
        if start is None:
            s = tok.start
            if tok.prefix.endswith("لل"):
                s = tok.stem_start - 1  # «للحكومة»: the second lam stands for the article
                name = "ال" + " ".join(self.text[tok.stem_start:e].split())
            elif tok.prefix and not tok.prefix.endswith("ال"):
                s = tok.stem_start
            elif tok.prefix.endswith("ال") and len(tok.prefix) > 2:
                s = tok.stem_start - 2
        else:
            s = start
        if name is None:
            name = " ".join(self.text[s:e].split())
        cand = Cand(first, last, s, e, list(kb_ids), None if kb_ids else type_,
                    None if kb_ids else name, source, outer=outer, confidence=confidence)
        self.new.append(cand)
        self._index(cand)
        return cand

    # -- name shapes ---------------------------------------------------------------------------
    def name_end(self, j: int, *, need_given: bool = True) -> int | None:
        """Last token of a personal name starting at `j` (2–4 words), or None."""
        toks, n = self.tokens, len(self.tokens)
        if j >= n or not _wordish(toks[j]):
            return None
        w = self.words[j]
        if (w in self.cues.stop and not _ali(toks[j])) or self.lex.title_at(self.words, j) or self.covered(j):
            return None
        if need_given and w not in self.lex.given_names and w not in self.cues.name_connector:
            return None
        last = j
        k = j + 1
        while k < n and k - j < 4 and self.same_sentence(j, k) and _wordish(toks[k]):
            wk = self.words[k]
            if wk in self.cues.stop or self.covered(k) or self.lex.title_at(self.words, k):
                break
            if toks[k].prefix.startswith("و") and wk not in self.lex.given_names:
                break
            if wk not in self.lex.given_names and not wk.startswith("ال") and word_count(wk) >= _COMMON:
                break  # an everyday word («حاول», «تشكيل») ends the name
            last = k
            k += 1
        if last == j or self.words[last] in self.cues.name_connector:
            return None
        return last


def _ali(tok: Token) -> bool:
    """«علي» the name, which normalises like «على» the preposition but is written with a ya."""
    return tok.norm == "علي" and tok.text.rstrip("\u064b-\u065f").endswith("ي")


def _bare(tok: Token) -> str:
    """The token without proclitics and without the article."""
    w = tok.stem if tok.prefix else tok.norm
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


def _wordish(tok: Token) -> bool:
    return tok.text[:1].isalpha() and not tok.text[:1].isascii()


def find_rule_mentions(ctx: RuleContext) -> None:
    """Run every rule in order; results land in `ctx.new` and `ctx.hints`."""
    _stationed_groups(ctx)
    _led_groups(ctx)
    _groups_of_person(ctx)
    _tribes_and_units(ctx)
    _cued_places(ctx)
    _compass_regions(ctx)
    _generic_bodies(ctx)
    _titles(ctx)
    _media_bodies(ctx)


def _generic_bodies(ctx: RuleContext) -> None:
    """Bodies named by description: «قوات الأمن», «جماعات مسلحة», «السلطات اليونانية», «وزارة الصحة»."""
    n = len(ctx.tokens)
    i = 0
    while i < n:
        tok = ctx.tokens[i]
        head = ctx.bare[i]
        etype = ctx.cues.body_head.get(head) or ctx.lex.unit_heads.get(head)
        if etype not in ("ARMED_GROUP", "ORGANIZATION") or ctx.covered(i) or not _wordish(tok):
            i += 1
            continue
        last, k = _description_end(ctx, i, etype)
        if last < 0:
            i = k + 1
            continue
        last = _recognised_tail(ctx, i, last)
        if last == i and not (tok.norm.startswith("ال") and head in ctx.cues.standalone_head):
            i += 1
            continue
        if head in ctx.cues.no_generic or (last - i == 1 and (ctx.bare[last] in ctx.cues.empty_modifier
                                                      or ctx.words[last] in ctx.cues.empty_modifier)):
            i += 1
            continue
        last, obj = _loyalty_object(ctx, i, last)
        if obj is None and _forces_of_government(ctx, i, last, etype):
            i = last + 1
            continue
        last, seat = _stationed_tail(ctx, i, last)
        body = ctx.add(i, last, etype, confidence=0.55, outer=seat is not None)
        if obj is not None and ctx.type_of(obj) in ("ORGANIZATION", "ARMED_GROUP", "PERSON", "GPE"):
            ctx.hints.append(Hint("LOYAL_TO", body, obj, body.start, body.end))
        if seat is not None:
            ctx.hints.append(Hint("BASED_IN", body, seat, body.start, body.end))
        i = last + 1


def _recognised_tail(ctx: RuleContext, i: int, last: int) -> int:
    """«… المعترف بها دوليا»: the usual qualifier of a government and its forces joins the description."""
    n = len(ctx.tokens)
    if last > i and last + 3 < n and ctx.words[last + 1] in ctx.cues.recognised and \
            ctx.words[last + 2] in ("بها", "به") and ctx.words[last + 3].startswith("دولي"):
        return last + 3
    return last


def _loyalty_object(ctx: RuleContext, i: int, last: int) -> tuple[int, Cand | None]:
    """«قوات موالية للحكومة المعترف بها دوليا»: the loyalty's object belongs to the description.
    Returns the description's new last token and the object (None when there is no loyalty)."""
    n = len(ctx.tokens)
    if not (ctx.bare[last] in ctx.cues.loyal_modifier and last + 1 < n and ctx.tokens[last + 1].prefix[:1] == "ل"
            and ctx.same_sentence(i, last + 1)):
        return last, None
    obj = ctx.cand_at(last + 1)
    if obj is not None:
        last = obj.last
    else:
        o_first = last + 1
        last += 1
        while last + 1 < n and ctx.same_sentence(i, last + 1) and _adjectival(ctx.words[last + 1]) \
                and ctx.words[last + 1] not in ctx.cues.stop and ctx.words[last + 1] not in ctx.cues.recognised:
            last += 1
        if last + 3 < n and ctx.words[last + 1] in ctx.cues.recognised and ctx.words[last + 2] in ("بها", "به"):
            last += 3
        o_type = ctx.cues.body_head.get(ctx.bare[o_first]) or ctx.lex.unit_heads.get(ctx.bare[o_first])
        if o_type in ("ARMED_GROUP", "ORGANIZATION") and ctx.bare[o_first] not in ctx.cues.no_generic:
            obj = ctx.add(o_first, last, o_type, confidence=0.5)  # «… للحكومة المعترف بها دوليا»
    if last + 3 < n and ctx.words[last + 1] in ctx.cues.recognised and ctx.words[last + 2] in ("بها", "به"):
        last += 3
    return last, obj


def _forces_of_government(ctx: RuleContext, i: int, last: int, etype: str) -> bool:
    """«قوات الحكومة الليبية المعترف بها دوليا»: the forces «قوات الحكومة» and the government they obey,
    two candidates and a LOYAL_TO hint; False when the description is no such pair."""
    if last <= i:
        return False
    g_type = ctx.cues.body_head.get(ctx.bare[i + 1]) or ctx.lex.unit_heads.get(ctx.bare[i + 1])
    if etype != "ARMED_GROUP" or g_type != "ORGANIZATION" or ctx.tokens[i].norm.startswith("ال") \
            or ctx.bare[i + 1] in ctx.cues.no_generic:
        return False
    forces = ctx.add(i, i + 1, etype, confidence=0.55, outer=True)
    government = ctx.add(i + 1, last, g_type, confidence=0.5)
    ctx.hints.append(Hint("LOYAL_TO", forces, government, forces.start, ctx.tokens[last].end))
    return True


def _stationed_tail(ctx: RuleContext, i: int, last: int) -> tuple[int, Cand | None]:
    """«مجموعة مسلحة متمركزة في منطقة X», «الميليشيات المنتشرة في المنطقة الغربية»: a stationed
    participle and the place after it join the description; returns its new last token and the place."""
    n = len(ctx.tokens)

    def stationed(k: int) -> bool:
        w = ctx.words[k]
        return w in ctx.cues.stationed or "ال" + w in ctx.cues.stationed

    k = last if last > i and stationed(last) else last + 1
    if k >= n or not ctx.same_sentence(i, k) or not stationed(k) or ctx.covered(k):
        return last, None
    j = k + 1
    if j < n and ctx.words[j] in ("في", "فى"):
        j += 1
    place = ctx.cand_at(j) if j < n and ctx.same_sentence(i, j) else None
    if place is None or ctx.type_of(place) not in ("GPE", "LOCATION") or place.first != j:
        return last, None
    return place.last, place


def _description_end(ctx: RuleContext, i: int, etype: str) -> tuple[int, int]:
    """(last token, token the scan stopped at) of a description headed at token i: its genitive,
    adjectives and modifiers («جماعات مسلحة», «محكمة استئناف طرابلس»). The last token is -1 when
    the head and the organisation after it became «forces of X» («قوات حكومة الوفاق») here."""
    n = len(ctx.tokens)
    tok = ctx.tokens[i]
    last = i
    k = i + 1
    chained = False
    while k < n and k - i <= 3 and ctx.same_sentence(i, k) and _wordish(ctx.tokens[k]):
        if ctx.covered(k):
            inner = ctx.cand_at(k)
            if inner is not None and ctx.type_of(inner) == "GPE" and not ctx.tokens[k].prefix:
                last = inner.last  # «السلطات المصرية»-like with a named country: «سلطات ليبيا»
            elif inner is not None and k == i + 1 and etype == "ARMED_GROUP" and not ctx.tokens[k].prefix[:1] in ("ب", "ل") \
                    and ctx.type_of(inner) == "ORGANIZATION" and not tok.norm.startswith("ال"):
                forces = ctx.add(i, inner.last, etype, confidence=0.55)  # «قوات حكومة الوفاق»
                ctx.hints.append(Hint("LOYAL_TO", forces, inner, forces.start, forces.end))
                last = -1
            elif inner is not None and k == i + 1 and etype == "ORGANIZATION" and ctx.tokens[k].prefix in ("", "ال") \
                    and inner.kb_ids and ctx.type_of(inner) in ("ORGANIZATION", "ARMED_GROUP") \
                    and not tok.norm.startswith("ال") and ctx.bare[i] not in ctx.cues.no_generic:
                body = ctx.add(i, inner.last, etype, confidence=0.55, outer=True)  # «بعثة الاتحاد الأوروبي»
                ctx.hints.append(Hint("MEMBER_OF", body, inner, body.start, body.end))
                last = -1
            break
        w = ctx.words[k]
        if w in ctx.cues.stop or w in ctx.cues.relative or ctx.lex.title_at(ctx.words, k) or ctx.bare[k] in ctx.cues.time_word:
            break
        if ctx.tokens[k].prefix.startswith("و"):
            break  # «الحكومة والمعارضة المسلحة»: a conjunction starts another name
        definite = w.startswith("ال") and not ctx.tokens[k].prefix.startswith(("و", "ف", "ب", "ل", "ك"))
        genitive = definite and (k == i + 1 or (chained and k == i + 2)) and not tok.norm.startswith("ال")
        if w in ctx.cues.recognised or w in ctx.cues.relating:
            break
        if genitive or (definite and _adjectival(w)) or w in ctx.cues.indefinite_modifier or ctx.bare[k] in ctx.cues.indefinite_modifier:
            last = k
            k += 1
            continue
        if k == i + 1 and etype == "ORGANIZATION" and _construct_chain(ctx, i, k):
            last = k  # «محكمة استئناف طرابلس», «لجنة تقصي الحقائق»: a chain of genitives
            chained = True
            k += 1
            continue
        break
    return last, k


def _stationed_groups(ctx: RuleContext) -> None:
    for i, b in enumerate(ctx.bare):
        if ctx.lex.unit_heads.get(b) != "ARMED_GROUP" or i + 2 >= len(ctx.tokens):
            continue
        if ctx.words[i + 1] not in ctx.cues.stationed:
            continue
        j = i + 2
        if ctx.words[j] in {"في", "فى"}:
            j += 1
        place = ctx.cand_at(j)
        if place is None or ctx.type_of(place) not in {"GPE", "LOCATION"} or not ctx.same_sentence(i, place.last):
            continue
        group = ctx.add(i, place.last, "ARMED_GROUP", outer=True)
        ctx.hints.append(Hint("BASED_IN", group, place, group.start, group.end))


def _led_groups(ctx: RuleContext) -> None:
    for i, b in enumerate(ctx.bare):
        if ctx.lex.unit_heads.get(b) != "ARMED_GROUP" or i + 3 >= len(ctx.tokens):
            continue
        if ctx.words[i + 1] not in ctx.cues.relative or ctx.words[i + 2] not in ctx.cues.led_by:
            continue
        person = ctx.cand_at(i + 3, outer_first=False)
        if person is None or ctx.type_of(person) != "PERSON":
            continue
        kb_group = _commanded_group(ctx, person)
        group = ctx.add(i, person.last, "ARMED_GROUP", kb_ids=[kb_group] if kb_group else (), outer=True)
        end = person.end
        nxt = person.last + 1
        if ctx.is_punct(nxt):
            again = ctx.cand_at(nxt + 1, outer_first=False)
            if again is not None and ctx.type_of(again) == "PERSON":
                end = again.end
                person = again if again.kb_ids and not person.kb_ids else person
        ctx.hints.append(Hint("COMMANDS", person, group, group.start, end))


def _commanded_group(ctx: RuleContext, person: Cand) -> str | None:
    """The armed group a known person commands or leads, from the KB's affiliations."""
    for kb_id in person.kb_ids:
        actor = ctx.kb.actors.get(kb_id)
        if actor is None:
            continue
        for aff in actor.affiliations:
            if aff.type in ("COMMANDS", "LEADS"):
                target = ctx.kb.actors.get(aff.target)
                if target is not None and target.type == "ARMED_GROUP":
                    return target.id
    return None


def _groups_of_person(ctx: RuleContext) -> None:
    for i, b in enumerate(ctx.bare):
        if ctx.words[i] not in ctx.cues.group_of_person and b not in ctx.cues.group_of_person:
            continue
        if ctx.tokens[i].prefix.endswith(("ال", "لل")) or ctx.words[i].startswith("ال"):
            continue  # «قوات حفتر» is a construct: a definite «بالجيش» before a name is not
        if ctx.covered(i) or i + 1 >= len(ctx.tokens):
            continue
        person = ctx.cand_at(i + 1, outer_first=False)
        if person is None or ctx.type_of(person) != "PERSON" or not person.kb_ids:
            continue
        kb_group = _commanded_group(ctx, person)
        group = ctx.add(i, person.last, "ARMED_GROUP", kb_ids=[kb_group] if kb_group else (), outer=True,
                        confidence=0.7)
        ctx.hints.append(Hint("COMMANDS", person, group, group.start, group.end))


def _tribes_and_units(ctx: RuleContext) -> None:
    n = len(ctx.tokens)
    for i, b in enumerate(ctx.bare):
        if ctx.covered(i) or i + 1 >= n or not ctx.same_sentence(i, i + 1):
            continue
        w = ctx.words[i]
        if b in ctx.cues.tribe_head and not w.startswith("ال"):
            inner = ctx.cand_at(i + 1, outer_first=False)
            if inner is not None:
                if ctx.type_of(inner) == "TRIBE":
                    ctx.add(i, inner.last, "TRIBE", kb_ids=inner.kb_ids, outer=True)
                continue
            if not _wordish(ctx.tokens[i + 1]) or ctx.words[i + 1] in ctx.cues.stop:
                continue
            last = i + 1
            if ctx.words[i + 1] in ctx.cues.tribe_connector and i + 2 < n and _wordish(ctx.tokens[i + 2]):
                last = i + 2
            ctx.add(i, last, "TRIBE", kb_ids=_known_tribe(ctx, i + 1, last), confidence=0.7)
        elif b in ctx.cues.named_unit and not w.startswith("ال") and not ctx.tokens[i].prefix.endswith("ال"):
            known = ctx.cand_at(i + 1, outer_first=False)
            if known is not None and known.first == i + 1 and known.kb_ids \
                    and ctx.type_of(known) in ("ARMED_GROUP", "ORGANIZATION"):
                # «تنظيم الإخوان», «جماعة أنصار الشريعة»: the head before a known body's name is that body
                ctx.add(i, known.last, "ARMED_GROUP", kb_ids=known.kb_ids, outer=True, confidence=known.confidence)
                continue
            last = _unit_name_end(ctx, i + 1)
            vague = last == i + 1 and (ctx.words[last] in ctx.cues.empty_modifier
                                       or ctx.bare[last] in ctx.cues.empty_modifier)
            if last is not None and not vague:  # «جبهة أخرى» names no unit
                ctx.add(i, last, "ARMED_GROUP", confidence=0.6)
        elif b in ctx.cues.named_unit and ctx.tokens[i + 1].text.isdigit():
            ctx.add(i, i + 1, "ARMED_GROUP", confidence=0.7)  # «اللواء 73», «الكتيبة 166»: a unit by number


def _known_tribe(ctx: RuleContext, first: int, last: int) -> list[str]:
    """The KB tribe a tribe word's complement names without the article the KB writes («قبيلة تبو» →
    «التبو»): one tribe actor without a context rule, else none."""
    words = " ".join(ctx.words[first:last + 1])
    forms = [words] if words.startswith("ال") else [words, "ال" + words]
    found = {e.kb_id for f in forms for e in ctx.kb.lookup(f)
             if not e.context and getattr(ctx.kb.actors.get(e.kb_id), "type", None) == "TRIBE"}
    return list(found) if len(found) == 1 else []


#: cue words (place_cues lexicon kinds) that make a LOCATION of the name after them
_LOCATION_CUE_KINDS = frozenset({"neighbourhood", "port", "oilfield", "airport", "base", "border_crossing", "facility",
                                 "region", "district"})
#: cue words that make a town (GPE) of an unknown name after them
_TOWN_CUE_KINDS = frozenset({"city", "town", "village"})


#: cue kinds of facilities: «ميناء X» with X a town names the town's port, a place of its own
_FACILITY_CUE_KINDS = frozenset({"port", "oilfield", "airport", "base", "border_crossing", "facility"})
_OPEN_QUOTES = frozenset("\"«“'")
_CLOSE_QUOTES = frozenset("\"»”'")
#: words a quoted place name may hold at most
_QUOTED_MAX = 4


def _cued_places(ctx: RuleContext) -> None:
    """«حي الفرسان», «معسكر الصاعقة», «بلدة تمسكت», «منطقة "الفتائح"»: a cue word and the name after it
    make a place; «ميناء X» and «مستشفى X» with X a known town make a facility of their own."""
    n = len(ctx.tokens)
    for i, b in enumerate(ctx.bare):
        tok = ctx.tokens[i]
        if ctx.covered(i) or i + 1 >= n or tok.prefix.endswith(("ال", "لل")):
            continue
        kind = ctx.lex.place_cues.get(b) or ctx.lex.place_cues.get(ctx.words[i])
        if kind not in _LOCATION_CUE_KINDS and kind not in _TOWN_CUE_KINDS:
            continue
        etype = "GPE" if kind in _TOWN_CUE_KINDS else "LOCATION"
        quoted = _quoted_name(ctx, i + 1)
        if quoted is not None:
            _add_cued_place(ctx, i, quoted[0], quoted[1], kind, etype)
            continue
        if b in ctx.cues.weak_place_cue:
            continue
        last = _place_name_end(ctx, i + 1, town=kind in _TOWN_CUE_KINDS)
        if last is not None:
            _add_cued_place(ctx, i, i + 1, last, kind, etype)
        elif kind in _FACILITY_CUE_KINDS:
            _facility_of_town(ctx, i)


def _add_cued_place(ctx: RuleContext, cue: int, first: int, last: int, kind: str, etype: str) -> Cand:
    """A place announced by the cue at `cue` and named by tokens [first, last]: mentioned by its name,
    named with its cue as the article writes it («حي الفرسان», «فندق اللؤلؤة»), as `names.naming` names
    the known places."""
    cand = ctx.add(first, last, etype, confidence=0.6)
    cue_tok = ctx.tokens[cue]
    cue_text = ctx.text[cue_tok.stem_start if cue_tok.prefix else cue_tok.start:cue_tok.end]
    cand.name = f"{cue_text} {' '.join(ctx.text[cand.start:cand.end].split())}"
    return cand


def _quoted_name(ctx: RuleContext, j: int) -> tuple[int, int] | None:
    """(first, last) of a name in quotation marks right after a cue («منطقة "الكورفات السبعة"»), or None."""
    toks, n = ctx.tokens, len(ctx.tokens)
    if j + 2 >= n or toks[j].text not in _OPEN_QUOTES or not ctx.same_sentence(j - 1, j):
        return None
    k = j + 1
    guesses: list[Cand] = []  # the NER model's names inside the quotes give way to the place
    while k < n and k - j <= _QUOTED_MAX and ctx.same_sentence(j, k) and _wordish(toks[k]) \
            and ctx.words[k] not in ctx.cues.stop:
        if ctx.covered(k):
            inner = ctx.cand_at(k)
            if inner is None or inner.source != "ner" or inner.last >= j + 1 + _QUOTED_MAX:
                return None
            guesses.append(inner)
            k = inner.last
        k += 1
    if k == j + 1 or k >= n or toks[k].text not in _CLOSE_QUOTES:
        return None
    for guess in guesses:
        ctx.drop(guess)
    return j + 1, k - 1


def _facility_of_town(ctx: RuleContext, i: int) -> None:
    """«ميناء كيراتسيني», «مستشفى الفلوجة التعليمي»: a facility cue before a known town (not a country)
    names the facility; the town inside its name is no mention of its own."""
    n = len(ctx.tokens)
    j = i + 1
    town = ctx.cand_at(j, outer_first=False)
    if town is None or town.first != j or ctx.type_of(town) != "GPE" or ctx.tokens[j].prefix[:1] in ("ب", "ل", "و", "ف") \
            or any(getattr(ctx.kb.get(k), "kind", "") == "country" or k in ctx.kb.actors for k in town.kb_ids):
        return
    last = town.last
    k = last + 1
    if k < n and ctx.same_sentence(j, k) and not ctx.covered(k) and ctx.words[k].startswith("ال") \
            and ctx.bare[k].endswith(("ي", "يه")) and ctx.words[k] not in ctx.lex.gentilics \
            and ctx.words[k] not in ctx.cues.stop:
        last = k  # «مستشفى الفلوجة التعليمي», not «ميناء كيراتسيني اليوناني»
    ctx.drop(town)
    cand = ctx.add(i, last, "LOCATION", confidence=0.6)
    cand.name = " ".join(ctx.text[cand.start:cand.end].split())


def _place_name_end(ctx: RuleContext, j: int, *, town: bool) -> int | None:
    """Last token of the name a place cue announces at `j`, or None when what follows is no name:
    a rare word («تمسكت»), a definite noun for facilities and districts («الفرسان», «الساحل الشرقي»),
    or an everyday word before a known place («باب درنة»)."""
    toks, n = ctx.tokens, len(ctx.tokens)
    if j >= n or not ctx.same_sentence(j - 1, j) or not _wordish(toks[j]) or ctx.words[j] in ctx.cues.stop \
            or toks[j].prefix[:1] in ("ب", "ل", "و", "ف", "ك"):
        return None
    known = ctx.cand_at(j)
    if known is not None and known.source == "ner" and not known.kb_ids and known.first == j \
            and ctx.type_of(known) in ("GPE", "LOCATION"):
        ctx.drop(known)  # the model's guess of a place the cue announces: the cue's place replaces it
        return known.last
    if known is not None:
        # «معسكر الصاعقة»: a facility named after a force; a known place is matched on its own
        return known.last if not town and ctx.type_of(known) == "ARMED_GROUP" else None
    w = ctx.words[j]
    rare = word_count(w) < _COMMON and word_count(_bare(toks[j])) < _COMMON
    definite = w.startswith("ال") and len(w) > 3
    if w in ctx.cues.place_stop or ctx.bare[j] in ctx.cues.place_stop or ctx.bare[j] in ctx.cues.time_word:
        return None
    if not definite and not _noun_like(w):
        return None  # «قاعدة فقهية», «منطقة محظورة», «مدينة ستحتضن»: an adjective or a verb, no name
    if town:
        return j if rare else None
    nxt = ctx.cand_at(j + 1) if j + 1 < n and ctx.same_sentence(j, j + 1) else None
    if not definite and not rare:
        if nxt is not None and ctx.type_of(nxt) in ("GPE", "LOCATION") and nxt.first == j + 1:
            return nxt.last  # «حي باب درنة»
        return None
    last = j
    if definite and j + 1 < n and ctx.same_sentence(j, j + 1) and not ctx.covered(j + 1) \
            and ctx.words[j + 1].startswith("ال") and ctx.bare[j + 1].endswith(("ي", "يه")) \
            and ctx.words[j + 1] not in ctx.cues.stop:
        last = j + 1  # «الساحل الشرقي»
    return last


#: the directions a compass word names, by its root (the KB's regions are place:<country>/<direction>)
_DIRECTIONS = {"شرق": "east", "غرب": "west", "شمال": "north", "جنوب": "south", "وسط": "centre"}


def _direction(word: str) -> str | None:
    """The direction of a compass word («شرقي» → east), or None."""
    return _DIRECTIONS.get(word[:-1] if word.endswith("ي") and len(word) == 5 else word)


def _compass_regions(ctx: RuleContext) -> None:
    """«شمال البلاد», «جنوب تونس», «في الجنوب»: a direction with the country it divides, or a bare
    direction after a place preposition, names a region (linked later to the KB's region, if any)."""
    for i, tok in enumerate(ctx.tokens):
        if ctx.covered(i) or not _wordish(tok) or ctx.bare[i] not in ctx.cues.compass:
            continue
        if i > 0 and ctx.bare[i - 1] in ctx.cues.compass and ctx.same_sentence(i - 1, i):
            continue  # the second word of «شمال شرقي …»
        if _relative_position(ctx, i):
            continue  # «مدينة X شمال شرقي تونس», «الواقعة شرق البلاد»: where something lies, no region
        definite = tok.prefix.endswith(("ال", "لل")) or tok.norm.startswith("ال")
        if definite:
            _bare_direction(ctx, i)
        else:
            _direction_of_country(ctx, i)


def _relative_position(ctx: RuleContext, i: int) -> bool:
    """A direction that places something: right after a place or «الواقعة», or before «من» («إلى الغرب
    من أجدابيا»)."""
    prev, nxt = i - 1, i + 1
    if nxt < len(ctx.tokens) and ctx.same_sentence(i, nxt) and ctx.words[nxt] in ("من", "مِن"):
        return True
    if prev < 0 or not ctx.same_sentence(prev, i) or ctx.tokens[i].prefix:
        return False
    before = ctx.cand_ending(prev)
    return ctx.words[prev] in ctx.cues.located or (before is not None and ctx.type_of(before) in ("GPE", "LOCATION"))


def _direction_of_country(ctx: RuleContext, i: int) -> None:
    """«شرق البلاد», «شمال شرق البلاد», «جنوب تونس»: the region of a country (or of the article's own)."""
    n = len(ctx.tokens)
    j = i + 1
    if j < n and ctx.same_sentence(i, j) and ctx.bare[j] in ctx.cues.compass and not ctx.tokens[j].prefix:
        j += 1  # «شمال شرق»
    if j >= n or not ctx.same_sentence(i, j) or ctx.tokens[j].prefix not in ("", "ال"):
        return
    direction = _direction(ctx.bare[i]) if j == i + 1 else None
    if ctx.words[j] in ctx.cues.own_country and not ctx.covered(j):
        cand = ctx.add(i, j, "LOCATION", confidence=0.6)
        ctx.regions.append((cand, direction or "", None))
        return
    country = ctx.cand_at(j, outer_first=False)
    if country is None or country.first != j or ctx.type_of(country) != "GPE":
        return
    code = next((getattr(ctx.kb.get(k), "country", None) for k in country.kb_ids
                 if getattr(ctx.kb.get(k), "kind", "") == "country" or k in ctx.kb.actors), None)
    if not code:
        return
    ctx.drop(country)
    cand = ctx.add(i, country.last, "LOCATION", confidence=0.6)
    ctx.regions.append((cand, direction or "", code.upper()))


def _bare_direction(ctx: RuleContext, i: int) -> None:
    """«في الجنوب», «بالشرق», «أقاصي الجنوب», «في الغرب والوسط»: a definite direction after a place
    preposition, with no adjective or genitive after it («الشرق الأوسط» is another name)."""
    n, tok = len(ctx.tokens), ctx.tokens[i]
    if ctx.tokens[i].norm.endswith("ي"):
        return  # «الشرقي» is an adjective
    j = i + 1
    if j < n and ctx.same_sentence(i, j) and (ctx.covered(j) or ctx.words[j].startswith("ال")):
        return
    prev = i - 1
    cued = tok.prefix[:1] in ("ب", "ل") or (prev >= 0 and ctx.same_sentence(prev, i) and (
        ctx.words[prev] in ctx.cues.region_prep
        or (tok.prefix.startswith("و") and ctx.covered(prev) and ctx.cand_ending(prev) is not None
            and ctx.type_of(ctx.cand_ending(prev)) == "LOCATION")))  # type: ignore[arg-type]
    if not cued:
        return
    cand = ctx.add(i, i, "LOCATION", confidence=0.55)
    ctx.regions.append((cand, _direction(ctx.bare[i]) or "", None))


def _media_bodies(ctx: RuleContext) -> None:
    """«وسائل إعلام ليبية», «الصحف التونسية», «وكالات الأنباء»: the press named as a source."""
    n = len(ctx.tokens)
    for i, tok in enumerate(ctx.tokens):
        head = tok.stem if tok.prefix and not tok.prefix.endswith("ال") else tok.norm
        if head not in ctx.cues.press or ctx.covered(i) or i + 1 >= n or not ctx.same_sentence(i, i + 1):
            continue
        last = i
        need = ctx.cues.press[head]
        alone = "" in need
        if not alone:
            if ctx.words[i + 1] not in need:
                continue
            last = i + 1
        k = last + 1  # an adjective of origin or kind («ليبية», «المحلية», «الرسمية»)
        if k < n and ctx.same_sentence(i, k) and not ctx.covered(k) and ctx.words[k] not in ctx.cues.stop \
                and ctx.bare[k].endswith("يه") and _wordish(ctx.tokens[k]):
            last = k
        if last == i and alone and not tok.norm.startswith("ال"):
            continue  # «صحف» alone is too vague to be a source
        ctx.add(i, last, "MEDIA", confidence=0.6)


def _construct_chain(ctx: RuleContext, i: int, k: int) -> bool:
    """«محكمة استئناف …», «هيئة مكافحة …»: an indefinite head, then an indefinite noun whose own
    genitive (a definite noun or a known name) follows."""
    n = len(ctx.tokens)
    tok = ctx.tokens[k]
    if ctx.tokens[i].norm.startswith("ال") or ctx.tokens[i].prefix.endswith("ال") or tok.prefix \
            or ctx.words[k] in ctx.cues.stop or ctx.words[k].endswith("يه") or ctx.bare[k] in ctx.cues.time_word \
            or k + 1 >= n or not ctx.same_sentence(k, k + 1):
        return False
    nxt = ctx.words[k + 1]
    return ctx.covered(k + 1) or (nxt.startswith("ال") and nxt not in ctx.cues.stop and not ctx.tokens[k + 1].prefix.startswith(("و", "ب", "ل")))


def _noun_like(w: str) -> bool:
    """An indefinite word that may be a name: not a relative adjective (…ي، …ية), a participle (م…)
    or a verb with a future prefix or an object pronoun."""
    if w.endswith(("ي", "يه")) or (w.startswith("م") and len(w) >= 5):
        return False
    if w[:2] in ("سي", "ست", "سن") and len(w) >= 5:
        return False
    return not (w[:1] in "يت" and w.endswith(("ها", "هم", "ون")))


def _unit_name_end(ctx: RuleContext, j: int) -> int | None:
    """Last token of a unit's name starting at `j` («شهداء الزاوية», «106», «طارق بن زياد»)."""
    toks, n = ctx.tokens, len(ctx.tokens)
    if j >= n or ctx.words[j] in ctx.cues.stop or toks[j].text in _PUNCT_STOP:
        return None
    if not (_wordish(toks[j]) or toks[j].text.isdigit()):
        return None
    last = j
    k = j + 1
    while k < n and k - j < 3 and ctx.same_sentence(j, k):
        wk = ctx.words[k]
        known = ctx.cand_at(k)
        if known is not None and ctx.type_of(known) in {"GPE", "LOCATION", "PERSON"}:
            last = known.last
            break
        if (wk.startswith("ال") and wk[2:] in ctx.cues.loyal_modifier) or wk in ctx.cues.stationed or wk in ctx.cues.relating:
            break
        if (wk.startswith("ال") and wk not in ctx.cues.stop) or toks[k].text.isdigit() or wk in ctx.cues.name_connector:
            last = k
            k += 1
            continue
        break
    return last


def _titles(ctx: RuleContext) -> None:
    i, n = 0, len(ctx.tokens)
    while i < n:
        hit = ctx.lex.title_at(ctx.words, i)
        if hit is None and ctx.tokens[i].prefix:
            hit = ctx.lex.title_at(ctx.words, i, ctx.tokens[i].stem)
            if hit is None and ctx.tokens[i].prefix.endswith("ال"):
                hit = ctx.lex.title_at(ctx.words, i, "ال" + ctx.tokens[i].stem)
        if hit is None:
            i += 1
            continue
        size, row = hit
        last = i + size - 1
        # a title written over the group's own name («قائد كتيبة الفاروق», «رئيس المجلس الرئاسي»):
        # the title ends where a known or rule-found group begins
        for k in range(i + 1, last + 1):
            inner = ctx.cand_at(k)
            if inner is not None and ctx.type_of(inner) not in (None, "PERSON", "GPE", "LOCATION"):
                last = k - 1
                break
        _one_title(ctx, i, last, row)
        i = last + 1


def titles_over(ctx: RuleContext, bodies: Sequence[Cand]) -> None:
    """The title rules again for titles written right before mentions found after the rules ran (a body
    repeated by its head noun: «مدير المرصد رامي عبد الرحمن», «القيادي في التنظيم فلان»)."""
    for body in bodies:
        for first in range(max(0, body.first - 4), body.first):
            hit = ctx.lex.title_at(ctx.words, first)
            if hit is None and ctx.tokens[first].prefix:
                hit = ctx.lex.title_at(ctx.words, first, ctx.tokens[first].stem)
            if hit is not None and first + hit[0] >= body.first and ctx.same_sentence(first, body.first):
                _one_title(ctx, first, body.first - 1, hit[1])
                break


def _one_title(ctx: RuleContext, first: int, last: int, row: dict[str, str]) -> None:
    """One title at tokens [first, last]: find the body it is of and the person holding it, leave hints."""
    relation = (row.get("relation") or "").strip() or None
    org = _title_body(ctx, first, last, relation)
    n = len(ctx.tokens)
    after = (org.last if org else last) + 1
    if org is not None and after < n and ctx.tokens[after].text in "\"»”'":
        after += 1
    person = _holder_after(ctx, first, after, org)
    if person is None and org is not None:
        person = _holder_after_body(ctx, first, after)
    if person is None:
        person = _apposed_holder(ctx, first, after)
    if person is None:
        person = _holder_before(ctx, first)
    if person is None and org is not None:
        person = _unnamed_holder(ctx, first, after, org, relation)
    if person is not None:
        _title_hints(ctx, first, last, row, relation, org, person)


def _title_body(ctx: RuleContext, first: int, last: int, relation: str | None) -> Cand | None:
    """The organisation a title is of: the mention right after it (or after «في»)."""
    n = len(ctx.tokens)
    j = last + 1
    if j < n and ctx.tokens[j].text in "\"«“'":
        j += 1  # «المتحدث باسم "الجيش الوطني الليبي"»
    if j + 2 < n and ctx.bare[j] in ctx.cues.office and ctx.bare[j + 1] == "اعلامي" and ctx.tokens[j + 2].prefix[:1] == "ل":
        j += 2  # «المتحدث باسم المركز الإعلامي لعملية البنيان المرصوص»: the operation's spokesman
    if j >= n or not ctx.same_sentence(first, j):
        return None
    cand = ctx.cand_at(j)
    ctype = ctx.type_of(cand) if cand is not None else None
    if cand is not None and ctype is not None and (ctype != "PERSON" or relation == "SPOKESPERSON_OF"):
        return cand
    if cand is None and relation in ("MEMBER_OF", "LEADS") and ctx.words[j] in ("في", "فى") \
            and j + 1 < n and ctx.same_sentence(first, j + 1):
        # «وزير الداخلية في الحكومة المؤقتة فلان»: the body the office is in
        body = ctx.cand_at(j + 1)
        if body is not None and ctx.type_of(body) in ("ORGANIZATION", "ARMED_GROUP"):
            return body
    return None


def _holder_after(ctx: RuleContext, first: int, after: int, org: Cand | None) -> Cand | None:
    """A name directly after a rank or title («العقيد عمر تنتوش», «المشير خليفة حفتر»)."""
    if after >= len(ctx.tokens) or not ctx.same_sentence(first, after):
        return None
    person = ctx.cand_at(after, outer_first=False)
    if person is not None and ctx.type_of(person) != "PERSON":
        person = None
    if person is None and org is None:
        end = ctx.name_end(after)
        if end is not None:
            person = ctx.add(after, end, "PERSON", confidence=0.75)
    return person


def _holder_after_body(ctx: RuleContext, first: int, after: int) -> Cand | None:
    """A name right after «title org», or after «title org بالجيش العقيد»."""
    n = len(ctx.tokens)
    k = after
    while k < n and k - after < 4 and ctx.same_sentence(first, k):
        cand = ctx.cand_at(k, outer_first=False)
        if cand is not None and ctx.type_of(cand) == "PERSON":
            return cand
        rank = ctx.lex.title_at(ctx.words, k)
        if rank is not None and rank[1].get("kind") in ("rank", "honorific"):
            k += rank[0]
            cand = ctx.cand_at(k, outer_first=False)
            if cand is not None and ctx.type_of(cand) == "PERSON":
                return cand
            end = ctx.name_end(k)
            return ctx.add(k, end, "PERSON", confidence=0.75) if end is not None else None
        if cand is not None and ctx.tokens[k].prefix[:1] in ("ب", "ل") and ctx.type_of(cand) != "PERSON":
            k = cand.last + 1  # «الناطق باسم القوات الخاصة بالجيش العقيد …»
            continue
        if cand is None and ctx.tokens[k].prefix[:1] in ("ب", "ل") and ctx.bare[k] in ctx.lex.unit_heads:
            k += 1  # «… بالجيش العقيد …» with no army named in the article
            continue
        if cand is None and (end := ctx.name_end(k)) is not None:
            return ctx.add(k, end, "PERSON", confidence=0.7)
        return None  # any other word («الموالي لخليفة حفتر») ends the search
    return None


def _apposed_holder(ctx: RuleContext, first: int, after: int) -> Cand | None:
    """Apposition: «title org (…)، NAME»."""
    n = len(ctx.tokens)
    k = after
    depth = 0
    steps = 0
    while k < n and steps < 12 and ctx.same_sentence(first, k):
        t = ctx.tokens[k].text
        if t == "(":
            depth += 1
        elif t == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and t in "،,":
            break
        elif depth == 0 and (t in ".؟?!:\"«»" or ctx.lex.title_at(ctx.words, k)):
            return None
        k += 1
        steps += 1
    if k >= n or not ctx.is_punct(k):
        return None
    cand = ctx.cand_at(k + 1, outer_first=False)
    if cand is not None:
        return cand if ctx.type_of(cand) == "PERSON" else None
    end = ctx.name_end(k + 1)
    return ctx.add(k + 1, end, "PERSON", confidence=0.7) if end is not None else None


def _holder_before(ctx: RuleContext, first: int) -> Cand | None:
    """A person before the title: «الجضران (آمر حرس المنشآت النفطية)» or «X، قائد …»."""
    if first < 1:
        return None
    back = first - 1
    if ctx.is_punct(back, "(،,"):
        back -= 1
    if back >= 0 and ctx.words[back] in ("وهو", "وهي", "هو"):
        back -= 1
        if ctx.is_punct(back, "،,"):
            back -= 1
    cand = ctx.cand_ending(back)
    if cand is not None and ctx.type_of(cand) == "PERSON" and ctx.same_sentence(back, first):
        return cand
    return None


def _unnamed_holder(ctx: RuleContext, first: int, after: int, org: Cand, relation: str | None) -> Cand | None:
    """A leader with no name («زعيم قبيلة المغاربة»), a spokesman with no name («المتحدث باسم الجيش»)."""
    if ctx.bare[first] in ctx.cues.leader_title and ctx.type_of(org) == "TRIBE":
        return ctx.add(first, after - 1, "PERSON", outer=True, confidence=0.7)
    if relation == "SPOKESPERSON_OF" and ctx.type_of(org) != "PERSON":
        return ctx.add(first, after - 1, "PERSON", outer=True, confidence=0.6)  # up to a closing quote
    return None


def _title_hints(ctx: RuleContext, first: int, last: int, row: dict[str, str], relation: str | None,
                 org: Cand | None, person: Cand) -> None:
    """The hints a title leaves: the relation to its body, a role, a place it is held in."""
    n = len(ctx.tokens)
    kind = (row.get("kind") or "").strip()
    term = row.get("term", "")
    # «القائد العسكري في شرق ليبيا، خليفة حفتر»: a title placed somewhere places its holder there
    at = last + 1
    if at < n and ctx.words[at].startswith("ال") and _adjectival(ctx.words[at]):
        at += 1  # «القائد العسكري في …»
    if org is None and at + 1 < n and ctx.words[at] in ("في", "فى"):
        where = ctx.cand_at(at + 1)
        if where is not None and ctx.type_of(where) in ("GPE", "LOCATION") and person.first > where.last:
            ctx.hints.append(Hint("BASED_IN", person, where, ctx.tokens[first].start, person.end))
    if org is not None and relation:
        start = min(person.start, ctx.tokens[first].start)
        end = max(person.end, org.end)
        ctx.hints.append(Hint(relation, person, org, start, end, title=term))
    elif kind in ("rank", "role", "office", "honorific"):
        ctx.hints.append(Hint("ROLE", person, person, ctx.tokens[first].start, ctx.tokens[last].end, title=term))
