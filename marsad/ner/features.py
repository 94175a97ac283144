"""Token features for the CRF tagger: word form, affixes, clitic-stripped stem, shape, context window
and distributional signatures learned from unlabelled news (a `Lexicon`).

Per-word features are computed once per distinct token string and cached, so a sentence costs little
more than a few dictionary look-ups per token.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.text.normalise import normalise

#: Longest token (characters) looked at; longer tokens are cut before computing features.
MAX_TOKEN_CHARS = 64
#: Distinct tokens whose features are cached (about 2.5 kB each); the cache is emptied when full.
CACHE_LIMIT = 20_000
#: Longest gazetteer entry (tokens) looked for.
GAZ_MAX_TOKENS = 6

_PROCLITIC_1 = ("و", "ف")
_PROCLITIC_2 = ("ب", "ل", "ك")


def strip_clitics(word: str) -> tuple[str, str]:
    """(proclitic pattern, stem) of a normalised word: و/ف, then ب/ل/ك, then ال (or لل) are removed
    while at least two letters remain."""
    pat = ""
    w = word
    if len(w) > 3 and w[0] in _PROCLITIC_1:
        pat += w[0]
        w = w[1:]
    if len(w) > 3 and w[0] in _PROCLITIC_2:
        if w[0] == "ل" and w[1] == "ل" and len(w) > 4:
            return pat + "لل", w[2:]
        pat += w[0]
        w = w[1:]
    if len(w) > 3 and w.startswith("ال"):
        pat += "ال"
        w = w[2:]
    return pat, w


def shape(word: str) -> str:
    """A coarse shape class: ar, lat, Lat (capitalised), LAT, dig, punct, mix."""
    if not word:
        return "empty"
    ar = lat = dig = other = 0
    for ch in word:
        if ch.isalpha():
            if ch.isascii():
                lat += 1
            elif "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff":
                ar += 1
            else:
                other += 1
        elif ch.isdigit():
            dig += 1
        else:
            other += 1
    if ar and not (lat or dig):
        return "ar" if not other else "ar+p"
    if lat and not (ar or dig):
        if word.isupper():
            return "LAT"
        return "Lat" if word[0].isupper() else "lat"
    if dig and not (ar or lat):
        return "dig"
    if other and not (ar or lat or dig):
        return "punct"
    return "mix"


@dataclass
class Lexicon:
    """Distributional knowledge learned from unlabelled text: for each normalised word (and stem), a few
    signature strings (its most frequent left and right neighbours, how often it takes the article,
    a frequency band). Empty by default (the tagger then uses surface features only)."""

    words: dict[str, str] = field(default_factory=dict)
    stems: dict[str, str] = field(default_factory=dict)
    meta: dict[str, object] = field(default_factory=dict)
    #: self-training name lexicon: word → "TYPE:band" (how often a first model tagged it as a name)
    names: dict[str, str] = field(default_factory=dict)
    #: names of the labelled training data: normalised tokens joined by " " → type
    gazetteer: dict[str, str] = field(default_factory=dict)
    #: names from other annotated corpora (not the training data), same form
    external: dict[str, str] = field(default_factory=dict)

    def save(self, path: str | Path) -> None:
        """Write the lexicon as gzipped JSON (deterministic order)."""
        data = {"meta": self.meta, "words": dict(sorted(self.words.items())),
                "stems": dict(sorted(self.stems.items())), "names": dict(sorted(self.names.items())),
                "gazetteer": dict(sorted(self.gazetteer.items())),
                "external": dict(sorted(self.external.items()))}
        raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        with open(path, "wb") as fh:
            fh.write(gzip.compress(raw, compresslevel=9, mtime=0))

    @classmethod
    def load(cls, path: str | Path) -> "Lexicon":
        """Read a lexicon written by `save`."""
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        return cls(words=data["words"], stems=data["stems"], meta=data.get("meta", {}),
                   names=data.get("names", {}), gazetteer=data.get("gazetteer", {}),
                   external=data.get("external", {}))


class Featuriser:
    """Turns token lists into CRF feature lists; `lexicon` adds distributional features."""

    def __init__(self, lexicon: Lexicon | None = None, window: int = 2) -> None:
        self.lexicon = lexicon or Lexicon()
        self.window = window
        self._cache: dict[str, tuple[list[str], list[str]]] = {}

    def word_features(self, token: str) -> tuple[list[str], list[str]]:
        """(own features, short features shared with neighbours) of one token, cached."""
        hit = self._cache.get(token)
        if hit is not None:
            return hit
        tok = token[:MAX_TOKEN_CHARS]
        n = normalise(tok)
        pat, stem = strip_clitics(n)
        sh = shape(tok)
        own = [
            "bias",
            "w=" + n,
            "st=" + stem,
            "pc=" + pat,
            "sh=" + sh,
            "len=" + str(min(len(stem), 9)),
        ]
        for k in (1, 2, 3, 4):
            if len(n) > k:
                own.append(f"p{k}=" + n[:k])
                own.append(f"s{k}=" + n[-k:])
            if len(stem) > k + 1:
                own.append(f"sp{k}=" + stem[:k])
                own.append(f"ss{k}=" + stem[-k:])
        if sh in ("Lat", "lat", "LAT", "mix"):
            own.append("lw=" + tok.lower())
        short = ["w=" + n, "st=" + stem]
        lex = self.lexicon
        sig = lex.words.get(n)
        if sig is None:
            sig = lex.stems.get(stem)
            if sig is not None:
                own.append("lex=stem")
        if sig is None:
            own.append("lex=none")
            short.append("lex=none")
        else:
            for part in sig.split(" "):
                own.append(part)
                if part[:2] in ("c=", "a=", "f=") or part[:3] == "h8=":
                    short.append(part)
        if lex.names:
            nm = lex.names.get(n) or lex.names.get(stem)
            own.append("t=" + (nm or "none"))
            if nm:
                short.append("t=" + nm)
        res = (own, short)
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        self._cache[token] = res
        return res

    def gazetteer_marks(self, tokens: Sequence[str], gazetteer: dict[str, str] | None = None) -> list[str]:
        """A BIO mark per token for the longest gazetteer matches (left to right), "" where none."""
        gaz = self.lexicon.gazetteer if gazetteer is None else gazetteer
        n = len(tokens)
        marks = [""] * n
        if not gaz:
            return marks
        norm = [normalise(t[:MAX_TOKEN_CHARS]) for t in tokens]
        i = 0
        while i < n:
            stem = strip_clitics(norm[i])[1]
            for ln in range(min(GAZ_MAX_TOKENS, n - i), 0, -1):
                rest = norm[i + 1:i + ln]
                typ = gaz.get(" ".join([norm[i], *rest]))
                if not typ and stem != norm[i]:
                    typ = gaz.get(" ".join([stem, *rest]))
                if typ:
                    marks[i] = "B-" + typ
                    for j in range(i + 1, i + ln):
                        marks[j] = "I-" + typ
                    i += ln
                    break
            else:
                i += 1
        return marks

    def sentence_features(self, tokens: Sequence[str], gazetteer: dict[str, str] | None = None) -> list[list[str]]:
        """One feature list per token (own features plus the neighbours' short features); `gazetteer`
        replaces the lexicon's own (training uses one that leaves the sentence's fold out)."""
        base = [self.word_features(t) for t in tokens]
        n = len(tokens)
        out: list[list[str]] = []
        gaz = self.lexicon.gazetteer if gazetteer is None else gazetteer
        marks = self.gazetteer_marks(tokens, gaz) if gaz else None
        ext = self.gazetteer_marks(tokens, self.lexicon.external) if self.lexicon.external else None
        win = self.window
        for i in range(n):
            feats = list(base[i][0])
            if i == 0:
                feats.append("BOS")
            if i == n - 1:
                feats.append("EOS")
            for d in range(-win, win + 1):
                j = i + d
                if d == 0 or j < 0 or j >= n:
                    continue
                pre = f"{d}:"
                feats.extend(pre + f for f in base[j][1])
            if i > 0:
                feats.append("b-1=" + base[i - 1][1][0][2:] + "|" + base[i][1][0][2:])
            if i + 1 < n:
                feats.append("b+1=" + base[i][1][0][2:] + "|" + base[i + 1][1][0][2:])
            if marks is not None:
                feats.append("gz=" + (marks[i] or "O"))
                if i > 0 and marks[i - 1]:
                    feats.append("-1:gz=" + marks[i - 1])
                if i + 1 < n and marks[i + 1]:
                    feats.append("1:gz=" + marks[i + 1])
            if ext is not None:
                feats.append("xg=" + (ext[i] or "O"))
                if i > 0 and ext[i - 1]:
                    feats.append("-1:xg=" + ext[i - 1])
                if i + 1 < n and ext[i + 1]:
                    feats.append("1:xg=" + ext[i + 1])
            out.append(feats)
        return out
