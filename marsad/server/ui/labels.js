// Arabic names of the closed vocabularies (DESIGN.md), and the colours each type is drawn in.

export const ENTITY = {
  PERSON: "شخص", ARMED_GROUP: "جماعة مسلحة", TRIBE: "قبيلة", ORGANIZATION: "هيئة أو منظمة",
  MEDIA: "وسيلة إعلام", GPE: "دولة أو مدينة", LOCATION: "موقع",
};
export const EVENT = {
  ARMED_CLASH: "اشتباك مسلح", ATTACK: "هجوم", VIOLENCE_AGAINST_CIVILIANS: "عنف ضد المدنيين",
  TERRITORY_CONTROL: "سيطرة على أرض", DEFECTION: "انشقاق", ALLEGIANCE: "إعلان ولاء", MOBILIZATION: "تحشيد",
  SUPPORT: "دعم", MEETING: "لقاء", AGREEMENT: "اتفاق", ACCUSATION: "اتهام", THREAT: "تهديد", ARREST: "اعتقال",
  EXPULSION: "طرد", APPOINTMENT: "تعيين", SANCTION: "عقوبة", PROTEST: "احتجاج", LEGAL_ACTION: "إجراء قضائي",
};
export const RELATION = {
  COMMANDS: "يقود", LEADS: "يرأس", SPOKESPERSON_OF: "متحدث باسم", MEMBER_OF: "عضو في", LOYAL_TO: "موالٍ لـ",
  ALLIED_WITH: "متحالف مع", SUPPORTS: "يدعم", OPPOSES: "يعادي", DEFECTED_FROM: "انشق عن", CONTROLS: "يسيطر على",
  BASED_IN: "يتمركز في",
};
export const SOURCE = {
  named_person: "شخص مسمّى", organization: "جهة رسمية أو منظمة", media: "وسيلة إعلام", anonymous: "مصدر مجهول",
  document: "وثيقة", narrator: "صوت الوسيلة نفسها",
};
export const MODALITY = {
  asserted: "مؤكَّد", attempted: "محاولة", failed: "فشل", denied: "منفيّ", planned: "مخطَّط", possible: "محتمل",
};
export const STATUS = {
  machine: "آلي", confirmed: "أكّده محلل", rejected: "رفضه محلل",
  active: "قائمة", ended: "انتهت بانشقاق", lost: "فُقدت السيطرة", contested: "متنازع عليها",
};
export const ACTION = { confirm: "تأكيد", reject: "رفض", edit: "تعديل", merge: "دمج" };

export const ENTITY_COLOR = {
  PERSON: "#2e86c1", ARMED_GROUP: "#c0392b", TRIBE: "#8e44ad", ORGANIZATION: "#16a085", MEDIA: "#d68910",
  GPE: "#27ae60", LOCATION: "#7f8c8d",
};
export const EVENT_COLOR = {
  ARMED_CLASH: "#c0392b", ATTACK: "#e67e22", VIOLENCE_AGAINST_CIVILIANS: "#7d3c98", TERRITORY_CONTROL: "#1f4e79",
  DEFECTION: "#f1c40f", ALLEGIANCE: "#2e86c1", MOBILIZATION: "#a04000", SUPPORT: "#27ae60", MEETING: "#17a589",
  AGREEMENT: "#52be80", ACCUSATION: "#ec7063", THREAT: "#943126", ARREST: "#5d6d7e", EXPULSION: "#b9770e",
  APPOINTMENT: "#85c1e9", SANCTION: "#6c3483", PROTEST: "#f5b041", LEGAL_ACTION: "#839192",
};

/** The Arabic label of a value in a vocabulary, or the value itself. */
export function label(vocab, value) {
  return (value && vocab[value]) || value || "—";
}

/** A date (or any left-to-right run) isolated so that an RTL line shows it as written (2019-05-20,
 * not 20-05-2019) and never broken across lines at its hyphens; "؟" when missing. */
export function iso(value) {
  return value ? `\u2066${String(value).replace(/-/g, "\u2060-\u2060")}\u2069` : "؟";
}
