"""Each named relation rule of `marsad.extract.relpatterns`, alone, on sentences written for these tests."""

from __future__ import annotations

import pytest

import marsad
from marsad.extract.relpatterns import RULES, View, entity_places, pattern_relations, relation_words
from marsad.knowledge import load_kb
from marsad.layers import MENTIONS

# rule name, sentence, (type, head, tail) by knowledge-base id or name
CASES = [
    ("seated", "وعقدت الحكومة المؤقتة في البيضاء اجتماعا طارئا.", ("BASED_IN", None, "place:ly/bayda")),
    ("body_of", "وأعلنت القيادة العامة لقوات حفتر النفير العام.", ("MEMBER_OF", None, "lna")),
    ("unit_of", "وانتشرت القوات الخاصة بالجيش الليبي في المنطقة.", ("MEMBER_OF", None, None)),
    ("set_against", "وتقاتل قوات حفتر جماعات إسلامية متشددة منذ شهور.", ("OPPOSES", "lna", None)),
    ("resides", "وتتمركز قوات حفتر في مدينة أجدابيا منذ الشتاء.", ("BASED_IN", "lna", "place:ly/ajdabiya")),
    ("rivals", "وتجدد الصراع بين قوات حفتر ومجلس شورى ثوار بنغازي هذا الأسبوع.", ("OPPOSES", "lna", "bric")),
    ("affiliated", "ووصلت كتيبة شهداء الوادي التابعة لقوات حفتر إلى البلدة.", ("MEMBER_OF", "كتيبة شهداء الوادي", "lna")),
    ("seat", "وأعلنت المؤسسة الوطنية للنفط التي يوجد مقرها في طرابلس وقف التصدير.", ("BASED_IN", "noc", "place:ly/tripoli")),
    ("controlled_by", "وعاد السكان إلى درنة التي تسيطر عليها قوات حفتر.", ("CONTROLS", "lna", "place:ly/derna")),
    ("under_control", "ونزح الأهالي من مدينة سرت الخاضعة لسيطرة قوات حفتر.", ("CONTROLS", "lna", "place:ly/sirte")),
    ("led_by", "وتقدمت كتيبة الفتح بقيادة خليفة حفتر نحو الجنوب.", ("COMMANDS", "haftar", "كتيبة الفتح")),
    ("relative_clause", "واستقبل فايز السراج، الذي يقود حكومة الوفاق الوطني، وفدا أوروبيا.", ("LEADS", "sarraj", "gna")),
    ("backed", "وأعلنت حكومة الوفاق الوطني المدعومة من الأمم المتحدة حالة الطوارئ.", ("SUPPORTS", "un", "gna")),
    ("against", "وهاجمت ميليشيات جهادية مناهضة لخليفة حفتر نقطة أمنية.", ("OPPOSES", None, "haftar")),
    ("one_of_parts", "وتعد كتيبة النور إحدى فصائل قوات حفتر في الشرق.", ("MEMBER_OF", "كتيبة النور", "lna")),
    ("led_by_verb", "وانسحبت جماعات مسلحة يقودها إبراهيم الجضران من الموانئ.", ("COMMANDS", "jadhran", None)),
    ("linked", "ونفذ الهجوم تنظيم المرابطين المرتبط بتنظيم القاعدة في الصحراء.", ("ALLIED_WITH", None, None)),
    ("one_of_roles", "واعتقل سالم الفيتوري، وهو أحد قيادات تنظيم الدولة الإسلامية، في سرت.", ("LEADS", None, None)),
    ("supported_by", "وقالت حكومة الوفاق الوطني التي تدعمها الأمم المتحدة إنها ترفض القرار.", ("SUPPORTS", "un", "gna")),
    ("ally_with", "ونفذت القوات الأمريكية الضربة بالتنسيق مع حكومة الوفاق الوطني.", ("ALLIED_WITH", None, "gna")),
    ("backed_by", "وتقدمت قوات حفتر بدعم من الإمارات نحو المدينة.", ("SUPPORTS", "uae", "lna")),
    ("joint", "وجاءت الغارة بتنسيق مشترك بين حكومة الوفاق الوطني والولايات المتحدة.", ("ALLIED_WITH", "gna", None)),
    ("affiliated", "وقتل سالم الفيتوري المنتمي لتنظيم الدولة الإسلامية في سرت.", ("MEMBER_OF", None, None)),
    ("affiliated", "وتقدمت كتيبة الفتح التابعة لحكومة الوفاق الوطني نحو المطار.", ("MEMBER_OF", None, "gna")),
    ("fought_with", "ووقف الحوثيون في مواجهة قوات حفتر طوال العام.", ("OPPOSES", None, "lna")),
    ("backed_by", "وتقدمت قوات حفتر بدعم الإمارات نحو المدينة.", ("SUPPORTS", "uae", "lna")),
    ("backed_by", "وتقدمت قوات حفتر بدعم من الإمارات ومصر نحو المدينة.", ("SUPPORTS", "egypt", "lna")),
    ("freed_from", "وأعلنت قوات حفتر تحرير بنغازي من تنظيم الدولة الإسلامية بعد شهور.", ("OPPOSES", "lna", "isis")),
    ("freed_from", "واستعادت قوات حفتر الحي من قبضة مجلس شورى ثوار بنغازي.", ("OPPOSES", "lna", "bric")),
    ("enemy_of", "وظهر خليفة حفتر، العدو اللدود لتنظيم الدولة الإسلامية، في بنغازي.", ("OPPOSES", "haftar", "isis")),
    ("fell_to", "وأدى سقوط سرت بيد تنظيم الدولة الإسلامية إلى نزوح الآلاف.", ("CONTROLS", "isis", "place:ly/sirte")),
    ("positions_in", "وقصفت الطائرات مواقع تنظيم الدولة الإسلامية في سرت ليلا.", ("BASED_IN", "isis", "place:ly/sirte")),
    ("handed_over", "وأعلن الجيش تسليم ميناء الزويتينة إلى المؤسسة الوطنية للنفط.", ("CONTROLS", "noc", "place:ly/zueitina-port")),
    ("under_control", "وتخضع درنة لسيطرة قوات حفتر منذ الصيف.", ("CONTROLS", "lna", "place:ly/derna")),
    ("seat", "وقال الجيش التابع لحكومة الوفاق الوطني التي يوجد مقرها في طرابلس إن الهجوم فشل.",
     ("BASED_IN", "gna", "place:ly/tripoli")),
    ("led_by", "وتدخلت فرنسا بقيادة إيمانويل ماكرون في الأزمة.", ("LEADS", None, "france")),
    ("state_head", "وزار تونس أمس، والتقى الرئيس التونسي الباجي قايد السبسي بالوفد.", ("LEADS", None, "tunisia")),
    ("backed_state", "وتدخلت إيران في الحرب، وتقدمت كتيبة الفتح المدعومة إيرانياً نحو المدينة.",
     ("SUPPORTS", "iran", "كتيبة الفتح")),
    ("backed_state", "وتدخلت روسيا في الحرب، وتقدمت كتيبة الفتح بدعم روسي نحو المدينة.", ("SUPPORTS", "russia", None)),
    ("fought_with", "واشتبكت قوات حفتر مع مجلس شورى ثوار بنغازي قرب الميناء.", ("OPPOSES", "lna", "bric")),
    ("inner_body", "ودعت الأمم المتحدة إلى التهدئة، فيما قالت مفوضية الأمم المتحدة لحقوق الإنسان إن المدنيين في خطر.",
     ("MEMBER_OF", None, "un")),
    ("seized", "وبسطت قوات حفتر سيطرتها على مدينة أجدابيا بعد أيام من القتال.", ("CONTROLS", "lna", "place:ly/ajdabiya")),
    ("seized", "وقال مصدر عسكري إن قوات حفتر سيطرت على مدينة سرت ودرنة.", ("CONTROLS", "lna", "place:ly/derna")),
    ("seized", "واستعادت قوات حفتر بالكامل مدينة سرت صباح الخميس.", ("CONTROLS", "lna", "place:ly/sirte")),
    ("rival_of", "وتنازع حكومة موازية لحكومة الوفاق الوطني على الشرعية منذ عامين.", ("OPPOSES", None, "gna")),
    ("rival_of", "ويعمل فايز السراج من قاعدة بحرية منذ أن سيطرت جماعة منافسة على وسط المدينة.",
     ("OPPOSES", "جماعة منافسة", "sarraj")),
    ("one_of_groups", "وتقدمت كتيبة النور، إحدى الجماعات المسلحة في الشرق، نحو المدينة.", ("MEMBER_OF", "كتيبة النور", None)),
    ("enemy_of", "وفر هشام عشماوي، أبرز المطلوبين للسلطات المصرية، إلى درنة.", ("OPPOSES", None, "ashmawi")),
    ("enemy_of", "وأكد أن أبرز المطلوبين لمصر مثل \"عمر رفاعي سرور\" و\"هشام عشماوي\" قتلوا.", ("OPPOSES", "egypt", "ashmawi")),
    ("seized", 'وقال إن قوات حفتر سيطرت على منطقة " الفتائح " ومسجد " الصحابة " في درنة.', ("CONTROLS", "lna", None)),
    ("fight_purpose", "وتحالفت قوات حفتر مع قبائل الشرق، لمحاربة تنظيم الدولة الإسلامية في درنة.", ("OPPOSES", "lna", "isis")),
    ("state_official", "وأعلنت روسيا دعمها للحوار، وقال وزير الخارجية الروسي، سيرغي لافروف، إن الحل سياسي.", ("MEMBER_OF", "lavrov", "russia")),
    ("state_official", "ووصل إلى تونس أمس وزير خارجية روسيا سيرغي لافروف في زيارة قصيرة.", ("MEMBER_OF", "lavrov", "russia")),
    ("holds", "وعاد الهدوء إلى المدينة بعد سيطرة قوات حفتر على مدينة أجدابيا.", ("CONTROLS", "lna", "place:ly/ajdabiya")),
    ("holds", "وقالت الجماعات المسلحة التي تسيطر على درنة إنها لن تنسحب.", ("CONTROLS", None, "place:ly/derna")),
    ("supporter_of", "وانسحبت كتيبة شهداء الوادي التي تدعم حكومة الوفاق الوطني من المطار.", ("SUPPORTS", None, "gna")),
    ("supporter_of", "وقالت الإمارات الداعمة لخليفة حفتر إنها تريد الاستقرار.", ("SUPPORTS", "uae", "haftar")),
]


