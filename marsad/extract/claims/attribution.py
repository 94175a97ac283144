"""Attributions: «بحسب X», «وفقاً لما قاله مسؤول», «نقلاً عن X», «حسبما أفادت مصادر» — the source named
after the phrase, the clause it speaks (before the phrase, or after it when it opens the sentence),
and the outlet that only relays."""

from __future__ import annotations

from marsad.extract.claims.refer import SAME
from marsad.extract.claims.state import State
from marsad.extract.claims.words import FUSED, MIN_CONTENT_WORDS, Source
from marsad.extract.names.cands import Cand
from marsad.model import Span
from marsad.text.normalise import normalise


class AttributionSteps(State):
    """Claims named by an attribution phrase («بحسب X», «نقلاً عن X»): source, clause and relay."""

    def _according_source_start(self, i: int, n: int) -> int:
        """The first token of the source after an attribution: past «ما» and a reporting verb
        («بحسب ما ذكرته صحيفة X», «وفقاً لما قاله مسؤول», «حسبما أفادت مصادر»)."""
        j = i + n
        fused = self.tokens[i].norm in FUSED or self.words[i] in FUSED
        if not fused and j < len(self.tokens) and self.tokens[j].norm in ("ما", "لما"):
            j += 1
            fused = True
        if fused and j < len(self.tokens) and self._cue_word(j) is not None:
            j += 1
        return j

    def _according(self, i: int, n: int, lemma: str) -> int:
        """«بحسب ما ذكرته صحيفة X» / «نقلاً عن X»: X relays the sentence's claims, or is the source."""
        j = self._according_source_start(i, n)
        end = min(self.sentence_end(i), j + 8)
        found = self.mentions_in(j, end)
        if j > end:
            return i + n
        unnamed = self._according_unnamed_kind(j, found)
        if unnamed is not None:
            return self._according_unnamed(i, n, lemma, j, end, unnamed)
        if self.word(j) in self.sets.document_head:
            # «وفق بيان صادر عن وزارة الدفاع»: a document speaks, its issuer named after it
            issuer = next((m for m in found if m.first <= j + 4 and self._can_speak(m)), None)
            if issuer is not None and self._kind(issuer) == "organization" and not self.tokens[j].prefix.endswith("ال"):
                return self._according_document(i, n, lemma, j, issuer)
        if j > i + n and self._cue_word(j - 1) is not None:
            # «حسبما أعلن الناطق باسم …، العميد فلان»: a reporting verb's subject, chosen as after any cue
            subject = self._subject(j, min(self.sentence_end(i), j + 14))
            if subject is not None and subject.kind != "anonymous":
                if subject.last < j:   # a source named before (a title referring back): the phrase ends at j
                    subject = Source(subject.kind, subject.speaker, subject.text, j, subject.relay)
                return self._according_named(i, n, lemma, subject)
        if not found or found[0].first > j + 2:
            return self._according_referred(i, n, lemma, j)
        src = found[0]
        return self._according_named(i, n, lemma, Source(self._kind(src), src.entity, self.text[src.start:src.end],
                                                           src.last))

    def _according_unnamed_kind(self, j: int, found: list[Cand]) -> str | None:
        """`document` («بحسب تقارير دولية»), `anonymous` («وفق ما ذكرت مصادر عسكرية», «حسبما أفاد متحدثون
        عسكريون») or None when the source after an attribution has a name."""
        w = self.word(j)
        if (not found or found[0].first > j + 4) and w in self.sets.document_head and not self.tokens[j].prefix.endswith("ال"):
            return "document"
        if (w in self.anonymous or self.tokens[j].norm in self.sets.unnamed_spokesman) and not self.tokens[j].norm.startswith("ال") \
                and not self._named_after(j, min(self.sentence_end(j), j + 6)) and not (found and found[0].first == j):
            return "anonymous"
        return None

    def _according_referred(self, i: int, n: int, lemma: str, j: int) -> int:
        """«بحسب المرصد» (a body named before, by its head) or «وفق نفس المصدر» (the last source)."""
        body = self.refer.body_at(j)
        if body is not None:
            return self._according_named(i, n, lemma, Source(self._kind(body), body.entity,
                                                              self.text[self.tokens[j].start:self.tokens[j].end], j))
        last = self.last_source
        same = (self.word(j) in SAME and j + 1 < len(self.tokens) and self.word(j + 1) in self.anonymous) or (
            self.word(j) in self.anonymous and j + 1 < len(self.tokens) and self.tokens[j + 1].norm in SAME)
        if same and last is not None:
            k = j + 1
            return self._according_named(i, n, lemma, Source(last.kind, last.speaker, last.text, k))
        return i + n

    def _according_named(self, i: int, n: int, lemma: str, src: Source) -> int:
        """A named source after an attribution: an outlet relays the claims already found in the sentence;
        otherwise it speaks the clause before the attribution (the whole sentence when the attribution
        stands between commas inside it), or the clause after it when it opens the sentence."""
        toks = self.tokens
        s0 = self.sentence_start(i)
        same = self._claims_with_cue_in(toks[s0].start, toks[i].start)
        if src.kind == "media" and same:
            for c in same:
                if src.speaker not in c.via and src.speaker != c.speaker:
                    c.via.append(src.speaker or "")
            return src.last + 1
        content_end = toks[i - 1].end if i > s0 else toks[i].start
        content_start = toks[s0].start
        if content_end <= content_start:
            return self._according_first(i, n, lemma, src)
        end_sent = self.sentence_end(i)
        after = src.last + 1
        if i - s0 < 3 and end_sent - after >= 3:
            content_start = toks[after + (toks[after].text in "،,")].start  # «ومن المنتظر وفق المصدر …»
            content_end = toks[end_sent].end
            while content_end > content_start and self.text[content_end - 1] in " .،,؛":
                content_end -= 1
        elif after <= end_sent and toks[after].text in "،," and end_sent - after >= 3:
            content_end = toks[end_sent].end  # «يقود الوزير، وفقاً لـ«سونا»، وفداً …»: the sentence around it
            while content_end > content_start and self.text[content_end - 1] in " .،,؛":
                content_end -= 1
        while content_end > content_start and self.text[content_end - 1] in " ،,":
            content_end -= 1
        carried = self.last_source  # an attribution is not a subject that later cues continue
        self._emit(src, Span(toks[i].start, toks[i + n - 1].end, self.text[toks[i].start:toks[i + n - 1].end]),
                   normalise(lemma), content_start, content_end, quote=False)
        self.last_source = carried
        return src.last + 1

    def _according_unnamed(self, i: int, n: int, lemma: str, j: int, end: int, kind: str) -> int:
        """«وفق ما ذكرت مصادر عسكرية» / «وبحسب تقارير دولية فإن …»: an unnamed source (anonymous, or a
        document with no issuer) for the clause before the attribution, or after it when it opens the sentence."""
        toks = self.tokens
        s0, end_sent = self.sentence_start(i), self.sentence_end(i)
        desc_end = self._description_end(j, end)
        src = Source(kind, None, " ".join(self.text[toks[j].start:toks[desc_end].end].split()), desc_end)
        cue = Span(toks[i].start, toks[i + n - 1].end, self.text[toks[i].start:toks[i + n - 1].end])
        carried = self.last_source  # an attribution is not a subject that later cues continue
        if i > s0 and kind == "document" and any(toks[s0].start <= c.cue.start < toks[i].start for c in self.claims):
            return desc_end + 1  # «قال فلان …، بحسب تقرير لـ X»: the report relays the claim already found
        if i > s0:
            end_c = toks[i - 1].end
            while end_c > toks[s0].start and self.text[end_c - 1] in " ،,":
                end_c -= 1
            self._emit(src, cue, normalise(lemma), toks[s0].start, end_c, quote=False)
            self.last_source = carried
            return desc_end + 1
        k = desc_end + 1
        while k <= end_sent and (toks[k].text in "،,:" or toks[k].norm in self.sets.opener or toks[k].norm in ("فان", "فإن")):
            k += 1
        if end_sent - k < MIN_CONTENT_WORDS:
            return desc_end + 1
        start, stop, quote = self._content(k, end_sent)
        self._emit(src, cue, normalise(lemma), start, stop, quote)
        self.last_source = carried
        return k

    def _according_document(self, i: int, n: int, lemma: str, j: int, issuer: Cand) -> int:
        """A document after «وفق/بحسب» at token j: the content is the clause before the attribution, or
        after it when the attribution opens the sentence."""
        toks = self.tokens
        last = issuer.last
        source = Source("document", issuer.entity,
                         " ".join(self.text[toks[j].start:toks[last].end].split()), last)
        cue = Span(toks[i].start, toks[i + n - 1].end, self.text[toks[i].start:toks[i + n - 1].end])
        s0, end_sent = self.sentence_start(i), self.sentence_end(i)
        if i > s0:
            end_c = toks[i - 1].end
            while end_c > toks[s0].start and self.text[end_c - 1] in " ،,":
                end_c -= 1
            if end_c > toks[s0].start:
                self._emit(source, cue, normalise(lemma), toks[s0].start, end_c, quote=False)
            return last + 1
        k = last + 1
        while k <= end_sent and (toks[k].text in "،,:" or toks[k].norm in self.sets.opener or toks[k].norm in ("فان", "فإن")):
            k += 1
        if end_sent - k < MIN_CONTENT_WORDS:
            return k
        start, end, quote = self._content(k, end_sent)
        self._emit(source, cue, normalise(lemma), start, end, quote)
        return k

    def _according_first(self, i: int, n: int, lemma: str, source: Source) -> int:
        """«وبحسب ما نقلته وكالة X عن مصدر عسكري، فإن …»: the attribution opens the sentence and the
        content follows it; a source after «عن» speaks, the outlet before it relays."""
        toks = self.tokens
        end_sent = self.sentence_end(i)
        k = source.last + 1
        relay = None
        if k <= end_sent and self.word(k) == "عن":
            inner = self.mentions_in(k + 1, min(end_sent, k + 4))
            if inner and inner[0].first <= k + 2:
                relay, pick = source, inner[0]
                source = Source(self._kind(pick), pick.entity, self.text[pick.start:pick.end], pick.last)
            elif k + 1 <= end_sent and self.word(k + 1) in self.anonymous:
                relay = source
                desc_end = self._description_end(k + 1, min(end_sent, k + 6))
                source = Source("anonymous", None, " ".join(self.text[toks[k + 1].start:toks[desc_end].end].split()),
                                 desc_end)
            k = max(k, source.last) + 1
        while k <= end_sent and (toks[k].text in "،,:" or toks[k].norm in self.sets.opener or self.word(k) in self.sets.opener
                                 or toks[k].norm in ("فان", "فإن")):
            k += 1
        if end_sent - k < MIN_CONTENT_WORDS:
            return k
        cue = Span(toks[i].start, toks[i + n - 1].end, self.text[toks[i].start:toks[i + n - 1].end])
        start, end, quote = self._content(k, end_sent)
        claim = self._emit(source, cue, normalise(lemma), start, end, quote)
        if relay is not None and relay.speaker and relay.kind == "media" and claim.id:
            claim.via.append(relay.speaker)
        while k < len(toks) and toks[k].start < end:
            k += 1  # the content's own words are not cues of their own
        return k
