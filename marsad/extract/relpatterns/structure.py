"""Relations stated by the structure of names and descriptions: seats, units and bodies inside larger ones, leaders.

Each rule is a function `(view, i) -> list[Hit]`; `marsad.extract.relpatterns` lists them.
"""

from __future__ import annotations

from marsad.extract.relpatterns.view import _ACTORS, _PLACES, _GROUPS, _PERSON, _UNDER_WORD, _COMMAND_NOUN, Hit, View, _hit


def seated(v: View, i: int) -> list[Hit]:
    """«مجلس النواب في طبرق», «الحكومة المؤقتة بالبيضاء»: a body named with the town it sits in."""
    x, tokens = v.by_last.get(i), v.tokens
    if x is None or v.type(x) not in ("ORGANIZATION", "ARMED_GROUP", "TRIBE"):
        return []
    j = _after_qualifiers(v, i + 1)
    if j >= len(tokens) or tokens[j].sentence != tokens[i].sentence:
        return []
    if x.first > 0:
        prev = tokens[x.first - 1]
        block = v.cues.sets.get("seat_block", frozenset())
        if prev.norm in block or prev.stem in block or prev.norm[1:] in block:
            return []
        if any(tokens[q].norm == "بين" for q in range(max(0, x.first - 5), x.first)):
            return []  # «اشتباكات بين X وY في درنة» places the clash, not the sides
    k = j + 1 if tokens[j].norm in ("في", "فى") else j
    p = v.by_first.get(k)
    state = k > j and v.type(x) == "ORGANIZATION" and v.kinds.get(p.entity or "") == "country" if p else False
    if p is None or v.type(p) not in _PLACES or (v.kinds.get(p.entity or "") in ("country", None)
                                                and v.type(p) == "GPE" and not state):
        return []  # a body «في» a country sits there («المجلس الأعلى للدولة في ليبيا»); a force is only fighting there
    if k == j and not tokens[j].prefix.startswith("ب"):
        return []
    return _hit("BASED_IN", x, p, x.start, p.end)


def _after_qualifiers(v: View, j: int) -> int:
    """The token after the adjectives that may follow a body's name before its seat
    («الشرعي», «الليبية», «المعترف بها دوليا»)."""
    tokens = v.tokens
    adjectives = v.cues.sets.get("seat_adj", frozenset())
    for _ in range(3):
        if j >= len(tokens) or not tokens[j].norm.startswith("ال") or tokens[j].prefix not in ("", "ال"):
            break
        if tokens[j].norm in adjectives and j + 2 < len(tokens) and tokens[j + 1].norm in ("بها", "به") \
                and tokens[j + 2].norm.startswith("دولي"):
            j += 3  # «المعترف بها دوليا»
        elif tokens[j].norm in adjectives or tokens[j].norm.endswith(("يه", "ي")):
            j += 1  # «الشرعي», «الليبية»
        else:
            break
    return j


def unit_of(v: View, i: int) -> list[Hit]:
    """«القوات الخاصة بالجيش»: a unit named with the force it belongs to."""
    x, tokens = v.by_last.get(i), v.tokens
    if x is None or v.type(x) != "ARMED_GROUP" or i + 1 >= len(tokens) or tokens[i + 1].prefix[:1] != "ب":
        return []
    y = v.by_first.get(i + 1)
    if y is not None and v.type(y) == "ARMED_GROUP" and y.entity != x.entity:
        return _hit("MEMBER_OF", x, y, x.start, y.end)
    return []


def body_of(v: View, i: int) -> list[Hit]:
    """«المجلس الرئاسي لحكومة الوفاق», «القيادة العامة للجيش»: a body named with the body it is part of."""
    x, tokens = v.by_last.get(i), v.tokens
    if x is None or v.type(x) not in ("ORGANIZATION", "ARMED_GROUP") or i + 1 >= len(tokens) \
            or tokens[i + 1].prefix[:1] != "ل" or tokens[i + 1].sentence != tokens[i].sentence:
        return []
    if tokens[i].norm in v.cues.sets.get("rival", ()) or tokens[i].stem in v.cues.sets.get("rival", ()):
        return []  # «حكومة موازية للحكومة المعترف بها»: a rival, not a part
    y = v.by_first.get(i + 1)
    if y is not None and v.type(y) == v.type(x) and y.entity != x.entity:
        return _hit("MEMBER_OF", x, y, x.start, y.end)
    return []


