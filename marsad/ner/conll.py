"""CoNLL reading (token TAB tag, blank line between sentences), BIO spans and exact-span scoring."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.errors import InputError

#: The coarse types the statistical tagger predicts.
TYPES = ("PER", "LOC", "ORG", "MISC")

Sentence = list[str]
Labels = list[str]


def read_conll(path: str | Path, label_map: dict[str, str] | None = None) -> tuple[list[Sentence], list[Labels]]:
    """Sentences and BIO labels of a CoNLL file (first column token, last column tag).

    `label_map` maps a tag's type (the part after `B-`/`I-`) to another type; a type mapped to ""
    becomes O. Raises InputError when the file cannot be read or a line is malformed.
    """
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(str(p), "file not found") from None
    except IsADirectoryError:
        raise InputError(str(p), "is a folder, not a CoNLL file") from None
    except UnicodeDecodeError as exc:
        raise InputError(str(p), f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise InputError(str(p), exc.strerror or str(exc)) from None
    sents: list[Sentence] = []
    labels: list[Labels] = []
    toks: Sentence = []
    tags: Labels = []
    for lineno, line in enumerate(raw.splitlines(), 1):
        line = line.rstrip("\r")
        if not line.strip():
            if toks:
                sents.append(toks)
                labels.append(tags)
                toks, tags = [], []
            continue
        if line.startswith("-DOCSTART-"):
            if toks:
                sents.append(toks)
                labels.append(tags)
                toks, tags = [], []
            continue
        parts = line.split("\t") if "\t" in line else line.split()
        if len(parts) < 2:
            raise InputError(str(p), f"line {lineno}: expected 'token<TAB>tag', got {line[:60]!r}")
        tag = parts[-1].strip()
        if tag != "O" and not (len(tag) > 2 and tag[:2] in ("B-", "I-")):
            raise InputError(str(p), f"line {lineno}: tag {tag!r} is not O, B-TYPE or I-TYPE")
        if label_map is not None and tag != "O":
            mapped = label_map.get(tag[2:], "")
            tag = f"{tag[:2]}{mapped}" if mapped else "O"
        toks.append(parts[0])
        tags.append(tag)
    if toks:
        sents.append(toks)
        labels.append(tags)
    return sents, labels


def spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """The (start, end, type) spans of a BIO label sequence; a stray I- opens a new span (CoNLL rule)."""
    out: list[tuple[int, int, str]] = []
    start = -1
    typ = ""
    for i, lab in enumerate(labels):
        if lab == "O" or lab.startswith("B-") or (lab.startswith("I-") and lab[2:] != typ):
            if start >= 0:
                out.append((start, i, typ))
                start = -1
                typ = ""
            if lab != "O":
                start, typ = i, lab[2:]
    if start >= 0:
        out.append((start, len(labels), typ))
    return out


@dataclass
class Scores:
    """Exact-span counts per type, with precision, recall and F1 derived from them."""

    tp: dict[str, int] = field(default_factory=dict)
    fp: dict[str, int] = field(default_factory=dict)
    fn: dict[str, int] = field(default_factory=dict)

    def add(self, gold: Sequence[str], pred: Sequence[str]) -> None:
        """Count one sentence's gold and predicted labels."""
        g = set(spans(gold))
        p = set(spans(pred))
        for s in g & p:
            self.tp[s[2]] = self.tp.get(s[2], 0) + 1
        for s in p - g:
            self.fp[s[2]] = self.fp.get(s[2], 0) + 1
        for s in g - p:
            self.fn[s[2]] = self.fn.get(s[2], 0) + 1

    def types(self) -> list[str]:
        """Every type seen in gold or prediction, sorted."""
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))

    def prf(self, typ: str | None = None) -> tuple[float, float, float]:
        """Precision, recall and F1 (percent) for one type, or micro-averaged when typ is None."""
        if typ is None:
            tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        else:
            tp, fp, fn = self.tp.get(typ, 0), self.fp.get(typ, 0), self.fn.get(typ, 0)
        p = 100.0 * tp / (tp + fp) if tp + fp else 0.0
        r = 100.0 * tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def macro_f1(self, types: Iterable[str] | None = None) -> float:
        """The unweighted mean of the per-type F1 over `types` (default: the gold types)."""
        ts = list(types) if types is not None else sorted(set(self.tp) | set(self.fn))
        return sum(self.prf(t)[2] for t in ts) / len(ts) if ts else 0.0

    def as_dict(self) -> dict[str, object]:
        """Per-type and micro/macro figures, rounded, for JSON output."""
        per = {}
        for t in self.types():
            p, r, f = self.prf(t)
            per[t] = {"precision": round(p, 2), "recall": round(r, 2), "f1": round(f, 2),
                      "gold": self.tp.get(t, 0) + self.fn.get(t, 0),
                      "predicted": self.tp.get(t, 0) + self.fp.get(t, 0)}
        p, r, f = self.prf()
        return {"micro": {"precision": round(p, 2), "recall": round(r, 2), "f1": round(f, 2)},
                "macro_f1": round(self.macro_f1(), 2), "per_type": per}


def score(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> Scores:
    """Exact-span scores of predicted label sequences against gold ones (same sentence count)."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold sentences but {len(pred)} predicted")
    s = Scores()
    for g, p in zip(gold, pred):
        s.add(g, p)
    return s
