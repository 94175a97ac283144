"""Filters and decisions of the knowledge-base miner (training/kb/mine.py), pure functions over counts.

A mined name is kept only when it recurs (several articles, several outlets), keeps one entity type,
is a proper name (not a description made only of generic words, not a fragment, not a bare title) and
is not already a knowledge-base name. Its country is given only when the articles it occurs in agree.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from marsad.text.normalise import normalise

ACTOR_TYPES = ("PERSON", "ARMED_GROUP", "ORGANIZATION", "TRIBE", "MEDIA")

# generic words of descriptions that the lexicons do not list (normalised: ة→ه, أ/إ/آ→ا, ى→ي)
GENERIC_WORDS = frozenset("""
الحكوميه الحكومي حكوميه الامنيه الامني امنيه العسكريه العسكري عسكريه المسلحه المسلح مسلحه المسلحين
الخاصه الخاص خاصه الوطنيه الوطني الرسميه الرسمي المحليه المحلي محليه الدوليه الدولي دوليه الاجنبيه
الاجنبي اجنبيه الاخري الجديده الجديد العامه العام الاعلي الشعبيه الشعبي المعارضه المعارض الموالي
الموالية الموالين التابعه التابع المتحده العليا الكبري الاتحاديه الحربي الجويه البحريه النظاميه
الجيش القوات قوات الشرطه السلطات الحكومه الوزاره وزاره المجلس مجلس اللجنه لجنه المحكمه محكمه
المسؤولين المسؤول مسؤولين مسؤول عناصر العناصر مسلحين مسلحون الجماعه جماعه جماعات الجماعات المجموعه
مجموعه التنظيم تنظيم الميليشيات ميليشيات المليشيات مليشيات الفصائل فصائل الكتائب كتائب الحرس
الرئيس رئيس الوزير وزير الامين امين المتحدث الناطق مدير المدير قائد القائد زعيم الزعيم الشيخ السيد
الدكتور العقيد اللواء العميد المشير النائب نائب عضو سفير السفير المبعوث مبعوث ملك الملك الامير امير
ولي العهد وزراء الوزراء الدوله دوله البلاد الشعب الاداره اداره وكاله الوكاله شركه الشركه
الدول دول العالم المنطقه منطقه
""".split())

# words that join the parts of a personal name and are no name on their own
NAME_CONNECTORS = frozenset({"ابو", "ابي", "ابن", "بن", "بنت", "عبد", "ام", "ال"})

FUNCTION_WORDS = frozenset("""
و في من علي عن الي الى مع بعد قبل ان او ثم الذي التي الذين اللذين هذا هذه ذلك تلك هو هي هم كان
قد لا لم لن ما منذ حتي عند خلال بين ضد امس اليوم يوم غدا بان وان لان كما ايضا
""".split())

_NON_ARABIC = re.compile(r"[0-9A-Za-z\u0660-\u0669]")
_ARABIC_WORD = re.compile(r"^[\u0621-\u064A]+$")


@dataclass
class Tally:
    """What the corpus run saw of one unlinked name (its normalised key)."""

    forms: Counter = field(default_factory=Counter)      # surface names as written
    types: Counter = field(default_factory=Counter)      # entity type per article
    articles: set = field(default_factory=set)
    outlets: set = field(default_factory=set)
    countries: Counter = field(default_factory=Counter)  # the clear country of each article it occurs in
    mentions: int = 0


@dataclass(frozen=True)
class Limits:
    """Thresholds of recurrence and agreement."""

    min_articles: int = 3
    min_outlets: int = 2
    type_share: float = 0.8
    country_share: float = 0.7
    min_country_articles: int = 2
    max_tokens: int = 6


def shape_problem(key: str, etype: str, generic: frozenset[str], titles: frozenset[str],
                  limits: Limits = Limits(), place_heads: frozenset[str] = frozenset(),
                  stop: frozenset[str] = frozenset()) -> str | None:
    """Why a normalised name is no proper name to store (None when it is fine); `place_heads` are the
    words that announce a place (a name they head is a place, not an actor), `stop` words of time and
    function words that end or never continue a name."""
    tokens = key.split()
    if not tokens or len(key.replace(" ", "")) < 3:
        return "too short"
    if _NON_ARABIC.search(key) or not all(_ARABIC_WORD.match(t) for t in tokens):
        return "not Arabic letters only"
    if len(tokens) > limits.max_tokens:
        return "too long"
    if tokens[0] in FUNCTION_WORDS or tokens[-1] in FUNCTION_WORDS:
        return "fragment (function word at an edge)"
    if any(t in stop for t in tokens):
        return "word of time or function word inside"
    if any(len(t) == 1 for t in tokens):
        return "fragment (one-letter word)"
    if all(t in generic for t in tokens):
        return "description (generic words only)"
    if tokens[0] in place_heads:
        return "a place named as an actor"
    if etype != "PERSON":
        if any(t.startswith(("لل", "بال", "كال")) for t in tokens[1:]):
            return "description with a preposition"
        if len(tokens) < 2:
            return "single word (too ambiguous to mine)"
        if not any(t.startswith("ال") for t in tokens):
            return "indefinite description (no definite word)"
        if len(tokens) == 2 and all(t.startswith("ال") for t in tokens):
            return "definite noun and adjective (a description)"
        if tokens[0].startswith("ال") and tokens[0].endswith(("ين", "ون")):
            return "definite plural head (a descriptive group)"
    if etype == "PERSON":
        named = [t for t in tokens if t not in titles and t not in NAME_CONNECTORS]
        if len(named) < 2:
            return "person without a full name"
        if tokens[0] in titles:
            return "title before the name"
    return None


def stable_type(tally: Tally, limits: Limits = Limits()) -> str | None:
    """The type the name keeps in most articles, or None when it wavers or is no actor type."""
    if not tally.types:
        return None
    etype, n = tally.types.most_common(1)[0]
    if etype not in ACTOR_TYPES or n < limits.type_share * sum(tally.types.values()):
        return None
    return etype


def recurs(tally: Tally, limits: Limits = Limits()) -> bool:
    """True when the name occurs in enough articles of enough outlets."""
    return len(tally.articles) >= limits.min_articles and len(tally.outlets) >= limits.min_outlets


def decided_country(votes: Counter, limits: Limits = Limits()) -> str | None:
    """The country most of the name's articles are about, when they clearly agree."""
    total = sum(votes.values())
    if total < limits.min_country_articles:
        return None
    country, n = votes.most_common(1)[0]
    return country if n >= limits.country_share * total else None