def resides(v: View, i: int) -> list[Hit]:
    """«ويقيم رئيس الوزراء … في الشرق», «تتمركز قوات X في P»: an actor staying in a place."""
    tokens = v.tokens
    tok = tokens[i]
    w = tok.stem if tok.prefix and not tok.prefix.endswith("ال") else tok.norm
    verbs = v.cues.sets.get("reside_verb", frozenset())
    if w not in verbs and tok.norm[1:] not in verbs:
        return []
    x = next((v.by_first[j] for j in range(i + 1, min(len(tokens), i + 5)) if j in v.by_first
              and v.type(v.by_first[j]) in _ACTORS - {"GPE"}), None)  # «ويقيم رئيس الوزراء X …»
    k = x.last + 1 if x is not None else i + 1
    if x is None:
        x = v.nearest_before(i, _ACTORS - {"GPE"}, 3)
    if x is None:
        return []
    for j in range(k, min(len(tokens), k + 6)):
        if tokens[j].sentence != tok.sentence or tokens[j].text in "،,.":
            break
        p = v.by_first.get(j)
        if p is not None and v.type(p) in _PLACES and (
                any(tokens[q].norm in ("في", "فى", "من") for q in range(k, j)) or tokens[j].prefix[:1] == "ب"):
            return _hit("BASED_IN", x, p, x.start, p.end)
    return []


def affiliated(v: View, i: int) -> list[Hit]:
    """«X التابعة لـY», «X المنتمي لـY» → MEMBER_OF (a unit of a force, a body of a body or of a government,
    a member of a group), LOYAL_TO when Y is a person or a country; «X الموالية لـY» → LOYAL_TO."""
    w = v.tokens[i].norm
    loyal = w in v.cues.sets.get("loyal", ())
    member = w in v.cues.sets.get("member", ())
    if not loyal and not member and w not in v.cues.sets.get("affiliated", ()):
        return []
    x = v.before(i, _ACTORS - ({"GPE"} if member else {"PERSON"}), skip=2)
    y = v.after(i + 1, _ACTORS, skip=0) if i + 1 < len(v.tokens) else None
    if not x or not y or x.entity == y.entity:
        return []
    bodies = v.type(x) in ("ARMED_GROUP", "ORGANIZATION", "PERSON") and v.type(y) in ("ARMED_GROUP", "ORGANIZATION")
    rtype = "MEMBER_OF" if not loyal and bodies else "LOYAL_TO"
    if v.type(x) == "PERSON" and rtype != "MEMBER_OF":
        return []
    return _hit(rtype, x, y, x.start, y.end)


def seat(v: View, i: int) -> list[Hit]:
    """«X التي يوجد مقرها في P», «X ومقرها P», «X التي تتخذ من P مقراً»: where a body sits."""
    if not v.cue(i, "seat"):
        return []
    tokens = v.tokens
    x = v.nearest_before(i, _ACTORS - {"GPE"}, 6)
    if x is not None and any(v.cue(k, "relative") for k in range(x.last + 1, i)):
        x = v.innermost(x, _ACTORS - {"GPE"})  # «الجيش التابع للحكومة التي يوجد مقرها في P»: the government
    p = v.after(i + 1, _PLACES, skip=2) if i + 1 < len(tokens) else None
    if p is None:
        for back in range(i - 1, max(-1, i - 4), -1):  # «تتخذ من P مقرا»
            m = v.by_last.get(back)
            if m is not None and v.type(m) in _PLACES and m.first > 0 and tokens[m.first - 1].norm == "من":
                p = m
                break
    return _hit("BASED_IN", x, p, x.start, max(p.end, tokens[i].end)) if x and p else []


