"""The statistical Arabic NER tagger: a CRF over surface and distributional features, plus a
document-level consistency pass. `load_default()` returns the shipped model (cached).

    from marsad.ner import load_default
    load_default().tag(["التقى", "الرئيس", "عبد", "الفتاح", "السيسي", "في", "القاهرة"])
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from marsad.errors import InputError
from marsad.ner.conll import spans
from marsad.ner.features import Featuriser, Lexicon
from marsad.text.normalise import normalise

MODELS_DIR = Path(__file__).resolve().parent / "models"
DEFAULT_MODEL = MODELS_DIR / "ner-crf.crfsuite"

#: Longest sentence tagged in one piece; longer token lists are tagged in chunks of this size.
MAX_SENTENCE_TOKENS = 400

#: marsad entity types for the tagger's labels; MISC has no marsad type (None: ignore the span).
#: LOC covers both states/cities (GPE) and natural or other locations: `to_marsad_type` returns GPE,
#: and the entity component refines LOCATION / ARMED_GROUP / MEDIA from cues and the knowledge base.
MARSAD_TYPES: dict[str, str | None] = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORGANIZATION", "MISC": None}


def to_marsad_type(label: str) -> str | None:
    """The marsad entity type for a tagger type or BIO label (PER→PERSON, LOC→GPE, ORG→ORGANIZATION,
    MISC→None); None for O and unknown types."""
    typ = label[2:] if label[:2] in ("B-", "I-") else label
    return MARSAD_TYPES.get(typ)


def lexicon_path(model_path: Path) -> Path:
    """The lexicon file that goes with a model file (same stem, `.lexicon.json.gz`)."""
    return model_path.with_name(model_path.name.removesuffix(".crfsuite") + ".lexicon.json.gz")


def sidecar_path(model_path: Path) -> Path:
    """The JSON sidecar (data checksums, settings, scores) of a model file."""
    return model_path.with_name(model_path.name.removesuffix(".crfsuite") + ".json")


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A name found by the tagger: tokens [start, end), its tagger type (PER/LOC/ORG/MISC), the marsad
    type (None for MISC) and the CRF's confidence (the lowest marginal probability of its labels)."""

    start: int
    end: int
    label: str
    type: str | None
    confidence: float


