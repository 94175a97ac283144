"""Entity recognition and linking: dictionary, context rules, coreference and ambiguity cases.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

import marsad
from marsad.model import Analysis


def _ents(text: str) -> Analysis:
    return marsad.analyze(text)


def _by_name(a: Analysis, name: str):
    for e in a.entities:
        if e.name == name or any(m.text == name for m in e.mentions):
            return e
    return None


def _kb_ids(a: Analysis) -> set[str | None]:
    return {e.kb_id for e in a.entities}


@pytest.mark.parametrize("text, kb_id, mention", [
    ("وأكد السراج أن الحكومة ماضية في الحوار.", "sarraj", "السراج"),
    ("وصلت رسالة لحفتر من العاصمة.", "haftar", "حفتر"),
    ("التقى المشير خليفة حفتر وفدا قبليا.", "haftar", "خليفة حفتر"),
    ("وانتشرت عناصر حرس المنشآت النفطية حول الميناء.", "pfg", "حرس المنشآت النفطية"),
])
def test_known_names_with_clitics(text: str, kb_id: str, mention: str) -> None:
    a = _ents(text)
    ent = next((e for e in a.entities if e.kb_id == kb_id), None)
    assert ent is not None, [e.name for e in a.entities]
    assert any(mention in m.text for m in ent.mentions)
    for m in ent.mentions:
        assert a.text[m.start:m.end] == m.text


def test_longest_match_wins() -> None:
    a = _ents("أصدرت حكومة الوفاق الوطني بيانا.")
    names = [m.text for e in a.entities for m in e.mentions]
    assert "حكومة الوفاق الوطني" in names


def test_coreference_surname_joins_full_name() -> None:
    a = _ents("قال خليفة حفتر إن المعركة مستمرة. وأضاف حفتر أن قواته تتقدم.")
    haftar = [e for e in a.entities if e.kb_id == "haftar"]
    assert len(haftar) == 1 and len(haftar[0].mentions) == 2


def test_unknown_person_after_rank() -> None:
    a = _ents("وأعلن العقيد سالم بوزريبة أن الطريق مفتوح.")
    ent = _by_name(a, "سالم بوزريبة")
    assert ent is not None and ent.type == "PERSON" and ent.kb_id is None
    assert "العقيد" in ent.roles


def test_unknown_person_in_apposition_with_unit() -> None:
    a = _ents("وقال قائد كتيبة الفاروق، منصور الدرسي، إن عناصره انسحبوا.")
    person = _by_name(a, "منصور الدرسي")
    unit = _by_name(a, "كتيبة الفاروق")
    assert person is not None and person.type == "PERSON"
    assert unit is not None and unit.type == "ARMED_GROUP"
    assert any(r.type == "COMMANDS" and r.head == person.id and r.tail == unit.id for r in a.relations)


def test_unknown_surname_coreference() -> None:
    a = _ents("وقال العقيد سالم بوزريبة إن الوضع هادئ. وأكد بوزريبة أن التعزيزات وصلت.")
    ents = [e for e in a.entities if e.type == "PERSON" and "بوزريبة" in e.name]
    assert len(ents) == 1 and len(ents[0].mentions) == 2


def test_stationed_group_is_one_entity_based_in_its_place() -> None:
    a = _ents("وهاجمت القوات المتمركزة بمنطقة ورشفانة مواقع قريبة.")
    group = _by_name(a, "القوات المتمركزة بمنطقة ورشفانة")
    assert group is not None and group.type == "ARMED_GROUP"
    place = next(e for e in a.entities if e.kb_id == "place:ly/warshefana")
    assert any(r.type == "BASED_IN" and r.head == group.id and r.tail == place.id for r in a.relations)


def test_descriptive_group_led_by_known_person() -> None:
    a = _ents("وتقدمت القوات التي يقودها خليفة حفتر نحو الجنوب.")
    lna = next((e for e in a.entities if e.kb_id == "lna"), None)
    assert lna is not None
    assert any(m.text.startswith("القوات التي يقودها") for m in lna.mentions)


def test_tribe_rule_for_unknown_tribe() -> None:
    a = _ents("وأعلنت قبيلة الفواتير موقفها من الحوار.")
    tribe = _by_name(a, "قبيلة الفواتير")
    assert tribe is not None and tribe.type == "TRIBE"


def test_every_mention_points_into_the_text() -> None:
    a = _ents("قال الناطق باسم قوات حفتر، أحمد المسماري، إن قواته سيطرت على راس لانوف.")
    for e in a.entities:
        for m in e.mentions:
            assert a.text[m.start:m.end] == m.text
    assert {"mismari", "lna"} <= _kb_ids(a)


def test_place_geo_and_precision() -> None:
    a = _ents("وصل الوفد إلى بنغازي أمس.")
    city = next(e for e in a.entities if e.kb_id and "benghazi" in e.kb_id)
    assert city.geo is not None and city.geo["precision"] == "city"
    assert abs(city.geo["lat"] - 32.1) < 0.5 and abs(city.geo["lon"] - 20.1) < 0.5


# -- ambiguity ---------------------------------------------------------------------------------


def test_tripoli_libya_by_default_and_lebanon_by_context() -> None:
    libya = _ents("اندلعت اشتباكات في طرابلس بين مجموعتين مسلحتين ليبيتين.")
    lebanon = _ents("اندلعت اشتباكات في طرابلس شمال لبنان، وانتشر الجيش اللبناني في أحياء المدينة اللبنانية.")
    ly = next(e for e in libya.entities if (e.kb_id or "").endswith("/tripoli"))
    lb = next(e for e in lebanon.entities if (e.kb_id or "").endswith("/tripoli"))
    assert ly.kb_id.startswith("place:ly/")
    assert lb.kb_id.startswith("place:lb/")


def test_magharba_tribe_versus_moroccans() -> None:
    tribe = _ents("وطلب زعيم قبيلة المغاربة من أبناء القبيلة في أجدابيا دعم الجيش.")
    moroccans = _ents("يعيش آلاف المغاربة في إسبانيا وفرنسا منذ عقود.")
    assert any(e.type == "TRIBE" and "المغاربة" in e.name for e in tribe.entities)
    assert not any(e.type == "TRIBE" for e in moroccans.entities)


@pytest.mark.parametrize("text, word", [
    ("وقال إن القرار الجديد سيصدر قريبا.", "الجديد"),
    ("وطال عمر الأزمة أكثر مما توقع الجميع.", "عمر"),
    ("ويعيش الناس على الأمل في انتهاء الحرب.", "الأمل"),
])
def test_common_words_are_not_names(text: str, word: str) -> None:
    a = _ents(text)
    assert not any(m.text == word for e in a.entities for m in e.mentions), [e.name for e in a.entities]


def test_sirte_city_is_found() -> None:
    a = _ents("وسيطرت القوات على سرت بعد معارك عنيفة.")
    assert any(e.name_en and "Sirte" in e.name_en for e in a.entities)


def test_entity_ids_follow_first_mention_order() -> None:
    a = _ents("التقى فايز السراج في طرابلس بخليفة حفتر.")
    first = [min(m.start for m in e.mentions) for e in a.entities]
    assert first == sorted(first)
    assert [e.id for e in a.entities] == [f"e{i}" for i in range(1, len(a.entities) + 1)]


def test_entities_on_empty_and_latin_text() -> None:
    assert _ents("").entities == []
    assert marsad.analyze("Reuters reported clashes near the port.").entities is not None


def test_article_written_with_hamza_after_a_proclitic() -> None:
    a = _ents("وتقدمت وألوية العمالقة نحو الساحل الغربي.")
    assert any(m.text == "ألوية العمالقة" for e in a.entities for m in e.mentions), [e.name for e in a.entities]


def test_everyday_word_surname_is_not_linked_alone() -> None:
    a = _ents("التقى علي محسن الأحمر الوفد. ورفع المتظاهرون العلم الأحمر.")
    ahmar = [e for e in a.entities if e.type == "PERSON" and "الأحمر" in e.name]
    assert ahmar and all(m.text != "الأحمر" for m in ahmar[0].mentions)


def test_everyday_place_word_after_wa_al_needs_a_cue() -> None:
    a = _ents("اشترى الرجل قميصا أبيض وبنطالا والجديد أجمل.")
    assert not any(e.type in ("GPE", "LOCATION") for e in a.entities)


@pytest.mark.parametrize("text, name", [
    ("وصل الرائد علي تنتوش إلى طرابلس.", "علي تنتوش"),
    ("قال رئيس الوزراء عبدالله الثني إن العقيد محمد الثني وصل إلى بنغازي.", "محمد الثني"),
])
def test_a_namesake_is_not_the_known_person(text: str, name: str) -> None:
    a = _ents(text)
    ent = _by_name(a, name)
    assert ent is not None and ent.kb_id is None


def test_the_ner_model_can_be_chosen_and_a_bad_one_is_named(tmp_path) -> None:
    """`ner_model` picks the NER file the net uses (either kind); a missing file is a clear error."""
    from marsad.errors import InputError
    from marsad.ner.tagger import DEFAULT_MODEL as CRF_MODEL
    from marsad.pipeline import Pipeline

    text = "وقال الباحث فرحات بوزيان في تصريح إن المفاوضات متعثرة"
    for model in ("neural", "crf", str(CRF_MODEL)):
        pipe = Pipeline(options={"entities": {"ner_model": model}})
        found = {e.name: e.type for e in marsad.analyze(text, pipeline=pipe).entities}
        assert found.get("فرحات بوزيان") == "PERSON", model
    with pytest.raises(InputError, match="NER model file not found"):
        marsad.analyze(text, pipeline=Pipeline(options={"entities": {"ner_model": str(tmp_path / "none.npz")}}))


def test_a_linked_entity_is_named_with_the_article_s_own_words() -> None:
    a = _ents("أعلن الجيش الوطني الليبي أن وحداته تقدمت جنوب المدينة، وقال المسماري إن التقدم مستمر.")
    army = next(e for e in a.entities if e.kb_id == "lna")
    assert army.name == "الجيش الوطني الليبي"      # the article's words, not another camp's label
    assert army.kb_name and army.name_en          # the canonical names stay behind the kb id
    spokesman = next(e for e in a.entities if e.kb_id == "mismari")
    assert spokesman.name == "المسماري" and spokesman.kb_name != spokesman.name


def test_a_place_keeps_the_settlement_word_the_article_puts_before_it() -> None:
    a = _ents("انتشرت القوات أمس بمدينة مصراتة بعد أن غادرت العاصمة طرابلس، ثم عادت إلى مصراتة.")
    misrata = next(e for e in a.entities if e.kb_id == "place:ly/misrata")
    assert misrata.name == "مدينة مصراتة"          # proclitic «ب» dropped, the cue word kept
    tripoli = next(e for e in a.entities if e.kb_id == "place:ly/tripoli")
    assert tripoli.name == "العاصمة طرابلس"


def test_the_capital_word_is_no_part_of_a_town_s_name() -> None:
    a = _ents("وقعت اشتباكات في العاصمة الزاوية صباح اليوم.")  # «العاصمة» before a town is not its name
    for e in a.entities:
        assert not e.name.startswith("العاصمة ") or e.kind == "capital"


def test_a_libyan_homonym_is_not_linked_in_an_article_about_another_country() -> None:
    text = ("اشتبكت القوات العراقية مع مسلحين في بلدة العامرية غرب بغداد، وقالت الحكومة العراقية "
            "إن الجيش العراقي استعاد السيطرة على الطريق.")
    a = _ents(text)
    town = _by_name(a, "العامرية")
    assert town is not None and town.type == "GPE"
    assert town.kb_id is None and town.confidence <= 0.6   # not Libya's village of that name
    a = _ents("وصلت قافلة إغاثة ليبية إلى بلدة العامرية غرب طرابلس بعد اشتباكات بين مجموعات ليبية مسلحة.")
    assert _by_name(a, "العامرية").kb_id == "place:ly/amerya"  # in a Libyan article it is


@pytest.mark.parametrize("text, want", [
    ("قال مسؤول لبناني إن الجيش اللبناني انتشر في طرابلس بعد اشتباكات، وأكدت الحكومة اللبنانية أن بيروت تتابع.",
     "place:lb/tripoli"),
    ("قال مسؤول ليبي إن قوات ليبية انتشرت في طرابلس بعد اشتباكات قرب مصراتة والزاوية.", "place:ly/tripoli"),
])
def test_the_article_s_country_decides_between_homonyms(text: str, want: str) -> None:
    a = _ents(text)
    city = next(e for e in a.entities if e.kb_id in ("place:lb/tripoli", "place:ly/tripoli"))
    assert city.kb_id == want and city.confidence > 0.6


def test_a_guess_between_homonyms_without_country_evidence_has_a_lower_confidence() -> None:
    a = _ents("وصل الوفد إلى طرابلس مساء الأحد.")
    city = next(e for e in a.entities if e.kb_id in ("place:lb/tripoli", "place:ly/tripoli"))
    assert city.confidence <= 0.6


@pytest.mark.parametrize("text, not_a_place", [
    ("ارتفعت الأسعار بنسبة 12 في المائة خلال الشهر الماضي.", "المائة"),
    ("يسكن البلدة نحو 40 ألف نسمة بحسب التقديرات.", "نسمة"),
    ("واستهدفت غارات تركية مواقع المسلحين شمال البلاد.", "تركية"),
    ("وقالت الحكومة إن الطائرات السعودية قصفت مواقع في الجبل.", "السعودية"),
    ("وشاركت فصائل سورية في الهجوم على البلدة.", "سورية"),
])
def test_units_and_adjectives_are_no_places(text: str, not_a_place: str) -> None:
    a = _ents(text)
    hit = _by_name(a, not_a_place)
    assert hit is None or hit.type not in ("GPE", "LOCATION"), (hit.name, hit.kb_id)


@pytest.mark.parametrize("text, kb_id", [
    ("وصل الوزير إلى السعودية مساء الأحد.", "saudi_arabia"),
    ("وقال المبعوث إن 3 قتلوا في سورية أمس.", "syria"),
    ("عقد الاجتماع عام 2017 في باريس برعاية فرنسية.", "place:fr/paris"),
])
def test_the_same_words_stay_places_after_a_preposition_or_a_year(text: str, kb_id: str) -> None:
    assert kb_id in _kb_ids(_ents(text))


def test_a_bare_ministry_is_the_one_of_the_article_s_country() -> None:
    a = _ents("وقالت وزارة الدفاع إن القوات العراقية استعادت الموصل، وأكدت الحكومة العراقية أن النازحين "
              "سيعودون إلى بغداد والأنبار.")
    ministry = _by_name(a, "وزارة الدفاع")
    assert ministry is not None and ministry.kb_id == "iraq_mod" and ministry.confidence <= 0.6
    a = _ents("وقالت وزارة الدفاع إن الوضع هادئ.")   # no country to go by: left unlinked
    assert _by_name(a, "وزارة الدفاع").kb_id is None


def test_a_name_the_kb_gives_twice_to_one_actor_is_one_sure_reading() -> None:
    # «الجيش الوطني الليبي» is the LNA's canonical name and also its alias with a stance
    a = _ents("وقال المسماري إن الجيش الوطني الليبي سيطر على المدينة، وإن الجيش يواصل تقدمه.")
    army = next(e for e in a.entities if e.kb_id == "lna")
    assert army.confidence >= 0.95
    assert any(m.text == "الجيش" for m in army.mentions)   # the bare «الجيش» then finds the article's army


def test_a_libyan_body_named_without_its_camp_is_the_neutral_state_body() -> None:
    a = _ents("وأعلن الجيش الليبي أن سلاح الجو الليبي قصف مواقع قرب سبها، فيما قالت الشرطة الليبية إن الطريق مغلق.")
    assert {"ly_army", "ly_air_force", "ly_police"} <= _kb_ids(a)
    army = _by_name(a, "الجيش الليبي")
    assert army is not None and army.kb_id == "ly_army"
    from marsad.knowledge import load_kb
    assert load_kb().actors["ly_army"].name == "الجيش الليبي"   # a neutral canonical name


def test_the_camp_the_article_names_takes_the_body_named_without_its_camp() -> None:
    # the article names Haftar's army: its «الجيش الليبي» is that army, not a second one
    a = _ents("قال المسماري إن الجيش الوطني الليبي تقدم نحو درنة. وأضاف أن الجيش الليبي سيطر على الحي.")
    assert "ly_army" not in _kb_ids(a)
    army = next(e for e in a.entities if e.kb_id == "lna")
    assert any(m.text == "الجيش الليبي" for m in army.mentions)


@pytest.mark.parametrize("text, name, kb_id", [
    # no camp named: the neutral body of the article's country
    ("قالت وزارة الصحة إن المستشفيات في سبها وبنغازي ومصراتة استقبلت جرحى ليبيين من الاشتباكات في ليبيا.",
     "وزارة الصحة", "ly_moh"),
    # the article meets the context rule of one government's ministry: that ministry
    ("قالت وزارة الصحة في حكومة الوفاق إن مستشفيات طرابلس ومصراتة استقبلت جرحى ليبيين، وطالب السراج بالإسعاف. "
     "وأكدت وزارة الصحة أن ليبيا تحتاج الأدوية.", "وزارة الصحة", "gna_moh"),
])
def test_a_bare_body_of_a_country_with_rival_governments(text: str, name: str, kb_id: str) -> None:
    a = _ents(text)
    ent = next((e for e in a.entities if any(m.text == name for m in e.mentions)), None)
    assert ent is not None and ent.kb_id == kb_id, [(e.name, e.kb_id) for e in a.entities]


def test_state_bodies_include_police_health_and_government_forces() -> None:
    a = _ents("أعلنت الشرطة التونسية توقيف مشتبه به، وقالت وزارة الصحة المصرية إن القوات الحكومية الأفغانية قصفت قندهار.")
    assert {"tn_police", "eg_moh", "af_army"} <= _kb_ids(a), [(e.name, e.kb_id) for e in a.entities]


def test_legislative_chambers_are_known_by_their_own_names() -> None:
    a = _ents("صوّت مجلس نواب الشعب في تونس على القانون، بينما ناقش الكنيست ومجلس العموم مشروعين مماثلين.")
    assert {"tn_arp", "il_knesset", "gb_commons"} <= _kb_ids(a), [(e.name, e.kb_id) for e in a.entities]


def test_a_tribe_named_without_its_article_is_the_known_tribe() -> None:
    a = _ents("واجتمع وجهاء قبيلة تبو في الجنوب الليبي لبحث المصالحة.")
    assert "tebu" in _kb_ids(a), [(e.name, e.kb_id) for e in a.entities]


@pytest.mark.parametrize("text, kb_id", [
    ("واشتبكت قوات موالية لحكومة الوفاق مع مسلحين جنوب طرابلس.", "gna_forces"),
    ("وتقدمت قوات موالية للحكومة الأفغانية نحو قندهار.", "af_army"),
])
def test_forces_named_after_a_known_body_are_its_forces(text: str, kb_id: str) -> None:
    a = _ents(text)
    ent = next((e for e in a.entities if e.kb_id == kb_id), None)
    assert ent is not None and any(m.text.startswith("قوات") for m in ent.mentions), \
        [(e.name, e.kb_id, [m.text for m in e.mentions]) for e in a.entities]


def test_a_description_written_like_a_linked_mention_joins_its_entity() -> None:
    # the bare «القوات الحكومية» of a Libyan article is linked; «قوات الحكومة» says the same in other words
    a = _ents("وقالت القوات الحكومية إنها تقدمت في بنغازي وسرت ومصراتة. وأضافت قوات الحكومة أن المعارك مستمرة في ليبيا.")
    army = next((e for e in a.entities if e.kb_id == "ly_army"), None)
    assert army is not None, [(e.name, e.kb_id) for e in a.entities]
    assert any(m.text == "قوات الحكومة" for m in army.mentions), [m.text for m in army.mentions]
