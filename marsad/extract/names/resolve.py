"""From candidate mentions to entities: disambiguation, coreference and assembly.

- A name with several knowledge-base readings («طرابلس» in Libya or Lebanon) takes the reading whose
  country the rest of the article supports most (unambiguous names, gentilics); ties go to the actor
  over its own place, then to the larger place, with a lower confidence. A small place known only in
  another country than the one the article is clearly about, which nothing else supports, stays
  unlinked (a homonym the KB does not know), with a lower confidence.
- One entity per knowledge-base id; names the KB does not know are grouped by their normalised form,
  and a lone surname («تنتوش») joins the full name seen in the same article («عمر تنتوش»).
- Entity ids follow the order of first mention: e1, e2, …
- An entity is named with the fullest name the article uses for it (`names.naming`); the knowledge
  base's canonical name stays behind its `kb_id`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from marsad.extract.names.cands import Cand, Hint
from marsad.extract.names.matcher import name_words
from marsad.extract.names.naming import article_name
from marsad.knowledge import Actor, KnowledgeBase, Place
from marsad.knowledge.base import name_key
from marsad.knowledge.cache import per_kb
from marsad.model import Entity, Span, Token
from marsad.text.clitics import word_count
from marsad.text.normalise import normalise


def country_of(kb: KnowledgeBase, kb_id: str) -> str | None:
    """The ISO country code of an actor or place, upper case, or None."""
    rec = kb.get(kb_id)
    if isinstance(rec, Place):
        return (rec.country or "").upper() or None
    if isinstance(rec, Actor):
        if rec.country:
            return rec.country.upper()
        if rec.place:
            place = kb.places.get(rec.place)
            return (place.country or "").upper() or None if place else None
    return None


#: a country leads the article when it has this many votes and at least twice the next one's
LEAD_VOTES = 3
#: confidence of a reading the article's country does not support (a guess between homonyms)
UNSURE = 0.6
#: place kinds known well enough abroad never to be unlinked for lying outside the article's country
_WIDE_KINDS = frozenset({"country", "capital", "city"})
#: sources of hand-checked place rows; the rest is the long tail read in bulk from gazetteers
_CURATED = frozenset({"", "marsad"})


def article_country(votes: Counter[str]) -> str | None:
    """The country the article is about: the one with the most votes, if it leads clearly."""
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < LEAD_VOTES:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


def disambiguate(cands: Sequence[Cand], kb: KnowledgeBase, extra_votes: Counter[str],
                 adjectives: dict[str, tuple[str, ...]] | None = None,
                 context_met: Callable[[Sequence[str]], bool] | None = None) -> str | None:
    """Reduce every candidate with several KB readings to one, in place: the reading in the country
    the article supports most wins (with a lower confidence when nothing supports it). A small place
    whose only reading lies in another country than the one the article is clearly about, with no
    other support for that country, is a homonym the KB does not know: it is kept unlinked. A bare
    institution name («وزارة الدفاع», «البرلمان») is that country's (`adjectives`: country -> its
    adjectives with the article), with a lower confidence; `context_met` tells whether one of an alias's
    context words occurs in the article. Returns the article's country (or None)."""
    votes: Counter[str] = Counter(extra_votes)
    own: dict[str, Counter[str]] = {}
    for c in cands:
        if len(set(c.kb_ids)) == 1:
            country = country_of(kb, c.kb_ids[0])
            if country:
                votes[country] += 1
                own.setdefault(c.kb_ids[0], Counter())[country] += 1
    lead = article_country(votes)
    for c in cands:
        ids = list(dict.fromkeys(c.kb_ids))
        if len(ids) <= 1:
            c.kb_ids = ids
            if ids and lead is not None:
                _unlink_foreign_homonym(c, kb, votes, own, lead)
            continue
        # an actor standing for a state beats that state's place row
        own_places = {kb.actors[i].place for i in ids if i in kb.actors and kb.actors[i].place}
        ids = [i for i in ids if i not in own_places] or ids

        def score(kb_id: str) -> tuple[int, int, int]:
            rec = kb.get(kb_id)
            pop = rec.population or 0 if isinstance(rec, Place) else 0
            return (votes.get(country_of(kb, kb_id) or "", 0), 1 if isinstance(rec, Actor) else 0, pop)

        ranked = sorted(ids, key=score, reverse=True)
        support = [score(i)[0] for i in ranked] + [-1]
        if len(ranked) > 1 and (support[0] == 0 or support[0] == support[1]):
            c.confidence = min(c.confidence, UNSURE)  # no country evidence tells the readings apart
        c.kb_ids = [ranked[0]]

    if lead is not None and adjectives:
        link_bare_institutions(cands, kb, adjectives.get(lead, ()), context_met)
    if adjectives:
        link_bodies_named_by_country(cands, kb, adjectives)
    link_camp_bodies(cands, kb)
    link_forces_of_bodies(cands, kb)
    return lead


