"""Relations of hostility: fighting, standing against, taking ground from, enmity.

Each rule is a function `(view, i) -> list[Hit]`; `marsad.extract.relpatterns` lists them.
"""

from __future__ import annotations

from marsad.extract.names.cands import Cand
from marsad.extract.relpatterns.view import _ACTORS, _GROUPS, _PERSON, _FIGHTERS, CUE_WINDOW, Hit, View, _hit


def set_against(v: View, i: int) -> list[Hit]:
    """«X التي تتصدى لـY», «X تتحدى Y», «X … ضد Y»: one actor set against another."""
    tokens = v.tokens
    tok = tokens[i]
    against = tok.norm == "ضد"
    w = tok.stem if tok.prefix and not tok.prefix.endswith("ال") else tok.norm
    if w not in v.cues.sets.get("oppose_verb", ()) and not against:
        return []
    x = v.nearest_before(i, _GROUPS | _PERSON, 6, stops=".؟!،,")
    start_y = i + 1
    if x is None and not against:  # «وتقاتل قوات الحكومة جماعات إسلامية»: verb, subject, object
        x = v.by_first.get(i + 1)
        if x is None or v.type(x) not in _ACTORS - {"GPE"}:
            return []
        start_y = x.last + 1
    y = v.after(start_y, _ACTORS - {"GPE"}, skip=1) if start_y < len(tokens) else None
    if y is None and against:
        y = v.by_first.get(i + 1)
    if x is not None and y is not None and x.entity != y.entity and v.type(y) in _ACTORS - {"GPE"}:
        return _hit("OPPOSES", x, y, x.start, y.end)
    return []


def rivals(v: View, i: int) -> list[Hit]:
    """«التنافس بين قبيلتي التبو والطوارق», «الصراع بين X وY»: two rivals."""
    tokens = v.tokens
    tok = tokens[i]
    w = tok.stem if tok.prefix else tok.norm
    w = w[2:] if w.startswith("ال") else w
    if w not in v.cues.sets.get("rivalry", ()) or i + 1 >= len(tokens) or tokens[i + 1].norm != "بين":
        return []
    found: list[Cand] = []
    for j in range(i + 2, min(len(tokens), i + 9)):
        if tokens[j].sentence != tok.sentence or tokens[j].text in ".،,":
            break
        m = v.by_first.get(j)
        if m is not None and v.type(m) in _ACTORS - {"GPE"} and m.entity not in {f.entity for f in found}:
            found.append(m)
            if len(found) == 2:
                break
    return _hit("OPPOSES", found[0], found[1], tok.start, found[1].end) if len(found) == 2 else []


def against(v: View, i: int) -> list[Hit]:
    """«ميليشيات جهادية مناهضة للمشير حفتر»: X opposes Y."""
    if not v.cue(i, "against"):
        return []
    x = v.before(i, _GROUPS, skip=1)
    y = v.after(i + 1, _ACTORS, skip=0) if i + 1 < len(v.tokens) else None
    return _hit("OPPOSES", x, y, x.start, y.end) if x and y and x.entity != y.entity else []


def fought_with(v: View, i: int) -> list[Hit]:
    """«اشتبكت قوات X مع Y», «X … خاضت معارك مع Y», «X في مواجهة Y»: a fight between two sides."""
    tokens = v.tokens
    found = v.cues.phrase_at(v.words, i)
    if found is not None and found[1] == "facing":
        j = found[0] + 1  # «في مواجهة Y»
    elif v.cue(i, "fight_with"):
        j = i + 1
    else:
        return []
    x = None
    if j < len(tokens) and v.words[j] != "مع" and found is None:  # verb, subject, «مع»: «اشتبكت قوات X مع Y»
        x = v.by_first.get(j)
        if x is None or v.type(x) not in _ACTORS - {"GPE"} or x.last + 1 >= len(tokens):
            return []
        j = x.last + 1
    if found is None:
        if j >= len(tokens) or v.words[j] != "مع":
            return []
        j += 1
    sides = _ACTORS - {"GPE"} if found is not None else _FIGHTERS  # fighting is done by forces and people
    y = v.after(j, sides, skip=1) if j < len(tokens) else None
    if x is None:
        x = _fighter_before(v, i, sides)
    if x is None or y is None or x.entity == y.entity or v.type(x) not in sides:
        return []
    return [("OPPOSES", x.entity or "", z.entity or "", min(x.start, tokens[i].start), z.end)
            for z in v.and_more(y, sides) if z.entity != x.entity]


