"""The claims finder: the main loop over the tokens, and the steps of one reporting verb or noun (its
source, its content, a participle, a ruling, a colon quote)."""

from __future__ import annotations

from bisect import bisect_left

from marsad.extract.claims.attribution import AttributionSteps
from marsad.extract.claims.content import ContentSteps
from marsad.extract.claims.cues import Cue
from marsad.extract.claims.earlier import EarlierSourceSteps
from marsad.extract.claims.subject import SubjectSteps
from marsad.extract.claims.words import (
    ANNOUNCEMENT,
    ANNOUNCE_LEMMA,
    AS,
    CLOSING_QUOTES,
    HEADLINE_CHARS,
    IN_IT,
    MIN_CONTENT_WORDS,
    NAQAL,
    NOT_SUBJECT,
    PREPOSITION_LIKE,
    RULING,
    Source,
)
from marsad.model import Claim, Span


class Finder(AttributionSteps, SubjectSteps, EarlierSourceSteps, ContentSteps):
    """Finds every claim of one article, cue by cue in text order (`run`)."""

    def run(self) -> list[Claim]:
        """Every claim of the article, cue by cue in text order."""
        toks = self.tokens
        cues = self.table.cues
        i = self._after_headline()
        while i < len(toks):
            # every step answers where to go on; a source found before the cue must never send the
            # scan back (a step that answered an earlier token looped for ever on one corpus article)
            according = self._according_at(i)
            if according is not None:
                i = max(self._according(i, *according), i + 1)
                continue
            if toks[i].text == ":":
                i = max(self._colon_quote(i), i + 1)
                continue
            if self.words[i] == ANNOUNCEMENT and not toks[i].prefix.endswith("ال"):
                i = max(self._announcement(i), i + 1)
                continue
            cue = cues.get(self.words[i]) if toks[i].text[:1].isalpha() else None
            if cue is not None and toks[i].prefix.endswith("ال"):
                cue = None  # «المشير», «اللافت»: with the article a title or a noun
            if cue is None or self._negated(i) or (self.words[i] in PREPOSITION_LIKE and not self._opener_follows(i)):
                i += 1
                continue
            i = max(self._cue(i, cue), i + 1)
        return self.claims

    def _after_headline(self) -> int:
        """The first token after a headline (a short first line before a blank line, neither ending like a
        sentence nor opening with «و»/«ف»): a headline's verbs
        repeat the body's claims in telegraphic form («فلان يعلن …»), so only its colon quotes count."""
        head_end = self.text.find("\n\n", 0, HEADLINE_CHARS)
        if head_end < 0 or not self.tokens or self.tokens[-1].start < head_end:
            return 0
        if self.text[:head_end].rstrip().endswith((".", "؟", "!")) or self.tokens[0].prefix[:1] in ("و", "ف"):
            return 0  # a sentence of the body («وقال …»), not a headline
        k = 0
        while k < len(self.tokens) and self.tokens[k].start < head_end:
            if self.tokens[k].text == ":":
                self._colon_quote(k)
            k += 1
        self.last_source = None
        return k

    def _announcement(self, i: int) -> int:
        """«بعد إعلان الجيش الليبي السيطرة على …», «عقب إعلان مصادر ليبية مقتل …»: the noun of «أعلن» with
        its speaker right after it and the announced thing as its object."""
        end_sent = self.sentence_end(i)
        source = self._subject(i + 1, min(end_sent, i + 8))
        if source is None or source.last < 0 or source.last > i + 8 or any(
                self.tokens[k].prefix[:1] == "ل" or self.tokens[k].norm in ("ل", "لـ") for k in range(i + 1, source.last + 1)):
            return i + 1  # «إعلان ولائهم لحفتر»: one named after «لـ» is whom it is for, not who announces
        span = self._object_content(i, source, end_sent)
        if span is None or span[0] > self.tokens[source.last].end + 2:
            return i + 1
        k = source.last + 1
        while k <= end_sent and self.tokens[k].start < span[0]:
            k += 1
        if k > end_sent or (self.word(k) in NOT_SUBJECT and self.word(k) != "عن") or self.tokens[k].prefix[:1] == "ل":
            return i + 1  # «جاء إعلان فلان عقب اجتماعه …», «إعلان لإعادة الإعمار»: nothing announced follows
        carried = self.last_source  # a noun reports once; the next «وأضاف» continues the speaker before
        toks = self.tokens
        self._emit(source, Span(toks[i].start, toks[i].end, toks[i].text), ANNOUNCE_LEMMA, span[0], span[1], False)
        self.last_source = carried
        return source.last + 1

    def _opener_follows(self, i: int) -> bool:
        """True when an opener follows cue i within four words, no other cue between («وبين الوزير أن …», not
        «بين الطرفين» nor «تجمع بين البلدين، قائلاً: …»)."""
        for k in range(i + 1, min(self.sentence_end(i), i + 4) + 1):
            if self.cue_at(k) is not None:
                return False  # «قائلاً» opens its own claim
            if self.tokens[k].norm in self.sets.opener or self.word(k) in self.sets.opener or self.tokens[k].text in ":\"«“":
                return True
        return False

    def _cue(self, i: int, cue: Cue) -> int:
        """A reporting verb at token i: its source, its content, and the token to go on from."""
        toks = self.tokens
        cue_span = Span(toks[i].start, toks[i].end, toks[i].text)
        end_sent = self.sentence_end(i)
        if cue.participle:
            return self._participle(i, cue, cue_span, end_sent)
        if self._impersonal(i):
            return i + 1
        if cue.lemma in RULING:
            after_ruling = self._ruling(i, cue, cue_span, end_sent)
            if after_ruling is not None:
                return after_ruling
        if i + 1 <= end_sent and toks[i + 1].norm in IN_IT:
            after_statement = self._statement(i, cue, cue_span, end_sent)
            if after_statement is not None:
                return after_statement
        # «وهو ما أكدته مصادر أخرى»: a corroborating source, its content follows as a participle
        corroborating = i >= 1 and toks[i - 1].norm == "ما" and self.word(i).endswith(("ته", "ه", "تها"))
        opener = self._opener(i + 1, end_sent, "" if cue.object else cue.lemma)  # an object holds the rest
        source = self._source_of(i, cue, opener, end_sent, corroborating)
        if source is None:
            return i + 1
        if corroborating:
            self.pending = source
            self.last_source = source
            return max(i, source.last) + 1
        relay = None
        if source.kind == "document" and opener is not None and self.word(opener) == "عن" and opener <= i + 4:
            source, opener = self._issuer_after(source, opener, end_sent)
        if cue.lemma == NAQAL and opener is not None and self.word(opener) == "عن":
            source, relay, opener = self._reported_from(source, opener, end_sent)
        if opener is None:
            return self._without_opener(i, cue, cue_span, source, end_sent)
        start, end, quote = self._content(opener, end_sent)
        claim = self._emit(source, cue_span, cue.lemma, start, end, quote)
        if relay is not None and relay.speaker:
            claim.via.append(relay.speaker)
        if source.relay and claim.id and source.relay not in claim.via:
            claim.via.append(source.relay)
        self._said_to(claim, i + 1, opener)
        self._time(claim, toks[i].start, self.tokens[opener].start)
        return opener + 1

    def _issuer_after(self, source: Source, at: int, end_sent: int) -> tuple[Source, int | None]:
        """«وقال بيان صادر عن المجلس إن …»: the body after «عن» (named, or referred to by its head) issues the
        document the subject names; (source, the opener after the issuer)."""
        m = next((m for m in self.index.by_first.get(at + 1, ()) if m.entity and self._can_speak(m)), None)
        body = m or self.refer.body_at(at + 1)
        if body is None:
            return source, at
        last = m.last if m is not None else at + 1
        opener = self._opener(last + 1, end_sent)
        if opener is None:
            return source, at
        return Source("document", body.entity, source.text, last), opener

    def _participle(self, i: int, cue: Cue, cue_span: Span, end_sent: int) -> int:
        """«موضحاً أن …»: a participle continues the source waiting for it, the subject of its own sentence's
        verb («سخر فلان من …، قائلاً إن …»), or the last source."""
        source = self.pending or self._clause_subject(i) \
            or (self.last_source if self.unnamed_in != self.tokens[i].sentence else None)
        self.pending = None
        if source is None:
            return i + 1
        opener = self._opener(i + 1, end_sent)
        if opener is None and self._opens_clause(i):  # «، مشدداً على ضرورة …», not «عقوبات مشددة على …»
            opener = self._opener(i + 1, min(end_sent, i + 2), cue.lemma)
        if opener is None:
            return i + 1
        start, end, quote = self._content(opener, end_sent)
        self._emit(source, cue_span, cue.lemma, start, end, quote)
        return i + 1

    def _opens_clause(self, i: int) -> bool:
        """True when token i opens a clause: after a comma or with «و» («، مشدداً», «ومحذراً»)."""
        return self.tokens[i].prefix[:1] == "و" or (i > 0 and self.tokens[i - 1].text in "،,")

    def _statement(self, i: int, cue: Cue, cue_span: Span, end_sent: int) -> int | None:
        """«أصدرت الكنيسة بياناً جاء فيه: …», «وزع فلان رسالة قال فيها إن …»: the document speaks, by its issuer
        named before it; None when no document stands right before the cue."""
        document = self._ruling_before(i, persons=True)
        if document is None:
            return None
        opener = self._opener(i + 2, end_sent)
        if opener is None:
            return None
        start, end, quote = self._content(opener, end_sent)
        self._emit(document, cue_span, cue.lemma, start, end, quote)
        return opener + 1

    def _ruling(self, i: int, cue: Cue, cue_span: Span, end_sent: int) -> int | None:
        """«أصدرت المحكمة حكماً يقضي بـ …»: the ruling speaks, by its issuer; None when no document is named."""
        ruling = self._ruling_before(i)
        if ruling is None:
            return None
        span = self._object_content(i, ruling, end_sent)
        if span is not None:
            carried = self.last_source  # the text speaks once; later cues continue the earlier speaker
            self._emit(ruling, cue_span, cue.lemma, span[0], span[1], False)
            self.last_source = carried
        return i + 1

    def _without_opener(self, i: int, cue: Cue, cue_span: Span, source: Source, end_sent: int) -> int:
        """A cue with no «أن», colon or quote: «…، كما أفاد مصدر أمني.» speaks the clause before it;
        «كشف فلان تفاصيل …» (a cue whose object can be the content) speaks its object; «"…"، يقول فلان» speaks
        the quotation before it."""
        toks = self.tokens
        s0 = self.sentence_start(i)
        quoted = self._quote_before(i, source)
        if quoted is not None:  # «"…"، تقول فلانة»: the quotation before the verb is what she says
            self._emit(source, cue_span, cue.lemma, quoted[0], quoted[1], True)
            return max(i, source.last) + 1
        if i - 1 > s0 + 2 and toks[i - 1].norm in AS and source.last >= end_sent - 3:
            end = toks[i - 2].end
            while end > toks[s0].start and self.text[end - 1] in " ،,":
                end -= 1
            carried = self.last_source
            self._emit(source, cue_span, cue.lemma, toks[s0].start, end, False)
            if source.last < 0:
                self.last_source = carried
            return max(i, source.last) + 1
        span = self._object_content(i, source, end_sent) if cue.object else None
        if span is None:
            return i + 1
        claim = self._emit(source, cue_span, cue.lemma, span[0], span[1], False)
        self._time(claim, toks[i].start, span[0])
        return i + 1

    def _quote_before(self, i: int, source: Source) -> tuple[int, int] | None:
        """(start, end) of a quotation closed right before «،» and cue i, whose speaker is named after the cue
        («"…"، قالت فلانة»), unless a claim holds it already; else None."""
        toks = self.tokens
        if i < 3 or source.last < 0 or toks[i].prefix[:1] in ("و", "ف") or toks[i - 1].text not in "،," \
                or toks[i - 2].text not in CLOSING_QUOTES:
            return None
        close = toks[i - 2].start
        mark = CLOSING_QUOTES[toks[i - 2].text]
        opens = self._positions(mark)
        k = bisect_left(opens, close) - 1
        if k < 0 or "\n\n" in self.text[opens[k]:close]:
            return None
        start = opens[k] + 1
        if any(c.content.start <= start < c.content.end or start <= c.content.start < close for c in self.claims[-3:]):
            return None
        return start, close

    def _colon_quote(self, i: int) -> int:
        """«المسماري: الجيش سيدخل درنة»: a speaker opening the sentence, then a colon and the content."""
        toks = self.tokens
        s0 = self.sentence_start(i)
        speaker = next((m for m in self.index.by_last.get(i - 1, ()) if self._can_speak(m)), None) if i > s0 else None
        if speaker is None or speaker.first != s0 or self.types.get(speaker.entity or "") not in ("PERSON", "ORGANIZATION", "ARMED_GROUP"):
            return i + 1
        end_sent = self.sentence_end(i)
        if end_sent - i < MIN_CONTENT_WORDS + 1:
            return i + 1
        start, end, quote = self._content(i, end_sent)
        source = Source(self._kind(speaker), speaker.entity, self.text[speaker.start:speaker.end], speaker.last)
        self._emit(source, Span(toks[i].start, toks[i].end, toks[i].text), ":", start, end, quote)
        return i + 1