def led_by(v: View, i: int) -> list[Hit]:
    """«X بقيادة Y», «X تحت قيادة Y»: Y commands X (leads it when X is an organisation or a state:
    «فرنسا بقيادة ماكرون»)."""
    tokens = v.tokens
    w = tokens[i].norm
    led = w in v.cues.sets.get("led", ())
    if not led and not (w == _UNDER_WORD and i + 1 < len(tokens) and tokens[i + 1].norm == _COMMAND_NOUN):
        return []
    j = i + 1 if led else i + 2
    x = v.before(i, _GROUPS | {"GPE"}, skip=1)
    if x is not None and v.type(x) == "GPE" and v.kinds.get(x.entity or "") != "country":
        x = None  # a town is not led; «طرابلس بقيادة X» is rather a force's seat
    if j < len(tokens) and (tokens[j].norm in v.cues.gentilics or tokens[j].norm[:-1] in v.cues.gentilics):
        return []  # «التحالف الدولي بقيادة أمريكية»: led by a state, not by the next person named
    y = v.after(j, _PERSON, skip=1) if j < len(tokens) else None
    if y is None and j < len(tokens):
        k = j
        while k < len(tokens) and k - j < 3 and v.by_first.get(k) is None:
            k += 1
        m = v.by_first.get(k)
        y = m if m is not None and v.type(m) == "PERSON" else None
    if not x or not y:
        return []
    return _hit("COMMANDS" if v.type(x) == "ARMED_GROUP" else "LEADS", y, x, x.start, y.end)


def relative_clause(v: View, i: int) -> list[Hit]:
    """«فايز السراج، الذي يقود حكومة الوفاق», «الجيش الذي يقوده حفتر», «المجلس الذي يضم ميليشيات»."""
    tokens = v.tokens
    if tokens[i].norm not in v.cues.sets.get("relative", ()) or i + 1 >= len(tokens):
        return []
    x = v.before(i, _ACTORS, skip=1)
    if x is None:
        return []
    nxt = tokens[i + 1].norm
    if nxt in v.cues.sets.get("leads_verb", ()):
        y = v.after(i + 2, _ACTORS - {"PERSON"}, skip=3)  # «الذي يقود ما يسمى بالجيش الوطني»
        if y is not None and v.type(x) == "PERSON":
            return _hit("COMMANDS" if v.type(y) == "ARMED_GROUP" else "LEADS", x, y, x.start, y.end)
    elif nxt in v.cues.sets.get("led_by_verb", ()):
        y = v.after(i + 2, _PERSON, skip=1)
        if y is not None and v.type(x) != "PERSON":
            return _hit("COMMANDS" if v.type(x) == "ARMED_GROUP" else "LEADS", y, x, x.start, y.end)
    elif nxt in v.cues.sets.get("includes", ()):
        y = v.after(i + 2, _ACTORS - {"GPE"}, skip=1)
        if y is not None and v.type(x) != "PERSON":
            return _hit("MEMBER_OF", y, x, x.start, y.end)
    return []


def one_of_parts(v: View, i: int) -> list[Hit]:
    """«أنصار الشريعة إحدى فصائل مجلس الشورى»: X is a part of Y."""
    tokens = v.tokens
    if tokens[i].norm not in v.cues.sets.get("one_of", ()) or i + 2 >= len(tokens) or not v.cue(i + 1, "part"):
        return []
    x = v.before(i, _GROUPS, skip=1)
    y = v.after(i + 2, _GROUPS, skip=0)
    return _hit("MEMBER_OF", x, y, x.start, y.end) if x and y and x.entity != y.entity else []


