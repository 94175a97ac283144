"""Relations of control over places: held, under the control of, fallen to, handed over.

Each rule is a function `(view, i) -> list[Hit]`; `marsad.extract.relpatterns` lists them.
"""

from __future__ import annotations

from marsad.extract.names.cands import Cand
from marsad.extract.relpatterns.view import _ACTORS, _PLACES, _GROUPS, _TO, _UNDER_WORD, Hit, View, _hit


def controlled_by(v: View, i: int) -> list[Hit]:
    """«P الذي تسيطر عليه X»: X holds P."""
    tokens = v.tokens
    if tokens[i].norm not in v.cues.sets.get("control_verb", ()) or i + 1 >= len(tokens) \
            or tokens[i + 1].norm not in ("عليه", "عليها"):
        return []
    p = v.before(i, _PLACES, skip=2)
    x = v.after(i + 2, _ACTORS, skip=0) if i + 2 < len(tokens) else None
    return _hit("CONTROLS", x, p, p.start, x.end) if p and x else []


def under_control(v: View, i: int) -> list[Hit]:
    """«P الخاضعة لسيطرة X», «P تحت سيطرة X», «وتخضع P لسيطرة X»: X holds P."""
    tokens = v.tokens
    if i + 1 >= len(tokens) or not (v.cue(i, "under") or tokens[i].norm == _UNDER_WORD):
        return []
    nouns = v.cues.sets.get("control_noun", frozenset())
    p = v.by_first.get(i + 1)  # the verb first: «وتخضع درنة لسيطرة X»
    if p is not None and v.type(p) in _PLACES and p.last + 1 < len(tokens) and tokens[p.last + 1].norm in nouns:
        k = p.last + 2
    elif tokens[i + 1].norm in nouns:
        p, k = v.before(i, _PLACES, skip=1), i + 2
    else:
        return []
    if p is None or v.kinds.get(p.entity or "") == "country":
        return []  # «منطقة بشمال سوريا تخضع لسيطرة X»: a part of the country, not the country
    x = v.after(k, _ACTORS, skip=0) if k < len(tokens) else None
    return _hit("CONTROLS", x, p, min(p.start, tokens[i].start), x.end) if x else []


def fell_to(v: View, i: int) -> list[Hit]:
    """«سقوط الموصل بيد داعش», «سقطت المدينة في قبضة X», «P في يد X»: X holds P."""
    tokens = v.tokens
    if not v.cue(i, "hand") or i + 1 >= len(tokens):
        return []
    if not (tokens[i].prefix.startswith("ب") or (i > 0 and v.words[i - 1] in ("في", "فى"))):
        return []
    x = v.after(i + 1, _GROUPS, skip=0)
    p = v.nearest_before(i if tokens[i].prefix else i - 1, _PLACES, 4, stops=".؟!،,")
    if x is None or p is None or v.kinds.get(p.entity or "") == "country":
        return []
    return _hit("CONTROLS", x, p, p.start, x.end)


def handed_over(v: View, i: int) -> list[Hit]:
    """«تسليم الموانئ النفطية … إلى المؤسسة الوطنية للنفط», «سلم الجيش ميناء P إلى X»: X holds P after."""
    tokens = v.tokens
    if not v.cue(i, "hand_over"):
        return []
    places: list[Cand] = []
    taker = None
    for j in range(i + 1, min(len(tokens), i + 16)):
        if tokens[j].sentence != tokens[i].sentence or tokens[j].text in ".؟!:":
            break
        m = v.by_first.get(j)
        if m is None:
            continue
        if v.type(m) in _PLACES and v.kinds.get(m.entity or "") != "country" and taker is None:
            places.append(m)
        elif v.type(m) in ("ORGANIZATION", "ARMED_GROUP") and (tokens[j].prefix.startswith("ل") or v.words[j - 1] in _TO):
            taker = m
            break
    if taker is None or not places:
        return []
    return [("CONTROLS", taker.entity or "", p.entity or "", tokens[i].start, taker.end) for p in places]