def article_country(votes: Counter) -> str | None:
    """The country an article is clearly about: 3 votes or more, twice the next country's."""
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < 3:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


_LATIN = {"ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
          "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "a",
          "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w",
          "ي": "y", "ء": "", "ئ": "y", "ؤ": "w", "ة": "a", "ى": "a", "أ": "a", "إ": "i", "آ": "a", " ": "_"}


def slug(key: str) -> str:
    """A rough Latin slug of a normalised Arabic name for an actor id (`[a-z0-9_]+`)."""
    out = "".join(_LATIN.get(ch, "") for ch in key)
    out = re.sub(r"_+", "_", out).strip("_")
    return out or "name"


# ---- precision filters (a mined row must look like a body's proper name, and be used as one) ----

#: a name used this many times more often in the raw text than it is recognised as an entity is an
#: everyday phrase («حركة المرور»: traffic), not a name
MAX_RAW_RATIO = 4.0
#: types whose names must start with a head word of a body («حزب», «حركة», «كتيبة», «صحيفة» …)
HEADED_TYPES = ("ORGANIZATION", "ARMED_GROUP", "TRIBE", "MEDIA")


def head_problem(key: str, etype: str, heads: frozenset[str]) -> str | None:
    """Why a non-person name is not headed like a body's name (None when it is): its first word,
    without the article, must be a head word of a group or body (`heads`, normalised, without «ال»)."""
    if etype not in HEADED_TYPES:
        return None
    first = key.split()[0] if key else ""
    bare = first[2:] if first.startswith("ال") else first
    return None if bare in heads else "no head word of a body"


def agreement_problem(key: str) -> str | None:
    """A two-word name whose indefinite head is followed by a definite adjective of relation
    («بنك المركزي»): a fragment cut from «البنك المركزي», no name."""
    tokens = key.split()
    if len(tokens) == 2 and not tokens[0].startswith("ال") and tokens[1].startswith("ال") \
            and tokens[1].endswith(("ي", "يه")) and len(tokens[1]) > 4:
        return "fragment (definite adjective after an indefinite head)"
    return None


def partisan_problem(key: str, stance_words: frozenset[str]) -> str | None:
    """A name holding a word of the stance lexicon («ميليشيات», «الإرهابية») is a partisan label, not
    a neutral canonical name."""
    return "partisan word (no neutral name)" if any(t in stance_words for t in key.split()) else None


def raw_use_problem(raw_articles: int, recognised_articles: int, max_ratio: float = MAX_RAW_RATIO) -> str | None:
    """A phrase the raw text uses in far more articles than those where it is recognised as an
    entity is an everyday phrase that sometimes looks like a name."""
    if recognised_articles and raw_articles > max_ratio * recognised_articles:
        return "everyday phrase (raw text far more often than an entity)"
    return None