class Tagger:
    """A CRF tagger: `tag(tokens)` gives BIO labels (PER/LOC/ORG/MISC) for one sentence,
    `tag_document(sentences)` adds the document-level consistency pass."""

    def __init__(self, model_path: str | Path, lexicon: Lexicon | None = None,
                 settings: dict[str, object] | None = None) -> None:
        path = Path(model_path)
        if not path.is_file():
            raise InputError(str(path), "NER model file not found")
        if lexicon is None:
            lp = lexicon_path(path)
            lexicon = Lexicon.load(lp) if lp.is_file() else Lexicon()
        sc = sidecar_path(path)
        meta: dict[str, object] = {}
        if settings is None and sc.is_file():
            try:
                meta = json.loads(sc.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise InputError(str(sc), f"unreadable model sidecar ({exc})") from None
            settings = dict(meta.get("settings", {}).get("inference", {}))
        self.settings = settings or {}
        self.meta = meta
        self.path = path
        self.featuriser = Featuriser(lexicon, window=int(self.settings.get("window", 2)))
        self._crf = pycrfsuite.Tagger()
        try:
            self._crf.open(str(path))
        except (OSError, ValueError) as exc:
            raise InputError(str(path), f"not a CRFsuite model ({exc})") from None

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO labels for one sentence's tokens (long inputs are tagged in chunks)."""
        toks = [t if isinstance(t, str) else str(t) for t in tokens]
        if not toks:
            return []
        out: list[str] = []
        for i in range(0, len(toks), MAX_SENTENCE_TOKENS):
            chunk = toks[i:i + MAX_SENTENCE_TOKENS]
            out.extend(self._crf.tag(self.featuriser.sentence_features(chunk)))
        return out

    def tag_spans(self, tokens: Sequence[str]) -> list[NameSpan]:
        """The names of one sentence as token spans with marsad types and confidences (no propagation)."""
        toks = [t if isinstance(t, str) else str(t) for t in tokens]
        out: list[NameSpan] = []
        for off in range(0, len(toks), MAX_SENTENCE_TOKENS):
            chunk = toks[off:off + MAX_SENTENCE_TOKENS]
            labels = self._crf.tag(self.featuriser.sentence_features(chunk))
            for a, b, typ in spans(labels):
                conf = min(self._crf.marginal(labels[i], i) for i in range(a, b))
                out.append(NameSpan(off + a, off + b, typ, MARSAD_TYPES.get(typ), round(conf, 4)))
        return out

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO labels for many sentences (one by one: the CRF gains nothing from batching)."""
        return [self.tag(s) for s in sentences]

    def tag_document(self, sentences: Sequence[Sequence[str]], propagate: bool | None = None,
                     window: int | None = None) -> list[list[str]]:
        """BIO labels for every sentence of one document, with names found once propagated to their
        untagged repeats later in the document (within `window` sentences; None: whole document)."""
        return document_pass(sentences, self.tag_many(sentences), self.settings, propagate, window)


def document_pass(sentences: Sequence[Sequence[str]], labels: list[list[str]], settings: dict[str, object],
                  propagate: bool | None = None, window: int | None = None) -> list[list[str]]:
    """A tagger's labels with the document-level consistency pass its `settings` ask for (explicit
    `propagate` and `window` override them); `labels` is changed in place and returned."""
    if propagate is None:
        propagate = bool(settings.get("propagate", True))
    if propagate:
        if window is None:
            w = settings.get("propagate_window")
            window = int(w) if isinstance(w, (int, float)) else None
        propagate_names(sentences, labels, window=window,
                        min_chars=int(settings.get("propagate_min_chars", 3)),  # type: ignore[call-overload]
                        surnames=bool(settings.get("propagate_surnames", False)),
                        clitics=bool(settings.get("propagate_clitics", False)))
    return labels


#: one-letter proclitics (and, so, with/in, to/for, like) that may precede a repeated name: «ولبنان»,
#: «بالعراق» repeat «لبنان», «العراق»; «لل» is «ل» + «ال» with the alef dropped
_PROCLITICS = ("و", "ف", "ب", "ل", "ك")


def _bare(token: str, min_chars: int) -> str | None:
    """A normalised token without one leading proclitic (None when there is none or too little is
    left)."""
    if len(token) < 2 or token[0] not in _PROCLITICS:
        return None
    rest = "ال" + token[2:] if token.startswith("لل") else token[1:]
    return rest if len(rest) >= max(min_chars, 2) else None


def propagate_names(sentences: Sequence[Sequence[str]], labels: list[list[str]], window: int | None = None,
                    min_chars: int = 3, surnames: bool = False, clitics: bool = False) -> None:
    """Label, in place, untagged repeats of names tagged earlier (exact normalised token sequence,
    longest first). Names of fewer than `min_chars` letters are not propagated. With `surnames`, the
    last word of a person name of two or more words also counts as that person's name. With
    `clitics`, a repeat may carry one proclitic on its first word (و ف ب ل ك: «ولبنان» after «لبنان»),
    and the whole word is labelled, as in ANERcorp."""
    seen: dict[tuple[str, ...], tuple[str, int]] = {}
    longest = 0  # at least the longest key of `seen` (kept as keys come, not recomputed per sentence)
    norm = [[normalise(t) for t in s] for s in sentences]
    for si, (toks, labs) in enumerate(zip(norm, labels)):
        if window is not None:
            for key in [k for k, (_, at) in seen.items() if si - at > window]:
                del seen[key]
        if seen and len(toks) == len(labs):
            maxlen = longest
            i = 0
            n = len(toks)
            while i < n:
                hit = None
                if labs[i] == "O":
                    firsts = [toks[i]]
                    bare = _bare(toks[i], min_chars) if clitics else None
                    if bare is not None:
                        firsts.append(bare)
                    for ln in range(min(maxlen, n - i), 0, -1):
                        rest = tuple(toks[i + 1:i + ln])
                        found = next((m for f in firsts if (m := seen.get((f, *rest))) is not None), None)
                        if found is not None and all(x == "O" for x in labs[i:i + ln]):
                            hit = (ln, found[0])
                            break
                if hit:
                    ln, typ = hit
                    labs[i] = "B-" + typ
                    for j in range(i + 1, i + ln):
                        labs[j] = "I-" + typ
                    i += ln
                else:
                    i += 1
        for a, b, typ in spans(labs):
            key = tuple(toks[a:b])
            if sum(len(x) for x in key) >= min_chars:
                seen[key] = (typ, si)
                longest = max(longest, len(key))
            if surnames and typ == "PER" and b - a >= 2 and len(toks[b - 1]) >= max(min_chars, 3):
                last = (toks[b - 1],)
                if last not in seen or seen[last][0] == "PER":
                    seen[last] = ("PER", si)


@lru_cache(maxsize=1)
def load_crf() -> Tagger:
    """The shipped CRF model (loaded once, then cached); `marsad.ner.load_default` picks the model
    marsad uses."""
    return Tagger(DEFAULT_MODEL)
