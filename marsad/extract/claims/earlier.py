"""The source when none follows the verb: a subject before it («المرصد قال», «وكان فلان قد أعلن»),
an anonymous head or title right before it, or the previous claim's source carried over («وأضاف»)."""

from __future__ import annotations

from marsad.extract.claims.cues import Cue
from marsad.extract.claims.refer import TitleReference
from marsad.extract.claims.state import State
from marsad.extract.claims.words import (
    BUT,
    IMPERSONAL,
    KANA,
    LINKS,
    NOT_SUBJECT,
    PLURAL_ENDINGS,
    RELATIVE,
    SKIP_SUBJECT,
    Source,
    THAT,
)
from marsad.extract.names.cands import Cand
from marsad.text.normalise import normalise


class EarlierSourceSteps(State):
    """The source named before the cue, or carried over from the last claim."""

    def _subject_before(self, i: int) -> Source | None:
        """«وكان الناطق …، أحمد المسماري، قد قال»: a person or body named before the cue."""
        s0 = self.sentence_start(i)
        if i - s0 > 25:
            s0 = i - 25
        if not self._inside_content(i, s0):
            # «…، لكن مسؤولاً ليبياً اتهم», «…، لكن حفتر أوضح أن …»: right before the verb, whatever came before
            near = self._anonymous_before(i, s0) or self._adjacent_subject(i, s0) or self._title_before(i, s0)
            if near is not None:
                return near
        if any((c := self.cue_at(k)) is not None and not c.weak for k in range(s0, i)):
            return None
        anonymous = self._anonymous_before(i, s0)
        if anonymous is not None:
            return anonymous
        found = self.mentions_in(s0, i - 1)
        opening = self._kana_subject(s0, found) or self._first_subject(i, s0, found)
        if opening is not None:
            return opening
        persons = [m for m in found if self.types.get(m.entity or "") == "PERSON"]
        if persons:
            p = persons[-1]
            return Source("named_person", p.entity, self.text[p.start:p.end])
        return None

    def _first_subject(self, i: int, s0: int, found: list[Cand]) -> Source | None:
        """«وأصدرت المحكمة مذكرة بحق فلان، وطالبت بتوقيفه»: a verb joined by «و» shares the subject of the verb
        that opens its sentence (named within its first three words), not the last person named before it."""
        toks = self.tokens
        if toks[i].prefix[:1] not in ("و", "ف") or s0 != self.sentence_start(i) or not self._no_subject(i) \
                or self.word(s0) in NOT_SUBJECT or toks[s0].prefix[:1] in ("ب", "ل", "ك") or not toks[s0].text[:1].isalpha() \
                or self._according_at(s0) is not None:
            return None  # («واكد زملاؤه أنه …»: a subject of its own follows; «وفقاً للكرملين، هنأ …»: no verb opens)
        m = next((m for m in found if m.first <= s0 + 2 and self._can_speak(m)), None)
        if m is None or any(toks[k].text in "،,:" for k in range(s0, m.first)):
            return None
        return Source(self._kind(m), m.entity, self.text[m.start:m.end], -1)

    def _clause_subject(self, i: int) -> Source | None:
        """The speaker a participle at token i takes from its own sentence when no cue spoke there before it:
        the one named right after the verb opening a clause of the sentence («وفي ختام زيارته، سخر رئيس المفوضية،
        فلان، من …، قائلاً»); None when no clause opens with a verb and a named subject."""
        toks = self.tokens
        s0 = self.sentence_start(i)
        if i - s0 > 40 or self._claims_with_cue_in(toks[s0].start, toks[i].start):
            return None
        starts = [s0] + [k + 1 for k in range(s0, i - 2) if toks[k].text in "،,"]
        for p in starts:
            tok = toks[p]
            if not tok.text[:1].isalpha() or self.word(p) in NOT_SUBJECT or tok.prefix[:1] in ("ب", "ل", "ك") \
                    or p in self.named_at or self._according_at(p) is not None or self.cue_at(p) is not None \
                    or tok.norm.startswith("ال"):
                continue
            source = self._subject(p + 1, min(i - 1, p + 14))
            if source is not None and source.kind != "anonymous" and source.speaker and 0 <= source.last < i:
                return source
            return None  # the first clause that opens with a verb decides
        return None

    def _title_before(self, i: int, s0: int) -> Source | None:
        """«إلا أن وزير الخارجية الأميركي حذر …»: a title right before the verb names the person it introduced."""
        if self.tokens[i].prefix[:1] in ("و", "ف"):
            return None
        k = i - 1
        while k >= s0 and i - k <= TitleReference.MAX_WORDS and self.tokens[k].text[:1].isalpha() \
                and self.tokens[k].norm not in THAT and self.word(k) not in LINKS and self.tokens[k].norm not in LINKS:
            k -= 1
        for start in range(k + 1, i - 1):  # the longest title first
            person = self.titles.person_for(start, i - 1)
            if person is not None:
                return Source("named_person", person.entity,
                               " ".join(self.text[self.tokens[start].start:self.tokens[i - 1].end].split()), -1)
        return None

    def _anonymous_before(self, i: int, s0: int) -> Source | None:
        """«لكن منتقدين يقولون إن …», «وكانت مصادر ليبية قد ذكرت أن …»: an unnamed head up to four words before."""
        for back in range(i - 1, max(s0 - 1, i - 5), -1):
            if self.tokens[back].text in "،,:\"«»":
                return None
            if self.tokens[back].norm in self.sets.unnamed_spokesman:  # «لكن متحدثة عسكرية قالت إن …»
                body = self._spokesman_for(back, i - 1)
                if body is not None:
                    return body
            if self.word(back) in self.anonymous or self.tokens[back].norm in self.anonymous \
                    or self.tokens[back].norm in self.sets.unnamed_spokesman:
                src = Source("anonymous", None, " ".join(self.text[self.tokens[back].start:self.tokens[i - 1].end].split()))
                self.last_anonymous = src
                return src
        return None

    def _inside_content(self, i: int, s0: int) -> bool:
        """True when cue i stands in the reported clause of an earlier cue of its sentence («قال فلان إن
        السلطات أبدت …»)."""
        for k in range(i - 1, s0 - 1, -1):
            if (self.tokens[k].norm in THAT or self.word(k) in THAT) and not (k > 0 and self.word(k - 1) in BUT):
                return any(self.cue_at(b) is not None or self._according_at(b) for b in range(s0, k))
        return False

    def _adjacent_subject(self, i: int, s0: int) -> Source | None:
        """«قوات الجيش أعلنت …», «الغرياني، الذي طالب …», «المرصد قال»: a speaker named right before a cue
        that has no conjunction of its own (subject, verb), or before «الذي» that opens its relative clause."""
        toks = self.tokens
        if toks[i].prefix[:1] in ("و", "ف"):
            return None
        k = i - 1
        if k > s0 and toks[k].norm in KANA | {"قد"}:
            k -= 1
        if k > s0 and toks[k].norm in RELATIVE:
            if self._object_pronoun(i):
                return None  # «الجماعة التي اتهمتها واشنطن»: the antecedent is the object
            k -= 1
            if k > s0 and toks[k].text in "،,":
                k -= 1
        if k < s0:
            return None
        spoken = [m for m in self.index.by_last.get(k, ()) if m.entity and self._can_speak(m)]
        if spoken:
            m = min(spoken, key=lambda m: m.first)
            person = self._titled_before(m.first, s0) if self.types.get(m.entity or "") != "PERSON" else None
            m = person or m  # «فلان، عضو اللجنة التنفيذية للمنظمة، قال»: the person, not the body in his title
            return Source(self._kind(m), m.entity, self.text[m.start:m.end], -1)
        body = self.refer.body_at(k)
        if body is not None:
            return Source(self._kind(body), body.entity, self.text[toks[k].start:toks[k].end], -1)
        if k == s0 or toks[k - 1].text in "،,":
            if toks[k].norm.startswith("ال") and self.word(k) in self.sets.media_head:
                outlet = self._last_media(toks[k].start)  # «الصحيفة تقول …»: the outlet named before
                if outlet is not None:
                    return Source("media", outlet, self.text[toks[k].start:toks[k].end], -1)
        return None

    def _titled_before(self, first: int, s0: int) -> Cand | None:
        """A person named up to eight words before token `first`, with only his title between."""
        for k in range(first - 1, max(s0, first - 8) - 1, -1):
            person = next((m for m in self.index.by_last.get(k, ()) if self.types.get(m.entity or "") == "PERSON"), None)
            if person is not None:
                return person
            if self.tokens[k].text in ".:؛\"«»" or self.cue_at(k) is not None:
                return None
        return None

    def _ruling_before(self, i: int, persons: bool = False) -> Source | None:
        """«حكماً غيابياً يقضي», «قرار ينص»: a document named up to three words before cue i, issued by the
        nearest body named before it in the sentence (or person, with `persons`: «أصدر فلان بياناً قال فيه»)."""
        s0 = self.sentence_start(i)
        kinds = ("organization", "named_person") if persons else ("organization",)
        for k in range(i - 1, max(s0, i - 3) - 1, -1):
            if self.tokens[k].text in "،,:\"«»":
                return None
            if self.word(k) in self.sets.document_head:
                bodies = [m for m in self.mentions_in(s0, k - 1) if self._kind(m) in kinds and self._can_speak(m)]
                speaker = bodies[-1].entity if bodies else None
                return Source("document", speaker, " ".join(self.text[self.tokens[k].start:self.tokens[i - 1].end].split()),
                               i)
        return None

    def _kana_subject(self, s0: int, found: list[Cand]) -> Source | None:
        """«وكان تنظيم X قد هدد بـ …»: the body or person named right after an opening «كان» speaks."""
        for k in (s0, s0 + 1):
            if k < len(self.tokens) and (self.tokens[k].norm in KANA or self.word(k) in KANA):
                m = next((m for m in found if m.first == k + 1 and self._can_speak(m)), None)
                if m is not None:
                    return Source(self._kind(m), m.entity, self.text[m.start:m.end], -1)
        return None

    def _carry(self, i: int) -> Source | None:
        """No subject: the previous claim's source carries over («وأضاف:», «وذكرت أن»); not when a
        subject the entity layer did not name stands after the cue («وقالت الحكومة إن …»)."""
        last = self.last_source
        if last is not None and last.kind == "named_person" and self.word(i).endswith(PLURAL_ENDINGS):
            return None  # «وطالبوا», «وأوضحوا»: a plural verb does not continue one person
        if self._attached(i):
            return None  # «ودوت صفارات الإنذار في البلدات تحذر من …»: the verb belongs to the noun before it
        return last if self._no_subject(i) else None

    def _attached(self, i: int) -> bool:
        """True when cue i has no conjunction of its own and follows a word of its sentence that neither
        links clauses («كما», «ثم», «قد») nor closes one: its subject is that word's noun phrase."""
        toks = self.tokens
        if toks[i].prefix[:1] in ("و", "ف") or i == 0 or toks[i - 1].sentence != toks[i].sentence:
            return False
        prev = toks[i - 1]
        return prev.text[:1].isalpha() and prev.norm not in LINKS and self.words[i - 1] not in LINKS

    def _impersonal(self, i: int) -> bool:
        """«يذكر أن …», «ويشار إلى أن …»: an impersonal form right before its opener is the outlet's own background."""
        return self.word(i) in IMPERSONAL and i + 1 < len(self.tokens) and (
            self.tokens[i + 1].norm in self.sets.opener or self.word(i + 1) in self.sets.opener)

    def _no_subject(self, i: int) -> bool:
        """True when nothing but an opener, a quote, a preposition or a time stands after cue i."""
        toks = self.tokens
        k = i + 1
        while k < len(toks) and (self.word(k) in SKIP_SUBJECT or toks[k].text in "،,") \
                and self.word(k) not in NOT_SUBJECT:
            k += 1
        if k >= len(toks) or toks[k].sentence != toks[i].sentence:
            return True
        tok = toks[k]
        if not tok.text[:1].isalpha() or self.word(k) in self.sets.opener or tok.norm in self.sets.opener:
            return True  # «وأضاف: "…"», «وذكرت أن …»
        if tok.prefix[:1] == "ل" or tok.norm in ("ل", "لـ") or self.word(k) in NOT_SUBJECT:
            return True  # «وقال لـ"سكاي نيوز"», «وأضاف في تصريح …»
        if self.word(i) in self.sets.calling or (self.table.cue_for(self.word(i)) or Cue("")).lemma in self.sets.calling:
            return True  # «ودعت جميع الأطراف إلى …»: the noun after a call is its object
        last = self.last_source
        if last is not None and last.text and tok.norm.startswith("ال") and self.word(k) in normalise(last.text):
            return True  # «كما أبدت المؤسسة أسفها»: the body named before, referred to by its head
        return bool(self.times_at.at(tok.start))
