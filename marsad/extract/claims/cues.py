"""Reporting cues: verbs, participles and prepositional phrases that introduce what someone said.

The verbs and participles are data: `marsad/data/lexicons/claim_cues.tsv` lists every form as it
appears after proclitics are removed (agreement in gender and number, present tense, object
pronouns as in «ذكرته», «أكدته») with its lemma, whether it is a participle, and whether its object
can be the content. A knowledge overlay adds rows; the knowledge base's `reporting_verbs` lexicon
adds weak cues. Forms are normalised (see `marsad.text.normalise`).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from marsad.knowledge.cache import per_kb
from marsad.knowledge.readers import read_lexicon
from marsad.text.normalise import normalise

CLAIM_CUES_FILE = Path(str(resources.files("marsad").joinpath("data/lexicons/claim_cues.tsv")))

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
    "مهندس", "موظف", "موظفون", "عسكريون", "ضابط", "ضباط", "مقاتل", "مقاتلون", "أهالي", "مواطنون",
    "أحد", "احد", "مصادر", "مقربون", "مقرب", "مسؤولا", "مسئولا", "شاهدا", "ضابطا", "مصادرا", "منتقدو",
    "خصوم", "خصومه", "خصومها", "منتقدوه", "منتقدوها", "معارضون", "معارضوه", "معارضين",
))

#: Heads of documentary sources («بيان صادر عن …», «تقرير»).
DOCUMENT_HEADS = frozenset(normalise(w) for w in ("بيان", "البيان", "تقرير", "التقرير", "وثيقة", "الوثيقة",
                                                   "رسالة", "مذكرة", "تعميم", "بلاغ", "اتفاقية", "الاتفاقية",
                                                   "الاتفاق", "اتفاق", "القرار", "قرار", "بيانات", "الحكم",
                                                   "المرسوم", "مرسوم", "تقارير", "التقارير",
                                                   "حكما", "وثائق", "مستندات"))


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting form: its lemma, whether it is a continuing participle, and whether its object can
    be the content («كشف … تفاصيل»)."""

    lemma: str
    participle: bool = False
    weak: bool = False  # from the KB's reporting_verbs lexicon only: needs its own subject and an opener
    object: bool = False


def _rows(kb: object | None) -> list[dict[str, str]]:
    """The rows of the `claim_cues` lexicon: the knowledge base's (shipped file and overlays), else the file."""
    if kb is not None and "claim_cues" in kb.lexicon_names():  # type: ignore[attr-defined]
        return list(kb.lexicon("claim_cues"))  # type: ignore[attr-defined]
    return read_lexicon(CLAIM_CUES_FILE)


def _build(rows: list[dict[str, str]]) -> dict[str, Cue]:
    """Normalised form -> Cue from `claim_cues` rows (the first row of a form wins)."""
    table: dict[str, Cue] = {}
    for row in rows:
        form = normalise(row.get("term", "").strip())
        lemma = normalise((row.get("lemma") or "").strip() or form)
        if form and " " not in form:
            table.setdefault(form, Cue(lemma, participle=row.get("form", "").strip() == "participle",
                                       object=row.get("object", "").strip() == "yes"))
    return table


CUES: dict[str, Cue] = _build(read_lexicon(CLAIM_CUES_FILE))


def cue_for(form: str) -> Cue | None:
    """The shipped cue of a normalised word (without proclitics), or None."""
    return CUES.get(form)


@dataclass(frozen=True)
class CueTable:
    """The cues and anonymous-source heads of one knowledge base: its `claim_cues` lexicon, plus
    its `reporting_verbs` lexicon as weak cues.

    Cues that come only from the KB's `reporting_verbs` lexicon are `weak` (they need their own
    subject and an opener), since that lexicon mixes verbs with nouns such as «تصريحات».
    """

    cues: dict[str, Cue]
    anonymous: frozenset[str]

    def cue_for(self, form: str) -> Cue | None:
        """The cue of a normalised word (without proclitics), or None."""
        return self.cues.get(form)


@per_kb
def cue_table(kb: object | None) -> CueTable:
    """The cue table of a knowledge base (built once per KB)."""
    cues = _build(_rows(kb))
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
