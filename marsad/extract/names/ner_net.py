"""The statistical NER model as a net for names the knowledge base and the rules do not catch.

The shipped CRF (`marsad.ner`; `ner_model = "neural"` picks the neural tagger) tags each sentence; its spans become candidates only where no
dictionary or rule candidate already stands (those keep precedence for linking and typing). Labels
map to marsad types (PER → PERSON, LOC → GPE, ORG → ORGANIZATION), refined by the head word:
«كتيبة …» → ARMED_GROUP, «صحيفة …» → MEDIA, «قبيلة …» → TRIBE, a region word → LOCATION.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.extract.names.cands import Cand
from marsad.extract.names.lexicon import given_names, shipped_name_cues
from marsad.model import Token
from marsad.text.clitics import word_count
from marsad.text.normalise import normalise

_HEAD_TYPES = {
    **{normalise(w): "ARMED_GROUP" for w in ("كتيبة", "لواء", "سرية", "قوات", "قوة", "ميليشيا", "مليشيا",
                                              "جيش", "فيلق", "غرفة", "مجلس شورى", "تنظيم", "جماعة", "حركة")},
    **{normalise(w): "MEDIA" for w in ("صحيفة", "جريدة", "وكالة", "قناة", "موقع", "إذاعة", "راديو", "تلفزيون")},
    **{normalise(w): "TRIBE" for w in ("قبيلة", "قبائل", "عشيرة")},
    **{normalise(w): "LOCATION" for w in ("منطقة", "جبل", "وادي", "ميناء", "حقل", "قاعدة", "مطار", "معبر", "صحراء")},
}
_MIN_CHARS = 3
#: a sentence goes to the model only if one of its words is seen fewer times than this in news
#: (the vocabulary keeps words seen 3 times or more, so 3 means: unseen) or is a given name
GATE_MAX_COUNT = 3
#: tokens tagged before and after a possible name word (the CRF's features look 2 tokens away; for
#: the neural model, windows of 8 each way or whole sentences gave the same dev-gold entity F1, ±0.005)
WINDOW_BEFORE = 3
WINDOW_AFTER = 4


#: a one-word place the model proposes but news uses this often is an everyday word («المدينة»)
_EVERYDAY = 30


def _everyday_place(tok: Token) -> bool:
    """A one-word place name that is more likely an ordinary word (frequent, dual or plural, «و»-led)."""
    w = tok.stem if tok.prefix and not tok.prefix.endswith("ال") else tok.norm
    if word_count(tok.norm) >= _EVERYDAY or word_count(w) >= _EVERYDAY:
        return True
    bare = w[2:] if w.startswith("ال") else w
    return len(bare) > 4 and bare.endswith(("ان", "ين")) or tok.norm.startswith("و") and not tok.prefix


def _family_name(tok: Token, stop: frozenset[str]) -> bool:
    """A rare «ال»-word right after a person's name: a family name («الخيالي», «الزوي»)."""
    return tok.norm.startswith("ال") and not tok.prefix.startswith(("و", "ب", "ل", "ف", "ك")) and \
        len(tok.norm) > 4 and word_count(tok.norm) < 20 and tok.norm not in stop and tok.text[:1].isalpha()


_GIVEN = given_names()