def led_by_verb(v: View, i: int) -> list[Hit]:
    """«جماعات مسلحة يقودها المدعو إبراهيم الجضران» (no relative pronoun after an indefinite)."""
    tokens = v.tokens
    if tokens[i].norm not in v.cues.sets.get("led_by_any", ()):
        return []
    back = i - 1
    if back >= 0 and tokens[back].norm in v.cues.sets.get("relative", ()):
        back -= 1
    x = v.by_last.get(back)
    j = i + 1
    if j < len(tokens) and tokens[j].norm in v.cues.sets.get("called", ()):
        j += 1
    y = v.by_first.get(j)
    if x is None or y is None or v.type(y) != "PERSON" or v.type(x) not in ("ARMED_GROUP", "ORGANIZATION", "TRIBE"):
        return []
    return _hit("COMMANDS" if v.type(x) == "ARMED_GROUP" else "LEADS", y, x, x.start, y.end)


def one_of_roles(v: View, i: int) -> list[Hit]:
    """«X، وهو أحد قيادات تنظيم Y» → LEADS; «أحد عناصر Y» → MEMBER_OF."""
    tokens = v.tokens
    if tokens[i].norm not in v.cues.sets.get("one_of", ()) or i + 2 >= len(tokens):
        return []
    role = tokens[i + 1].norm
    if role in v.cues.sets.get("one_of_leaders", ()):
        rtype = "LEADS"
    elif role in v.cues.sets.get("one_of_members", ()):
        rtype = "MEMBER_OF"
    else:
        return []
    y = v.after(i + 2, _GROUPS, skip=0)
    x = v.nearest_before(i, _PERSON, 3)
    return _hit(rtype, x, y, x.start, y.end) if x and y else []


#: the longest name of another body looked for inside a body's name (tokens)
_INNER_MAX = 5


def inner_body(v: View, i: int) -> list[Hit]:
    """«مفوضية الأمم المتحدة لحقوق الإنسان», «بعثة الاتحاد الأوروبي في ليبيا»: a body whose name holds
    the name of a larger body the article also names on its own → MEMBER_OF."""
    x = v.by_last.get(i)
    if x is None or x.last <= x.first or v.type(x) not in ("ORGANIZATION", "ARMED_GROUP"):
        return []
    names = v.surfaces()
    for k in range(x.first + 1, x.last + 1):
        if v.cue(k - 1, "alias_head") and k == x.first + 1 or _relating(v, k - 1) or v.tokens[k].prefix[:1] == "و":
            break  # «تنظيم الإخوان» is the Brotherhood itself; «قوات موالية للحكومة» is read by `affiliated`
        for e in range(min(x.last, k + _INNER_MAX - 1), k, -1):  # two words at least: «الجيش» alone is anyone's
            y = names.get(tuple(t.stem for t in v.tokens[k:e + 1]))
            if y is not None and y != x.entity and v.types.get(y) in ("ORGANIZATION", "ARMED_GROUP"):
                return [("MEMBER_OF", x.entity or "", y, x.start, x.end)]
    return []


def positions_in(v: View, i: int) -> list[Hit]:
    """«مواقع تنظيم داعش في الفلوجة», «مقر لتنظيم X في حي نزال», «معقل X في P»: where a group holds positions."""
    tokens = v.tokens
    if not v.cue(i, "position") or i + 1 >= len(tokens):
        return []
    x = v.after(i + 1, _GROUPS, skip=0)
    if x is None:
        return []
    k = x.last + 1
    if k < len(tokens) and v.words[k] in ("في", "فى"):
        k += 1
    p = v.by_first.get(k) if k < len(tokens) else None
    if p is None or v.type(p) not in _PLACES or (k == x.last + 1 and not tokens[k].prefix.startswith("ب")):
        return []
    return _hit("BASED_IN", x, p, tokens[i].start, p.end)


def state_head(v: View, i: int) -> list[Hit]:
    """«الرئيس السوداني عمر البشير», «العاهل الأردني الملك عبد الله»: the head of a state named by its
    gentilic → LEADS(the person, the state), when the state is named in the article."""
    tokens = v.tokens
    if not v.cue(i, "head_of_state") or i + 2 >= len(tokens) or (i > 0 and v.cue(i - 1, "deputy")):
        return []  # «نائب الرئيس الأمريكي، X» names the deputy
    state = v.state(i + 1)
    if state is None or not tokens[i + 1].norm.startswith("ال") == tokens[i].norm.startswith("ال"):
        return []  # «رئيس الحكومة الليبية» is not «الرئيس الليبي»
    k = i + 2
    while k < len(tokens) and k - i <= 4 and (tokens[k].text in "،," or v.cue(k, "head_of_state")):
        k += 1  # «العاهل الأردني الملك عبد الله»
    person = v.by_first.get(k) if k < len(tokens) else None
    if person is None or v.type(person) != "PERSON":
        return []
    return [("LEADS", person.entity or "", state, tokens[i].start, person.end)]


