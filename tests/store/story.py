"""A small invented news story over six articles, for store tests (all sentences written for the tests).

Two armed groups fight over a town and its port; one group changes its allegiance; outlets relay each
other; one report rests on an anonymous source.
"""

from __future__ import annotations

from marsad.model import Analysis

from builders import build

SIRTE = (31.2, 16.6)
PORT = (31.21, 16.59)
MISRATA = (32.38, 15.09)


def articles() -> list[Analysis]:
    """The six articles, oldest first."""
    a0 = build("تنتشر كتيبة الفرسان الموالية لحكومة الإنقاذ في مصراتة منذ أشهر.",
               published="2016-01-05", outlet="صحيفة المرصد",
               entities=[("e1", "ARMED_GROUP", "كتيبة الفرسان", None), ("e2", "ORGANIZATION", "حكومة الإنقاذ", None),
                         ("e3", "GPE", "مصراتة", None)],
               relations=[("LOYAL_TO", "e1", "e2", "كتيبة الفرسان الموالية لحكومة الإنقاذ"),
                          ("BASED_IN", "e1", "e3", "تنتشر كتيبة الفرسان الموالية لحكومة الإنقاذ في مصراتة")],
               geo={"e3": MISRATA})
    a1 = build("اندلعت اشتباكات عنيفة بين كتيبة الفرسان وقوات الدرع في مدينة سرت أمس. وقال الناطق باسم "
               "كتيبة الفرسان عادل المنصوري إن الكتيبة سيطرت على ميناء سرت.",
               published="2016-03-10", outlet="وكالة الأفق",
               entities=[("e1", "ARMED_GROUP", "كتيبة الفرسان", None), ("e2", "ARMED_GROUP", "قوات الدرع", None),
                         ("e3", "GPE", "سرت", None), ("e4", "PERSON", "عادل المنصوري", None),
                         ("e5", "LOCATION", "ميناء سرت", None)],
               relations=[("OPPOSES", "e1", "e2", "اشتباكات عنيفة بين كتيبة الفرسان وقوات الدرع"),
                          ("SPOKESPERSON_OF", "e4", "e1", "الناطق باسم كتيبة الفرسان عادل المنصوري"),
                          ("CONTROLS", "e1", "e5", "الكتيبة سيطرت على ميناء سرت")],
               claims=[{"kind": "named_person", "speaker": "e4", "cue": "وقال", "content": "الكتيبة سيطرت على ميناء سرت"}],
               events=[{"type": "ARMED_CLASH", "trigger": "اشتباكات", "agents": ["e1", "e2"], "place": "e3",
                        "date": "2016-03-09"},
                       {"type": "TERRITORY_CONTROL", "trigger": "سيطرت", "agents": ["e1"], "place": "e5",
                        "date": "2016-03-10", "claim": "c1"}],
               geo={"e3": SIRTE, "e5": PORT})
    a2 = build("أفادت مصادر محلية بأن مواجهات دارت بين قوات الدرع وكتيبة الفرسان قرب سرت أول أمس.",
               published="2016-03-11", outlet="صحيفة المرصد",
               entities=[("e1", "ARMED_GROUP", "قوات الدرع", None), ("e2", "ARMED_GROUP", "كتيبة الفرسان", None),
                         ("e3", "GPE", "سرت", None)],
               claims=[{"kind": "anonymous", "cue": "أفادت", "source_text": "مصادر محلية",
                        "content": "مواجهات دارت بين قوات الدرع وكتيبة الفرسان قرب سرت"}],
               events=[{"type": "ARMED_CLASH", "trigger": "مواجهات", "agents": ["e1", "e2"], "place": "e3",
                        "date": "2016-03-09", "claim": "c1"}],
               geo={"e3": SIRTE})
    a3 = build("ونقلت وكالة الأفق أن اشتباكات اندلعت بين كتيبة الفرسان وقوات الدرع في سرت.",
               published="2016-03-11", outlet="قناة النهار",
               entities=[("e1", "MEDIA", "وكالة الأفق", None), ("e2", "ARMED_GROUP", "كتيبة الفرسان", None),
                         ("e3", "ARMED_GROUP", "قوات الدرع", None), ("e4", "GPE", "سرت", None)],
               claims=[{"kind": "media", "speaker": "e1", "via": ["e1"], "cue": "ونقلت",
                        "content": "اشتباكات اندلعت بين كتيبة الفرسان وقوات الدرع في سرت"}],
               events=[{"type": "ARMED_CLASH", "trigger": "اشتباكات", "agents": ["e2", "e3"], "place": "e4",
                        "date": "2016-03-09", "claim": "c1"}],
               geo={"e4": SIRTE})
    a4 = build("أعلنت كتيبة الفرسان انشقاقها عن حكومة الانقاذ وانضمامها إلى المجلس الرئاسي.",
               published="2016-06-01", outlet="صحيفة المرصد",
               entities=[("e1", "ARMED_GROUP", "كتيبة الفرسان", None), ("e2", "ORGANIZATION", "حكومة الانقاذ", None),
                         ("e3", "ORGANIZATION", "المجلس الرئاسي", None)],
               relations=[("DEFECTED_FROM", "e1", "e2", "انشقاقها عن حكومة الانقاذ"),
                          ("LOYAL_TO", "e1", "e3", "انضمامها إلى المجلس الرئاسي")],
               events=[{"type": "DEFECTION", "trigger": "انشقاقها", "agents": ["e1"], "targets": ["e2"],
                        "date": "2016-06-01"}])
    a5 = build("سيطرت قوات الدرع على ميناء سرت بعد انسحاب كتيبة الفرسان منه. وقال مصدر عسكري إن "
               "المنسحبين تركوا وراءهم عربات مدرعة.",
               published="2016-08-01", outlet="قناة النهار",
               entities=[("e1", "ARMED_GROUP", "قوات الدرع", None), ("e2", "LOCATION", "ميناء سرت", None),
                         ("e3", "ARMED_GROUP", "كتيبة الفرسان", None)],
               relations=[("CONTROLS", "e1", "e2", "سيطرت قوات الدرع على ميناء سرت")],
               claims=[{"kind": "anonymous", "cue": "وقال", "source_text": "مصدر عسكري",
                        "content": "المنسحبين تركوا وراءهم عربات مدرعة"}],
               events=[{"type": "TERRITORY_CONTROL", "trigger": "سيطرت", "agents": ["e1"], "targets": ["e3"],
                        "place": "e2", "date": "2016-08-01"}],
               geo={"e2": PORT})
    return [a0, a1, a2, a3, a4, a5]
