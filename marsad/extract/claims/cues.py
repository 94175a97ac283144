"""Reporting cues: verbs, participles and prepositional phrases that introduce what someone said.

Each lemma lists its inflected forms as they appear after proclitics are removed (agreement in
gender and number, present tense, object pronouns as in «ذكرته», «أكدته»). The knowledge base's
`reporting_verbs` lexicon adds to them. Forms are normalised (see `marsad.text.normalise`).
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.knowledge.cache import per_kb

from marsad.text.normalise import normalise

# lemma -> (past forms, present forms, participles)
_VERBS: dict[str, tuple[str, str, str]] = {
    "قال": ("قال قالت قالوا قالا قالتا قلت", "يقول تقول يقولون تقولان", "قائلا قائلة"),
    "أكد": ("أكد أكدت أكدوا أكدا أكدته أكدتها أكده", "يؤكد تؤكد يؤكدون", "مؤكدا مؤكدة مؤكدين"),
    "أفاد": ("أفاد أفادت أفادوا أفادا", "يفيد تفيد يفيدون", "مفيدا مفيدة"),
    "ذكر": ("ذكر ذكرت ذكروا ذكرته ذكرتها ذكره", "يذكر تذكر يذكرون", "ذاكرا ذاكرة"),
    "كشف": ("كشف كشفت كشفوا كشفا", "يكشف تكشف يكشفون", "كاشفا كاشفة"),
    "أضاف": ("أضاف أضافت أضافوا أضافا", "يضيف تضيف يضيفون", "مضيفا مضيفة مضيفين"),
    "صرح": ("صرح صرحت صرحوا", "يصرح تصرح", "مصرحا مصرحة"),
    "أعلن": ("أعلن أعلنت أعلنوا أعلنا", "يعلن تعلن يعلنون", "معلنا معلنة"),
    "نفى": ("نفى نفت نفوا نفيا", "ينفي تنفي ينفون", "نافيا نافية"),
    "اتهم": ("اتهم اتهمت اتهموا", "يتهم تتهم يتهمون", "متهما متهمة"),
    "حذر": ("حذر حذرت حذروا", "يحذر تحذر يحذرون", "محذرا محذرة"),
    "طالب": ("طالب طالبت طالبوا", "يطالب تطالب يطالبون", "مطالبا مطالبة"),
    "أوضح": ("أوضح أوضحت أوضحوا", "يوضح توضح يوضحون", "موضحا موضحة موضحين"),
    "تابع": ("تابع تابعت تابعوا", "", "متابعا"),
    "أشار": ("أشار أشارت أشاروا", "يشير تشير يشيرون", "مشيرا مشيرة مشيرين"),
    "لفت": ("لفت لفتت لفتوا", "يلفت تلفت", "لافتا لافتة"),
    "شدد": ("شدد شددت شددوا", "يشدد تشدد", "مشددا مشددة"),
    "أبلغ": ("أبلغ أبلغت أبلغوا", "يبلغ تبلغ", ""),
    "نقل": ("نقل نقلت نقلوا", "ينقل تنقل", "ناقلا"),
    "زعم": ("زعم زعمت زعموا", "يزعم تزعم يزعمون", "زاعما زاعمة"),
    "ادعى": ("ادعى ادعت ادعوا", "يدعي تدعي يدعون", "مدعيا"),
    "أوردت": ("أورد أوردت أوردوا", "يورد تورد", ""),
    "روى": ("روى روت رووا", "يروي تروي", "راويا"),
    "اعتبر": ("اعتبر اعتبرت اعتبروا", "يعتبر تعتبر", "معتبرا معتبرة"),
    "رأى": ("رأى رأت رأوا", "يرى ترى", ""),
    "أعرب": ("أعرب أعربت أعربوا", "يعرب تعرب", "معربا معربة"),
    "أقر": ("أقر أقرت أقروا", "يقر تقر", "مقرا"),
    "اعترف": ("اعترف اعترفت اعترفوا", "يعترف تعترف", "معترفا"),
    "هدد": ("هدد هددت هددوا", "يهدد تهدد", "مهددا مهددة"),
    "دعا": ("دعا دعت دعوا", "يدعو تدعو يدعون", "داعيا داعية"),
    "أدان": ("أدان أدانت أدانوا", "يدين تدين", ""),
    "رجح": ("رجح رجحت رجحوا", "يرجح ترجح", "مرجحا مرجحة"),
    "توقع": ("توقع توقعت توقعوا", "يتوقع تتوقع", "متوقعا"),
    "أشاد": ("أشاد أشادت", "يشيد تشيد", ""),
    "تحدث": ("تحدث تحدثت تحدثوا", "يتحدث تتحدث", "متحدثا"),
    "أبدى": ("أبدى أبدت", "يبدي تبدي", ""),
    "استنكر": ("استنكر استنكرت", "يستنكر تستنكر", ""),
    "جاء": ("جاء", "", ""),
    "حث": ("حث حثت حثوا", "يحث تحث يحثون", "حاثا"),
    "أرجع": ("أرجع أرجعت أرجعوا", "", ""),
    "عزا": ("عزا عزت عزوا", "يعزو تعزو", ""),
    "نص": ("نصت", "ينص تنص", ""),
    "قضى": ("قضت", "تقضي", ""),
}

#: Participles that continue the previous speaker's claim («موضحاً أن», «مشيرة إلى أن»).
_CONTINUING = {"مضيف", "موضح", "مشير", "مؤكد", "لافت", "مشدد", "متابع", "قائل", "معتبر", "مرجح", "مطالب",
               "محذر", "نافي", "معرب", "ذاكر", "كاشف", "مفيد", "معلن", "متهم"}

#: Phrases that name a source after the content: «بحسب X», «وفقاً لـ X», «نقلاً عن X», «حسب X».
ACCORDING = {
    ("بحسب",): "بحسب", ("حسب",): "حسب", ("وفقا",): "وفقا", ("وفق",): "وفقا", ("طبقا",): "وفقا",
    ("نقلا", "عن"): "نقلا عن", ("استنادا", "الى"): "وفقا", ("على", "لسان"): "على لسان",
}

#: Words after a cue that open its content.
OPENERS = frozenset(normalise(w) for w in ("إن", "أن", "بأن", "أنه", "إنه", "أنها", "إنها", "بأنه", "بأنها",
                                            "أنهم", "إنهم", "بأنهم", "بالقول", "قائلا", "عن", "إلى", "الى"))

#: Heads of anonymous sources («مصدر خاص», «مصادر عسكرية», «مسؤول رفيع»).
ANONYMOUS_HEADS: frozenset[str] = frozenset(normalise(w) for w in (
    "مصدر", "مصادر", "المصدر", "المصادر", "مسؤول", "مسؤولون", "مسؤولين", "مسئول", "شهود", "شاهد", "سكان",
    "مراقبون", "مراقبين", "ناشطون", "ناشطين", "مصدرا", "أوساط", "دوائر", "جهات", "مسعفون", "مسعفين",
    "منتقدون", "منتقدين", "محللون", "محللين", "خبراء", "خبير", "دبلوماسيون", "دبلوماسي", "أطباء", "طبيب",
    "مهندس", "موظف", "موظفون", "عسكريون", "ضابط", "ضباط", "مقاتل", "مقاتلون", "أهالي", "مواطنون", "تقارير",
    "أحد", "احد", "مصادر", "مقربون", "مقرب",
))

#: Heads of documentary sources («بيان صادر عن …», «تقرير»).
DOCUMENT_HEADS = frozenset(normalise(w) for w in ("بيان", "البيان", "تقرير", "التقرير", "وثيقة", "الوثيقة",
                                                   "رسالة", "مذكرة", "تعميم", "بلاغ", "اتفاقية", "الاتفاقية",
                                                   "الاتفاق", "اتفاق", "القرار", "قرار", "بيانات", "الحكم",
                                                   "المرسوم", "مرسوم"))


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting form: its lemma and whether it is a continuing participle."""

    lemma: str
    participle: bool = False
    weak: bool = False  # from the KB lexicon only: needs its own subject and an opener