def link_regions(regions: Sequence[tuple[Cand, str, str | None]], kb: KnowledgeBase, lead: str | None) -> None:
    """Regions named by a direction («شرق البلاد», «في الجنوب», «جنوب ليبيا») become the KB's region
    place:<country>/<direction> of the country they divide, or of the article's country (in place)."""
    for cand, direction, country in regions:
        code = country or lead
        place = kb.places.get(f"place:{code.lower()}/{direction}") if code and direction else None
        if place is not None and not cand.kb_ids:
            cand.kb_ids, cand.type, cand.name = [place.id], None, None


def _unlink_foreign_homonym(c: Cand, kb: KnowledgeBase, votes: Counter[str], own: dict[str, Counter[str]],
                            lead: str) -> None:
    """Unlink a small place of a bulk gazetteer lying in another country than the article's, which
    nothing else in the article supports (its own mentions aside): «بلدة X» in a Yemeni article is
    not Libya's village X."""
    rec = kb.get(c.kb_ids[0])
    if not isinstance(rec, Place) or rec.kind in _WIDE_KINDS or (rec.source or "") in _CURATED:
        return
    country = (rec.country or "").upper()
    if not country or country == lead:
        return
    if votes[country] - own.get(rec.id, Counter())[country] > 0:
        return
    c.kb_ids, c.type, c.name = [], rec.type, rec.name
    c.confidence = min(c.confidence, UNSURE)


def link_bare_institutions(cands: Sequence[Cand], kb: KnowledgeBase, adjectives: Sequence[str],
                           context_met: Callable[[Sequence[str]], bool] | None = None) -> None:
    """Names the KB does not know that are a body's name without its state («وزارة الدفاع», «البرلمان»)
    become the body of the article's country when the KB knows it under the name with the country's
    adjective («وزارة الدفاع العراقية»): the one reading whose context rule the article meets, else the
    one reading without a context rule; confidence UNSURE (in place)."""
    for c in cands:
        if c.kb_ids or not c.name or c.type not in ("ORGANIZATION", "ARMED_GROUP") or len(c.name.split()) > 3:
            continue
        entries = [e for adj in adjectives for e in kb.lookup(f"{c.name} {adj}") if e.kb_id in kb.actors]
        found = {e.kb_id for e in entries if e.context and context_met is not None and context_met(e.context)}
        if not found:
            found = {e.kb_id for e in entries if not e.context}
        if len(found) == 1:
            c.kb_ids, c.type, c.name = [found.pop()], None, None
            c.confidence = min(c.confidence, UNSURE)


