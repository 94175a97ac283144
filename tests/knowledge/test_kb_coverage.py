"""What the knowledge base covers beyond Libya: state bodies, spelling variants, seas and the actors of the
other conflicts, checked through the entity linker on sentences written for these tests."""

from __future__ import annotations

import importlib.util
import sys

import pytest

import marsad
from marsad.knowledge import DATA_DIR, load_kb, name_key
from marsad.knowledge.base import spelling_variants


def _script():
    spec = importlib.util.spec_from_file_location("build_state_bodies",
                                                  DATA_DIR.parent.parent / "scripts" / "build_state_bodies.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_state_bodies", module)
    spec.loader.exec_module(module)
    return module


def test_the_state_bodies_file_is_up_to_date() -> None:
    text = _script().build()
    assert text == (DATA_DIR / "actors" / "state_bodies.jsonl").read_text(encoding="utf-8"), \
        "run scripts/build_state_bodies.py"


def test_hand_written_actors_keep_their_names() -> None:
    kb = load_kb()
    for name in ("الجيش التونسي", "الحكومة العراقية", "البرلمان العراقي", "الجيش الليبي"):
        owners = {e.kb_id for e in kb.lookup(name)}
        assert owners and not any(i in kb.actors and kb.actors[i].origin.startswith(str(DATA_DIR / "actors" / "state_bodies"))
                                  for i in owners), (name, owners)


@pytest.mark.parametrize("text, kb_id", [
    ("وقالت السلطات اليونانية إنها ضبطت الشحنة في الميناء.", "gr_govt"),
    ("وأعلنت وزارة الخارجية الأوغندية أن الوفد وصل.", "ug_mfa"),
    ("ورحبت حكومة جنوب السودان بالاتفاق.", "ss_govt"),
    ("وقال الجيش المالي إن دورية تعرضت لهجوم.", "mali_army"),
    ("أعلنت الحكومة التونسية حالة الطوارئ.", "tn_govt"),
])
def test_a_state_body_named_by_the_state_s_adjective_or_name_is_linked(text: str, kb_id: str) -> None:
    a = marsad.analyze(text)
    assert kb_id in {e.kb_id for e in a.entities}, [(e.name, e.kb_id) for e in a.entities]


def test_compound_names_match_written_apart_or_joined() -> None:
    assert spelling_variants(name_key("عبد الله الثاني")) == (name_key("عبدالله الثاني"),)
    assert spelling_variants(name_key("عبدالرحيم الكيب")) == (name_key("عبد الرحيم الكيب"),)
    assert spelling_variants(name_key("أبو بكر")) == ()   # «أبو» + a name without the article: one spelling
    a = marsad.analyze("واستقبل العاهل الأردني الملك عبدالله الثاني الوفد في عمان.")
    assert "king_abdullah_ii" in {e.kb_id for e in a.entities}


@pytest.mark.parametrize("text, kb_id", [
    ("وعبرت السفينة البحر الأبيض المتوسط باتجاه الشمال.", "place:xz/mediterranean"),
    ("واستهدف الحوثيون سفينة في البحر الأحمر.", "place:xz/red-sea"),
    ("وتقدمت القوات المشتركة في الساحل الغربي نحو مديرية التحيتا جنوب الحديدة.", "place:ye/tuhayta"),
    ("وقالت القوات اليمنية المشتركة إنها سيطرت على مطار الحديدة.", "yemen_joint_forces"),
    ("وقالت القوات اليمنية المشتركة إنها سيطرت على مطار الحديدة.", "place:ye/hodeidah-airport"),
    ("وتبنى تنظيم داعش الهجوم على الحافلة في كابول.", "isis"),
])
def test_places_and_actors_of_the_other_conflicts(text: str, kb_id: str) -> None:
    a = marsad.analyze(text)
    assert kb_id in {e.kb_id for e in a.entities}, [(e.name, e.kb_id) for e in a.entities]


def test_the_west_coast_of_yemen_is_not_the_libyan_one_in_a_yemeni_article() -> None:
    a = marsad.analyze("وتواصل القوات الحكومية اليمنية تقدمها في الساحل الغربي بعد معارك مع الحوثيين قرب الحديدة وزبيد.")
    assert "place:ye/west-coast" in {e.kb_id for e in a.entities}
    a = marsad.analyze("واندلعت اشتباكات في الساحل الغربي الليبي قرب صبراتة وزوارة بين مجموعات ليبية.")
    assert "place:ly/west-coast" in {e.kb_id for e in a.entities}