def _build() -> dict[str, Cue]:
    table: dict[str, Cue] = {}
    for lemma, (past, present, parts) in _VERBS.items():
        for form in (past + " " + present).split():
            table.setdefault(normalise(form), Cue(normalise(lemma)))
        for form in parts.split():
            table.setdefault(normalise(form), Cue(normalise(lemma), participle=True))
    return table


CUES: dict[str, Cue] = _build()


def _lookup(table: dict[str, Cue], form: str) -> Cue | None:
    """The cue of a normalised word (without proclitics) in `table`, participles included."""
    cue = table.get(form)
    if cue is None:
        base = form[:-1] if form.endswith(("ا", "ه")) else form
        if base in _CONTINUING:
            lemma = next((c.lemma for f, c in table.items() if f.startswith(base) and c.participle), base)
            cue = Cue(lemma, participle=True)
    return cue


def cue_for(form: str) -> Cue | None:
    """The built-in cue of a normalised word (without proclitics), or None."""
    return _lookup(CUES, form)


@dataclass(frozen=True)
class CueTable:
    """The cues and anonymous-source heads of one knowledge base: built-ins plus its lexicons.

    Cues that come only from the KB's `reporting_verbs` lexicon are `weak` (they need their own
    subject and an opener), since the lexicon mixes verbs with nouns such as «تصريحات».
    """

    cues: dict[str, Cue]
    anonymous: frozenset[str]

    def cue_for(self, form: str) -> Cue | None:
        """The cue of a normalised word (without proclitics), or None."""
        return _lookup(self.cues, form)


@per_kb
def cue_table(kb: object | None) -> CueTable:
    """The cue table of a knowledge base (built once per KB)."""
    cues = dict(CUES)
    anonymous = set(ANONYMOUS_HEADS)
    names = kb.lexicon_names() if kb is not None else []  # type: ignore[attr-defined]
    if "reporting_verbs" in names:
        for row in kb.lexicon("reporting_verbs"):  # type: ignore[attr-defined]
            term = normalise(row.get("term", "").strip())
            if term and " " not in term and term not in cues:
                cues[term] = Cue(normalise(row.get("lemma") or term), weak=True)
    if "anonymous_sources" in names:
        for row in kb.lexicon("anonymous_sources"):  # type: ignore[attr-defined]
            words = normalise(row.get("term", "")).split()
            if words:
                anonymous.add(words[0])
    return CueTable(cues, frozenset(anonymous))
