"""The state every claims step reads: the article, its tokens and mentions, the claims found so far,
the sources to carry over, and the small look-ups the steps share (words, cues, kinds, output)."""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Sequence
from itertools import islice

from marsad.extract.claims.cues import Cue, CueTable
from marsad.extract.claims.refer import BackReference, TitleReference
from marsad.extract.claims.words import FUSED, KIND_OF_TYPE, MIN_CONTENT_WORDS, NEGATIONS, Source, WORD
from marsad.extract.names.cands import Cand
from marsad.extract.spanindex import ByKey, Stabbing
from marsad.extract.tokindex import TokenIndex
from marsad.layers import MENTIONS
from marsad.model import Analysis, Claim, Offsets, Span, Token


class State:
    """The article and the claims found so far, with the look-ups every step shares."""

    def __init__(self, analysis: Analysis, table: CueTable, min_content_words: int = MIN_CONTENT_WORDS) -> None:
        self.a = analysis
        self.min_content_words = min_content_words
        self.table = table
        self.anonymous = table.anonymous
        self.sets = table.words
        self.text = analysis.text
        self.tokens: Sequence[Token] = analysis.tokens
        self.mentions: list[Cand] = MENTIONS.get(analysis)
        self.types = {e.id: e.type for e in analysis.entities}
        self.kinds = {e.id: e.kind for e in analysis.entities}
        self.claims: list[Claim] = []
        self.last_source: Source | None = None
        self.last_anonymous: Source | None = None
        self.pending: Source | None = None  # «وهو ما أكدته مصادر»: source waiting for a participle
        self.unnamed_in = -1  # sentence of a cue whose speaker was not found: its participles continue no one
        self.words = [self._word(i) for i in range(len(self.tokens))]
        self.index = TokenIndex(self.tokens, self.mentions)
        self.refer = BackReference(self.tokens, self.words, self.mentions, self.types)
        self.titles = TitleReference(self.tokens, self.words, self.mentions, self.types)
        self._marks: dict[str, list[int]] = {}
        # indexes that keep the look-ups below from scanning the whole article for every cue
        self.cue_starts: list[tuple[int, int]] = []  # (cue start, index in self.claims), sorted
        self.times_at = Stabbing(analysis.times, lambda t: (t.start, t.end))
        self.times_from = ByKey(list(enumerate(analysis.times)), lambda nt: nt[1].start)
        self.named_at: dict[int, Cand] = {}
        for m in self.mentions:
            if m.entity:
                self.named_at.setdefault(m.first, m)
        self.person_of = self._short_names()

    def _short_names(self) -> dict[str, str]:
        """Person entities named only by the last words of a person named in full before («عبد الرحمن» after
        «رامي عبد الرحمن», when the entity layer kept them apart) -> that person (one candidate only)."""
        full: list[tuple[int, tuple[str, ...], str]] = []  # (first token, words, entity) of each person mention
        words_of: dict[str, set[tuple[str, ...]]] = {}
        first_at: dict[str, int] = {}
        for m in sorted(self.mentions, key=lambda m: m.first):
            if m.entity and self.types.get(m.entity) == "PERSON":
                words = tuple(self.words[k] for k in range(m.first, m.last + 1))
                full.append((m.first, words, m.entity))
                words_of.setdefault(m.entity, set()).add(words)
                first_at.setdefault(m.entity, m.first)
        out: dict[str, str] = {}
        for entity, names in words_of.items():
            longest = max(len(w) for w in names)
            candidates = {other for at, words, other in full
                          if other != entity and at < first_at[entity] and len(words) > longest
                          and all(words[-len(n):] == n for n in names)}
            if len(candidates) == 1:
                out[entity] = candidates.pop()
        return out

    def word(self, i: int) -> str:
        """Token i without proclitics (precomputed)."""
        return self.words[i]

    def _word(self, i: int) -> str:
        """Token i without proclitics; a leading و/ف the splitter kept is dropped when that gives a cue."""
        tok = self.tokens[i]
        w = tok.stem if tok.prefix else tok.norm
        if not tok.prefix and len(w) > 3 and w[0] in "وف" and w not in self.table.cues and w[1:] in self.table.cues:
            return w[1:]
        return w

    def cue_at(self, i: int) -> Cue | None:
        """The cue of token i; none with the article («المشير», «اللافت», «الكشف» are titles and nouns)."""
        cue = self.table.cues.get(self.words[i])
        if cue is not None and self.tokens[i].prefix.endswith("ال"):
            return None
        return cue

    def mentions_in(self, first: int, last: int) -> list[Cand]:
        """Mentions lying within tokens [first, last], outermost first, in text order."""
        return self.index.mentions_in(first, last)

    def sentence_end(self, i: int) -> int:
        """Index of the last token of token i's sentence."""
        return self.index.sentence_end(i)

    def sentence_start(self, i: int) -> int:
        """Index of the first token of token i's sentence."""
        return self.index.sentence_start(i)

    def _negated(self, i: int) -> bool:
        """«لم يكشف عن …», «لا يعلن», «طلب عدم ذكر اسمه»: a denied or withheld statement reports nothing;
        nor does a cause («مما دعا إلى …»)."""
        return i > 0 and (self.tokens[i - 1].norm in NEGATIONS or self.words[i - 1] in NEGATIONS)

    def _kind(self, cand: Cand) -> str:
        etype = self.types.get(cand.entity or "", "")
        if etype != "PERSON" and cand.first > 0 and self.word(cand.first - 1) in self.sets.media_head:
            return "media"
        return KIND_OF_TYPE.get(etype, "organization")

    def _can_speak(self, m: Cand) -> bool:
        """People, bodies and outlets speak; of places only countries («أعربت تونس عن …»)."""
        etype = self.types.get(m.entity or "")
        if etype in ("GPE", "LOCATION"):
            return etype == "GPE" and self.kinds.get(m.entity or "") == "country"
        return etype is not None

    def _in_time(self, k: int) -> bool:
        """True when token k lies inside a time expression."""
        start = self.tokens[k].start
        return any(t.start <= start < t.end for t in self.a.times)

    def _cue_word(self, j: int) -> Cue | None:
        """The cue of token j, also with an object pronoun («قاله», «ذكرته», «أوردها»)."""
        w = self.word(j)
        cue = self.table.cue_for(w)
        for ending in ("ه", "ها"):
            if cue is None and w.endswith(ending) and len(w) > len(ending) + 2:
                cue = self.table.cue_for(w[:-len(ending)])
        return cue

    def _according_at(self, i: int) -> tuple[int, str] | None:
        """(tokens, lemma) of an attribution phrase at token i («بحسب», «وفقاً لـ», «نقلاً عن», «حسبما»)."""
        w, norm = self.words[i], self.tokens[i].norm
        fused = FUSED.get(norm) or FUSED.get(w)
        if fused is not None:
            return 1, fused
        if w not in self.sets.according_first and norm not in self.sets.according_first:
            return None
        for words, lemma in self.sets.according.items():
            n = len(words)
            if i + n <= len(self.tokens) and all(self.word(i + k) == w or self.tokens[i + k].norm == w
                                                 for k, w in enumerate(words)):
                return n, lemma
        return None

    def _emit(self, source: Source, cue: Span, lemma: str, start: int, end: int, quote: bool) -> Claim:
        if sum(1 for _ in islice(WORD.finditer(self.text, start, end), max(self.min_content_words, 0))) \
                < self.min_content_words:
            self.last_source = source  # a claim with no real content: keep its source for what follows
            return Claim("", source.kind, cue, Offsets(start, end))
        if source.kind == "named_person" and source.speaker in self.person_of:
            source = Source(source.kind, self.person_of[source.speaker], source.text, source.last, source.relay)
        claim = Claim(f"c{len(self.claims) + 1}", source.kind, cue, Offsets(start, end), source.speaker,
                      source.text, [], None, lemma, quote)
        self.claims.append(claim)
        insort(self.cue_starts, (cue.start, len(self.claims) - 1))
        self.last_source = source
        if source.kind == "anonymous":
            self.last_anonymous = source
        return claim

    def _said_to(self, claim: Claim, first: int, opener: int) -> None:
        """«في تصريح لوكالة الأنباء الليبية», «قال لـ"سكاي نيوز"»: the outlet the statement was given to relays it."""
        for k in range(first, opener):
            tok = self.tokens[k]
            if tok.prefix[:1] == "ل" or tok.norm in ("ل", "لـ"):  # «قال لصحيفة الوسط إن …»
                m = next((m for m in self.mentions_in(k, min(opener - 1, k + 2))
                          if self.types.get(m.entity or "") == "MEDIA"), None)
                if m is not None and m.entity != claim.speaker:
                    if m.entity not in claim.via:
                        claim.via.append(m.entity or "")
                    return
            if self.word(k) in self.sets.said_to:
                for m in self.mentions_in(k + 1, min(opener - 1, k + 3) if opener - 1 >= k + 1 else k + 1):
                    if self.types.get(m.entity or "") == "MEDIA" and m.entity not in claim.via:
                        claim.via.append(m.entity)
                        return

    def _time(self, claim: Claim, start: int, end: int) -> None:
        inside = [(n, t) for n, t in self.times_from.between(start, end) if t.end <= end]
        if inside:
            claim.time = min(inside, key=lambda x: x[0])[1].id  # the first in the article's order

    def _claims_with_cue_in(self, start: int, end: int) -> list[Claim]:
        """The claims found so far whose cue starts in [start, end), in the order they were found."""
        lo, hi = bisect_left(self.cue_starts, (start, -1)), bisect_left(self.cue_starts, (end, -1))
        return [self.claims[n] for n in sorted(n for _, n in self.cue_starts[lo:hi])]

    def _positions(self, mark: str) -> list[int]:
        """Every position of `mark` in the text, found once per article (quotes are looked up by bisection)."""
        found = self._marks.get(mark)
        if found is None:
            found = self._marks[mark] = [m.start() for m in re.finditer(re.escape(mark), self.text)]
        return found