def _relating(v: View, k: int) -> bool:
    """Whether token k states a relation of its own inside a descriptive name («الموالية», «التابعة», «المدعومة»)."""
    return any(v.cue(k, name) for name in ("loyal", "affiliated", "member", "backed", "against", "linked"))


def one_of_groups(v: View, i: int) -> list[Hit]:
    """«"جيش الإسلام" أكبر الفصائل المعارضة», «X، إحدى الجماعات المسلحة في P»: a group named as one (the
    largest, the foremost) of a body of groups the article names → MEMBER_OF."""
    tokens = v.tokens
    if i + 1 >= len(tokens) or not (tokens[i].norm in v.cues.sets.get("one_of", ()) or v.cue(i, "eminent")
                                    or v.cue(i, "largest")):
        return []
    y = v.by_first.get(i + 1)
    if y is None or v.type(y) not in ("ARMED_GROUP", "ORGANIZATION") or not tokens[i + 1].norm.startswith("ال"):
        return []  # «أحد الفصائل …», not «أحد عناصر …» (read by `one_of_roles`)
    x = v.before(i, _GROUPS, skip=2)
    return _hit("MEMBER_OF", x, y, x.start, y.end) if x and x.entity != y.entity else []


#: how many words may stand between an office and the state it is of («وزير الخارجية الروسي»,
#: «مبعوث الرئيس الروسي»)
_OFFICE_GAP = 2
_AT_WORDS = frozenset({"لدي", "في", "فى", "الي", "الى"})


def state_official(v: View, i: int) -> list[Hit]:
    """«وزير الخارجية الروسي، سيرغي لافروف», «السفير الروسي لدى إسرائيل X», «وزير خارجية إيطاليا X», «X،
    وزير الدفاع الأمريكي»: a minister, envoy or ambassador of a state → MEMBER_OF(the person, the state),
    when the state is named in the article."""
    tokens = v.tokens
    if not v.cue(i, "state_office"):
        return []
    state, k = None, i + 1
    while k < len(tokens) and k - i <= _OFFICE_GAP + 1 and tokens[k].sentence == tokens[i].sentence:
        m = v.by_first.get(k)
        if m is not None:  # «وزير خارجية إيطاليا»: the state named, in the genitive
            if v.type(m) == "GPE" and v.kinds.get(m.entity or "") == "country" and not tokens[k].prefix \
                    and v.words[k - 1] not in _AT_WORDS:
                state, k = m.entity, m.last + 1
            break
        state = v.state(k)
        if state is not None or tokens[k].text in "،,.:\"«»()" or v.cue(k, "state_office") or v.words[k] in _AT_WORDS:
            k += 1
            break
        k += 1
    if state is None:
        return []
    if k < len(tokens) and v.words[k] in _AT_WORDS and (at := v.by_first.get(k + 1)) is not None:
        k = at.last + 1  # «السفير الروسي لدى إسرائيل»
    if k < len(tokens) and tokens[k].text in "،,":
        k += 1
    person = v.by_first.get(k) if k < len(tokens) else None
    if (person is None or v.type(person) != "PERSON") and not tokens[i].prefix.startswith("و"):
        person = v.before(i, _PERSON, skip=2)  # «X، وزير الدفاع الأمريكي» (not «X، ووزير …»: another man)
    if person is None or person.entity == state:
        return []
    return [("MEMBER_OF", person.entity or "", state, min(person.start, tokens[i].start), max(person.end, tokens[k - 1].end))]