def link_bodies_named_by_country(cands: Sequence[Cand], kb: KnowledgeBase,
                                 adjectives: dict[str, tuple[str, ...]]) -> None:
    """A body the KB does not know under a name with its country («برلمان العراق», «حكومة تونس») is the
    body the KB knows under the country's adjective («البرلمان العراقي») when exactly one fits (in place)."""
    for c in cands:
        words = (c.name or "").split()
        if c.kb_ids or c.type not in ("ORGANIZATION", "ARMED_GROUP") or not 2 <= len(words) <= 4:
            continue
        for cut in range(len(words) - 1, 0, -1):
            code = _country_named(kb, " ".join(words[cut:]))
            if code is None:
                continue
            head = " ".join(words[:cut])
            head = head if head.startswith("ال") else "ال" + head
            found = {e.kb_id for adj in adjectives.get(code, ()) for e in kb.lookup(f"{head} {adj}")
                     if not e.context and e.kb_id in kb.actors}
            if len(found) == 1:
                c.kb_ids, c.type, c.name = [found.pop()], None, None
            break


def camp_unstated(actor: Actor | None) -> bool:
    """A state body named without saying which of rival governments' it is («الجيش الليبي»): the KB
    marks it `"camp_unstated": true`."""
    return actor is not None and actor.extra.get("camp_unstated") is True