def _hits(text: str, rule: str) -> set[tuple[str, str, str]]:
    a = marsad.analyze(text)
    types = {e.id: e.type for e in a.entities}
    kinds = {e.id: e.kind for e in a.entities}
    kb = load_kb(())
    view = View(a.tokens, MENTIONS.get(a), types, kinds, relation_words(kb), entity_places(a.entities, kb))
    name = {e.id: (e.kb_id or e.name) for e in a.entities}
    return {(t, name[h], name[tl]) for t, h, tl, _, _ in pattern_relations(view, only=[rule])}


def test_every_rule_has_a_case() -> None:
    assert {c[0] for c in CASES} == set(RULES)


@pytest.mark.parametrize("rule, text, expected", CASES, ids=[c[0] for c in CASES])
def test_rule(rule: str, text: str, expected: tuple[str, str | None, str | None]) -> None:
    hits = _hits(text, rule)
    rtype, head, tail = expected
    assert any(t == rtype and (head is None or h == head) and (tail is None or tl == tail) for t, h, tl in hits), hits


@pytest.mark.parametrize("rule, text", [
    ("backed_by", "وقال الوزير إن الدعم المالي وصل."),  # a support word with no giver named
    ("ally_with", "وتحدث الرئيس بالتنسيق مع المسؤولين عن الأمن."),  # nobody named after the cue
    ("seated", "واندلعت اشتباكات بين قوات حفتر ومجلس شورى ثوار بنغازي في درنة."),  # a clash's place, not a seat
    ("joint", "وجرى تنسيق مشترك بين الوزارتين حول الملف."),  # no actors named after the cue
    ("body_of", "وشكل البرلمان حكومة موازية لحكومة الوفاق الوطني."),  # a rival, not a part
    ("backed_state", "وتقدمت كتيبة الفتح المدعومة إيرانياً نحو المدينة."),  # Iran is not named in the article
    ("fought_with", "وقال الأمين العام للأمم المتحدة إن مدنيين قتلوا خلال اشتباكات مع قوات حفتر."),  # not a side
    ("freed_from", "وسيطرت قوات حفتر على أكثر من نصف بنغازي بدعم من الإمارات."),  # a helper, not a loser
    ("under_control", "وتقع البلدة في منطقة داخل ليبيا تخضع لسيطرة قوات حفتر."),  # not the whole country
    ("positions_in", "وزار الوفد مواقع أثرية في سرت."),  # no group named
    ("state_head", "وزار تونس أمس، والتقى نائب الرئيس التونسي الباجي قايد السبسي بالوفد."),  # the deputy
    ("state_head", "وقال رئيس الحكومة التونسية يوسف الشاهد إن تونس مستعدة."),  # «رئيس الحكومة», not of the state
    ("inner_body", "وأعلن تنظيم الدولة الإسلامية مسؤوليته، وتبنى تنظيم الدولة الإسلامية الهجوم."),  # one group
    ("inner_body", "وتقدمت قوات موالية لحكومة الوفاق الوطني، وقالت حكومة الوفاق الوطني إنها ستفاوض."),  # `affiliated`'s
    ("seized", "ولم تسيطر قوات حفتر على مدينة سرت رغم القصف."),  # denied
    ("seized", "وفرضت قوات حفتر حصارا على مدينة درنة منذ شهور."),  # a siege, not a capture
    ("seized", "وسيطرت قوات حفتر على مناطق واسعة في ليبيا."),  # a part of the country, not the country
    ("seized", "وقال القائد إن قوات حفتر قد تدخل مدينة سرت قريبا."),  # a possibility
    ("rival_of", "ويدعم خليفة حفتر حكومة موازية في الشرق منذ عامين."),  # its backer, not its rival
    ("seized", "وأكد أن القوات المدعومة من الإمارات سيطرت على مدينة سرت."),  # the backer is not the captor
    ("one_of_groups", "وقال أحد عناصر قوات حفتر إن الهجوم فشل."),  # a member, read by `one_of_roles`
    ("fight_purpose", "ودعت الأمم المتحدة إلى تعاون دولي لمكافحة الإرهاب في ليبيا."),  # nobody named to fight
    ("state_official", "وقال وزير الخارجية الروسي إن بلاده تدعم الحل السياسي."),  # Russia not named as an actor
    ("holds", "وحاولت الحكومة منع سيطرة قوات حفتر على مدينة سرت."),  # prevented, not held
    ("supporter_of", "وقال خليفة حفتر الذي يدعم الحوار إن الحل قريب."),  # a person backing no actor named
    ("supporter_of", "وقال التحالف الذي تقوده السعودية والإمارات، والذي يدعم حكومة الوفاق الوطني، إنه مستعد."),  # the coalition's clause
    ("holds", "وقال مسؤول إن قوات حفتر المسيطرة على مناطق واسعة في ليبيا تتقدم."),  # no place right after
])
def test_rule_stays_silent(rule: str, text: str) -> None:
    assert not _hits(text, rule)
