"""From candidate probabilities to relations: the best type per pair above its threshold, rules first.

The hand rules' relations stay as they are (they override the model): a pair the rules already link
with a type gets nothing more of that type (either way round for the unordered ALLIED_WITH and
OPPOSES, and for a directed type already read the other way). Of what is left, each pair of entities
gets at most one type from the model: its most probable one above that type's threshold among the
types the rules did not already give it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from marsad.extract.relmodel.candidates import Candidate
from marsad.extract.relmodel.schema import UNORDERED
from marsad.model import Relation, Offsets


def model_relations(cands: Sequence[Candidate], probs: np.ndarray, types: Sequence[str],
                    thresholds: np.ndarray, rules: Sequence[Relation]) -> list[tuple[str, str, str, float, tuple[int, int]]]:
    """(type, head, tail, probability, evidence) for each relation the model adds to `rules`."""
    have = {(r.type, r.head, r.tail) for r in rules}
    linked = {frozenset((r.head, r.tail)) for r in rules}
    best: dict[frozenset[str], tuple[float, str, str, str, tuple[int, int]]] = {}
    for c, row in zip(cands, probs):
        pair = frozenset((c.head, c.tail))
        found = _best_new(row, thresholds, types, c, have, pair in linked)
        if found is None:
            continue
        p, rtype = found
        old = best.get(pair)
        if old is None or p > old[0]:
            best[pair] = (p, rtype, c.head, c.tail, c.evidence)
    out = [(rtype, h, t, p, ev) for p, rtype, h, t, ev in best.values()]
    out.sort(key=lambda x: (x[4][0], x[0], x[1], x[2]))
    return out


def _best_new(row: np.ndarray, thresholds: np.ndarray, types: Sequence[str], c: Candidate,
              have: set[tuple[str, str, str]], linked: bool) -> tuple[float, str] | None:
    """The candidate's most probable type above its threshold that the rules have not already given
    the pair (an unordered one only when the rules left the pair unlinked), with its probability."""
    margin = row - thresholds
    for j in np.argsort(-margin, kind="stable"):
        p = float(row[j])
        if margin[j] < 0 or p <= 0.0:
            return None
        rtype = types[j]
        if (rtype, c.head, c.tail) in have or (rtype, c.tail, c.head) in have:
            continue
        if linked and rtype in UNORDERED:
            continue  # the rules already say how these two stand
        return p, rtype
    return None


def merged(rules: Sequence[Relation], added: Sequence[tuple[str, str, str, float, tuple[int, int]]],
           claim_at=None) -> list[Relation]:  # type: ignore[no-untyped-def]
    """The rules' relations followed by the model's, numbered r1, r2 … in that order."""
    out = list(rules)
    for rtype, h, t, p, (s, e) in added:
        claim = claim_at(s) if claim_at is not None else None
        out.append(Relation(f"r{len(out) + 1}", rtype, h, t, Offsets(s, e), "asserted", claim, None, round(p, 3)))
    for i, r in enumerate(out):
        r.id = f"r{i + 1}"
    return out
