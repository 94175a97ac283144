"""Nominal anaphors as extra mentions for the relation model (a light coreference step).

After «المرصد السوري لحقوق الإنسان» an article says «المرصد»; after «تنظيم داعش», «التنظيم»; after
«كتيبة ثوار طرابلس», «هذه الكتيبة». Such a definite (or demonstrative) bare head word, outside every
mention, is taken as a mention of the most recent entity whose name starts with the same word, within
`REACH` sentences before it. The relation model then forms its ordinary one-sentence pairs with it.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.extract.names.cands import Cand
from marsad.model import Token
from marsad.text.normalise import normalise

#: entity types whose names start with a head word an anaphor repeats
KINDS = frozenset({"ARMED_GROUP", "ORGANIZATION", "MEDIA"})
#: an anaphor refers at most this many sentences back
REACH = 6
_DEMONSTRATIVES = frozenset(normalise(w) for w in ("هذه", "هذا", "هؤلاء", "تلك", "ذلك"))
_DEFINITE = normalise("ال")


def anaphor_mentions(tokens: Sequence[Token], mentions: Sequence[Cand], types: dict[str, str],
                     reach: int = REACH) -> list[Cand]:
    """Mentions (source "anaphor") of bare definite head words pointing back to a named entity."""
    covered = bytearray(len(tokens))
    starts: list[tuple[int, str, str]] = []  # (first token, head stem, entity) of every named mention
    for m in mentions:
        if m.entity is None or not 0 <= m.first <= m.last < len(tokens):
            continue
        covered[m.first:m.last + 1] = b"\x01" * (m.last - m.first + 1)
        if types.get(m.entity) in KINDS and m.last > m.first:
            starts.append((m.first, tokens[m.first].stem, m.entity))
    if not starts:
        return []
    starts.sort()
    heads = {h for _, h, _ in starts}
    out: list[Cand] = []
    for i, tok in enumerate(tokens):
        if covered[i] or tok.stem not in heads:
            continue
        definite = tok.prefix.endswith(_DEFINITE) or (i > 0 and tokens[i - 1].norm in _DEMONSTRATIVES)
        if not definite:
            continue
        ref = None
        for first, head, entity in starts:
            if first >= i:
                break
            if head == tok.stem and tok.sentence - tokens[first].sentence <= reach:
                ref = entity
        if ref is not None:
            out.append(Cand(i, i, tok.start, tok.end, source="anaphor", entity=ref))
    return out
