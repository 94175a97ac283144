"""The reported content: the token that opens it (أن / إن / : / a quote, «إلى», «عن»), a quotation up to
its closing mark, an indirect clause up to the next cue, or the object of a verb such as «كشف»."""

from __future__ import annotations

from marsad.extract.claims.state import State
from marsad.extract.claims.words import CAME, ON_BEHALF_ALL, OPEN_QUOTES, Source, TO, next_at


#: a quotation of at most this many words followed by more of the sentence is a term, not the content
_TERM_WORDS = 3
#: prepositions spelt like a first name («على» written «علي»)
_NAME_SPELLING = frozenset({"علي"})
#: how far after the cue a governed proclitic («هدد بالانسحاب») may open the content
_PROCLITIC_REACH = 8
#: «شدد على أن …», «حذر من أنه …»: an opener this close after the governed preposition opens the content instead
_THAT_AFTER_COMPLEMENT = 2


class ContentSteps(State):
    """Where a claim's content opens and ends: a quotation, an indirect clause, a verb's object."""

    def _object_content(self, i: int, source: Source, end_sent: int) -> tuple[int, int] | None:
        """«كشف المسماري لـ"سكاي نيوز" الخميس تفاصيل …»: the verb's object is the content."""
        toks = self.tokens
        k = max(i, source.last) + 1
        while k <= end_sent:
            tok = toks[k]
            if tok.text in "،,\"«»“”:" or self.times_at.at(tok.start):
                k += 1
                continue
            if self.word(k) in ("ل", "في") or tok.norm in ("ل", "لـ", "في"):
                k += 1
                m = next((m for m in self.index.by_first.get(k, ()) if self.types.get(m.entity or "") in ("GPE", "LOCATION")), None)
                if m is not None:
                    k = m.last + 1  # «… في بنغازي سقوطَ البلدة»: the place belongs to the source
                continue
            m = self.named_at.get(k)
            if m is not None and (tok.prefix.startswith("ل") or toks[k - 1].norm in ("ل", "لـ")):
                k = m.last + 1
                continue
            if self.word(k) in self.sets.said_to:
                k += 2
                continue
            break
        if end_sent - k < 2:
            return None
        start, end, _ = self._content(k, end_sent)
        return (start, end) if end - start > 8 else None

    def _opener(self, first: int, last: int, lemma: str = "") -> int | None:
        """The token that opens the content (أن / إن / : / a quote), within the sentence; else the preposition
        the cue `lemma` governs («شدد على ضرورة …», «حذر من …», «هدد بالانسحاب») unless «أن» follows it close."""
        k = first
        stop = min(last, first + 30)
        preps = self.sets.complement.get(lemma) if lemma else None
        governed = None
        while k <= stop:
            if governed is not None and k > governed + _THAT_AFTER_COMPLEMENT:
                return governed  # «شدد على ضرورة …»: no «أن» right after the preposition
            tok = self.tokens[k]
            if tok.text in OPEN_QUOTES and self._quoted_name(k, stop):
                k = self._quoted_name(k, stop) + 1
                continue
            if tok.text in (":", "：") or tok.text in OPEN_QUOTES:
                return k
            if (tok.norm in self.sets.opener or self.word(k) in self.sets.opener) and not self._unnamed_clause(k) \
                    and not self._spoken_to(k):
                return k
            if preps and governed is None and self._complement(k, first, preps):
                governed = k
            later = self.cue_at(k) if k > first else None
            if later is not None and not later.weak and not self.tokens[k].prefix.startswith("ب") \
                    and not self._negated(k):  # «مصدر طلب عدم ذكر اسمه إن …»: the description goes on
                return governed
            k += 1
        return governed

    def _complement(self, k: int, first: int, preps: frozenset[str]) -> bool:
        """True when token k is a preposition the cue governs: a word («على», «من») anywhere before the content,
        or the proclitic «بـ» within a few words of the cue on a word that names no one («هدد بالانسحاب», not
        «المتحدث باسم الجيش», «بوزارة الخارجية»)."""
        tok = self.tokens[k]
        if tok.norm in preps:
            return k > first or tok.text not in _NAME_SPELLING  # «وشدد علي الزعتري»: «علي» right after the cue is a name

        head = tok.prefix.lstrip("وف")[:1]
        return bool(head) and head in preps and k - first < _PROCLITIC_REACH and tok.text[:1].isalpha() \
            and k not in self.named_at and self.word(k) not in self.sets.led_by and tok.norm not in ON_BEHALF_ALL \
            and not self.times_at.at(tok.start)

    def _spoken_to(self, k: int) -> bool:
        """«في تصريحات إلى "الوطن"», «في حديث إلى الصحيفة»: «إلى» after a statement names whom it was
        given to, not the content."""
        return self.word(k) in TO and k > 0 and self.word(k - 1) in self.sets.said_to

    def _unnamed_clause(self, k: int) -> bool:
        """«المصدر الذي طلب عدم الكشف عن اسمه»: «عن» before «اسمه/هويته» belongs to the source's description."""
        return self.word(k) == "عن" and k + 1 < len(self.tokens) and self.word(k + 1) in self.sets.name_word

    def _quoted_name(self, k: int, stop: int) -> int | None:
        """Closing index when the quote opened at token k holds only a short name («لـ"سكاي نيوز"»)."""
        closing = OPEN_QUOTES[self.tokens[k].text]
        for j in range(k + 1, min(stop, k + 6) + 1):
            if self.tokens[j].text == closing:
                prev = self.tokens[k - 1].norm if k > 0 else ""
                inside = self.mentions_in(k + 1, j - 1)
                if j - k <= 5 and (prev in ("ل", "لـ", "لموقع", "لصحيفه", "لقناه", "لوكاله") or inside):
                    return j
                if j - k <= 4 and k > 0 and self.tokens[k - 1].text[:1].isalpha() and self._words_follow(j):
                    return j  # «… على معقل التنظيم في منطقة "X" والقلعة»: a short quoted name inside the content
                return None
        return None

    def _words_follow(self, j: int) -> bool:
        """True when a word of the same sentence follows token j (the quote closed there does not end it)."""
        nxt = j + 1
        return nxt < len(self.tokens) and self.tokens[nxt].sentence == self.tokens[j].sentence \
            and self.tokens[nxt].text[:1].isalpha()

    def _content(self, opener: int, end_sent: int) -> tuple[int, int, bool]:
        """(start, end, is_quote) of the content opened at token `opener`."""
        toks = self.tokens
        k = opener
        while k <= end_sent and (toks[k].text in (":", "،", ",") or toks[k].norm in self.sets.opener):
            k += 1
        if k > end_sent:
            return toks[opener].end, toks[opener].end, False
        if toks[k].text in OPEN_QUOTES:
            close = self._close_quote(toks[k].start, toks[k].text)
            if not self._quoted_term(k, close, end_sent):
                return toks[k].end, close, True
        end = toks[end_sent].end
        for j in range(k + 1, end_sent + 1):
            cut = self.cue_at(j)
            if cut is not None and cut.lemma == CAME and not (j + 1 <= end_sent and self.word(j + 1) in ("في", "فى")):
                cut = None  # «إن قراره جاء بعد …»: «جاء» reports only as «جاء في بيان …»
            if (cut is not None and not cut.weak) or self._according_at(j):
                back = j - 1
                while back > k and (toks[back].text in "،," or toks[back].norm in ("ما", "وهو", "هو")):
                    back -= 1
                end = toks[back].end
                break
        while end > toks[k].start and self.text[end - 1] in " .،,؛":
            end -= 1
        return toks[k].start, end, False

    def _quoted_term(self, k: int, close: int, end_sent: int) -> bool:
        """True when the quotation opened at token k is a short term inside a longer clause («أشار إلى "تقديرات"
        أن …»): at most three words, and words of the sentence follow its closing mark."""
        j = k + 1
        while j <= end_sent and self.tokens[j].start < close:
            j += 1
        if j - k - 1 > _TERM_WORDS or j > end_sent:
            return False
        return self._words_follow(j)

    def _close_quote(self, start: int, mark: str) -> int:
        """End of the quotation opened at `start`: its closing mark, or the paragraph's end."""
        para_end = next_at(self._positions("\n\n"), start, len(self.text))
        close = next_at(self._positions(OPEN_QUOTES[mark]), start + 1, para_end)
        close = min(close, para_end)
        while close > start + 1 and self.text[close - 1] in " .\n":
            close -= 1
        return close
