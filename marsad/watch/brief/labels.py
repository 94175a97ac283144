"""Arabic labels for the brief: relation and event types, kinds of source, statuses."""

from __future__ import annotations

RELATIONS = {
    "COMMANDS": "يقود", "LEADS": "يرأس", "SPOKESPERSON_OF": "متحدث باسم", "MEMBER_OF": "عضو في",
    "LOYAL_TO": "موالٍ لـ", "ALLIED_WITH": "متحالف مع", "SUPPORTS": "يدعم", "OPPOSES": "يعارض",
    "DEFECTED_FROM": "انشق عن", "CONTROLS": "يسيطر على", "BASED_IN": "يتمركز في",
}
EVENTS = {
    "ARMED_CLASH": "اشتباك مسلح", "ATTACK": "هجوم", "VIOLENCE_AGAINST_CIVILIANS": "عنف ضد المدنيين",
    "TERRITORY_CONTROL": "سيطرة على أرض", "DEFECTION": "انشقاق", "ALLEGIANCE": "إعلان ولاء",
    "MOBILIZATION": "حشد", "SUPPORT": "دعم", "MEETING": "لقاء", "AGREEMENT": "اتفاق", "ACCUSATION": "اتهام",
    "THREAT": "تهديد", "ARREST": "اعتقال", "EXPULSION": "طرد", "APPOINTMENT": "تعيين", "SANCTION": "عقوبة",
    "PROTEST": "احتجاج", "LEGAL_ACTION": "إجراء قضائي",
}
SOURCE_KINDS = {
    "named_person": "شخص مسمّى", "organization": "جهة رسمية أو منظمة", "media": "وسيلة إعلام",
    "anonymous": "مصدر مجهّل", "document": "وثيقة أو بيان", "narrator": "صوت الوسيلة نفسها",
}
STATUS = {"active": "قائمة", "ended": "منتهية", "lost": "فقدت", "contested": "متنازع عليها"}
MODALITY = {"asserted": "مؤكد", "attempted": "محاولة", "failed": "فاشل", "denied": "منفي", "planned": "مخطط",
            "possible": "محتمل"}


def label(kind: str, value: str | None) -> str:
    """The Arabic label of a type, a kind of source or a status (the value itself when unknown)."""
    table = {"relation": RELATIONS, "event": EVENTS, "source": SOURCE_KINDS, "status": STATUS,
             "modality": MODALITY}[kind]
    return table.get(value or "", value or "")
