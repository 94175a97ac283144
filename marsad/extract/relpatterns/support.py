"""Relations of support and alliance: backing, sponsorship, joint action.

Each rule is a function `(view, i) -> list[Hit]`; `marsad.extract.relpatterns` lists them.
"""

from __future__ import annotations

from marsad.extract.names.cands import Cand
from marsad.extract.relpatterns.view import _ACTORS, _GROUPS, _PERSON, CUE_WINDOW, Hit, View, _hit


def joint(v: View, i: int) -> list[Hit]:
    """«بتنسيق مشترك بين X وY», «عملية مشتركة بين X وY»: the two act together."""
    found = v.cues.phrase_at(v.words, i)
    if found is None or found[1] != "joint_between":
        return []
    tokens = v.tokens
    sides: list[Cand] = []
    for j in range(found[0] + 1, min(len(tokens), found[0] + 9)):
        if tokens[j].sentence != tokens[i].sentence or tokens[j].text in ".،,":
            break
        m = v.by_first.get(j)
        if m is not None and v.type(m) in _ACTORS and v.can_act(m) and m.entity not in {x.entity for x in sides}:
            sides.append(m)
            if len(sides) == 2:
                return _hit("ALLIED_WITH", sides[0], sides[1], tokens[i].start, sides[1].end)
    return []


def backed(v: View, i: int) -> list[Hit]:
    """«حكومة الوفاق المدعومة من الأمم المتحدة»: Y supports X."""
    if not v.cue(i, "backed"):
        return []
    tokens = v.tokens
    x = v.before(i, _ACTORS - {"PERSON"}, skip=1)
    j = i + 1
    if j < len(tokens) and tokens[j].norm == "من":
        j += 1
    if j < len(tokens) and tokens[j].norm == "قبل":
        j += 1
    y = v.after(j, _ACTORS, skip=0) if j < len(tokens) else None
    return _hit("SUPPORTS", y, x, x.start, y.end) if x and y and x.entity != y.entity else []


def linked(v: View, i: int) -> list[Hit]:
    """«تنظيم جند الإسلام المرتبط بالقاعدة», «X المتحالفة مع Y»: allies."""
    tokens = v.tokens
    if tokens[i].norm not in v.cues.sets.get("linked", ()) or i + 1 >= len(tokens):
        return []
    if tokens[i + 1].prefix[:1] not in ("ب", "م") and not (i + 2 < len(tokens) and tokens[i + 1].norm in ("ب", "مع")):
        return []
    x = v.before(i, _GROUPS, skip=1)
    y = v.after(i + 1, _GROUPS, skip=1)
    return _hit("ALLIED_WITH", x, y, x.start, y.end) if x and y and x.entity != y.entity else []


def supported_by(v: View, i: int) -> list[Hit]:
    """«الحكومة التي تدعمها الأمم المتحدة»: Y supports X."""
    tokens = v.tokens
    if tokens[i].norm not in v.cues.sets.get("supported_by", ()):
        return []
    back = i - 1
    if back >= 0 and tokens[back].norm in v.cues.sets.get("relative", ()):
        back -= 1
    x = v.by_last.get(back)
    y = v.after(i + 1, _ACTORS, skip=0) if i + 1 < len(tokens) else None
    if x is None or y is None or v.type(x) not in _ACTORS or x.entity == y.entity:
        return []
    return _hit("SUPPORTS", y, x, x.start, y.end)


def ally_with(v: View, i: int) -> list[Hit]:
    """«X … بالتنسيق مع Y», «X القريبة من Y»: X and Y act together."""
    found = v.cues.phrase_at(v.words, i)
    if found is None or found[1] != "ally_with":
        return []
    x = v.nearest_before(i, _ACTORS, CUE_WINDOW, stops=".؟!")
    y = v.after(found[0] + 1, _ACTORS, skip=1) if found[0] + 1 < len(v.tokens) else None
    if x is None or y is None or x.entity == y.entity or not v.can_act(x) or not v.can_act(y):
        return []
    return [("ALLIED_WITH", x.entity or "", z.entity or "", x.start, z.end)
            for z in v.and_more(y, _ACTORS) if z.entity != x.entity and v.can_act(z)]


def backed_by(v: View, i: int) -> list[Hit]:
    """«X … بدعم من Y», «برعاية Y»: Y supports X."""
    found = v.cues.phrase_at(v.words, i)
    if found is None and v.cue(i, "backed_by"):
        found = (i, "backed_by")  # a one-word cue: «بدعم الإمارات», «بمساندة قوات X»
    if found is None or found[1] != "backed_by":
        return []
    y = v.after(found[0] + 1, _ACTORS, skip=1) if found[0] + 1 < len(v.tokens) else None
    x = v.nearest_before(i, _ACTORS, CUE_WINDOW, stops=".؟!")
    if x is None or y is None or x.entity == y.entity or not v.can_act(x) or not v.can_act(y):
        return []
    return [("SUPPORTS", z.entity or "", x.entity or "", x.start, z.end)
            for z in v.and_more(y, _ACTORS) if z.entity != x.entity and v.can_act(z)]


def backed_state(v: View, i: int) -> list[Hit]:
    """«الفصيل المدعوم إيرانياً», «X … بدعم تركي», «برعاية مصرية»: a country named by its gentilic supports X."""
    tokens = v.tokens
    participle = v.cue(i, "backed")
    if i + 1 >= len(tokens) or not (participle or v.cue(i, "backed_by")):
        return []
    states = [s for s in (v.state(i + 1), _and_state(v, i + 2)) if s]  # «المدعومة سعودياً وإماراتياً»
    if not states:
        return []
    x = v.before(i, _GROUPS, skip=1) if participle else v.nearest_before(i, _GROUPS | _PERSON, CUE_WINDOW, stops=".؟!")
    if x is None:
        return []
    return [("SUPPORTS", s, x.entity or "", x.start, tokens[i + 1].end) for s in states if s != x.entity]


def _and_state(v: View, k: int) -> str | None:
    """The country of a gentilic joined by «و» at token k («… وإماراتياً»), or None."""
    if k >= len(v.tokens) or not v.tokens[k].norm.startswith("و"):
        return None
    return v.state(k)


def supporter_of(v: View, i: int) -> list[Hit]:
    """«الميليشيات التي تدعم حكومة الوفاق», «الدول الداعمة لحفتر»: the actor a relative clause or a
    participle describes as backing another → SUPPORTS(X, Y)."""
    tokens = v.tokens
    if i + 1 >= len(tokens):
        return []
    if v.cue(i, "supports_verb") and i > 0 and v.cue(i - 1, "relative"):  # «X التي تدعم Y»
        if v.words[i - 1].startswith("و"):
            return []  # «التحالف الذي تقوده السعودية والإمارات، والذي يدعم …»: a second clause of an earlier noun
        x = v.before(i - 1, _ACTORS - {"PERSON"}, skip=1)
        y = v.after(i + 1, _ACTORS, skip=0)
    elif v.cue(i, "supporting") and tokens[i + 1].prefix.startswith("ل"):  # «X الداعمة لـY»
        x = v.before(i, _ACTORS - {"PERSON"}, skip=1)
        y = v.after(i + 1, _ACTORS, skip=0)
    else:
        return []
    if x is None or y is None or x.entity == y.entity or not v.can_act(x):
        return []
    return _hit("SUPPORTS", x, y, x.start, y.end)