#: heads of bodies that every state or organisation has (a ministry, a court, a committee …): a name
#: they head needs a word that says whose («الصينية», «الفلبين») or a proper name («المتون»)
GENERIC_BODY_HEADS = frozenset(normalise(w) for w in """
وزارة هيئة مديرية مصلحة رئاسة حكومة لجنة محكمة سفارة بعثة قوة مجموعة مكتب إدارة دائرة جهاز مجلس
حركة قوات حرس مفوضية مؤسسة
""".split())
#: adjectives that describe a body rather than name it, at the end of a name («حزب العمال المعارض»)
DESCRIPTIVE_ENDINGS = frozenset(normalise(w) for w in """
المعارض المعارضة الرئيسي الرئيسية اليميني اليمينية اليساري اليسارية المتطرف المتطرفة الحاكم الحاكمة
الموالي الموالية الموالين المؤيد المؤيدة الجديد الجديدة السابق السابقة
""".split())
#: a word seen in news, but fewer times than this, is taken for a proper name (0: unknown, no evidence)
RARE_WORD = 20
#: a name whose raw occurrences are followed by one continuing word this often is cut from a longer name
CONTINUED_SHARE = 0.5


def qualifier_problem(key: str, etype: str, qualifiers: frozenset[str], count: Callable[[str], int]) -> str | None:
    """A generic body («وزارة الثقافة», «محكمة التحكيم») with no word after its head that says whose it
    is: a gentilic or a known place (`qualifiers`) or a rare word (`count`: its frequency in news)."""
    tokens = key.split()
    if etype == "PERSON" or not tokens:
        return None
    head = tokens[0][2:] if tokens[0].startswith("ال") else tokens[0]
    if head not in GENERIC_BODY_HEADS:
        return None
    if any(t in qualifiers or (t[2:] if t.startswith("ال") else t) in qualifiers or 0 < count(t) < RARE_WORD
           for t in tokens[1:]):
        return None
    return "generic body (no word says whose)"


def description_problem(key: str, etype: str) -> str | None:
    """A body's name that ends on a describing adjective («حزب العمال المعارض», «الفصائل السورية الموالية»)."""
    tokens = key.split()
    if etype != "PERSON" and len(tokens) > 1 and tokens[-1] in DESCRIPTIVE_ENDINGS:
        return "description (ends on a describing adjective)"
    return None


def person_problem(key: str, given: frozenset[str]) -> str | None:
    """A person's name that ends on a connector («زين العابدين بن»: cut short) or is made of given names
    only («محمد أحمد»: shared by many people, no one person to link)."""
    tokens = key.split()
    if not tokens:
        return None
    if tokens[-1] in NAME_CONNECTORS:
        return "fragment (name cut after a connector)"
    if all(t in given or t in NAME_CONNECTORS for t in tokens):
        return "given names only (many people)"
    return None


def continued_problem(next_words: Counter, raw_total: int) -> str | None:
    """A name the raw text mostly continues with one word that carries the conjunction or the article
    («حزب العدالة» + «والتنمية»): a piece of a longer name."""
    if raw_total < 3 or not next_words:
        return None
    word, n = next_words.most_common(1)[0]
    if word.startswith(("و", "ال")) and word not in FUNCTION_WORDS and n >= CONTINUED_SHARE * raw_total:
        return "fragment of a longer name (usually continued)"
    return None


#: words before a person-like name that show it names a thing or a body («شركة لوكهيد مارتن», «صواريخ
#: كروز ستورم شادو», «جيش خالد بن الوليد»), besides the head words of groups and bodies
THING_WORDS = frozenset(normalise(w) for w in """
شركة الشركة صاروخ صواريخ طراز كروز طائرة طائرات منظومة مسجد شارع ميدان مطار جامعة مستشفى مدرسة
""".split())
#: share of a person-like name's raw occurrences after such a word that makes it a thing's name
THING_SHARE = 0.3


def thing_problem(prev_words: Counter, raw_total: int, heads: frozenset[str]) -> str | None:
    """A «person» the raw text often names right after a word of things or bodies is a company, a
    weapon or a unit named after someone, not the person."""
    if raw_total < 3:
        return None
    n = sum(c for w, c in prev_words.items()
            if w in THING_WORDS or w in heads or (w[2:] if w.startswith("ال") else w) in heads)
    return "a thing or body named like a person" if n >= THING_SHARE * raw_total else None