def _fighter_before(v: View, i: int, sides: frozenset[str]) -> Cand | None:
    """The side named before a fight word, within the clause: not past a word that opens another
    matter («خلال», «بشأن» …, the `fight_stop` cues), a colon or the end of a sentence."""
    for back in range(i - 1, max(-1, i - CUE_WINDOW - 1), -1):
        m = v.by_last.get(back)
        if m is not None and v.type(m) in sides:
            return m
        if v.tokens[back].text in ".؟!:" or v.cue(back, "fight_stop") or v.tokens[back].sentence != v.tokens[i].sentence:
            return None
    return None


def freed_from(v: View, i: int) -> list[Hit]:
    """«تحرير بنغازي من تنظيم القاعدة», «استعادت X المنطقة من قبضة Y», «وطرد جماعة Y»: a side taking
    ground from another, or driving it out → OPPOSES(X, Y), X being the side named before (or right after
    a verb: «استعادت قوات X …»)."""
    tokens = v.tokens
    expel = v.cue(i, "expel")
    if not expel and not v.cue(i, "free_from"):
        return []
    x = v.by_first.get(i + 1) if i + 1 < len(tokens) and not expel else None
    if x is not None and v.type(x) not in _FIGHTERS:
        x = None
    y = None
    if expel:
        y = v.after(i + 1, _GROUPS | _PERSON, skip=0) if i + 1 < len(tokens) else None  # «طرد جماعة Y من P»
    else:
        for j in range((x.last if x else i) + 1, min(len(tokens) - 1, i + 9)):
            if tokens[j].sentence != tokens[i].sentence or tokens[j].text in ".؟!،,:" or v.cue(j, "backed") \
                    or v.cue(j, "backed_by") or v.cue(j, "helped_by"):
                break  # «… بإسناد من التحالف»: a helper, not the loser
            if v.words[j] == "من" and not v.cue(j - 1, "quantity"):  # not «أكثر من», «عدد من»
                k = j + 2 if v.cue(j + 1, "hostile_object") else j + 1  # «من قبضة Y», «من أيدي Y»
                y = v.after(k, _GROUPS | _PERSON, skip=0) if k < len(tokens) else None
                break
    if y is None:
        return []
    if x is None:
        x = _fighter_before(v, i, _FIGHTERS | {"ORGANIZATION"})
    if x is None or x.entity == y.entity:
        return []
    return [("OPPOSES", x.entity or "", z.entity or "", min(x.start, tokens[i].start), max(x.end, z.end))
            for z in v.and_more(y, _GROUPS | _PERSON) if z.entity != x.entity]


def enemy_of(v: View, i: int) -> list[Hit]:
    """«حفتر، العدو اللدود للإسلاميين», «المطلوب للسلطات المصرية هشام عشماوي»: an enemy or a wanted man."""
    tokens = v.tokens
    wanted = v.cue(i, "wanted")
    if not wanted and not v.cue(i, "enemy"):
        return []
    j = i + 1
    while j < len(tokens) and j - i <= 2 and v.by_first.get(j) is None and not tokens[j].prefix.startswith("ل"):
        j += 1  # «العدو اللدود لـ…»
    y = v.after(j, _ACTORS, skip=0) if j < len(tokens) and tokens[j].prefix.startswith("ل") else None
    if y is None:
        return []
    x = v.before(i, _ACTORS - {"GPE"}, skip=2)  # «X، العدو اللدود لـY»
    if x is None and wanted and i > 1 and v.cue(i - 1, "eminent"):
        x = v.before(i - 1, _PERSON, skip=2)  # «هشام عشماوي، أبرز المطلوبين للسلطات المصرية»
    if x is None and wanted:
        k = y.last + 1  # «المطلوبين للسلطات X», «المطلوبين لمصر كـ"X" و"Z"»
        while k < len(tokens) and k - y.last <= 3 and (tokens[k].text in "\"«“'،," or v.words[k] in ("ك", "كـ", "مثل")):
            k += 1
        x = v.by_first.get(k) if k < len(tokens) and v.type(v.by_first.get(k)) in _PERSON else None
        if x is not None:
            return [("OPPOSES", y.entity or "", z.entity or "", y.start, z.end)
                    for z in _quoted_list(v, x) if z.entity != y.entity]
    if x is None or x.entity == y.entity:
        return []
    head, tail = (y, x) if wanted else (x, y)  # the one who wants the man opposes him
    return _hit("OPPOSES", head, tail, min(x.start, y.start), max(x.end, y.end))


