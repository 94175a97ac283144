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
    x = v.after(k, _ACTORS, skip=1 if k < len(tokens) and tokens[k].text in "\"«“'" else 0) if k < len(tokens) else None
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


#: words that undo or withhold a capture when they stand just before its verb
_NOT = frozenset({"لم", "لن", "لا", "ما"})
#: how many words may stand between the subject and the place («السبت», «سيطرتها», «بالكامل», «على»)
_SEIZE_GAP = 4
_ON = "علي"
_INTO = "الي"
_HOLDING = frozenset({"ARMED_GROUP", "ORGANIZATION", "TRIBE"})
_QUOTES = frozenset({'"', "«", "»", "“", "”", "'"})


def seized(v: View, i: int) -> list[Hit]:
    """«سيطرت قوات X على P», «بسطت جماعة X سيطرتها على P», «استعادت قوات X مدينة P», «X سيطر على P
    وQ», «دخلت قوات X إلى P»: a group takes or holds a place named right after → CONTROLS(X, P) and the
    places joined to P by «و» (never a country: «سيطر على مناطق في سوريا» holds a part of it)."""
    tokens = v.tokens
    on, impose, direct = v.cue(i, "seize"), v.cue(i, "impose"), v.cue(i, "retake")
    if not (on or impose or direct) or i + 1 >= len(tokens):
        return []
    x = v.by_first.get(i + 1)
    if x is not None and v.type(x) in _HOLDING:  # verb, subject, place
        k, verb_at = x.last + 1, i
    else:  # subject, verb, place: «الجيش الوطني سيطر على …», «الجيش قد سيطر …»
        back = i - 2 if i > 1 and v.words[i - 1] == "قد" else i - 1
        if back == i - 2 and v.words[i][:1] in "يت":
            return []  # «قد تدخل …»: a possibility, not a capture
        x = v.by_last.get(back)
        if x is None or v.type(x) not in _HOLDING:
            return []
        k, verb_at = i + 1, back + 1
    if verb_at > 0 and (v.words[verb_at - 1] in _NOT or v.tokens[verb_at - 1].stem in _NOT):
        return []
    if direct and not on and v.type(x) == "ORGANIZATION":
        return []  # «دخل فريق الأمم المتحدة دوما»: a body that enters a town does not hold it
    if x.first > 1 and any(v.cue(q, "backed") or v.cue(q, "backed_by") for q in range(max(0, x.first - 3), x.first)):
        return []  # «القوات المدعومة من التحالف سيطرت …»: the backer named last is not the captor
    noun = False
    for j in range(k, min(len(tokens), k + _SEIZE_GAP + 1)):
        if tokens[j].sentence != tokens[i].sentence or tokens[j].text in ".؟!،,:()":
            return []
        p = v.by_first.get(j)
        if p is not None:
            if v.type(p) not in _PLACES:
                return []
            h = j
            while h - 1 > k and tokens[h - 1].text in _QUOTES:
                h -= 1  # «على منطقة " الفتائح "»
            if h - 1 > k and v.words[h - 1] in v.cues.place_heads:
                h -= 1  # «على العاصمة طرابلس»
            before = v.words[h - 1] if h > k else ""
            if impose and not (on or direct or noun):
                return []  # «فرضت … على P» without «سيطرتها» is a siege or a ban, not a capture
            if (on or impose) and before != _ON:
                return []
            if direct and not (h == k or before in (_ON, _INTO) or all(_filler(v, q) for q in range(k, h))):
                return []
            return [("CONTROLS", x.entity or "", q.entity or "", min(x.start, tokens[i].start), q.end)
                    for q in _joined_places(v, p) if v.kinds.get(q.entity or "") != "country"]
        noun = noun or v.cue(j, "control_noun") or tokens[j].stem.startswith("سيطرت")
        if tokens[j].text in _QUOTES:
            continue
        if not (v.words[j] in (_ON, _INTO) or v.cue(j, "control_noun") or tokens[j].stem.startswith("سيطرت")
                or _filler(v, j) or (v.words[j] in v.cues.place_heads and v.type(_mention_after(v, j + 1)) in _PLACES)):
            return []
    return []


