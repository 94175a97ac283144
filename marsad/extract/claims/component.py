"""The `claims` component: who said what, in which words, relayed by whom.

For every reporting cue (a verb such as «قال», «أفادت», «ذكرته»; a continuing participle such as
«موضحاً أن»; an attribution such as «بحسب X» or «نقلاً عن X») the component finds:

- the source: the subject after the verb («وقال مصدر خاص إن»), a subject before it («وكان الناطق …،
  أحمد المسماري، قد قال», «المؤسسة أعلنت», «فلان، الذي طالب»), «تصريحات X» as subject, or — with no
  subject — the previous claim's source («وأضاف:», «وذكرت أن»; «المصدر» with the article refers back to
  the last anonymous source), never for a verb attached to the noun before it («صفارات الإنذار تحذر»);
- back-references: a body's head («وقال المرصد», «بحسب المرصد»), a surname alone («وأضاف عمر»), a bare
  title («إلا أن وزير الخارجية الأميركي حذر») name the one introduced before (`refer`);
- who of several names speaks: a body opening the subject speaks unless a person is named close after
  it («الجيش بقيادة فلان», «أعلن الجيش، الأحد، مقتل فلان» keep the body); the outlet spoken to
  («لـ"سكاي نيوز"») never speaks; a plural cue does not continue one person;
- its kind: a named person, an organisation, a media outlet, a document («بحسب تقارير دولية», «حكماً
  يقضي بـ», issued by the body named before), or an anonymous source kept with its description
  («مصدر خاص», «مصادر عسكرية», «مصدر مقرب من …»);
- no cue: a form with the article («المشير», «اللافت»), the outlet's background («يذكر أن»), a negated
  or causal verb («لم يكشف», «مما دعا»), a headline's verb (its colon quote counts), a verb inside another's
  reported clause;
- attributions after the content: «بحسب X», «حسبما أفادت مصادر», «وفقاً لما قاله مسؤول», «…، كما أفاد مصدر»;
  the noun «إعلان» with its speaker after it;
- the content: a quotation ("…", «…», “…”; possibly spanning sentences, bounded by the paragraph
  when never closed) or the indirect clause after «أن / إن», up to the next cue or the sentence end;
- relays: an outlet named by «بحسب ما ذكرته صحيفة X», «نقلاً عن X» or «في تصريح لـ X» becomes `via` of
  the claims in its sentence;
- the time said: a time expression between the cue and the content («قال … ليلة أمس»).
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from marsad.extract.claims.cues import Cue, CueTable, cue_table
from marsad.extract.claims.refer import SAME, BackReference, TitleReference
from marsad.extract.names.cands import Cand
from marsad.extract.spanindex import ByKey, Stabbing
from marsad.extract.tokindex import TokenIndex
from marsad.layers import HINTS, MENTIONS
from marsad.model import Analysis, Claim, Offsets, Span, Token
from marsad.options import Option
from marsad.pipeline import register
from marsad.resources import Resources
from marsad.text.normalise import normalise

_OPEN_QUOTES = {'"': '"', "«": "»", "“": "”", "'": "'"}
_KIND_OF_TYPE = {"PERSON": "named_person", "MEDIA": "media"}
_SKIP_SUBJECT = frozenset(normalise(w) for w in ("قد", "كان", "كانت", "في", "اليوم", "أمس", "امس", "له", "لها", "ما", "هو", "وهو"))
_NAQAL = normalise("نقل")
_ANNOUNCEMENT = normalise("إعلان")
_ANNOUNCE_LEMMA = normalise("أعلن")
_CAME = normalise("جاء")
#: «بيد أن», «غير أن», «إلا أن»: «however», no reported clause
_BUT = frozenset(normalise(w) for w in ("بيد", "غير", "إلا", "الا", "رغم", "برغم"))
_THAT = frozenset(normalise(w) for w in ("أن", "إن", "بأن", "أنه", "إنه", "أنها", "إنها", "بأنه", "بأنها"))
_TO = frozenset(normalise(w) for w in ("إلى", "الى"))
_ACCUSE = normalise("اتهم")
_OBJECT_PRONOUNS = ("ه", "ها", "هم")
#: words after a cue that are not its subject («وأضاف في تصريح», «وتابع خلال المؤتمر»)
_NOT_SUBJECT = frozenset(normalise(w) for w in ("في", "فى", "عن", "خلال", "أثناء", "على", "إلى", "الى", "عبر",
                                                 "بعد", "قبل", "أيضا", "كذلك", "مؤكدا", "قائلا", "بالقول", "عقب",
                                                 "بأن", "حول", "بشأن", "أمام", "لدى", "عند", "اليوم", "أمس",
                                                 "مساء", "صباح", "الليلة"))
#: words after an anonymous source's head that tell whom it is close to, not its name
_NOT_NAMING = frozenset(normalise(w) for w in ("من", "عن", "في", "لدى", "داخل", "مقرب", "المقرب", "قريب", "القريب",
                                                "مقربة", "المقربة", "تابع", "التابع", "رفض", "طلب"))
#: how far after the subject's first word a person can still be the subject's name («وزير الخارجية الإيطالي، فلان»)
_SUBJECT_REACH = 6
_PLURAL_ENDINGS = ("وا", "ون", "ين")
#: impersonal reporting forms that open background in the outlet's voice («يذكر أن», «يشار إلى أن»)
_IMPERSONAL = frozenset(normalise(w) for w in ("يذكر", "يشار", "يقال"))
_RULING = frozenset(normalise(w) for w in ("قضى", "نص"))
_ON_BEHALF = normalise("باسم")
_ON_BEHALF_PRONOUN = frozenset(normalise(w) for w in ("باسمه", "باسمها", "باسمهم"))
_KANA = frozenset(normalise(w) for w in ("كان", "كانت", "وكان", "وكانت"))
_WORD = re.compile(r"\S+")
#: contents shorter than this many words are names or fragments, not statements
MIN_CONTENT_WORDS = 2
#: a headline is a first line shorter than this, followed by a blank line
_HEADLINE_CHARS = 250
#: words between an unnamed head and a person that make him whom the source is close to, not its name
_CLOSE_TO = frozenset(normalise(w) for w in ("من", "عن", "مقرب", "المقرب", "قريب", "القريب", "مقربة", "المقربة",
                                              "مقربون", "لدى", "حول"))
#: words before a cue without «و» that still let it continue the last speaker («كما أضاف», «ثم قال»)
_LINKS = frozenset(normalise(w) for w in ("كما", "ثم", "قد", "وقد", "لكنه", "لكنها", "ولكنه", "ولكنها", "بل",
                                           "كذلك", "أيضا", "حيث", "فيما", "بينما", "وبينما", "لذلك", "عندما", "حين",
                                           "كان", "كانت", "وكان", "وكانت", "إذ", "اذ", "عاد", "وعاد", "عادت", "وعادت"))
#: «كما» before a cue that closes its sentence: the clause before is the content («…، كما أفاد مصدر»)
_AS = frozenset(normalise(w) for w in ("كما",))
_RELATIVE = frozenset(normalise(w) for w in ("الذي", "التي", "الذين"))
_NEGATIONS = frozenset(normalise(w) for w in ("لا", "لم", "لن", "عدم", "مما"))
#: weak cues spelt like a preposition («بين»): a cue only when an opener follows close
_PREPOSITION_LIKE = frozenset(normalise(w) for w in ("بين",))
#: attribution words fused with «ما» («حسبما قال», «بحسبما أفادت»)
_FUSED = {normalise(w): lemma for w, lemma in (("حسبما", "حسب"), ("بحسبما", "بحسب"), ("وفقما", "وفقا"))}


@dataclass(slots=True)
class _Source:
    kind: str
    speaker: str | None
    text: str | None
    last: int = -1  # last token of the source's words after the cue (-1: not after the cue)


@register("claims", requires=("tokens", "entities", "mentions", "hints", "times"), assigns=("claims",),
          options=(Option("min_content_words", int, MIN_CONTENT_WORDS,
                          "a claim's content needs at least this many words (shorter ones are names or fragments)",
                          low=0),))
class ClaimFinder:
    """Finds reported speech and its source for every reporting cue."""

    def __init__(self, resources: Resources, *, min_content_words: int = MIN_CONTENT_WORDS) -> None:
        self.table = cue_table(resources.kb)
        self.min_content_words = min_content_words

    def __call__(self, analysis: Analysis) -> Analysis:
        finder = _Finder(analysis, self.table, self.min_content_words)
        analysis.claims = finder.run()
        return analysis


class _Finder:
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
        self.last_source: _Source | None = None
        self.last_anonymous: _Source | None = None
        self.pending: _Source | None = None  # «وهو ما أكدته مصادر»: source waiting for a participle
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

    # -- helpers ---------------------------------------------------------------------------------
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

    # -- main loop -------------------------------------------------------------------------------
    def run(self) -> list[Claim]:
        """Every claim of the article, cue by cue in text order."""
        toks = self.tokens
        cues = self.table.cues
        i = self._after_headline()
        while i < len(toks):
            according = self._according_at(i)
            if according is not None:
                i = self._according(i, *according)
                continue
            if toks[i].text == ":":
                i = self._colon_quote(i)
                continue
            if self.words[i] == _ANNOUNCEMENT and not toks[i].prefix.endswith("ال"):
                i = self._announcement(i)
                continue
            cue = cues.get(self.words[i]) if toks[i].text[:1].isalpha() else None
            if cue is not None and toks[i].prefix.endswith("ال"):
                cue = None  # «المشير», «اللافت»: with the article a title or a noun
            if cue is None or self._negated(i) or (cue.weak and self.words[i] in _PREPOSITION_LIKE
                                                   and not self._opener_follows(i)):
                i += 1
                continue
            i = self._cue(i, cue)
        return self.claims

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
        if k > end_sent or (self.word(k) in _NOT_SUBJECT and self.word(k) != "عن") or self.tokens[k].prefix[:1] == "ل":
            return i + 1  # «جاء إعلان فلان عقب اجتماعه …», «إعلان لإعادة الإعمار»: nothing announced follows
        carried = self.last_source  # a noun reports once; the next «وأضاف» continues the speaker before
        toks = self.tokens
        self._emit(source, Span(toks[i].start, toks[i].end, toks[i].text), _ANNOUNCE_LEMMA, span[0], span[1], False)
        self.last_source = carried
        return source.last + 1

    def _after_headline(self) -> int:
        """The first token after a headline (a short first line before a blank line, neither ending like a
        sentence nor opening with «و»/«ف»): a headline's verbs
        repeat the body's claims in telegraphic form («فلان يعلن …»), so only its colon quotes count."""
        head_end = self.text.find("\n\n", 0, _HEADLINE_CHARS)
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

    def _negated(self, i: int) -> bool:
        """«لم يكشف عن …», «لا يعلن», «طلب عدم ذكر اسمه»: a denied or withheld statement reports nothing;
        nor does a cause («مما دعا إلى …»)."""
        return i > 0 and (self.tokens[i - 1].norm in _NEGATIONS or self.words[i - 1] in _NEGATIONS)

    def _opener_follows(self, i: int) -> bool:
        """True when an opener follows cue i within four words («وبين الوزير أن …», not «بين الطرفين»)."""
        for k in range(i + 1, min(self.sentence_end(i), i + 4) + 1):
            if self.tokens[k].norm in self.sets.opener or self.word(k) in self.sets.opener or self.tokens[k].text in ":\"«“":
                return True
        return False

    def _according_at(self, i: int) -> tuple[int, str] | None:
        """(tokens, lemma) of an attribution phrase at token i («بحسب», «وفقاً لـ», «نقلاً عن», «حسبما»)."""
        w, norm = self.words[i], self.tokens[i].norm
        fused = _FUSED.get(norm) or _FUSED.get(w)
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

    def _cue_word(self, j: int) -> Cue | None:
        """The cue of token j, also with an object pronoun («قاله», «ذكرته», «أوردها»)."""
        w = self.word(j)
        cue = self.table.cue_for(w)
        for ending in ("ه", "ها"):
            if cue is None and w.endswith(ending) and len(w) > len(ending) + 2:
                cue = self.table.cue_for(w[:-len(ending)])
        return cue

    def _according_source_start(self, i: int, n: int) -> int:
        """The first token of the source after an attribution: past «ما» and a reporting verb
        («بحسب ما ذكرته صحيفة X», «وفقاً لما قاله مسؤول», «حسبما أفادت مصادر»)."""
        j = i + n
        fused = self.tokens[i].norm in _FUSED or self.words[i] in _FUSED
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
                return self._according_named(i, n, lemma, subject)
        if not found or found[0].first > j + 2:
            return self._according_referred(i, n, lemma, j)
        src = found[0]
        return self._according_named(i, n, lemma, _Source(self._kind(src), src.entity, self.text[src.start:src.end],
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
            return self._according_named(i, n, lemma, _Source(self._kind(body), body.entity,
                                                              self.text[self.tokens[j].start:self.tokens[j].end], j))
        last = self.last_source
        same = (self.word(j) in SAME and j + 1 < len(self.tokens) and self.word(j + 1) in self.anonymous) or (
            self.word(j) in self.anonymous and j + 1 < len(self.tokens) and self.tokens[j + 1].norm in SAME)
        if same and last is not None:
            k = j + 1
            return self._according_named(i, n, lemma, _Source(last.kind, last.speaker, last.text, k))
        return i + n

    def _according_named(self, i: int, n: int, lemma: str, src: _Source) -> int:
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
        src = _Source(kind, None, " ".join(self.text[toks[j].start:toks[desc_end].end].split()), desc_end)
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
        source = _Source("document", issuer.entity,
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
        source = _Source(self._kind(speaker), speaker.entity, self.text[speaker.start:speaker.end], speaker.last)
        self._emit(source, Span(toks[i].start, toks[i].end, toks[i].text), ":", start, end, quote)
        return i + 1

    def _according_first(self, i: int, n: int, lemma: str, source: _Source) -> int:
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
                source = _Source(self._kind(pick), pick.entity, self.text[pick.start:pick.end], pick.last)
            elif k + 1 <= end_sent and self.word(k + 1) in self.anonymous:
                relay = source
                desc_end = self._description_end(k + 1, min(end_sent, k + 6))
                source = _Source("anonymous", None, " ".join(self.text[toks[k + 1].start:toks[desc_end].end].split()),
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

    def _cue(self, i: int, cue: Cue) -> int:
        """A reporting verb at token i: its source, its content, and the token to go on from."""
        toks = self.tokens
        cue_span = Span(toks[i].start, toks[i].end, toks[i].text)
        end_sent = self.sentence_end(i)
        if cue.participle:
            return self._participle(i, cue, cue_span, end_sent)
        if self._impersonal(i):
            return i + 1
        if cue.lemma in _RULING:
            after_ruling = self._ruling(i, cue, cue_span, end_sent)
            if after_ruling is not None:
                return after_ruling
        # «وهو ما أكدته مصادر أخرى»: a corroborating source, its content follows as a participle
        corroborating = i >= 1 and toks[i - 1].norm == "ما" and self.word(i).endswith(("ته", "ه", "تها"))
        opener = self._opener(i + 1, end_sent)
        source = self._source_of(i, cue, opener, end_sent, corroborating)
        if source is None:
            return i + 1
        if corroborating:
            self.pending = source
            self.last_source = source
            return max(i, source.last) + 1
        relay = None
        if cue.lemma == _NAQAL and opener is not None and self.word(opener) == "عن":
            source, relay, opener = self._reported_from(source, opener, end_sent)
        if opener is None:
            return self._without_opener(i, cue, cue_span, source, end_sent)
        start, end, quote = self._content(opener, end_sent)
        claim = self._emit(source, cue_span, cue.lemma, start, end, quote)
        if relay is not None and relay.speaker:
            claim.via.append(relay.speaker)
        self._said_to(claim, i + 1, opener)
        self._time(claim, toks[i].start, self.tokens[opener].start)
        return opener + 1

    def _participle(self, i: int, cue: Cue, cue_span: Span, end_sent: int) -> int:
        """«موضحاً أن …»: a participle continues the source waiting for it, or the last one."""
        source = self.pending or (self.last_source if self.unnamed_in != self.tokens[i].sentence else None)
        self.pending = None
        if source is None:
            return i + 1
        opener = self._opener(i + 1, end_sent)
        if opener is None:
            return i + 1
        start, end, quote = self._content(opener, end_sent)
        self._emit(source, cue_span, cue.lemma, start, end, quote)
        return i + 1

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

    def _source_of(self, i: int, cue: Cue, opener: int | None, end_sent: int, corroborating: bool) -> _Source | None:
        """Who speaks at cue i: the subject after it, one before it, or the source carried over."""
        toks = self.tokens
        subj_last = (opener - 1) if opener is not None else min(end_sent, i + 12)
        source = self._subject(i + 1, subj_last)
        object_pronoun = self._object_pronoun(i)
        if source is not None and cue.lemma == _ACCUSE and not object_pronoun and self._accused(source):
            source = None  # «واتهم تركيا بإيواء …»: the noun right before «بـ…» is the accused
        if source is None and object_pronoun and i > 0 and toks[i - 1].norm in _RELATIVE:
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
        return any(w.endswith(p) and self.table.cue_for(w[:-len(p)]) is not None for p in _OBJECT_PRONOUNS)

    def _accused(self, source: _Source) -> bool:
        """True when the words right after an accusing cue's subject open the charge («بإيواء», «بأنه»)."""
        k = source.last + 1
        return source.kind != "anonymous" and 0 < k < len(self.tokens) and self.tokens[k].prefix.startswith("ب") and self.tokens[k].text[:1].isalpha()

    def _reported_from(self, source: _Source, opener: int, end_sent: int) -> tuple[_Source, _Source | None, int | None]:
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
            return (_Source(self._kind(pick), pick.entity, self.text[pick.start:pick.end], pick.last), relay,
                    self._opener(pick.last + 1, end_sent))
        if opener + 1 <= end_sent and self.word(opener + 1) in self.anonymous:
            desc_end = self._description_end(opener + 1, min(end_sent, opener + 6))
            anonymous = _Source("anonymous", None, " ".join(self.text[toks[opener + 1].start:toks[desc_end].end].split()),
                                desc_end)
            return anonymous, relay, self._opener(desc_end + 1, end_sent)
        titled = self._titled_person(opener + 1, min(end_sent, opener + 10))
        if titled is not None and not self._opener(opener + 1, titled.last):
            return titled, relay, self._opener(titled.last + 1, end_sent)
        return source, None, opener

    def _without_opener(self, i: int, cue: Cue, cue_span: Span, source: _Source, end_sent: int) -> int:
        """A cue with no «أن», colon or quote: «…، كما أفاد مصدر أمني.» speaks the clause before it;
        «كشف فلان تفاصيل …» (a cue whose object can be the content) speaks its object."""
        toks = self.tokens
        s0 = self.sentence_start(i)
        if i - 1 > s0 + 2 and toks[i - 1].norm in _AS and source.last >= end_sent - 3:
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

    # -- sources ---------------------------------------------------------------------------------
    def _kind(self, cand: Cand) -> str:
        etype = self.types.get(cand.entity or "", "")
        if etype != "PERSON" and cand.first > 0 and self.word(cand.first - 1) in self.sets.media_head:
            return "media"
        return _KIND_OF_TYPE.get(etype, "organization")

    def _subject(self, first: int, last: int) -> _Source | None:
        """The source named right after the cue (tokens first..last, before the opener), or None."""
        toks = self.tokens
        while first <= last and (self.word(first) in _SKIP_SUBJECT or toks[first].text in "،,"):
            first += 1
        if first > last:
            return None
        if toks[first].norm in ("ل", "لـ") or (toks[first].prefix[:1] == "ل" and self.index.by_first.get(first)):
            return None  # «وكان المسماري أعلن لـ"سكاي نيوز"»: the outlet spoken to is not the speaker
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
        return self._named_subject(first, last, found)

    def _unnamed_subject(self, first: int, last: int) -> _Source | None:
        """An anonymous source («مصدر عسكري», «المصدر» for the last one), an unnamed member («عضو في
        المجلس»), or an unnamed spokesman («متحدث باسم الحكومة» speaks for the body)."""
        toks = self.tokens
        head, head_full = self.word(first), toks[first].norm
        if (head in self.anonymous or head_full in self.anonymous) and not self._named_after(first, last):
            if head_full.startswith("ال") and self.last_anonymous is not None:
                return self.last_anonymous
            return self._anonymous_from(first, last)
        if (head in self.sets.member_head or head_full in self.sets.member_head) and not any(
                self.types.get(m.entity or "") == "PERSON" for m in self.mentions_in(first, min(last, first + 6))):
            return self._anonymous_from(first, last)  # «وقال عضو في المجلس الرئاسي إن …»
        if head_full in self.sets.unnamed_spokesman and not self._named_after(first, last):
            return self._spokesman_for(first, last)
        return None

    def _anonymous_from(self, first: int, last: int) -> _Source:
        """An anonymous source described from token `first` («مصدر عسكري مقرب من القيادة»)."""
        desc_end = self._description_end(first, last)
        src = _Source("anonymous", None, " ".join(self.text[self.tokens[first].start:self.tokens[desc_end].end].split()),
                      desc_end)
        self.last_anonymous = src
        return src

    def _referred_subject(self, first: int, last: int) -> _Source | None:
        """A subject that refers back: «المتحدث» (the spokesman named before), «الوكالة» (the outlet),
        a surname alone («عمر»), a body's head («المرصد»)."""
        toks = self.tokens
        head, head_full = self.word(first), toks[first].norm
        here = self.text[toks[first].start:toks[first].end]
        if head_full in self.sets.spokesman_anaphor and not self.mentions_in(first, min(last, first + 3)):
            ref = self._last_spokesman(toks[first].start)
            if ref is not None:
                return _Source("named_person", ref, here, first)
        if head_full.startswith("ال") and head in self.sets.media_head and not self.mentions_in(first, min(last, first + 2)):
            ref = self._last_media(toks[first].start)
            if ref is not None:
                return _Source("media", ref, here, first)
        named = self._surname(first, last)
        if named is not None:
            return named
        body = self.refer.body_at(first)
        if body is not None:
            return _Source(self._kind(body), body.entity, here, first)
        return None

    def _named_subject(self, first: int, last: int, found: list[Cand]) -> _Source | None:
        """The speaker among the mentions of the subject: a document by its issuer, a titled person, a body
        opening the subject unless a person names it close by, never the one a spokesman speaks for."""
        if self.word(first) in self.sets.document_head:
            speaker = found[0].entity if found else None
            return _Source("document", speaker, " ".join(self.text[self.tokens[first].start:self.tokens[last].end].split()),
                           found[0].last if found else first)
        if not found or found[0].first > first + 3:
            return self._titled_person(first, last) or self._title_reference(first, found[0].first - 1 if found else last)
        found = [m for m in found if self._can_speak(m)]
        if not found or found[0].first > first + 3:
            return self._titled_person(first, last)
        if found[0].first == first:  # the subject opens with a body: a person later is its name only close by
            found = [m for m in found if m is found[0] or self._apposed(first, m.first)]
        persons = [m for m in found if self.types.get(m.entity or "") == "PERSON" and not m.outer] or \
            [m for m in found if self.types.get(m.entity or "") == "PERSON"]
        if len(persons) > 1 and any(self.tokens[k].norm == _ON_BEHALF for k in range(first, persons[0].first)):
            # «الناطق باسم القائد العام، العميد فلان»: the one spoken for does not speak
            persons = [p for p in persons if p.entity != persons[0].entity] or persons
        pick = persons[0] if persons else found[0]
        return _Source(self._kind(pick), pick.entity, self.text[pick.start:pick.end], pick.last)

    def _surname(self, first: int, last: int) -> _Source | None:
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
        return _Source("named_person", best.entity, toks[first].text, first)

    def _title_reference(self, first: int, last: int) -> _Source | None:
        """«وقال وزير الخارجية الأميركي إن …»: a title alone names the person it introduced before."""
        k = first
        while k <= last and k - first < TitleReference.MAX_WORDS and self.tokens[k].text[:1].isalpha() \
                and self.word(k) not in self.sets.opener and self.tokens[k].norm not in self.sets.opener and not self._in_time(k):
            k += 1
        person = self.titles.person_for(first, k - 1)
        if person is None:
            return None
        return _Source("named_person", person.entity, " ".join(self.text[self.tokens[first].start:self.tokens[k - 1].end].split()),
                       k - 1)

    def _person_closing(self, first: int, last: int) -> _Source | None:
        """A person named last in a subject that opens with an unnamed head («الخبير في معهد X فلان»,
        «مسؤول في الوزارة، فلان،»), unless the head is close to him («مصدر مقرب من فلان»)."""
        toks = self.tokens
        if not (self.word(first) in self.anonymous or toks[first].norm in self.anonymous
                or self.word(first) in self.sets.member_head or toks[first].norm in self.sets.member_head):
            return None
        k = last
        while k > first and toks[k].text in "،,":
            k -= 1
        person = next((m for m in self.index.by_last.get(k, ()) if self.types.get(m.entity or "") == "PERSON"), None)
        if person is None or person.first <= first:
            return None
        if any(self.word(t) in _CLOSE_TO or toks[t].norm in _CLOSE_TO for t in range(first + 1, person.first)):
            return None
        return _Source("named_person", person.entity, self.text[person.start:person.end], person.last)

    def _apposed(self, first: int, at: int) -> bool:
        """True when a mention at token `at` can still name the subject that opens with a body at `first`: close,
        with no «بقيادة …», «التابع لـ …» or time expression between («أعلن الجيش، الأحد، مقتل فلان»)."""
        if at > first + _SUBJECT_REACH:
            return False
        for k in range(first + 1, at):
            if self.word(k) in self.sets.led_by or self.tokens[k].norm in self.sets.led_by or self._in_time(k):
                return False
        return True

    def _in_time(self, k: int) -> bool:
        """True when token k lies inside a time expression."""
        start = self.tokens[k].start
        return any(t.start <= start < t.end for t in self.a.times)

    def _spokesman_for(self, first: int, last: int) -> _Source | None:
        """«أعلن متحدثون عسكريون باسم الحكومة أن …»: an unnamed spokesman speaks for the body after «باسم»;
        «متحدث باسمه» (a pronoun, no body) is anonymous."""
        toks = self.tokens
        for k in range(first + 1, min(last, first + 4) + 1):
            if toks[k].norm in _ON_BEHALF_PRONOUN:
                return _Source("anonymous", None, " ".join(self.text[toks[first].start:toks[k].end].split()), k)
            if toks[k].norm == _ON_BEHALF:
                m = next((m for m in self.index.by_first.get(k + 1, ()) if self._can_speak(m)), None)
                if m is not None and self.types.get(m.entity or "") != "PERSON":
                    return _Source(self._kind(m), m.entity, self.text[m.start:m.end], m.last)
                return None
        return None

    def _named_after(self, first: int, last: int) -> bool:
        """«خبير المتفجرات طارق السعيطي»: a person named right after a source's head (not after «من»,
        «عن», «مقرب» …, which name whom an anonymous source is close to)."""
        for k in range(first + 1, min(last, first + 4) + 1):
            if self.tokens[k].text in "،,:" or self.word(k) in _NOT_NAMING or self.tokens[k].prefix[:1] == "ل":
                return False
            if any(self.types.get(m.entity or "") == "PERSON" for m in self.index.by_first.get(k, ())):
                return True
        return False

    def _titled_person(self, first: int, last: int) -> _Source | None:
        """«وأكد وزير الخارجية الإيطالي، باولو جينتيلوني، …»: a person named after a longer title."""
        persons = [m for m in self.mentions_in(first, min(last, first + 14))
                   if self.types.get(m.entity or "") == "PERSON" and m.first > first]
        if len(persons) > 1 and any(self.tokens[k].norm == _ON_BEHALF for k in range(first, persons[0].first)):
            persons = [p for p in persons if p.entity != persons[0].entity] or persons  # «الناطق باسم القائد العام فلان، العميد فلان»: the one spoken for does not speak
            reach = first + 12
        else:
            reach = first + 6
        if persons and persons[0].first <= reach:
            m = persons[0]
            return _Source("named_person", m.entity, self.text[m.start:m.end], m.last)
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

    def _can_speak(self, m: Cand) -> bool:
        """People, bodies and outlets speak; of places only countries («أعربت تونس عن …»)."""
        etype = self.types.get(m.entity or "")
        if etype in ("GPE", "LOCATION"):
            return etype == "GPE" and self.kinds.get(m.entity or "") == "country"
        return etype is not None

    def _description_end(self, first: int, last: int) -> int:
        """Where an anonymous source's description ends («مصدر عسكري مقرب من القيادة العامة»)."""
        end = first
        for k in range(first + 1, min(last, first + 6) + 1):
            if (self.tokens[k].text in "،,:\"«.؛" or self.word(k) in _SKIP_SUBJECT or self.word(k) in self.sets.said_to
                    or self._according_at(k) or self.word(k) in self.sets.opener or self.tokens[k].norm in ("فان", "فإن")):
                break
            end = k
        return end

    def _subject_before(self, i: int) -> _Source | None:
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
        opening = self._kana_subject(s0, found)
        if opening is not None:
            return opening
        persons = [m for m in found if self.types.get(m.entity or "") == "PERSON"]
        if persons:
            p = persons[-1]
            return _Source("named_person", p.entity, self.text[p.start:p.end])
        return None

    def _title_before(self, i: int, s0: int) -> _Source | None:
        """«إلا أن وزير الخارجية الأميركي حذر …»: a title right before the verb names the person it introduced."""
        if self.tokens[i].prefix[:1] in ("و", "ف"):
            return None
        k = i - 1
        while k >= s0 and i - k <= TitleReference.MAX_WORDS and self.tokens[k].text[:1].isalpha() \
                and self.tokens[k].norm not in _THAT and self.word(k) not in _LINKS and self.tokens[k].norm not in _LINKS:
            k -= 1
        for start in range(k + 1, i - 1):  # the longest title first
            person = self.titles.person_for(start, i - 1)
            if person is not None:
                return _Source("named_person", person.entity,
                               " ".join(self.text[self.tokens[start].start:self.tokens[i - 1].end].split()), -1)
        return None

    def _anonymous_before(self, i: int, s0: int) -> _Source | None:
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
                src = _Source("anonymous", None, " ".join(self.text[self.tokens[back].start:self.tokens[i - 1].end].split()))
                self.last_anonymous = src
                return src
        return None

    def _inside_content(self, i: int, s0: int) -> bool:
        """True when cue i stands in the reported clause of an earlier cue of its sentence («قال فلان إن
        السلطات أبدت …»)."""
        for k in range(i - 1, s0 - 1, -1):
            if (self.tokens[k].norm in _THAT or self.word(k) in _THAT) and not (k > 0 and self.word(k - 1) in _BUT):
                return any(self.cue_at(b) is not None or self._according_at(b) for b in range(s0, k))
        return False

    def _adjacent_subject(self, i: int, s0: int) -> _Source | None:
        """«قوات الجيش أعلنت …», «الغرياني، الذي طالب …», «المرصد قال»: a speaker named right before a cue
        that has no conjunction of its own (subject, verb), or before «الذي» that opens its relative clause."""
        toks = self.tokens
        if toks[i].prefix[:1] in ("و", "ف"):
            return None
        k = i - 1
        if k > s0 and toks[k].norm in _KANA | {"قد"}:
            k -= 1
        if k > s0 and toks[k].norm in _RELATIVE:
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
            return _Source(self._kind(m), m.entity, self.text[m.start:m.end], -1)
        body = self.refer.body_at(k)
        if body is not None:
            return _Source(self._kind(body), body.entity, self.text[toks[k].start:toks[k].end], -1)
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

    def _ruling_before(self, i: int) -> _Source | None:
        """«حكماً غيابياً يقضي», «قرار ينص»: a document named up to three words before cue i, issued by the
        nearest body named before it in the sentence."""
        s0 = self.sentence_start(i)
        for k in range(i - 1, max(s0, i - 3) - 1, -1):
            if self.tokens[k].text in "،,:\"«»":
                return None
            if self.word(k) in self.sets.document_head:
                bodies = [m for m in self.mentions_in(s0, k - 1) if self._kind(m) == "organization" and self._can_speak(m)]
                speaker = bodies[-1].entity if bodies else None
                return _Source("document", speaker, " ".join(self.text[self.tokens[k].start:self.tokens[i - 1].end].split()),
                               i)
        return None

    def _kana_subject(self, s0: int, found: list[Cand]) -> _Source | None:
        """«وكان تنظيم X قد هدد بـ …»: the body or person named right after an opening «كان» speaks."""
        for k in (s0, s0 + 1):
            if k < len(self.tokens) and (self.tokens[k].norm in _KANA or self.word(k) in _KANA):
                m = next((m for m in found if m.first == k + 1 and self._can_speak(m)), None)
                if m is not None:
                    return _Source(self._kind(m), m.entity, self.text[m.start:m.end], -1)
        return None

    def _carry(self, i: int) -> _Source | None:
        """No subject: the previous claim's source carries over («وأضاف:», «وذكرت أن»); not when a
        subject the entity layer did not name stands after the cue («وقالت الحكومة إن …»)."""
        last = self.last_source
        if last is not None and last.kind == "named_person" and self.word(i).endswith(_PLURAL_ENDINGS):
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
        return prev.text[:1].isalpha() and prev.norm not in _LINKS and self.words[i - 1] not in _LINKS

    def _impersonal(self, i: int) -> bool:
        """«يذكر أن …»: an impersonal form right before its opener is the outlet's own background."""
        return self.tokens[i].norm in _IMPERSONAL and i + 1 < len(self.tokens) and (
            self.tokens[i + 1].norm in self.sets.opener or self.word(i + 1) in self.sets.opener)

    def _no_subject(self, i: int) -> bool:
        """True when nothing but an opener, a quote, a preposition or a time stands after cue i."""
        toks = self.tokens
        k = i + 1
        while k < len(toks) and (self.word(k) in _SKIP_SUBJECT or toks[k].text in "،,") \
                and self.word(k) not in _NOT_SUBJECT:
            k += 1
        if k >= len(toks) or toks[k].sentence != toks[i].sentence:
            return True
        tok = toks[k]
        if not tok.text[:1].isalpha() or self.word(k) in self.sets.opener or tok.norm in self.sets.opener:
            return True  # «وأضاف: "…"», «وذكرت أن …»
        if tok.prefix[:1] == "ل" or tok.norm in ("ل", "لـ") or self.word(k) in _NOT_SUBJECT:
            return True  # «وقال لـ"سكاي نيوز"», «وأضاف في تصريح …»
        if self.word(i) in self.sets.calling or (self.table.cue_for(self.word(i)) or Cue("")).lemma in self.sets.calling:
            return True  # «ودعت جميع الأطراف إلى …»: the noun after a call is its object
        last = self.last_source
        if last is not None and last.text and tok.norm.startswith("ال") and self.word(k) in normalise(last.text):
            return True  # «كما أبدت المؤسسة أسفها»: the body named before, referred to by its head
        return bool(self.times_at.at(tok.start))

    # -- content ---------------------------------------------------------------------------------
    def _object_content(self, i: int, source: _Source, end_sent: int) -> tuple[int, int] | None:
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

    def _opener(self, first: int, last: int) -> int | None:
        """The token that opens the content (أن / إن / : / a quote), within the sentence."""
        k = first
        stop = min(last, first + 30)
        while k <= stop:
            tok = self.tokens[k]
            if tok.text in _OPEN_QUOTES and self._quoted_name(k, stop):
                k = self._quoted_name(k, stop) + 1
                continue
            if tok.text in (":", "：") or tok.text in _OPEN_QUOTES:
                return k
            if (tok.norm in self.sets.opener or self.word(k) in self.sets.opener) and not self._unnamed_clause(k) \
                    and not self._spoken_to(k):
                return k
            later = self.cue_at(k) if k > first else None
            if later is not None and not later.weak and not self.tokens[k].prefix.startswith("ب") \
                    and not self._negated(k):  # «مصدر طلب عدم ذكر اسمه إن …»: the description goes on
                return None
            k += 1
        return None

    def _spoken_to(self, k: int) -> bool:
        """«في تصريحات إلى "الوطن"», «في حديث إلى الصحيفة»: «إلى» after a statement names whom it was
        given to, not the content."""
        return self.word(k) in _TO and k > 0 and self.word(k - 1) in self.sets.said_to

    def _unnamed_clause(self, k: int) -> bool:
        """«المصدر الذي طلب عدم الكشف عن اسمه»: «عن» before «اسمه/هويته» belongs to the source's description."""
        return self.word(k) == "عن" and k + 1 < len(self.tokens) and self.word(k + 1) in self.sets.name_word

    def _quoted_name(self, k: int, stop: int) -> int | None:
        """Closing index when the quote opened at token k holds only a short name («لـ"سكاي نيوز"»)."""
        closing = _OPEN_QUOTES[self.tokens[k].text]
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
        if toks[k].text in _OPEN_QUOTES:
            close = self._close_quote(toks[k].start, toks[k].text)
            return toks[k].end, close, True
        end = toks[end_sent].end
        for j in range(k + 1, end_sent + 1):
            cut = self.cue_at(j)
            if cut is not None and cut.lemma == _CAME and not (j + 1 <= end_sent and self.word(j + 1) in ("في", "فى")):
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

    def _close_quote(self, start: int, mark: str) -> int:
        """End of the quotation opened at `start`: its closing mark, or the paragraph's end."""
        para_end = _next_at(self._positions("\n\n"), start, len(self.text))
        close = _next_at(self._positions(_OPEN_QUOTES[mark]), start + 1, para_end)
        close = min(close, para_end)
        while close > start + 1 and self.text[close - 1] in " .\n":
            close -= 1
        return close

    # -- output ----------------------------------------------------------------------------------
    def _positions(self, mark: str) -> list[int]:
        """Every position of `mark` in the text, found once per article (quotes are looked up by bisection)."""
        found = self._marks.get(mark)
        if found is None:
            found = self._marks[mark] = [m.start() for m in re.finditer(re.escape(mark), self.text)]
        return found

    def _emit(self, source: _Source, cue: Span, lemma: str, start: int, end: int, quote: bool) -> Claim:
        if sum(1 for _ in islice(_WORD.finditer(self.text, start, end), max(self.min_content_words, 0))) \
                < self.min_content_words:
            self.last_source = source  # a claim with no real content: keep its source for what follows
            return Claim("", source.kind, cue, Offsets(start, end))
        claim = Claim(f"c{len(self.claims) + 1}", source.kind, cue, Offsets(start, end), source.speaker,
                      source.text, [], None, lemma, quote)
        self.claims.append(claim)
        insort(self.cue_starts, (cue.start, len(self.claims) - 1))
        self.last_source = source
        if source.kind == "anonymous":
            self.last_anonymous = source
        return claim

    def _said_to(self, claim: Claim, first: int, opener: int) -> None:
        """«في تصريح لوكالة الأنباء الليبية»: the outlet the statement was given to relays it."""
        for k in range(first, opener):
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


def _next_at(positions: list[int], start: int, default: int) -> int:
    """The first of the sorted `positions` at or after `start`, else `default`."""
    k = bisect_left(positions, start)
    return positions[k] if k < len(positions) else default