def _quoted_list(v: View, m: Cand, most: int = 5) -> list[Cand]:
    """`m` and the people joined to it by «و» or a comma, each perhaps in quotes («"X" و"Z"»)."""
    out = [m]
    k = m.last + 1
    while k < len(v.tokens) and len(out) < most:
        while k < len(v.tokens) and v.tokens[k].text in "\"«»“”'":
            k += 1
        joined = k < len(v.tokens) and (v.words[k] == "و" or v.tokens[k].text in "،,")
        if k < len(v.tokens) and (joined or v.tokens[k].prefix.startswith("و")):
            k += 1 if joined else 0
            while k < len(v.tokens) and v.tokens[k].text in "\"«»“”'":
                k += 1
            nxt = v.by_first.get(k) if k < len(v.tokens) else None
            if nxt is not None and v.type(nxt) in _PERSON and nxt.entity not in {o.entity for o in out}:
                out.append(nxt)
                k = nxt.last + 1
                continue
        break
    return out


#: how far before a rival body the one it rivals may be named (tokens, same sentence)
_RIVAL_WINDOW = 14


def rival_of(v: View, i: int) -> list[Hit]:
    """«حكومة موازية للحكومة المعترف بها», «… رئيس الوزراء X … منذ سيطرت جماعة منافسة على العاصمة»: a
    rival or parallel body opposes the one it rivals: the actor named right after «لـ», else, when the
    rival is the subject of a capture, the actor named last before it in the sentence."""
    tokens = v.tokens
    if not v.cue(i, "rival"):
        return []
    x = v.by_last.get(i)  # «جماعة منافسة»: the word ends the rival's own name
    if x is None or x.first == i:
        x = v.before(i, _GROUPS, skip=0)  # «الحكومة الموازية»
    if x is None or v.type(x) not in _GROUPS:
        return []
    y = None
    if i + 1 < len(tokens) and tokens[i + 1].prefix.startswith("ل") and tokens[i + 1].sentence == tokens[i].sentence:
        y = v.after(i + 1, _GROUPS | _PERSON, skip=0)
        if y is None:
            return []  # «موازية لـ» something that is no actor
    if y is None:
        if x.first == 0 or not any(v.cue(x.first - 1, c) for c in ("seize", "impose", "retake")):
            return []  # «حاول X خلق قوات موازية», «ويدعم X حكومة موازية»: its maker or backer, not its rival
        y = v.nearest_before(x.first - 1, _GROUPS | _PERSON, _RIVAL_WINDOW, stops=".؟!:")
    if y is None or y.entity == x.entity:
        return []
    return _hit("OPPOSES", x, y, min(x.start, y.start), max(x.end, y.end))


def fight_purpose(v: View, i: int) -> list[Hit]:
    """«أرسلت فرنسا قوات لمحاربة تنظيم X», «تحالف مع Y وZ، لمحاربة قوات الجيش»: the actor of the clause
    acts in order to fight the one named after the purpose word → OPPOSES (with the actors joined to it
    by «و» just before)."""
    tokens = v.tokens
    if not tokens[i].prefix.startswith("ل") or not v.cue(i, "fight_purpose") or i + 1 >= len(tokens):
        return []
    y = v.after(i + 1, _GROUPS | _PERSON, skip=1)
    x = _fighter_before(v, i, _ACTORS)
    if x is None or y is None or not v.can_act(x) or v.type(y) == "GPE":
        return []
    sides = [x]
    k = x.first
    while len(sides) < 3 and k > 0 and (tokens[k].prefix.startswith("و") or v.words[k - 1] == "و"):
        prev = v.by_last.get(k - 1 if tokens[k].prefix.startswith("و") else k - 2)
        if prev is None or v.type(prev) not in _ACTORS or not v.can_act(prev):
            break
        sides.append(prev)
        k = prev.first
    return [("OPPOSES", s.entity or "", z.entity or "", min(s.start, tokens[i].start), z.end)
            for s in sides for z in v.and_more(y, _GROUPS | _PERSON) if s.entity != z.entity]
