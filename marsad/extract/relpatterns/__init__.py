"""Relations stated by fixed Arabic constructions around two mentions: a table of small named rules.

Every rule is a function `(view, i) -> list[Hit]` that looks at token i of the article; its words are
the cue sets of the knowledge base's `relation_cues` lexicon (so a `--kb` overlay reaches them). A hit
is (type, head entity, tail entity, evidence start, evidence end). The rules, by name:

- `seated`: «مجلس النواب في طبرق», «الحكومة المؤقتة بالبيضاء» → BASED_IN;
- `unit_of`: «القوات الخاصة بالجيش» → MEMBER_OF;
- `body_of`: «المجلس الرئاسي لحكومة الوفاق», «القيادة العامة للجيش» → MEMBER_OF;
- `set_against`: «X التي تتصدى لـY», «X … ضد Y» → OPPOSES;
- `resides`: «تتمركز قوات X في P», «ويقيم X في P» → BASED_IN;
- `rivals`: «الصراع بين X وY», «اشتباكات بين X وY» → OPPOSES;
- `affiliated`: «X التابعة لـY» → MEMBER_OF (a unit of a force, a body of a body) or LOYAL_TO;
  «X الموالية لـY» → LOYAL_TO;
- `seat`: «X التي يوجد مقرها في P», «X ومقرها P», «X التي تتخذ من P مقراً» → BASED_IN;
- `controlled_by`: «P الذي تسيطر عليه X» → CONTROLS(X, P);
- `under_control`: «P الخاضعة لسيطرة X», «P تحت سيطرة X» → CONTROLS(X, P);
- `led_by`: «X بقيادة Y», «X تحت قيادة Y» → COMMANDS(Y, X) (LEADS for an organisation);
- `relative_clause`: «Y الذي يقود X», «X الذي يقوده Y», «X الذي يضم Y» → COMMANDS/LEADS, MEMBER_OF;
- `backed`: «X المدعومة من Y» → SUPPORTS(Y, X);
- `against`: «X المناهضة لـY» → OPPOSES;
- `one_of_parts`: «X إحدى فصائل Y» → MEMBER_OF;
- `led_by_verb`: «جماعات يقودها Y» → COMMANDS/LEADS;
- `linked`: «X المرتبط بـY», «X المتحالفة مع Y» → ALLIED_WITH;
- `one_of_roles`: «X، وهو أحد قيادات Y» → LEADS or MEMBER_OF;
- `supported_by`: «X التي تدعمها Y» → SUPPORTS(Y, X);
- `ally_with`: «X … بالتنسيق مع Y», «X القريبة من Y» → ALLIED_WITH;
- `backed_by`: «X … بدعم من Y», «برعاية Y», «بغطاء جوي من Y» → SUPPORTS(Y, X);
- `joint`: «بتنسيق مشترك بين X وY», «عملية مشتركة بين X وY» → ALLIED_WITH;
- `backed_state`: «الفصيل المدعوم إيرانياً», «بدعم تركي» → SUPPORTS(the country, X) through the gentilics lexicon;
- `fought_with`: «اشتبكت قوات X مع Y», «X … معارك مع Y», «X في مواجهة Y» → OPPOSES;
- `inner_body`: «مفوضية الأمم المتحدة لحقوق الإنسان» (the UN named on its own elsewhere) → MEMBER_OF;
- `freed_from`: «تحرير بنغازي من تنظيم X», «استعادت قوات X المنطقة من قبضة Y», «وطرد جماعة Y» → OPPOSES;
- `enemy_of`: «X، العدو اللدود لـY» → OPPOSES(X, Y); «المطلوب للسلطات X» → OPPOSES(the authorities, the man);
- `fell_to`: «سقوط الموصل بيد داعش», «في قبضة X» → CONTROLS(X, P);
- `positions_in`: «مواقع تنظيم X في الفلوجة», «مقر لتنظيم X في حي P» → BASED_IN(X, P);
- `handed_over`: «تسليم الموانئ … إلى المؤسسة الوطنية للنفط» → CONTROLS(the one handed to, each place);
- `rival_of`: «حكومة موازية للحكومة X», «… X … منذ سيطرت جماعة منافسة على العاصمة» → OPPOSES(the rival, X);
- `one_of_groups`: «"جيش الإسلام" أكبر الفصائل المعارضة», «X، إحدى الجماعات المسلحة» → MEMBER_OF;
- `fight_purpose`: «أرسلت X قوات لمحاربة Y», «تحالف X مع Z، لمحاربة Y» → OPPOSES(X, Y);
- `seized`: «سيطرت قوات X على P», «بسطت X سيطرتها على P», «استعادت قوات X مدينة P», «X سيطر على P وQ» → CONTROLS(X, P);
- `state_head`: «الرئيس السوداني عمر البشير» → LEADS(the person, the state named by the gentilic);
- `state_official`: «وزير الخارجية الروسي، X», «السفير الروسي لدى إسرائيل X», «وزير خارجية إيطاليا X» → MEMBER_OF(X, the state);
- `supporter_of`: «الميليشيات التي تدعم حكومة الوفاق», «الدول الداعمة لـY» → SUPPORTS(X, Y);
- `holds`: «سيطرة تنظيم X على P», «القوات المسيطرة على P», «الميليشيات التي تسيطر على P» → CONTROLS(X, P).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from marsad.extract.relpatterns.cues import GATES, RelationWords, relation_words
from marsad.extract.relpatterns.structure import (
    seated, unit_of, body_of, resides, affiliated, seat, led_by, relative_clause, one_of_parts, led_by_verb,
    one_of_roles, inner_body, positions_in, state_head, one_of_groups, state_official,
)
from marsad.extract.relpatterns.hostility import (
    set_against, rivals, against, fought_with, freed_from, enemy_of, rival_of, fight_purpose,
)
from marsad.extract.relpatterns.support import (
    joint, backed, linked, supported_by, ally_with, backed_by, backed_state, supporter_of,
)
from marsad.extract.relpatterns.control import controlled_by, under_control, fell_to, handed_over, seized, holds
from marsad.extract.relpatterns.view import CUE_WINDOW, Hit, View, entity_places
from marsad.model import Token

__all__ = ["ARTICLE_RULES", "CUE_WINDOW", "GATES", "RULES", "TOKEN_RULES", "Hit", "RelationWords", "Rule", "View",
           "entity_places", "pattern_relations", "relation_words"]


Rule = Callable[[View, int], list[Hit]]


#: rules run one after the other over the whole article (their readings come first)
ARTICLE_RULES: dict[str, Rule] = {
    "seated": seated, "unit_of": unit_of, "body_of": body_of, "set_against": set_against, "resides": resides,
    "rivals": rivals,
}


#: rules run together at each token
TOKEN_RULES: dict[str, Rule] = {
    "affiliated": affiliated, "seat": seat, "controlled_by": controlled_by, "under_control": under_control,
    "led_by": led_by, "relative_clause": relative_clause, "backed": backed, "against": against,
    "one_of_parts": one_of_parts, "led_by_verb": led_by_verb, "linked": linked, "one_of_roles": one_of_roles,
    "supported_by": supported_by, "ally_with": ally_with, "backed_by": backed_by, "joint": joint,
    "backed_state": backed_state, "fought_with": fought_with, "inner_body": inner_body,
    "freed_from": freed_from, "enemy_of": enemy_of, "fell_to": fell_to, "positions_in": positions_in,
    "handed_over": handed_over, "state_head": state_head, "seized": seized,
    "rival_of": rival_of, "one_of_groups": one_of_groups, "fight_purpose": fight_purpose,
    "state_official": state_official, "holds": holds, "supporter_of": supporter_of,
}


#: every rule by name
RULES: dict[str, Rule] = {**ARTICLE_RULES, **TOKEN_RULES}


def _token_keys(tok: Token) -> set[str]:
    """The forms of a token a gate word may match: whole, without proclitics, without «و/ف», without article."""
    keys = {tok.norm, tok.stem, tok.norm[1:]}
    for w in (tok.norm, tok.stem):
        if w.startswith("ال") and len(w) > 3:
            keys.add(w[2:])
    return keys


def _candidates(view: View, rules: dict[str, Rule]) -> dict[str, list[int]]:
    """For each rule, the tokens where it may fire."""
    index = view.cues.gates
    out: dict[str, list[int]] = {name: [] for name in rules}
    for i, tok in enumerate(view.tokens):
        names: set[str] = set()
        for key in _token_keys(tok):
            names |= index.get(key, frozenset())
        if i in view.by_last:
            names |= {name for name, gates in GATES.items() if "@mention_end" in gates}
        for name in names:
            if name in out:
                out[name].append(i)
    return out


def pattern_relations(view: View, only: Sequence[str] | None = None) -> list[Hit]:
    """Every relation the fixed constructions state in the article (or those of the rules named in `only`).
    A rule runs only at the tokens its gate words or a mention's end mark (`GATES`)."""
    candidates = _candidates(view, RULES)
    out: list[Hit] = []
    for name, rule in ARTICLE_RULES.items():
        if only is None or name in only:
            for i in candidates[name]:
                out += rule(view, i)
    at: dict[int, list[str]] = {}
    for name in TOKEN_RULES:
        if only is None or name in only:
            for i in candidates[name]:
                at.setdefault(i, []).append(name)
    for i in sorted(at):
        for name in at[i]:
            out += TOKEN_RULES[name](view, i)
    return out
