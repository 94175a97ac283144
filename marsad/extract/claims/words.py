"""The fixed words, limits and small types the claims steps share (the word sets a knowledge base can
extend are in `marsad/data/lexicons/claim_words.tsv`, read by `cues`)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from marsad.text.normalise import normalise

OPEN_QUOTES = {'"': '"', "«": "»", "“": "”", "'": "'"}
#: closing quote mark -> its opening mark
CLOSING_QUOTES = {'"': '"', "»": "«", "”": "“"}
KIND_OF_TYPE = {"PERSON": "named_person", "MEDIA": "media"}
SKIP_SUBJECT = frozenset(normalise(w) for w in ("قد", "كان", "كانت", "في", "اليوم", "أمس", "امس", "له", "لها", "ما", "هو", "وهو"))
NAQAL = normalise("نقل")
ANNOUNCEMENT = normalise("إعلان")
ANNOUNCE_LEMMA = normalise("أعلن")
CAME = normalise("جاء")
#: «بيد أن», «غير أن», «إلا أن»: «however», no reported clause
BUT = frozenset(normalise(w) for w in ("بيد", "غير", "إلا", "الا", "رغم", "برغم"))
THAT = frozenset(normalise(w) for w in ("أن", "إن", "بأن", "أنه", "إنه", "أنها", "إنها", "بأنه", "بأنها"))
TO = frozenset(normalise(w) for w in ("إلى", "الى"))
ACCUSE = normalise("اتهم")
OBJECT_PRONOUNS = ("ه", "ها", "هم")
#: words after a cue that are not its subject («وأضاف في تصريح», «وتابع خلال المؤتمر»)
NOT_SUBJECT = frozenset(normalise(w) for w in ("في", "فى", "عن", "خلال", "أثناء", "على", "إلى", "الى", "عبر",
                                                 "بعد", "قبل", "أيضا", "كذلك", "مؤكدا", "قائلا", "بالقول", "عقب",
                                                 "بأن", "حول", "بشأن", "أمام", "لدى", "عند", "اليوم", "أمس",
                                                 "مساء", "صباح", "الليلة"))
#: words after an anonymous source's head that tell whom it is close to, not its name
NOT_NAMING = frozenset(normalise(w) for w in ("من", "عن", "في", "لدى", "داخل", "مقرب", "المقرب", "قريب", "القريب",
                                                "مقربة", "المقربة", "تابع", "التابع", "رفض", "طلب"))
#: how far after the subject's first word a person can still be the subject's name («وزير الخارجية الإيطالي، فلان»)
SUBJECT_REACH = 6
PLURAL_ENDINGS = ("وا", "ون", "ين")
#: impersonal reporting forms that open background in the outlet's voice («يذكر أن», «يشار إلى أن»)
IMPERSONAL = frozenset(normalise(w) for w in ("يذكر", "يشار", "يقال"))
RULING = frozenset(normalise(w) for w in ("قضى", "نص"))
#: «جاء فيه», «قال فيها»: the cue speaks a document named right before it
IN_IT = frozenset(normalise(w) for w in ("فيه", "فيها"))
ON_BEHALF = normalise("باسم")
ON_BEHALF_PRONOUN = frozenset(normalise(w) for w in ("باسمه", "باسمها", "باسمهم"))
ON_BEHALF_ALL = ON_BEHALF_PRONOUN | {ON_BEHALF}
KANA = frozenset(normalise(w) for w in ("كان", "كانت", "وكان", "وكانت"))
WORD = re.compile(r"\S+")
#: contents shorter than this many words are names or fragments, not statements
MIN_CONTENT_WORDS = 2
#: a headline is a first line shorter than this, followed by a blank line
HEADLINE_CHARS = 250
#: words between an unnamed head and a person that make him whom the source is close to, not its name
CLOSE_TO = frozenset(normalise(w) for w in ("من", "عن", "مقرب", "المقرب", "قريب", "القريب", "مقربة", "المقربة",
                                              "مقربون", "لدى", "حول"))
#: words before a cue without «و» that still let it continue the last speaker («كما أضاف», «ثم قال»)
LINKS = frozenset(normalise(w) for w in ("كما", "ثم", "قد", "وقد", "لكنه", "لكنها", "ولكنه", "ولكنها", "بل",
                                           "كذلك", "أيضا", "حيث", "فيما", "بينما", "وبينما", "لذلك", "عندما", "حين",
                                           "كان", "كانت", "وكان", "وكانت", "إذ", "اذ", "عاد", "وعاد", "عادت", "وعادت"))
#: «كما» before a cue that closes its sentence: the clause before is the content («…، كما أفاد مصدر»)
AS = frozenset(normalise(w) for w in ("كما",))
RELATIVE = frozenset(normalise(w) for w in ("الذي", "التي", "الذين"))
NEGATIONS = frozenset(normalise(w) for w in ("لا", "لم", "لن", "عدم", "مما"))
#: weak cues spelt like a preposition («بين»): a cue only when an opener follows close
PREPOSITION_LIKE = frozenset(normalise(w) for w in ("بين",))
#: attribution words fused with «ما» («حسبما قال», «بحسبما أفادت»)
FUSED = {normalise(w): lemma for w, lemma in (("حسبما", "حسب"), ("بحسبما", "بحسب"), ("وفقما", "وفقا"))}


@dataclass(slots=True)
class Source:
    """Who speaks: its kind, entity (None when unnamed), words, and the last token of those words after the cue."""

    kind: str
    speaker: str | None
    text: str | None
    last: int = -1  # last token of the source's words after the cue (-1: not after the cue)
    relay: str | None = None  # an outlet the source spoke through («نقلت وكالة X على لسان فلان»)


def next_at(positions: list[int], start: int, default: int) -> int:
    """The first of the sorted `positions` at or after `start`, else `default`."""
    k = bisect_left(positions, start)
    return positions[k] if k < len(positions) else default