class NerNet:
    """Wraps the shipped tagger; call it with tokens, text and the candidates found so far. `stop`: the
    function words trimmed from a name's ends (the knowledge base's `stop` name cues)."""

    def __init__(self, tagger: object, gate: bool = True, *, gate_max_count: int = GATE_MAX_COUNT,
                 window_before: int = WINDOW_BEFORE, window_after: int = WINDOW_AFTER,
                 stop: frozenset[str] | None = None) -> None:
        self.tagger = tagger
        self.stop = shipped_name_cues().stop if stop is None else stop
        self.gate = gate
        self.gate_max_count = gate_max_count
        self.window_before = window_before
        self.window_after = window_after

    def _windows(self, sentence: list[int], tokens: Sequence[Token], covered: set[int]) -> list[list[int]]:
        """Token windows of one sentence around its possible name words, merged where they touch."""
        spans: list[list[int]] = []
        for pos, i in enumerate(sentence):
            if i in covered or not self._maybe_name(tokens[i]):
                continue
            lo, hi = max(0, pos - self.window_before), min(len(sentence), pos + self.window_after + 1)
            if spans and lo <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], hi)
            else:
                spans.append([lo, hi])
        return [sentence[lo:hi] for lo, hi in spans]

    def _maybe_name(self, tok: Token) -> bool:
        """A word that may belong to a name the knowledge base lacks: rare in news, or a given name."""
        if not tok.text[:1].isalpha():
            return False
        w = tok.stem if tok.prefix else tok.norm
        return word_count(w) < self.gate_max_count or w in _GIVEN

    def __call__(self, tokens: Sequence[Token], text: str, cands: Sequence[Cand]) -> list[Cand]:
        if not tokens:
            return []
        covered = set()
        for c in cands:
            covered.update(range(c.first, c.last + 1))
        sentences: list[list[int]] = []
        for i, tok in enumerate(tokens):
            if not sentences or tokens[sentences[-1][-1]].sentence != tok.sentence:
                sentences.append([])
            sentences[-1].append(i)
        if self.gate:
            # only the stretches around a word that could belong to an unknown name: the model is the
            # costliest step of the pipeline, and everyday words far from any such word hold no name
            sentences = [w for s in sentences for w in self._windows(s, tokens, covered)]
            if not sentences:
                return []
        labels = self.tagger.tag_document([[tokens[i].text for i in s] for s in sentences])  # type: ignore[attr-defined]
        out: list[Cand] = []
        for idx, labs in zip(sentences, labels):
            j = 0
            while j < len(labs):
                lab = labs[j]
                if not lab.startswith("B-") and not lab.startswith("I-"):
                    j += 1
                    continue
                kind = lab[2:]
                k = j
                while k + 1 < len(labs) and labs[k + 1] == f"I-{kind}":
                    k += 1
                cand = self._cand(tokens, text, idx[j], idx[k], kind, covered)
                if cand is not None:
                    out.append(cand)
                    covered.update(range(cand.first, cand.last + 1))
                j = k + 1
        return out

    def _cand(self, tokens: Sequence[Token], text: str, first: int, last: int, kind: str,
              covered: set[int]) -> Cand | None:
        if kind not in ("PER", "LOC", "ORG"):
            return None
        # leading function words are not part of a name, unless a person's name starts with a given
        # name that is also one («علي» / «على» once normalised)
        stop = self.stop
        while first <= last and (not tokens[first].text[:1].isalpha() or tokens[first].norm in stop
                                 and not (kind == "PER" and first < last and tokens[first].norm in _GIVEN
                                          and not tokens[first].text.endswith("ى"))):  # «على» is no «علي»
            first += 1
        while last >= first and (tokens[last].norm in stop or not tokens[last].text[:1].isalpha()):
            last -= 1
        if first > last or any(i in covered for i in range(first, last + 1)):
            return None
        start = tokens[first].stem_start if tokens[first].prefix[:1] in ("و", "ف", "ب", "ل", "ك") and \
            not tokens[first].prefix.endswith("ال") else tokens[first].start
        if tokens[first].prefix.endswith("ال") and len(tokens[first].prefix) > 2:
            start = tokens[first].stem_start - 2
        if kind == "PER" and last + 1 < len(tokens) and tokens[last + 1].sentence == tokens[last].sentence \
                and last + 1 not in covered and _family_name(tokens[last + 1], stop):
            last += 1  # «حامد رافع» + «الخيالي»: the family name the model left out
        end = tokens[last].end
        name = " ".join(text[start:end].split())
        if len(name) < _MIN_CHARS:
            return None
        if first == last and _everyday_place(tokens[first]):
            return None
        etype = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORGANIZATION"}[kind]
        head = tokens[first].stem if tokens[first].prefix else tokens[first].norm
        head = head[2:] if head.startswith("ال") else head
        refined = _HEAD_TYPES.get(head)
        if refined and kind != "PER":
            etype = refined
        elif first > 0 and kind != "PER" and tokens[first - 1].sentence == tokens[first].sentence:
            prev = tokens[first - 1].stem if tokens[first - 1].prefix else tokens[first - 1].norm
            if _HEAD_TYPES.get(prev) == "MEDIA":
                etype = "MEDIA"
        return Cand(first, last, start, end, [], etype, name, "ner", confidence=0.6)