@per_kb
def camp_readings(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """For each camp-unstated body, the other actors the KB gives one of its names (with a context
    rule): the camps' own bodies of that kind («الجيش الليبي» → lna, gna_forces)."""
    out: dict[str, frozenset[str]] = {}
    for actor in kb.actors.values():
        if camp_unstated(actor):
            names = (actor.name, *(a.text for a in actor.aliases))
            out[actor.id] = frozenset(e.kb_id for n in names for e in kb.lookup(n)
                                      if e.kb_id != actor.id and e.kb_id in kb.actors)
    return out


def link_camp_bodies(cands: Sequence[Cand], kb: KnowledgeBase) -> None:
    """A camp-unstated body («الجيش الليبي») in an article that names exactly one camp's body of that
    kind («الجيش الوطني الليبي») is that body (in place)."""
    readings = camp_readings(kb)
    if not readings:
        return
    linked = {c.kb_ids[0] for c in cands if len(c.kb_ids) == 1}
    for c in cands:
        if len(c.kb_ids) == 1 and c.kb_ids[0] in readings:
            named = readings[c.kb_ids[0]] & linked
            if len(named) == 1:
                c.kb_ids = [next(iter(named))]


_FORCE_HEADS = ("قوات", "القوات")


@per_kb
def forces_of(kb: KnowledgeBase) -> dict[str, str]:
    """Body id -> the one armed actor the KB names «قوات X», «القوات الموالية لX» or «القوات التابعة لX»
    after one of the body's names (gna → gna_forces), or for a state's government of the generated state
    bodies (`xx_govt`) that state's army (`xx_army`)."""
    by_name: dict[str, set[str]] = {}
    for actor in kb.actors.values():
        if actor.type == "ARMED_GROUP":
            for text in (actor.name, *(a.text for a in actor.aliases if not a.context)):
                by_name.setdefault(name_key(text), set()).add(actor.id)
    out: dict[str, str] = {}
    for body in kb.actors.values():
        if body.type != "ORGANIZATION":
            continue
        found: set[str] = set()
        for text in (body.name, *(a.text for a in body.aliases if not a.context)):
            key = name_key(text)
            genitive = "ل" + key[2:] if key.startswith("ال") else "ل" + key
            for form in ("قوات " + key, "القوات الموالية " + genitive, "القوات التابعة " + genitive):
                found |= by_name.get(name_key(form), set())
        army = f"{body.id[:-5]}_army" if body.id.endswith("_govt") else None  # scripts/build_state_bodies.py ids
        if not found and army in kb.actors and kb.actors[army].type == "ARMED_GROUP":
            found.add(army)
        if len(found) == 1:
            out[body.id] = found.pop()
    return out


def link_forces_of_bodies(cands: Sequence[Cand], kb: KnowledgeBase) -> None:
    """A group the KB does not know, named as forces of a body it knows («قوات موالية للحكومة X», «قوات
    الحكومة X»), is that body's forces when the KB has one actor for them (in place)."""
    table = forces_of(kb)
    bodies = [c for c in cands if len(c.kb_ids) == 1 and c.kb_ids[0] in table]
    if not bodies:
        return
    for c in cands:
        if c.kb_ids or c.type != "ARMED_GROUP" or not (c.name or "").startswith(_FORCE_HEADS):
            continue
        inner = {b.kb_ids[0] for b in bodies if c.first < b.first and b.last == c.last}
        if len(inner) == 1:
            c.kb_ids, c.type, c.name = [table[inner.pop()]], None, None


def _country_named(kb: KnowledgeBase, text: str) -> str | None:
    """The country code of a country's name («العراق» → IQ), or None."""
    for entry in kb.lookup(text):
        rec = kb.get(entry.kb_id)
        if isinstance(rec, Place) and rec.kind == "country" and rec.country:
            return rec.country.upper()
    return None


#: descriptions that name the same body in other words (grouped as one entity)
_SYNONYMS = {"سلاح الجو": "القوات الجويه", "القوات الحكوميه": "قوات الحكومه", "الطيران الحربي": "القوات الجويه",
             "قوات الجيش": "الجيش"}


def _key(c: Cand) -> str:
    if c.kb_id:
        return "kb:" + c.kb_id
    return f"new:{c.type}:" + _words_key(c.name or "")


def _words_key(name: str) -> str:
    """A description's words, with the synonyms that name the same body made one («سلاح الجو» = «القوات الجوية»)."""
    words = " ".join(name_words(name))
    for phrase, same in _SYNONYMS.items():
        if words == phrase or words.startswith(phrase + " "):
            return same + words[len(phrase):]
    return words


def join_linked_descriptions(cands: Sequence[Cand], text: str) -> None:
    """An unlinked description written like a linked mention of the same article («قوات الحكومة» after
    «القوات الحكومية» was linked) is that mention's entity (in place; words linked to two ids are left)."""
    linked: dict[str, set[str]] = {}
    for c in cands:
        if c.kb_id and c.source != "coref":
            linked.setdefault(_words_key(text[c.start:c.end]), set()).add(c.kb_id)
    if not linked:
        return
    for c in cands:
        if not c.kb_ids and c.name and c.type in ("ORGANIZATION", "ARMED_GROUP"):
            ids = linked.get(_words_key(c.name), set())
            if len(ids) == 1:
                c.kb_ids, c.type, c.name = [next(iter(ids))], None, None


#: a last name seen this often in news is an everyday word too, not linked on its own
SURNAME_MAX_COUNT = 300


def link_surnames(cands: list[Cand], tokens: Sequence[Token], text: str, kb: KnowledgeBase,
                  given: frozenset[str], max_count: int = SURNAME_MAX_COUNT,
                  stop: frozenset[str] = frozenset()) -> list[Cand]:
    """Lone surnames and partial names that refer to a person named in full elsewhere in the article
    (a last name seen `max_count` times or more in news, or a function word of `stop`, is not linked
    on its own)."""
    persons: dict[str, Cand] = {}
    for c in cands:
        if _type(c, kb) != "PERSON":
            continue
        words = name_words(c.name or "") if not c.kb_id else name_words(kb.actors[c.kb_id].name) if c.kb_id in kb.actors else ()
        if len(words) >= 2 and words[-1] not in stop and words[-1] not in given and len(words[-1]) > 2 \
                and word_count(words[-1]) < max_count:
            persons.setdefault(words[-1], c)  # not «الأحمر» (red) for «علي محسن الأحمر»
    if not persons:
        return []
    for c in cands:  # a lone surname the NER model proposed as a person of its own
        if c.source == "ner" and c.type == "PERSON" and not c.kb_ids:
            words = name_words(c.name or "")
            ref = persons.get(words[0]) if len(words) == 1 else None
            if ref is not None and ref is not c:
                c.name, c.kb_ids, c.type = ref.name, list(ref.kb_ids), ref.type
    covered = set()
    for c in cands:
        covered.update(range(c.first, c.last + 1))
    out: list[Cand] = []
    for i, tok in enumerate(tokens):
        if i in covered:
            continue
        for form, start in ((tok.norm, tok.start), (tok.stem, tok.stem_start)):
            ref = persons.get(form)
            if ref is not None:
                out.append(Cand(i, i, start, tok.end, list(ref.kb_ids), ref.type, ref.name, "coref",
                                confidence=0.8))
                break
    return out


def _type(c: Cand, kb: KnowledgeBase) -> str | None:
    if c.type:
        return c.type
    rec = kb.get(c.kb_ids[0]) if c.kb_ids else None
    return rec.type if rec is not None else None


#: sources of mentions that refer back to a name (a surname, «الجيش», «التنظيم»)
_BACK = frozenset({"coref", "nominal"})


def assemble(cands: list[Cand], hints: Sequence[Hint], kb: KnowledgeBase, text: str,
             given: frozenset[str] = frozenset()) -> list[Entity]:
    """Group candidates into entities (ids in order of first mention) and set `cand.entity`."""
    # an unknown name that ends with a known person's surname is that person («أحمد المسماري» → KB)
    surname_index: dict[str, str] = {}
    for c in cands:
        if c.kb_id and _type(c, kb) == "PERSON":
            for w in name_words(text[c.start:c.end])[-1:]:
                surname_index.setdefault(w, c.kb_id)
    for c in cands:
        if not c.kb_ids and c.type == "PERSON":
            words = name_words(c.name or "")
            if len(words) >= 2 and words[-1] in surname_index:
                known = kb.actors.get(surname_index[words[-1]])
                first = name_words(known.name)[:1] if known is not None else ()
                if first and words[0] in given and first != (words[0],):
                    continue  # «محمد الثني» is not «عبدالله الثني»
                c.kb_ids = [surname_index[words[-1]]]
                c.type = None
    join_linked_descriptions(cands, text)
    groups: dict[str, list[Cand]] = {}
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        groups.setdefault(_key(c), []).append(c)
    entities: list[Entity] = []
    for n, (key, members) in enumerate(groups.items(), start=1):
        eid = f"e{n}"
        first = members[0]
        spans, seen = [], set()
        for m in members:
            m.entity = eid
            if (m.start, m.end) not in seen:
                seen.add((m.start, m.end))
                spans.append(Span(m.start, m.end, text[m.start:m.end]))
        rec = kb.get(first.kb_id) if first.kb_id else None
        # a descriptive mention («رئيس المجلس الرئاسي») does not name an entity the article names otherwise,
        # nor does a word referring back («التنظيم» for «داعش»)
        plain = [m for m in members if not m.outer]
        named = [Span(m.start, m.end, text[m.start:m.end]) for m in plain if m.source not in _BACK] \
            or [Span(m.start, m.end, text[m.start:m.end]) for m in plain] or spans
        if isinstance(rec, Actor):  # the article's own words, the KB's canonical name behind kb_id
            place = kb.places.get(rec.place) if rec.place else None
            ent = Entity(eid, rec.type, article_name(named, text, kb, rec, rec.name), spans, rec.name_en, rec.id,
                         place.geo if place else None, kind=place.kind if place else None, kb_name=rec.name)
        elif isinstance(rec, Place):
            ent = Entity(eid, rec.type, article_name(spans, text, kb, rec, rec.name), spans, rec.name_en, rec.id,
                         rec.geo, kind=rec.kind, kb_name=rec.name)
        else:
            name = max((m.name or " ".join(text[m.start:m.end].split()) for m in members), key=len)
            ent = Entity(eid, first.type or "ORGANIZATION", name, spans)
        ent.confidence = max(m.confidence for m in members)
        entities.append(ent)
    by_id = {e.id: e for e in entities}
    for h in hints:
        if h.title and h.head.entity in by_id:
            roles = by_id[h.head.entity].roles
            if h.title not in roles:
                roles.append(h.title)
    return entities


_OWN_GROUP = {"قبيلته": "TRIBE", "قبيلتها": "TRIBE", "قبيلتهم": "TRIBE", "عشيرته": "TRIBE", "عشيرتها": "TRIBE"}


def link_group_pronouns(cands: list[Cand], tokens: Sequence[Token], kb: KnowledgeBase) -> list[Cand]:
    """«قوات قبيلته»: a possessed group word refers to the last group of that kind named before it."""
    out: list[Cand] = []
    covered = set()
    for c in cands:
        covered.update(range(c.first, c.last + 1))
    ordered = sorted(cands, key=lambda c: c.start)
    for i, tok in enumerate(tokens):
        want = _OWN_GROUP.get(tok.stem if tok.prefix else tok.norm)
        if want is None or i in covered:
            continue
        ref = None
        for c in ordered:
            if c.end > tok.start:
                break
            if _type(c, kb) == want:
                ref = c
        if ref is not None:
            out.append(Cand(i, i, tok.stem_start, tok.end, list(ref.kb_ids), ref.type, ref.name, "coref",
                            confidence=0.7))
    return out


_ARMY_WORDS = frozenset({"الجيش", "جيش", "قوات الجيش", "القوات المسلحه", "الجيش الوطني", "قوات الجيش الوطني",
                         "الجيش الليبي", "قوات الجيش الليبي",
                         "المؤسسه العسكريه", "جيش الشرق", "الجيش في الشرق", "القوات النظاميه",
                         "القوات النظاميه الليبيه"})
#: bare definite words that name the article's main body of a kind: word -> (type, word its names contain)
_GENERIC_HEADS = {"جيش": ("ARMED_GROUP", "جيش"), "حكومه": ("ORGANIZATION", "حكوم")}


def main_body(cands: Sequence[Cand], kb: KnowledgeBase, etype: str = "ARMED_GROUP",
              marker: str = "جيش") -> str | None:
    """The KB actor of `etype` whose names contain `marker` that the article names most, if any."""
    counts: Counter[str] = Counter()
    for c in cands:
        if c.kb_id and _type(c, kb) == etype and _named_like(kb, c.kb_id, marker):
            counts[c.kb_id] += 1
    if not counts:
        return None  # a body whose camp the article states wins over one named without it
    return max(counts, key=lambda k: (not camp_unstated(kb.actors.get(k)), counts[k]))


def main_army(cands: Sequence[Cand], kb: KnowledgeBase) -> str | None:
    """The army (an ARMED_GROUP of the KB called a «جيش») the article names most, if any."""
    return main_body(cands, kb, "ARMED_GROUP", "جيش")


def relink_generic_bodies(cands: Sequence[Cand], army: str | None, known: Sequence[Cand] = (),
                          tokens: Sequence[Token] = (), kb: KnowledgeBase | None = None) -> None:
    """Rule candidates named «قوات الجيش», «القوات المسلحة» … become mentions of the main army, or of
    the army of the country named right after them («القوات المسلحة في شرقي ليبيا»)."""
    if army is None:
        return
    for c in cands:
        words = " ".join(name_words(c.name or ""))
        if not c.kb_ids and c.source == "rule" and (words in _ARMY_NORMS or words.startswith(("جيش ", "الجيش "))):
            own = _army_of_place_after(c, known, tokens, kb) if kb is not None else None
            c.kb_ids, c.type, c.name = [own or army], None, None  # «جيش الحكومة المعترف بها دوليا»


def _army_of_place_after(c: Cand, known: Sequence[Cand], tokens: Sequence[Token], kb: KnowledgeBase) -> str | None:
    """The army named in the article whose country is that of a place right after «في»."""
    j = c.last + 1
    if j + 1 >= len(tokens) or tokens[j].norm not in ("في", "فى"):
        return None
    place = next((k for k in known if k.first == j + 1 and k.kb_id and isinstance(kb.get(k.kb_id), Place)), None)
    country = country_of(kb, place.kb_id) if place is not None and place.kb_id else None
    if country is None:
        return None
    for k in known:
        if k.kb_id and _type(k, kb) == "ARMED_GROUP" and _named_like(kb, k.kb_id, "جيش") \
                and country_of(kb, k.kb_id) == country:
            return k.kb_id
    return None


def link_generic_bodies(cands: list[Cand], tokens: Sequence[Token], kb: KnowledgeBase) -> list[Cand]:
    """Bare «الجيش» / «الحكومة» tokens that are not yet mentions become mentions of the army or the
    government the article names most (when it names one)."""
    bodies = {head: main_body(cands, kb, etype, marker) for head, (etype, marker) in _GENERIC_HEADS.items()}
    if not any(bodies.values()):
        return []
    covered = set()
    for c in cands:
        covered.update(range(c.first, c.last + 1))
    out = []
    for i, tok in enumerate(tokens):
        if i in covered or not (tok.prefix.endswith(("ال", "لل")) or tok.norm.startswith("ال")):
            continue
        head = tok.stem if tok.prefix else tok.norm[2:]
        body = bodies.get(head)
        if body is None:
            continue
        if tok.prefix.endswith("لل"):
            start = tok.stem_start - 1
        elif tok.prefix.endswith("ال"):
            start = tok.stem_start - 2
        else:
            start = tok.start
        out.append(Cand(i, i, start, tok.end, [body], source="coref", confidence=0.6))
    return out


def _named_like(kb: KnowledgeBase, kb_id: str, marker: str) -> bool:
    """An actor one of whose names is headed by `marker` («الجيش الوطني», «جيش حفتر», «قوات الجيش»), not
    one that only holds it in a genitive («القيادة العامة للجيش»: a command, not an army)."""
    actor = kb.actors.get(kb_id)
    if actor is None:
        return False
    for name in (actor.name, *(a.text for a in actor.aliases)):
        words = normalise(name).split()
        heads = words[:2] if words[:1] in (["قوات"], ["القوات"]) else words[:1]
        if any(w.startswith(marker) or w.startswith("ال" + marker) for w in heads):
            return True
    return False


_ARMY_NORMS = frozenset(" ".join(name_words(w)) for w in _ARMY_WORDS)


def merge_unnamed_roles(hints: Sequence[Hint]) -> None:
    """«الناطق باسم الجيش» with no name is the spokesman of that body named elsewhere in the article."""
    named: dict[tuple[str, str], Cand] = {}
    for h in hints:
        if h.type in ("SPOKESPERSON_OF", "LEADS", "COMMANDS") and not h.head.outer:
            named.setdefault((h.type, _identity(h.tail)), h.head)
    for h in hints:
        if h.head.outer and h.head.type == "PERSON" and not h.head.kb_ids:
            person = named.get((h.type, _identity(h.tail)))
            if person is not None:
                h.head.kb_ids, h.head.type, h.head.name = list(person.kb_ids), person.type, person.name


def link_unnamed_holders(cands: Sequence[Cand], hints: Sequence[Hint], kb: KnowledgeBase) -> None:
    """A holder with no name («رئيس المجلس الرئاسي», «الرئيس الفرنسي») is the one person the article names
    whom the KB gives that office: an affiliation of the hint's type to the same body, or the same role."""
    mentioned = {c.kb_id for c in cands if c.kb_id and c.kb_id in kb.actors and kb.actors[c.kb_id].type == "PERSON"}
    if not mentioned:
        return
    for h in hints:
        head = h.head
        if not (head.outer and head.type == "PERSON" and not head.kb_ids):
            continue
        if h.type == "ROLE":
            role = " ".join(name_words(head.name or ""))
            found = {p for p in mentioned if role in {" ".join(name_words(r)) for r in kb.actors[p].roles}}
        elif h.tail.kb_id:
            found = {p for p in mentioned
                     if any(a.type == h.type and a.target == h.tail.kb_id for a in kb.actors[p].affiliations)}
        else:
            continue
        if len(found) == 1:
            head.kb_ids, head.type, head.name = [found.pop()], None, None


def _identity(c: Cand) -> str:
    return c.kb_id or "new:" + " ".join(name_words(c.name or ""))

