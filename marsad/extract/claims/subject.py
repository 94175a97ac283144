"""The source named after a reporting verb: an anonymous head, an unnamed member or spokesman, a body
or person referred back to, a titled person, the speaker among several names, and its kind."""

from __future__ import annotations

from marsad.extract.claims.cues import Cue
from marsad.extract.claims.refer import TitleReference
from marsad.extract.claims.state import State
from marsad.extract.claims.words import (
    ACCUSE,
    CLOSE_TO,
    NOT_NAMING,
    OBJECT_PRONOUNS,
    ON_BEHALF,
    ON_BEHALF_PRONOUN,
    RELATIVE,
    SKIP_SUBJECT,
    SUBJECT_REACH,
    Source,
)
from marsad.extract.names.cands import Cand
from marsad.layers import HINTS
from marsad.text.normalise import normalise


#: «على لسان»: through the mouth of (the person after it speaks for the subject before it)
_ON, _MOUTH = normalise("على"), normalise("لسان")
#: «المسؤول» with the article: the official who spoke last, named or not
_OFFICIAL = frozenset(normalise(w) for w in ("مسؤول", "مسئول"))
#: how far after a document's head its issuer may be named («بيان صادر عن وزارة الدفاع»)
_ISSUER_REACH = 5
#: words that withhold a source's name («مشترطاً عدم الكشف», «رافضاً ذكر اسمه»)
_WITHHELD = frozenset(normalise(w) for w in ("مشترطا", "مشترطة", "شريطة", "شرط", "رافضا", "رافضة", "طالبا", "طالبة"))
#: how many words a speaker's description after «نقل … عن» may take before his name and the content
_DESCRIPTION_REACH = 16
#: how far into the subject «على لسان» may stand
_MOUTH_REACH = 10