def _joined_places(v: View, p: Cand, most: int = 6) -> list[Cand]:
    """`p` and the places joined to it by «و» or a comma, a word announcing a place allowed between
    («معسكر الصاعقة وكلية الشرطة», «السدرة ورأس لانوف»)."""
    out = [p]
    k = p.last + 1
    while k < len(v.tokens) and len(out) < most:
        while k < len(v.tokens) and v.tokens[k].text in _QUOTES:
            k += 1  # the closing quote of «" نسيبة بنت كعب "»
        if k < len(v.tokens) and v.tokens[k].text in "،,":
            k += 1
        if k >= len(v.tokens) or not (v.tokens[k].prefix.startswith("و") or v.words[k] == "و"
                                      or v.tokens[k - 1].text in "،,"):
            break
        nxt = v.by_first.get(k)
        if nxt is None and v.words[k] == "و":
            k += 1  # «و " مصنع صداقة "»
            while k < len(v.tokens) and v.tokens[k].text in _QUOTES:
                k += 1
            nxt = v.by_first.get(k)
        while nxt is None and k + 1 < len(v.tokens) and v.tokens[k].text in _QUOTES:
            k += 1
            nxt = v.by_first.get(k)
        if nxt is None and v.tokens[k].stem in v.cues.place_heads | {w[2:] for w in v.cues.place_heads}:
            k += 1  # «وكلية الشرطة», «ومسجد " نسيبة بنت كعب "»: the head word carries the «و»
            while k < len(v.tokens) and v.tokens[k].text in _QUOTES:
                k += 1
            nxt = v.by_first.get(k) if k < len(v.tokens) else None
        if nxt is None or v.type(nxt) not in _PLACES or nxt.entity in {o.entity for o in out}:
            break
        out.append(nxt)
        k = nxt.last + 1
    return out


def _mention_after(v: View, k: int) -> Cand | None:
    """The mention starting at token k, or after the quotes that open it there."""
    while k < len(v.tokens) and v.tokens[k].text in _QUOTES:
        k += 1
    return v.by_first.get(k) if k < len(v.tokens) else None


def _filler(v: View, j: int) -> bool:
    """A word that may stand inside a capture's clause without changing it (a day, «بالكامل», «كذلك»)."""
    return v.cue(j, "filler")


def holds(v: View, i: int) -> list[Hit]:
    """«سيطرة تنظيم X على P», «القوات المسيطرة على P», «الميليشيات التي تسيطر على P»: a group's hold on a
    place, named as a noun, a participle or in a relative clause → CONTROLS(X, P) and the places joined
    to P (never a country)."""
    tokens = v.tokens
    if i + 2 >= len(tokens):
        return []
    if v.cue(i, "control_noun") and not v.words[i].startswith("ل"):  # «سيطرة X على P»
        x = v.by_first.get(i + 1)
        if x is None or v.type(x) not in _HOLDING or (i > 0 and v.cue(i - 1, "prevent_control")):
            return []
        k = x.last + 1
    elif v.cue(i, "holding"):  # «القوات المسيطرة على P»
        x, k = v.before(i, _HOLDING, skip=0), i + 1
    elif v.cue(i, "control_verb") and i > 0 and v.cue(i - 1, "relative"):  # «X التي تسيطر على P»
        x, k = v.before(i - 1, _HOLDING, skip=0), i + 1
    else:
        return []
    if x is None or k + 1 >= len(tokens) or v.words[k] != _ON:
        return []
    p = _mention_after(v, k + 1)
    if p is None and v.words[k + 1] in v.cues.place_heads:
        p = _mention_after(v, k + 2)  # «على مدينة P»
    if p is None or v.type(p) not in _PLACES or tokens[p.first].sentence != tokens[i].sentence:
        return []
    return [("CONTROLS", x.entity or "", q.entity or "", min(x.start, tokens[i].start), q.end)
            for q in _joined_places(v, p) if v.kinds.get(q.entity or "") != "country"]
