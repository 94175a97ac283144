"""The `events` component: what happened, to whom, where, when, how surely, and according to whom.

Triggers come from the knowledge base's `event_triggers` lexicon (verbs and verbal nouns, matched
on the clitic-free stem, also with a pronoun suffix removed: «ولائهم» → «ولاء»; multi-word triggers
such as «خلق قوات» too). For each trigger, within its sentence:

- agents: an actor right after a verb («سيطرت قوات X»), else the nearest actor before it in the same
  clause (a subject, or «اتصالات حفتر … حشد»); a pronoun-only subject takes the last person named;
- targets: an actor after «على / ضد / من / في صفوف» or right after a verbal noun («طرد الجضران»);
- place: a place after «في / ب / قرب …», else a place in the same clause;
- time: a time expression in the sentence, else the time of the claim that carries the event;
- modality: attempted («حاول»), failed («باءت بالفشل»), denied (a denying claim or «لم»), planned
  («تعتزم»), possible («قد» + present, «ربما»), else asserted — cues from the `modality` lexicon;
- claim: the claim whose content contains the trigger (None when the narrator states it).
Repeated mentions of one happening (same type and participants) become one event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from marsad.extract.names.cands import Cand
from marsad.extract.spanindex import ByKey, LastBefore, Stabbing, clip_clause
from marsad.extract.tokindex import TokenIndex
from marsad.knowledge.cache import per_kb
from marsad.layers import MENTIONS
from marsad.model import Analysis, Claim, Event, Offsets, Span, Time, Token
from marsad.options import Option
from marsad.pipeline import register
from marsad.resources import Resources
from marsad.text.clitics import word_count
from marsad.text.normalise import normalise

#: events scoring below this are dropped (a verb with its agent scores 0.7; a bare noun 0.25)
MIN_CONFIDENCE = 0.6
#: a word seen this often with the article in news is a noun when it does not open its clause
_DEFINITE_SEEN = 20
_VIOLENT = frozenset({"ATTACK", "ARMED_CLASH", "VIOLENCE_AGAINST_CIVILIANS", "PROTEST", "ARREST"})
#: at most this many events (of different types) per sentence
MAX_PER_SENTENCE = 3
#: how far (in tokens) from its trigger an event's place may stand
PLACE_WINDOW = 12
def _s(n: str) -> str:
    """A normalised word without its article."""
    return n[2:] if n.startswith("ال") and len(n) > 3 else n


#: multi-word triggers beyond the lexicon («خلق قوات موازية»: forming forces)
_SUPPLEMENT = {
    "خلق قوات": "MOBILIZATION", "تشكيل قوات": "MOBILIZATION", "إنشاء قوات": "MOBILIZATION",
    "تشكيل قوة": "MOBILIZATION", "خلق قوة": "MOBILIZATION", "تأسيس قوات": "MOBILIZATION",
}
#: verbal nouns whose following genitive is the agent («هجوم تنظيم الدولة»); for the others it is the
#: one undergoing the event («طرد الجضران», «اعتقال X»)
_GENITIVE_AGENT = frozenset({"ATTACK", "ARMED_CLASH", "MOBILIZATION", "SUPPORT", "MEETING", "THREAT",
                             "ACCUSATION", "TERRITORY_CONTROL", "DEFECTION", "ALLEGIANCE", "AGREEMENT", "PROTEST"})
#: how far before a verbal noun its agent may stand
NOUN_AGENT_WINDOW = 4
_KILLING = frozenset(_s(normalise(w)) for w in ("قتل", "مقتل", "قتلوا", "قتلى", "قتيل", "قتيلا", "يقتل", "تقتل", "قتلت"))
_FALL = frozenset(_s(normalise(w)) for w in ("سقوط", "سقط", "سقطت", "انهيار", "انهار"))
_REGIME = frozenset(normalise(w) for w in ("نظام", "النظام", "حكم", "الحكم", "القذافي", "الرئيس"))
_RULING = frozenset(_s(normalise(w)) for w in ("حكم", "الحكم", "أحكام", "الأحكام", "حكما", "بحكم"))
_COURT = frozenset(_s(normalise(w)) for w in ("محكمة", "المحكمة", "قضائي", "قضائية", "بالإعدام", "بالسجن",
                                               "غيابيا", "القضاء", "النيابة", "إعدام", "الإعدام", "محاكمة"))
#: lexicon words that are not events in running news text («من أيدي», «الموالية» as an adjective)
_NOT_TRIGGERS = frozenset(_s(normalise(w)) for w in ("ايدي", "أيدي", "الموالية", "موالية", "الموالين", "الموالون",
                                                      "موالون", "الموالي", "موالين", "موال", "مؤتمر", "المؤتمر",
                                                      "حوار", "الحوار", "جولة", "الجولة", "اسلحه", "الاسلحه",
                                                      "ذخاير", "الذخاير", "ذخيره", "الذخيره", "امني", "الامني",
                                                      "امنيه", "الامنيه", "حرب", "الحرب", "حربه", "حروب", "ايد",
                                                      "مدعوم", "مدعومه", "المدعوم", "المدعومه", "مدعومين"))
_NOT_AFTER_BA = frozenset(_s(normalise(w)) for w in ("شكل",))
#: words that open a new clause, after which a verbal noun no longer shares the subject before
_NEW_CLAUSE = frozenset(normalise(w) for w in ("ما", "الذي", "التي", "الذين", "وهو", "وهي", "هو", "هي", "بينما",
                                                "حيث", "عندما", "لكن", "ولكن", "إذ", "أدى", "مما"))
#: light verbs whose object is the event («شنت قوات X هجوما», «قام سلاح الجو بقصف»)
_SUPPORT_VERBS = frozenset(_s(normalise(w)) for w in (
    "شن", "شنت", "شنوا", "يشن", "تشن", "خاض", "خاضت", "خاضوا", "يخوض", "تخوض", "نفذ", "نفذت", "نفذوا",
    "ينفذ", "تنفذ", "قام", "قامت", "قاموا", "يقوم", "تقوم", "أطلق", "أطلقت", "أطلقوا", "بدأ", "بدأت", "بدأوا",
    "تبنى", "تبنت", "أجرى", "أجرت", "عقد", "عقدت", "عقدوا", "فرض", "فرضت", "أحكم", "أحكمت", "بسط", "بسطت",
    "واصل", "واصلت", "استأنف", "استأنفت", "وقع", "وقعت", "أبرم", "أبرمت"))
_DENY = normalise("نفى")
#: plural nouns for the members of a group («متشددون من تنظيم الدولة»)
_MEMBERS = frozenset(_s(normalise(w)) for w in ("متشددون", "متشددين", "مسلحون", "مسلحين", "عناصر", "مقاتلون",
                                                 "مقاتلين", "أفراد", "جنود", "مسلحو", "مقاتلو"))
_TRY_VERBS = frozenset(_s(normalise(w)) for w in ("سعى", "سعت", "سعوا", "يسعى", "تسعى", "حاول", "حاولت",
                                                   "حاولوا", "يحاول", "تحاول", "محاولة", "محاولات", "خطط", "خططت"))
_STILL = frozenset(normalise(w) for w in ("زال", "زالت", "يزال", "تزال", "زالوا", "يزالون", "برح", "انفك"))
_UNSEEN = object()
_FIGURATIVE = frozenset(_s(normalise(w)) for w in ("إعلامية", "الإعلامية", "سياسية", "السياسية", "انتخابية",
                                                   "الانتخابية", "اقتصادية", "الاقتصادية", "دبلوماسية", "قضائية"))
_CIVIL_BODIES = frozenset(_s(normalise(w)) for w in ("حكومة", "الحكومة", "لجنة", "اللجنة", "مجلس", "المجلس",
                                                     "حزب", "الحزب", "هيئة", "الهيئة", "وزارة"))
_REFUSALS = frozenset(normalise(w) for w in ("رفض", "رفضوا", "رفضت", "يرفض", "يرفضون", "ترفض", "رفضه"))
_TRAINING = frozenset(normalise(w) for w in ("تدريب", "تدريبات", "دورات", "دوره", "تدريبيه"))
_PLURAL_TRY = frozenset(normalise(w) for w in ("حاولا", "حاولوا", "حاولتا", "سعيا", "سعوا"))
_CIVILIANS = frozenset((lambda n: n[2:] if n.startswith("ال") and len(n) > 3 else n)(normalise(w)) for w in (
    "مدنيين", "مدنيون", "المدنيين", "مدني", "أطفال", "طفل", "نساء", "امرأة", "سكان", "الأهالي", "أهالي",
    "مواطنين", "مواطنون", "لاجئين", "مهاجرين", "صحفي", "صحفيين", "عائلة", "عائلات", "مصلين", "أسرة"))
_DEMONSTRATIVES = frozenset(normalise(w) for w in ("هذه", "هذا", "تلك", "ذلك", "هذة", "هاته"))
_SUFFIXES = ("هما", "هم", "هن", "ها", "ه", "كم", "نا", "ي")
_TARGET_PREPS = frozenset({"على", "ضد", "من", "عن", "مع", "بحق", "تجاه", "الى", "إلى", "ل"})
_PLACE_PREPS = frozenset({"في", "فى", "ب", "قرب", "داخل", "جنوب", "شمال", "شرق", "غرب", "بمدينه", "بمنطقه", "نحو", "الى", "إلى", "من"})
_ACTOR_TYPES = frozenset({"PERSON", "ARMED_GROUP", "TRIBE", "ORGANIZATION", "GPE", "MEDIA"})
_PLACE_TYPES = frozenset({"GPE", "LOCATION"})
_CLAUSE_BREAK = frozenset({"،", ",", ";", "؛", ":", "(", ")"})
_PRONOUN_SUBJ = frozenset(normalise(w) for w in ("وأنه", "أنه", "إنه", "انه", "وهو", "هو", "فإنه"))

# built-in modality cues (the knowledge base's `modality` lexicon adds to them)
_BUILTIN_MODALITY = {
    "حاول": "attempted", "حاولت": "attempted", "حاولوا": "attempted", "حاولا": "attempted", "يحاول": "attempted",
    "تحاول": "attempted", "محاوله": "attempted", "محاولات": "attempted", "سعى": "attempted", "سعت": "attempted",
    "فشل": "failed", "فشلت": "failed", "فشلوا": "failed", "بالفشل": "failed", "احبط": "failed", "احبطت": "failed",
    "تعتزم": "planned", "يعتزم": "planned", "سوف": "planned", "يخطط": "planned", "تخطط": "planned",
    "ستقوم": "planned", "سيقوم": "planned", "تنوي": "planned", "ينوي": "planned", "مرتقب": "planned",
    "ربما": "possible", "يحتمل": "possible", "محتمل": "possible", "يرجح": "possible", "قد": "possible",
    "لم": "negation", "لن": "negation", "نفى": "denied", "نفت": "denied", "ينفي": "denied", "تنفي": "denied",
}


@dataclass(slots=True)
class _Trigger:
    first: int
    last: int
    type: str
    verb: bool
    form: str = ""  # the lexicon form matched («قتل» for «وقتله»)


class _Lexicon:
    """Trigger and modality tables from the knowledge base (built once per KB)."""

    def __init__(self, kb: object | None) -> None:
        self.single: dict[str, str] = {}
        self.multi: dict[tuple[str, ...], str] = {}
        self.modality: dict[str, str] = {normalise(k): v for k, v in _BUILTIN_MODALITY.items()}
        self.multi_first: frozenset[str] = frozenset()
        for words, etype in _SUPPLEMENT.items():
            self.multi.setdefault(tuple(_strip_al(normalise(w)) for w in words.split()), etype)
        self.multi_first = frozenset(k[0] for k in self.multi)
        if kb is None:
            return
        names = kb.lexicon_names()  # type: ignore[attr-defined]
        if "event_triggers" in names:
            for row in kb.lexicon("event_triggers"):  # type: ignore[attr-defined]
                words = tuple(normalise(row.get("term", "")).split())
                etype = (row.get("event_type") or row.get("type") or "").strip()
                if not words or not etype:
                    continue
                if len(words) == 1:
                    self.single.setdefault(_strip_al(words[0]), etype)
                else:
                    self.multi.setdefault(tuple(_strip_al(w) for w in words), etype)
        self.multi_first = frozenset(k[0] for k in self.multi)
        if "modality" in names:
            for row in kb.lexicon("modality"):  # type: ignore[attr-defined]
                term = normalise(row.get("term", "")).strip()
                if term and " " not in term:
                    self.modality.setdefault(term, row.get("modality", "").strip())
                elif term:
                    self.modality.setdefault(term, row.get("modality", "").strip())


def _strip_al(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


@per_kb
def _lexicon(kb: object | None) -> _Lexicon:
    """The trigger and modality tables of a knowledge base (built once per KB)."""
    return _Lexicon(kb)


@dataclass(frozen=True, slots=True)
class EventSettings:
    """The thresholds of the events component (its options)."""

    min_confidence: float = MIN_CONFIDENCE
    max_per_sentence: int = MAX_PER_SENTENCE
    place_window: int = PLACE_WINDOW
    noun_agent_window: int = NOUN_AGENT_WINDOW


OPTIONS = (
    Option("min_confidence", float, MIN_CONFIDENCE, "events scoring below this are dropped (a verb with its "
           "agent scores 0.7, a bare noun 0.25)", low=0.0, high=1.0),
    Option("max_per_sentence", int, MAX_PER_SENTENCE, "at most this many events (of different types) per sentence",
           low=0),
    Option("place_window", int, PLACE_WINDOW, "how far (in tokens) from its trigger an event's place may stand", low=0),
    Option("noun_agent_window", int, NOUN_AGENT_WINDOW, "how far (in tokens) before a verbal noun its agent may stand",
           low=0),
)


@register("events", requires=("tokens", "entities", "mentions", "times", "claims"), assigns=("events",),
          options=OPTIONS)
class EventFinder:
    """Finds events from trigger words and fills their arguments from the sentence."""

    def __init__(self, resources: Resources, *, min_confidence: float = MIN_CONFIDENCE,
                 max_per_sentence: int = MAX_PER_SENTENCE, place_window: int = PLACE_WINDOW,
                 noun_agent_window: int = NOUN_AGENT_WINDOW) -> None:
        self.lex = _lexicon(resources.kb)
        self.settings = EventSettings(min_confidence, max_per_sentence, place_window, noun_agent_window)

    def __call__(self, analysis: Analysis) -> Analysis:
        finder = _Finder(analysis, self.lex, self.settings)
        analysis.events = finder.run()
        return analysis


class _Finder:
    def __init__(self, analysis: Analysis, lex: _Lexicon, settings: EventSettings = EventSettings()) -> None:
        self.a = analysis
        self.lex = lex
        self.opts = settings
        self.tokens: Sequence[Token] = analysis.tokens
        self.text = analysis.text
        self.types = {e.id: e.type for e in analysis.entities}
        self.kinds = {e.id: e.kind for e in analysis.entities}
        mentions: list[Cand] = MENTIONS.get(analysis)
        self.mentions = [m for m in mentions if m.entity]
        self.stems = [_strip_al(t.stem if t.prefix else t.norm) for t in self.tokens]
        self._last_trigger: _Trigger | None = None
        self._found: dict[int, object] = {}
        self.index = TokenIndex(self.tokens, self.mentions)
        self.by_entity: dict[str, list[Cand]] = {}
        for m in self.mentions:
            self.by_entity.setdefault(m.entity or "", []).append(m)
        self.by_first: dict[int, list[Cand]] = {}
        for m in self.mentions:
            self.by_first.setdefault(m.first, []).append(m)
        # indexes that keep the look-ups below from scanning the whole article for every trigger
        self.near_entity = {e: ByKey(ms, _first) for e, ms in self.by_entity.items()}
        self.mentions_from = ByKey(self.mentions, _first)
        self.persons_ending = LastBefore([m for m in self.mentions if self.types.get(m.entity or "") == "PERSON"],
                                         lambda m: m.end)
        self.claims_at = Stabbing(analysis.claims, lambda c: (c.content.start, c.content.end))
        self.claim_by_id: dict[str, Claim] = {}
        for c in analysis.claims:
            self.claim_by_id.setdefault(c.id, c)
        self.times_from = ByKey(analysis.times, lambda t: t.start)
        self.time_by_id: dict[str, Time] = {}
        for t in analysis.times:
            if t.value:
                self.time_by_id.setdefault(t.id, t)

    def stem(self, i: int) -> str:
        """Token i without proclitics and article (precomputed)."""
        return self.stems[i]

    def trigger_at(self, i: int) -> _Trigger | None:
        """The trigger starting at token i (multi-word first), or None; the lexicon look-up is made
        once per token (only the verb reading depends on the triggers before it)."""
        found = self._found.get(i, _UNSEEN)
        if found is _UNSEEN:
            found = self._found[i] = self._lookup(i)
        if found is None:
            return None
        last, etype, form = found
        if last > i:
            return _Trigger(i, last, etype, False)
        return _Trigger(i, i, etype, self._is_verb(i, form), form)

    def _lookup(self, i: int) -> tuple[int, str, str] | None:
        """(last token, event type, lexicon form) of the trigger words starting at token i, or None."""
        tok = self.tokens[i]
        if not tok.text[:1].isalpha():
            return None
        for size in (3, 2) if self.stems[i] in self.lex.multi_first else ():
            if i + size <= len(self.tokens):
                key = tuple(self.stem(i + k) for k in range(size))
                etype = self.lex.multi.get(key)
                if etype:
                    return i + size - 1, etype, ""

        w = self.stem(i)
        etype = self.lex.single.get(w)
        if etype is None:
            for suf in _SUFFIXES:
                if w.endswith(suf) and len(w) - len(suf) >= 3:
                    base = w[: -len(suf)]
                    for form in (base, base.replace("ئ", "ء"), base[:-1] + "ء" if base.endswith("ي") else base):
                        etype = self.lex.single.get(form)
                        if etype:
                            w = form
                            break
                    if etype:
                        break
        if etype is None or w in _NOT_TRIGGERS or self.stem(i) in _NOT_TRIGGERS or \
                (tok.prefix == "ب" and w in _NOT_AFTER_BA):
            return None
        return i, etype, w

    def _is_verb(self, i: int, w: str) -> bool:
        """A trigger word read as a verb: never with the article; a word news also writes with the
        article («القصف», «الولاء») is a verbal noun unless it opens its clause («وقصفت …»)."""
        tok = self.tokens[i]
        if tok.prefix.endswith(("ال", "لل")) or tok.prefix[:1] in ("ب", "ل", "ك"):
            return False
        if w.endswith(("ات", "ه")) or (w.startswith("م") and len(w) >= 5):
            return False  # a plural or feminine noun («مواجهات», «غارة»), a mim-noun («مظاهرة»)
        if w[:1] in "يت" and len(w) >= 4:
            return True
        bases = [w] + [w[: -len(suf)] for suf in _SUFFIXES if w.endswith(suf) and len(w) - len(suf) >= 3]
        if all(word_count("ال" + b) < _DEFINITE_SEEN for b in bases):
            return True
        last = self._last_trigger
        if tok.prefix.startswith("و") and last is not None and not last.verb and i - last.last <= 8 \
                and self.tokens[last.first].sentence == tok.sentence:
            return False  # «السيطرة على …، وطرد الجضران»: coordinated with a verbal noun
        prev = self.tokens[i - 1] if i > 0 else None
        return prev is None or prev.sentence != tok.sentence or prev.text in _CLAUSE_BREAK or prev.norm == "قد"

    def run(self) -> list[Event]:
        """Every trigger's event, scored; the best per sentence kept, repeats merged."""
        scored: list[tuple[float, int, Event]] = []
        prev_trigger: _Trigger | None = None
        built: list[tuple[int, Event]] = []
        i = 0
        while i < len(self.tokens):
            trig = self.trigger_at(i)
            if trig is None or self._inside_name(i):
                i += 1
                continue
            self._last_trigger = trig
            if trig.first > 0 and self.tokens[trig.first - 1].norm in _DEMONSTRATIVES:
                i = trig.last + 1  # «هذه الانشقاقات»: refers back to an event already told
                continue
            same_sentence = trig.first > 0 and self.tokens[trig.first - 1].sentence == self.tokens[trig.first].sentence
            prev_word = self.stems[trig.first - 1] if same_sentence else ""
            if prev_word in _REFUSALS or (same_sentence and prev_trigger is not None
                                          and prev_trigger.last == trig.first - 1):
                i = trig.last + 1  # «رفضوا تولي …» did not happen; «حشد الدعم»: the object of a trigger
                prev_trigger = trig
                continue
            ev = self._build(trig, 0)
            if ev is not None and not ev.agents and built and (not trig.verb or self.tokens[trig.first].prefix.startswith("و")):
                last_first, last_ev = built[-1]
                gap = {self.tokens[k].norm for k in range(last_first + 1, trig.first)}
                if self.tokens[last_first].sentence == self.tokens[trig.first].sentence and last_ev.agents \
                        and trig.first - last_first <= 10 and not gap & _NEW_CLAUSE:
                    # «السيطرة على موانئ النفط، إعلان ولائهم لحفتر، وطرد الجضران»: one subject for all
                    ev.agents = [a for a in last_ev.agents if a not in ev.targets]
                    ev.confidence = min(0.95, ev.confidence + 0.25)
            if ev is not None:
                built.append((trig.first, ev))
            prev_trigger = trig
            i = trig.last + 1
            if ev is not None and ev.confidence >= self.opts.min_confidence:
                scored.append((ev.confidence, self.tokens[trig.first].sentence, ev))
        kept: list[Event] = []
        per_sentence: dict[int, list[str]] = {}
        seen: set[tuple] = set()
        for conf, sent, ev in sorted(scored, key=lambda x: (-x[0], x[2].trigger.start)):
            types = per_sentence.setdefault(sent, [])
            if ev.type in types or len(types) >= self.opts.max_per_sentence:
                continue
            key = (ev.type, tuple(sorted(ev.agents)), tuple(sorted(ev.targets)), ev.place)
            loose = (ev.type, ev.place, tuple(sorted(set(ev.agents) | set(ev.targets))))
            if key in seen or loose in seen or self._same_happening(ev, kept):
                continue
            seen.update((key, loose))
            types.append(ev.type)
            kept.append(ev)
        kept.sort(key=lambda e: e.trigger.start)
        for n, ev in enumerate(kept, start=1):
            ev.id = f"v{n}"
        return kept

    @staticmethod
    def _same_happening(ev: Event, kept: list[Event]) -> bool:
        """An event of the same type sharing a participant was already kept (the headline retold)."""
        people = set(ev.agents) | set(ev.targets)
        for other in kept:
            if other.type != ev.type:
                continue
            if people & (set(other.agents) | set(other.targets)):
                return True
        return False

    def _inside_name(self, i: int) -> bool:
        return i in self.index.inside

    def _clause(self, trig: _Trigger) -> tuple[int, int]:
        """Token range of the trigger's sentence, at most `MAX_CLAUSE_TOKENS` either side of it."""
        return clip_clause(self.index.sentence_start(trig.first), self.index.sentence_end(trig.last),
                           trig.first, trig.last)

    def _mention_at(self, i: int, types: frozenset[str]) -> Cand | None:
        for m in sorted(self.by_first.get(i, []), key=lambda m: -(m.last - m.first)):
            if self.types.get(m.entity or "") in types:
                return m
        return None

    def _build(self, trig: _Trigger, n: int) -> Event | None:
        lo, hi = self._clause(trig)
        toks = self.tokens
        agents: list[str] = []
        targets: list[str] = []
        place: str | None = None
        # after the trigger: agent (verb subject), targets after prepositions, place after «في»
        k = trig.last + 1
        steps = 0
        while k <= hi and steps < 10:
            tok = toks[k]
            if tok.text in _CLAUSE_BREAK and steps > 0:
                break
            if steps > 0 and self._starts_trigger(k):
                break  # the next event's words are its own
            m = self._mention_at(k, _ACTOR_TYPES | _PLACE_TYPES)
            if m is None and steps == 0 and trig.verb and self.stems[k] in _MEMBERS and k + 2 <= hi \
                    and toks[k + 1].norm == "من":
                # «اقتحم متشددون من تنظيم الدولة …»: the members' group is the agent
                m = self._mention_at(k + 2, _ACTOR_TYPES)
                if m is not None and self.can_act(m.entity) and self.types.get(m.entity or "") != "GPE":
                    agents.append(m.entity or "")
                    k = m.last + 1
                    steps += 1
                    continue
            if m is None and tok.norm in _TARGET_PREPS | _PLACE_PREPS and k + 1 <= hi:
                k += 1
                steps += 1
                continue
            if m is not None:
                etype = self.types[m.entity or ""]
                prev = toks[k - 1].norm if k - 1 > trig.last else ""
                via_prep = prev in _PLACE_PREPS or (m.source != "coref" and toks[k].prefix[:1] in ("ب",) and m.start > toks[k].start)
                if etype == "LOCATION" or (etype == "GPE" and (via_prep or prev == "في" or not self.can_act(m.entity))):
                    place = place or m.entity
                elif not agents and steps == 0 and self.can_act(m.entity) and (
                        trig.verb or (trig.type in _GENITIVE_AGENT and not tok.prefix[:1] in ("ل", "ب"))):
                    agents.append(m.entity or "")  # «سيطرت قوات X», «هجوم تنظيم الدولة»
                    nxt = m.last + 1
                    other = self._mention_at(nxt, _ACTOR_TYPES) if nxt <= hi and toks[nxt].prefix == "و" else None
                    if other is not None and self.can_act(other.entity) and other.entity not in agents:
                        agents.append(other.entity or "")  # «وتدعم الأمم المتحدة والاتحاد الأوروبي …»
                        k = other.last + 1
                        steps += 1
                        continue
                elif m.entity not in targets and etype != "MEDIA":
                    targets.append(m.entity or "")
                k = m.last + 1
                steps += 1
                continue
            k += 1
            steps += 1
        killing = self.stems[trig.first] in _KILLING or trig.form in _KILLING
        if not agents and not trig.verb:
            agent = self._support_verb_subject(trig, lo)
            if agent:
                agents.append(agent)  # «خاض الجيش، الخميس، مواجهات مع …», «قام سلاح الجو بقصف …»
        if not agents and not killing:
            agent = self._agent_before(trig, lo, near=None if trig.verb else self.opts.noun_agent_window)
            if agent:
                agents.append(agent)
        if not agents and any(self.tokens[k].norm in _PLURAL_TRY for k in range(max(lo, trig.first - 3), trig.first)):
            agents = self._persons_before(trig, lo)  # «X، وY، حاولا خلق قوات»: every subject
        targets = [t for t in targets if t not in agents]
        if place is None:
            place = self._place_in(lo, hi, trig)
        etype = trig.type
        if etype == "MOBILIZATION" and place and self.kinds.get(place) == "country" and \
                self.stems[trig.first] in _TRAINING | {_strip_al(normalise("التدريب"))}:
            # fighters trained abroad: the host country supports the group trained
            etype = "SUPPORT"
            group = self._group_before(trig, lo)
            agents, targets = [place], [group] if group else []
        if etype == "VIOLENCE_AGAINST_CIVILIANS" and not any(
                self.stems[k] in _CIVILIANS for k in range(max(lo, trig.first - 8), min(hi, trig.last + 10) + 1)):
            etype = "ATTACK"  # a killing with no civilians named is an attack
        if etype == "ARMED_CLASH":
            # a clash has two sides, and they bear arms (a speaker's «المعركة» names none)
            agents = [a for a in agents + [t for t in targets if t not in agents]
                      if self.types.get(a) in ("ARMED_GROUP", "TRIBE", "ORGANIZATION")]
            targets = []
        if not self._plausible(etype, trig, agents, targets, place, lo, hi):
            return None
        modality = self._modality(trig, lo, hi)
        purpose = toks[trig.first].prefix == "ل" or toks[trig.first].norm in ("لمحاوله",)
        if purpose:
            tried = any(self.stems[k] in _TRY_VERBS or self.tokens[k].norm[1:] in _TRY_VERBS
                        for k in range(max(lo, trig.first - 3), trig.first))
            if not tried:
                return None  # «… لمحاصرة الانشقاقات»: an aim, not a happening
            modality = "attempted"  # «سعت للسيطرة على الهلال النفطي»
        claim = self._claim(trig)
        time = self._time(lo, hi, claim)
        actors = [x for x in agents + targets if self.types.get(x) != "LOCATION"]
        conf = (0.45 if trig.verb else 0.35) + 0.25 * bool(agents) + 0.15 * bool(targets) + 0.1 * bool(place)
        if not actors:
            conf -= 0.1
        if trig.type in _VIOLENT and place:
            conf += 0.15
        if purpose:
            conf -= 0.1
        ev_start = toks[trig.first].start
        ev_end = toks[trig.last].end
        for ent in agents + targets + ([place] if place else []):
            near = self.near_entity[ent].between(lo, hi + 1) if ent in self.near_entity else ()
            if near:
                m = min(near, key=lambda m: abs(m.first - trig.first))
                ev_start, ev_end = min(ev_start, m.start), max(ev_end, m.end)
        trigger = Span(toks[trig.first].start, toks[trig.last].end,
                       self.text[toks[trig.first].start:toks[trig.last].end])
        return Event(f"v{n}", etype, trigger, Offsets(ev_start, ev_end), agents, targets, place, time,
                     modality, claim, min(conf, 0.95))

    def can_act(self, entity: str | None) -> bool:
        """Actors act; of places, only countries do («مصر تدعم …»), never cities or regions."""
        etype = self.types.get(entity or "")
        if etype == "GPE":
            return self.kinds.get(entity or "") == "country"
        return etype in _ACTOR_TYPES and etype != "MEDIA"

    def _starts_trigger(self, k: int) -> bool:
        """True when a trigger word stands at token k (without touching the coordination state)."""
        saved = self._last_trigger
        try:
            return self.trigger_at(k) is not None
        finally:
            self._last_trigger = saved

    def _plausible(self, etype: str, trig: _Trigger, agents: list[str], targets: list[str],
                   place: str | None, lo: int, hi: int) -> bool:
        """Type-specific sanity: control needs a place and no state as agent, an appointment a person,
        a verdict a court; «سقوط النظام» is not a battle."""
        if etype == "TERRITORY_CONTROL":
            if place is None or any(self.types.get(a) == "GPE" for a in agents):
                return False
            nxt = self.tokens[trig.last + 1].norm if trig.last + 1 < len(self.tokens) else ""
            after = self._mention_at(trig.last + 1, frozenset({"PERSON"}))
            if trig.form in _FALL and (nxt in _REGIME or after is not None):
                return False  # «سقوط النظام», «سقوط القذافي»
        if etype == "APPOINTMENT" and not any(self.types.get(x) == "PERSON" for x in agents + targets):
            return False
        if etype == "SUPPORT" and (not agents or not targets or self.tokens[trig.first].prefix[:1] == "ب"):
            return False  # «بدعم من …» qualifies another act; support needs a giver and a receiver
        if etype == "ARMED_CLASH" and any(self.types.get(a) == "GPE" for a in agents):
            return False
        nxt = self.stems[trig.last + 1] if trig.last + 1 <= hi else ""
        if etype in ("ARMED_CLASH", "ATTACK") and nxt in _FIGURATIVE:
            return False  # «معركة إعلامية شرسة», «حرب سياسية»
        if etype == "MOBILIZATION" and nxt in _CIVIL_BODIES:
            return False  # «وشكلت حكومة»: forming a government is not mobilising
        if etype == "TERRITORY_CONTROL" and not agents and not trig.verb:
            return False  # «السيطرة» with no one taking control
        if etype == "LEGAL_ACTION" and self.stems[trig.first] in _RULING and not any(
                self.stems[k] in _COURT for k in range(lo, hi + 1)):
            return False
        return True

    def _agent_before(self, trig: _Trigger, lo: int, near: int | None = None) -> str | None:
        """The nearest actor before the trigger in its clause (or the pronoun's referent); within
        `near` tokens and no comma between for a verbal noun."""
        k = trig.first - 1
        limit = 12 if near is None else near
        # «وكان رئيس المجلس الرئاسي، فايز السراج، قد التقى …»: the subject before «قد» may sit in commas
        pluperfect = near is None and k >= lo and self.tokens[k].norm == "قد"
        while k >= lo and trig.first - k <= limit:
            if near is not None and self.tokens[k].text in _CLAUSE_BREAK:
                break
            if self.tokens[k].text in _CLAUSE_BREAK and trig.first - k > 1 and not pluperfect:
                break
            if self.tokens[k].norm in _PRONOUN_SUBJ:
                return self._last_person(self.tokens[k].start)
            for m in self.index.by_last.get(k, ()):
                if self.can_act(m.entity):
                    return m.entity
            k -= 1
        return None

    def _support_verb_subject(self, trig: _Trigger, lo: int) -> str | None:
        """The subject of a light verb whose object is the verbal-noun trigger (شن، خاض، نفذ، قام بـ …)."""
        for s in range(trig.first - 1, max(lo - 1, trig.first - 9), -1):
            norm = self.tokens[s].norm
            if norm in _SUPPORT_VERBS or self.stems[s] in _SUPPORT_VERBS or (norm[:1] in "وف" and norm[1:] in _SUPPORT_VERBS):
                for m in self.mentions_from.between(s + 1, trig.first):
                    if m.last < trig.first and self.can_act(m.entity):
                        return m.entity
                return None
        return None

    def _persons_before(self, trig: _Trigger, lo: int) -> list[str]:
        """Every person named in the clause before the trigger (the subjects of a dual verb), within
        the quotation or indirect speech that holds it, if any."""
        pos = self.tokens[trig.first].start
        for c in self.claims_at.at(pos):
            while lo < trig.first and self.tokens[lo].start < c.content.start:
                lo += 1
        out: list[str] = []
        for m in self.mentions_from.between(lo, trig.first):
            if m.last < trig.first and self.types.get(m.entity or "") == "PERSON" and m.entity not in out:
                out.append(m.entity or "")
        return out

    def _group_before(self, trig: _Trigger, lo: int) -> str | None:
        """The nearest armed group named before the trigger in its sentence."""
        best = None
        for m in self.mentions_from.between(lo, trig.first):
            if m.last < trig.first and self.types.get(m.entity or "") == "ARMED_GROUP":
                best = m.entity
        return best

    def _last_person(self, before: int) -> str | None:
        m = self.persons_ending.at_most(before)
        return m.entity if m is not None else None

    def _place_in(self, lo: int, hi: int, trig: _Trigger | None = None) -> str | None:
        """The place nearest the trigger (after it first) introduced as a place, within a window."""
        centre = trig.first if trig else lo
        window = self.opts.place_window
        order = sorted(range(max(lo, centre - window), min(hi, centre + window) + 1),
                       key=lambda k: (k < centre, abs(k - centre)))
        for k in order:
            m = self._mention_at(k, _PLACE_TYPES)
            if m is not None:
                prev = self.tokens[k - 1].norm if k > lo else ""
                if self.types[m.entity or ""] == "LOCATION" or prev in _PLACE_PREPS or self.tokens[k].prefix[:1] == "ب":
                    return m.entity
        return None

    def _modality(self, trig: _Trigger, lo: int, hi: int) -> str:
        window = range(max(lo, trig.first - 4), min(hi, trig.last + 12) + 1)
        found = set()
        for k in window:
            tok = self.tokens[k]
            if k + 1 < len(self.tokens) and self.stems[k + 1] in _STILL:
                continue  # «ما زالت تسيطر», «لا يزال»: still, not a negation
            for form in (tok.norm, tok.stem):
                mod = self.lex.modality.get(form)
                if mod == "possible" and form == "قد":
                    nxt = self.tokens[k + 1].norm if k + 1 < len(self.tokens) else ""
                    if not nxt[:1] in ("ي", "ت", "ن") or k + 1 != trig.first and k + 2 != trig.first:
                        mod = None
                if mod:
                    found.add((mod, k < trig.first))
        kinds = {m for m, _ in found}
        if "failed" in kinds:
            return "failed"
        if "attempted" in kinds:
            return "attempted"
        neg_before = max((k for k in window if k < trig.first
                          and self.lex.modality.get(self.tokens[k].norm) == "negation"), default=-9)
        if "denied" in kinds or (("negation", True) in found and trig.first - 2 <= neg_before):
            return "denied"
        if any(c.cue_lemma == _DENY for c in self.claims_at.at(self.tokens[trig.first].start)):
            return "denied"
        if "planned" in kinds:
            return "planned"
        if ("possible", True) in found:
            return "possible"
        return "asserted"

    def _claim(self, trig: _Trigger) -> str | None:
        pos = self.tokens[trig.first].start
        best = None
        for c in self.claims_at.at(pos):
            if best is None or (c.content.end - c.content.start) < (best.content.end - best.content.start):
                best = c
        return best.id if best else None

    def _time(self, lo: int, hi: int, claim_id: str | None) -> dict[str, object] | None:
        start, end = self.tokens[lo].start, self.tokens[hi].end
        for t in self.times_from.between(start, end):
            if t.value:
                return {"value": t.value, "precision": t.precision}
        claim = self.claim_by_id.get(claim_id) if claim_id else None
        said = self.time_by_id.get(claim.time) if claim is not None and claim.time else None
        return {"value": said.value, "precision": said.precision} if said else None


def _first(m: Cand) -> int:
    return m.first