class SubjectSteps(State):
    """The source named after the cue, and its kind."""

    def _source_of(self, i: int, cue: Cue, opener: int | None, end_sent: int, corroborating: bool) -> Source | None:
        """Who speaks at cue i: the subject after it, one before it, or the source carried over."""
        toks = self.tokens
        subj_last = (opener - 1) if opener is not None else min(end_sent, i + 12)
        source = self._subject(i + 1, subj_last, calling=cue.lemma in self.sets.calling)
        object_pronoun = self._object_pronoun(i)
        if source is not None and cue.lemma == ACCUSE and not object_pronoun and self._accused(source):
            source = None  # «واتهم تركيا بإيواء …»: the noun right before «بـ…» is the accused
        if source is None and object_pronoun and i > 0 and toks[i - 1].norm in RELATIVE:
            return None  # «الجماعة التي اتهمتها واشنطن»: only a subject after the verb can speak
        if cue.weak and (source is None or opener is None or source.last < 0 or source.last > i + 4
                         or opener > source.last + 6 or toks[i].prefix.endswith("ال")):
            return None
        if source is None:
            source = self._subject_before(i)
        if source is None and not corroborating:
            source = self._carry(i)
        if source is None:
            s_start = toks[self.sentence_start(i)].start
            if not self._no_subject(i) and not any(s_start <= c.cue.start < toks[i].start for c in self.claims):
                self.unnamed_in = toks[i].sentence  # a speaker the entity layer did not name: its participles are his
        return source

    def _object_pronoun(self, i: int) -> bool:
        """True when cue i carries an object pronoun («اتهمته», «يتهمها»; not «اتهم», «يتهم»)."""
        w = self.word(i)
        return any(w.endswith(p) and self.table.cue_for(w[:-len(p)]) is not None for p in OBJECT_PRONOUNS)

    def _accused(self, source: Source) -> bool:
        """True when the words right after an accusing cue's subject open the charge («بإيواء», «بأنه»)."""
        k = source.last + 1
        return source.kind != "anonymous" and 0 < k < len(self.tokens) and self.tokens[k].prefix.startswith("ب") and self.tokens[k].text[:1].isalpha()

    def _reported_from(self, source: Source, opener: int, end_sent: int) -> tuple[Source, Source | None, int | None]:
        """«ونقلت رويترز عن خالد عمر قوله إن …»: the speaker follows «عن» (possibly after a title), the
        subject relays; (source, relay, opener)."""
        toks = self.tokens
        relay = source if source.kind == "media" else None
        found = self.mentions_in(opener + 1, min(end_sent, opener + 4))
        if found and found[0].first <= opener + 2:
            pick = found[0]
            titled = self._titled_person(opener + 1, min(end_sent, opener + 10))
            if titled is not None and self.types.get(pick.entity or "") != "PERSON" \
                    and not self._opener(opener + 1, titled.last):
                return titled, relay, self._opener(titled.last + 1, end_sent)  # «عن السكرتير الدائم بوزارة …، فلان»
            return (Source(self._kind(pick), pick.entity, self.text[pick.start:pick.end], pick.last), relay,
                    self._opener(pick.last + 1, end_sent))
        if opener + 1 <= end_sent and self.word(opener + 1) in self.anonymous:
            desc_end = self._description_end(opener + 1, min(end_sent, opener + 6))
            anonymous = Source("anonymous", None, " ".join(self.text[toks[opener + 1].start:toks[desc_end].end].split()),
                                desc_end)
            return anonymous, relay, self._opener(desc_end + 1, end_sent)
        titled = self._titled_person(opener + 1, min(end_sent, opener + 10))
        if titled is not None and not self._opener(opener + 1, titled.last):
            return titled, relay, self._opener(titled.last + 1, end_sent)
        closing = self._person_before_opener(opener + 1, end_sent)
        if closing is not None:  # «نقلت X عن قائد الفرقة الرابعة التابعة للجيش بمنطقة Y فلان، أن …»
            return closing[0], relay, closing[1]
        return source, None, opener

    def _person_before_opener(self, first: int, end_sent: int) -> tuple[Source, int] | None:
        """(the person, the opener) when a person's name closes a long description that starts at `first` and
        the content opens right after it («عن قائد الفرقة … بمنطقة الدمازين فلان، أن …»); else None."""
        nxt = self._opener(first, end_sent)
        if nxt is None or nxt - first > _DESCRIPTION_REACH:
            return None
        k = nxt - 1
        while k > first and self.tokens[k].text in "،,":
            k -= 1
        person = next((m for m in self.index.by_last.get(k, ()) if self.types.get(m.entity or "") == "PERSON"), None)
        if person is None or person.first <= first or any(self.cue_at(t) is not None for t in range(first, person.first)):
            return None
        return Source("named_person", person.entity, self.text[person.start:person.end], person.last), nxt

    def _subject(self, first: int, last: int, calling: bool = False) -> Source | None:
        """The source named right after the cue (tokens first..last, before the opener), or None; after a call
        or charge (`calling`: «دعا», «اتهم») a body opening the subject speaks, not a person named after it."""
        toks = self.tokens
        while first <= last and (self.word(first) in SKIP_SUBJECT or toks[first].text in "،,"):
            first += 1
        if first > last:
            return None
        if toks[first].norm in ("ل", "لـ") or (toks[first].prefix[:1] == "ل" and self.index.by_first.get(first)):
            return None  # «وكان المسماري أعلن لـ"سكاي نيوز"»: the outlet spoken to is not the speaker
        mouth = self._through_mouth(first, last)
        if mouth is not None:  # «أدانت فرنسا، على لسان رئيسها فلان، …»: the one it speaks through
            return mouth
        apposed = self._person_closing(first, last)
        if apposed is not None:  # «وقال الخبير في معهد …، فلان، إن»: the person closing the subject speaks
            return apposed
        unnamed = self._unnamed_subject(first, last)
        if unnamed is not None:
            return unnamed
        found = self.mentions_in(first, last)
        if not found or found[0].first > first:
            referred = self._referred_subject(first, last)
            if referred is not None:
                return referred
        return self._named_subject(first, last, found, calling)

    def _through_mouth(self, first: int, last: int) -> Source | None:
        """«نقلت وكالة X على لسان فلان قوله», «أعلنت الوزارة على لسان المتحدث باسمها فلان»: the person named after
        «على لسان» in the subject speaks (an outlet before it relays); None when no one is named there."""
        toks = self.tokens
        for k in range(first, min(last, first + _MOUTH_REACH)):
            if toks[k].norm == _ON and toks[k + 1].norm == _MOUTH:
                person = next((m for m in self.mentions_in(k + 2, min(last, k + 3))
                               if self.types.get(m.entity or "") == "PERSON"), None)
                if person is None:
                    titled = self._titled_person(k + 2, last)
                    if titled is None:
                        return None
                    person_src = titled
                else:
                    person_src = Source("named_person", person.entity, self.text[person.start:person.end], person.last)
                before = [m for m in self.mentions_in(first, k - 1) if self._kind(m) == "media"]
                person_src.relay = before[0].entity if before else None
                return person_src
            if toks[k].text in ":\"«“" or self.word(k) in self.sets.opener:
                return None
        return None

    def _unnamed_subject(self, first: int, last: int) -> Source | None:
        """An anonymous source («مصدر عسكري», «المصدر» for the last one), an unnamed member («عضو في
        المجلس»), or an unnamed spokesman («متحدث باسم الحكومة» speaks for the body)."""
        toks = self.tokens
        head, head_full = self.word(first), toks[first].norm
        if (head in self.anonymous or head_full in self.anonymous) and not self._named_after(first, last):
            if head_full.startswith("ال") and head in _OFFICIAL and self.last_source is not None \
                    and self.last_source.kind == "named_person" and self._bare_reference(first, last):
                return self.last_source  # «وأضاف المسؤول» after «قال وزير الخارجية فلان»: the official named last
            if head_full.startswith("ال") and self.last_anonymous is not None:
                return self.last_anonymous
            return self._anonymous_from(first, last)
        if (head in self.sets.member_head or head_full in self.sets.member_head) and not any(
                self.types.get(m.entity or "") == "PERSON" for m in self.mentions_in(first, min(last, first + 6))):
            return self._anonymous_from(first, last)  # «وقال عضو في المجلس الرئاسي إن …»
        if head_full in self.sets.unnamed_spokesman and not self._named_after(first, last):
            return self._spokesman_for(first, last)
        return None

    def _bare_reference(self, first: int, last: int) -> bool:
        """True when the definite head at `first` is followed by no description of its own: at most an adjective
        («المسؤول الإثيوبي»), not «المسؤول بالإدارة …», «المسؤول في الوزارة» or a withheld name («طلب عدم ذكر اسمه»)."""
        toks = self.tokens
        nxt = first + 1
        if nxt <= last and toks[nxt].text[:1].isalpha() and not toks[nxt].norm.startswith("ال") \
                and self.word(nxt) not in self.sets.opener and toks[nxt].norm not in self.sets.opener \
                and not self.times_at.at(toks[nxt].start):
            return False  # «المسؤول بالإدارة», «المسؤول في الوزارة»: another official, described
        return not any(self.word(k) in self.sets.name_word or toks[k].norm in _WITHHELD
                       for k in range(first + 1, min(last, first + 12) + 1))

    def _anonymous_from(self, first: int, last: int) -> Source:
        """An anonymous source described from token `first` («مصدر عسكري مقرب من القيادة»)."""
        desc_end = self._description_end(first, last)
        src = Source("anonymous", None, " ".join(self.text[self.tokens[first].start:self.tokens[desc_end].end].split()),
                      desc_end)
        self.last_anonymous = src
        return src

    def _referred_subject(self, first: int, last: int) -> Source | None:
        """A subject that refers back: «المتحدث» (the spokesman named before), «الوكالة» (the outlet),
        a surname alone («عمر»), a body's head («المرصد»), a title's head («الوزير», «العميد»)."""
        toks = self.tokens
        head, head_full = self.word(first), toks[first].norm
        here = self.text[toks[first].start:toks[first].end]
        if head_full in self.sets.spokesman_anaphor and not self.mentions_in(first, min(last, first + 3)):
            ref = self._last_spokesman(toks[first].start)
            if ref is not None:
                return Source("named_person", ref, here, first)
        if head_full.startswith("ال") and head in self.sets.media_head and not self.mentions_in(first, min(last, first + 2)):
            ref = self._last_media(toks[first].start)
            if ref is not None:
                return Source("media", ref, here, first)
        named = self._surname(first, last)
        if named is not None:
            return named
        body = self.refer.body_at(first)
        if body is not None:
            return Source(self._kind(body), body.entity, here, first)
        person = self.titles.person_for_head(first, self.table.titles)  # «وأضاف الوزير» after «وزير الخارجية فلان»
        if person is not None:
            return Source("named_person", person.entity, here, first)
        return None

    def _named_subject(self, first: int, last: int, found: list[Cand], calling: bool = False) -> Source | None:
        """The speaker among the mentions of the subject: a document by its issuer, a titled person, a body
        opening the subject unless a person names it close by, never the one a spokesman speaks for."""
        if self.word(first) in self.sets.document_head:
            last_src = self.last_source
            if (not found or found[0].first > first + _ISSUER_REACH) and last_src is not None and last_src.speaker \
                    and last_src.kind in ("organization", "document") and (self.tokens[first].prefix.endswith("ال")
                                                                     or self.tokens[first].norm.startswith("ال")):
                # «وقالت الوزارة في بيان إن … وأضاف البيان أن …»: the statement of the body that spoke last
                end = first
                while end < min(last, first + 2) and self.tokens[end + 1].norm.startswith("ال") \
                        and self.word(end + 1) not in self.sets.opener and (end + 1) not in self.named_at \
                        and self.cue_at(end + 1) is None:
                    end += 1  # «التقرير الداخلي»: its adjectives
                return Source(last_src.kind, last_src.speaker,
                              " ".join(self.text[self.tokens[first].start:self.tokens[end].end].split()), end)
            speaker = found[0].entity if found else None
            return Source("document", speaker, " ".join(self.text[self.tokens[first].start:self.tokens[last].end].split()),
                           found[0].last if found else first)
        if not found or found[0].first > first + 3:
            return self._titled_person(first, last) or self._title_reference(first, found[0].first - 1 if found else last)
        found = [m for m in found if self._can_speak(m)]
        if not found or found[0].first > first + 3:
            return self._titled_person(first, last)
        if found[0].first == first:  # the subject opens with a body: a person later is its name only close by
            # («دعا المجلس الرئاسي حفتر إلى …»: after a call the person is the one called on)
            found = [m for m in found if m is found[0] or (not calling and self._apposed(first, m.first))]
        persons = [m for m in found if self.types.get(m.entity or "") == "PERSON" and not m.outer] or \
            [m for m in found if self.types.get(m.entity or "") == "PERSON"]
        if len(persons) > 1 and any(self.tokens[k].norm == ON_BEHALF for k in range(first, persons[0].first)):
            # «الناطق باسم القائد العام، العميد فلان»: the one spoken for does not speak
            persons = [p for p in persons if p.entity != persons[0].entity] or persons
        pick = persons[0] if persons else found[0]
        return Source(self._kind(pick), pick.entity, self.text[pick.start:pick.end], pick.last)

    def _surname(self, first: int, last: int) -> Source | None:
        """A one-word subject that is the last word of a person named in full before («خالد عمر» … «عمر»)."""
        toks = self.tokens
        if toks[first].prefix or (last > first and toks[first + 1].text not in "،,"):
            return None
        w = self.word(first)
        best = None
        for m in self.mentions:
            if first > m.last > m.first and self.types.get(m.entity or "") == "PERSON" and self.word(m.last) == w \
                    and (best is None or m.last > best.last):
                best = m
        if best is None:
            return None
        return Source("named_person", best.entity, toks[first].text, first)

    def _title_reference(self, first: int, last: int) -> Source | None:
        """«وقال وزير الخارجية الأميركي إن …»: a title alone names the person it introduced before."""
        k = first
        while k <= last and k - first < TitleReference.MAX_WORDS and self.tokens[k].text[:1].isalpha() \
                and self.word(k) not in self.sets.opener and self.tokens[k].norm not in self.sets.opener and not self._in_time(k):
            k += 1
        person = self.titles.person_for(first, k - 1)
        if person is None:
            return None
        return Source("named_person", person.entity, " ".join(self.text[self.tokens[first].start:self.tokens[k - 1].end].split()),
                       k - 1)

    def _person_closing(self, first: int, last: int) -> Source | None:
        """A person named last in a subject that opens with an unnamed head («الخبير في معهد X فلان»,
        «مسؤول في الوزارة، فلان،»), unless the head is close to him («مصدر مقرب من فلان»)."""
        toks = self.tokens
        if not (self.word(first) in self.anonymous or toks[first].norm in self.anonymous
                or self.word(first) in self.sets.member_head or toks[first].norm in self.sets.member_head):
            return None
        spoken_to = self._spoken_to_at(first, last)  # «الخبير في شؤون … فلان لموقع X إن»: the outlet after him
        k = spoken_to - 1
        while k > first and toks[k].text in "،,":
            k -= 1
        person = min((m for m in self.index.by_last.get(k, ()) if self.types.get(m.entity or "") == "PERSON"),
                     key=lambda m: m.first, default=None)  # the full name, not its last word alone
        if person is None or person.first <= first:
            return None
        if spoken_to <= last and not self._opens_name(person.first - 1):
            return None  # «مسؤول في إدارة فلان لوكالة X»: a name in the description, not the source's own
        if any(self.word(t) in CLOSE_TO or toks[t].norm in CLOSE_TO for t in range(first + 1, person.first)):
            return None
        return Source("named_person", person.entity, self.text[person.start:person.end], person.last)

    def _opens_name(self, k: int) -> bool:
        """True when token k can stand right before a source's own name: a comma, «واسمه», or a definite
        word with no «لـ» (the end of a description: «الخبير في الأسلحة الكيميائية فلان»)."""
        tok = self.tokens[k]
        return tok.text in "،," or self.word(k) in self.sets.name_word or tok.norm in self.sets.name_word or (
            (tok.norm.startswith("ال") or tok.prefix.endswith("ال")) and not tok.prefix[:1] == "ل")

    def _spoken_to_at(self, first: int, last: int) -> int:
        """The token where «لـ» opens the outlet spoken to inside a subject («فلان لموقع X إن …»), else last + 1."""
        for k in range(first + 1, last + 1):
            tok = self.tokens[k]
            if tok.prefix[:1] == "ل" or tok.norm in ("ل", "لـ"):
                if any(self.types.get(m.entity or "") == "MEDIA" for m in self.mentions_in(k, min(last, k + 3))) \
                        or self.word(k) in self.sets.media_head:
                    return k
        return last + 1

    def _apposed(self, first: int, at: int) -> bool:
        """True when a mention at token `at` can still name the subject that opens with a body at `first`: close,
        with no «بقيادة …», «التابع لـ …» or time expression between («أعلن الجيش، الأحد، مقتل فلان»)."""
        if at > first + SUBJECT_REACH:
            return False
        for k in range(first + 1, at):
            if self.word(k) in self.sets.led_by or self.tokens[k].norm in self.sets.led_by or self._in_time(k):
                return False
        return True

    def _spokesman_for(self, first: int, last: int) -> Source | None:
        """«أعلن متحدثون عسكريون باسم الحكومة أن …»: an unnamed spokesman speaks for the body after «باسم»;
        «متحدث باسمه» (a pronoun, no body) and «متحدث باسم أسرة …» (no one named right after «باسم») are anonymous."""
        toks = self.tokens
        for k in range(first + 1, min(last, first + 4) + 1):
            if toks[k].norm in ON_BEHALF_PRONOUN:
                return Source("anonymous", None, " ".join(self.text[toks[first].start:toks[k].end].split()), k)
            if toks[k].norm == ON_BEHALF:
                m = next((m for m in self.index.by_first.get(k + 1, ()) if self._can_speak(m)), None)
                if m is not None and self.types.get(m.entity or "") != "PERSON":
                    return Source(self._kind(m), m.entity, self.text[m.start:m.end], m.last)
                if m is None and k + 1 <= last and not self.mentions_in(k + 1, min(last, k + 6)):
                    return self._anonymous_from(first, last)  # «متحدث باسم أسرة الراحل»: no body named to speak
                return None
        return None

    def _named_after(self, first: int, last: int) -> bool:
        """«خبير المتفجرات طارق السعيطي»: a person named right after a source's head (not after «من»,
        «عن», «مقرب» …, which name whom an anonymous source is close to)."""
        for k in range(first + 1, min(last, first + 4) + 1):
            if self.tokens[k].text in "،,:" or self.word(k) in NOT_NAMING or self.tokens[k].prefix[:1] == "ل":
                return False
            if any(self.types.get(m.entity or "") == "PERSON" for m in self.index.by_first.get(k, ())):
                return True
        return False

    def _titled_person(self, first: int, last: int) -> Source | None:
        """«وأكد وزير الخارجية الإيطالي، باولو جينتيلوني، …»: a person named after a longer title."""
        persons = [m for m in self.mentions_in(first, min(last, first + 14))
                   if self.types.get(m.entity or "") == "PERSON" and m.first > first]
        if len(persons) > 1 and any(self.tokens[k].norm == ON_BEHALF for k in range(first, persons[0].first)):
            persons = [p for p in persons if p.entity != persons[0].entity] or persons  # «الناطق باسم القائد العام فلان، العميد فلان»: the one spoken for does not speak
            reach = first + 12
        else:
            reach = first + 6
        if persons and persons[0].first <= reach:
            m = persons[0]
            return Source("named_person", m.entity, self.text[m.start:m.end], m.last)
        return None

    def _last_media(self, before: int) -> str | None:
        """The last outlet named before offset `before`."""
        best, best_pos = None, -1
        for m in self.mentions:
            if best_pos < m.start < before and m.entity and self.types.get(m.entity) == "MEDIA":
                best, best_pos = m.entity, m.start
        return best

    def _last_spokesman(self, before: int) -> str | None:
        """The last person named as a spokesman before offset `before`."""
        best, best_pos = None, -1
        for h in HINTS.get(self.a):
            if h.type == "SPOKESPERSON_OF" and h.head.entity and best_pos < h.head.start < before:
                best, best_pos = h.head.entity, h.head.start
        return best

    def _description_end(self, first: int, last: int) -> int:
        """Where an anonymous source's description ends («مصدر عسكري مقرب من القيادة العامة»)."""
        end = first
        for k in range(first + 1, min(last, first + 6) + 1):
            if (self.tokens[k].text in "،,:\"«.؛" or self.word(k) in SKIP_SUBJECT or self.word(k) in self.sets.said_to
                    or self._according_at(k) or self.word(k) in self.sets.opener or self.tokens[k].norm in ("فان", "فإن")):
                break
            end = k
        return end
