"""Word lists the entity rules use, built once per knowledge base from its lexicons and name files."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from marsad.extract.names.matcher import name_words
from marsad.knowledge import KnowledgeBase
from marsad.knowledge.cache import per_kb
from marsad.text.normalise import normalise

#: Function words that never begin or continue a personal name.
STOP = frozenset(normalise(w) for w in """
في من إلى الى على عن مع بين أن إن أنه إنه التي الذي الذين اللذين اللتين هذا هذه ذلك تلك هناك هنا
كان كانت قد لقد لم لن لا ما ماذا كما كل بعض أي أية غير حتى ثم أو أم بل لكن لكنه ولكن وقال قال
بعد قبل خلال منذ حيث عند عندما إذا اذا لو وهو وهي هو هي هم نحن أنا انه انها أنها فيه فيها منه منها
عليه عليها له لها لهم به بها بهم ضد نحو حول دون عبر لدى تجاه أمام وراء فوق تحت جميع أيضا ايضا
السابق السابقة الحالي الحالية الجديد الجديدة الأخيرة الاخيرة العام العامة الرسمي الرسمية
""".split())

#: Participles that make a descriptive group name from a place («القوات المتواجدة بمنطقة ورشفانة»).
STATIONED = frozenset(normalise(w) for w in (
    "المتواجدة", "المتواجده", "الموجودة", "المتمركزة", "المرابطة", "المنتشرة", "المتمركزين",
    "المتواجدين", "الموجودين", "المنتشرين", "التابعة", "التابعين", "المتحصنة", "المتحصنين",
))

#: Verbs of command in relative clauses («القوات التي يقودها …»).
LED_BY = frozenset(normalise(w) for w in (
    "يقودها", "يقوده", "يتزعمها", "يتزعمه", "يترأسها", "يرأسها", "يرأسه", "يقودهم", "يتزعمهم",
    "قادها", "يديرها", "يأمرها",
))

RELATIVE = frozenset(normalise(w) for w in ("التي", "الذي", "الذين", "اللتي"))

#: Heads that make a group from a person («قوات حفتر», «ميليشيات الكاني»).
GROUP_OF_PERSON = frozenset(normalise(w) for w in (
    "قوات", "جيش", "ميليشيات", "مليشيات", "ميليشيا", "مليشيا", "كتائب", "مسلحي", "عناصر", "أنصار",
    "مقاتلي", "مرتزقة", "جماعة",
))


@dataclass
class RuleLexicon:
    """Normalised lookup tables for titles, unit heads, place cues and given names."""

    titles: dict[tuple[str, ...], dict[str, str]] = field(default_factory=dict)
    title_max: int = 1
    title_heads: frozenset[str] = frozenset()
    unit_heads: dict[str, str] = field(default_factory=dict)
    place_cues: dict[str, str] = field(default_factory=dict)
    given_names: frozenset[str] = frozenset()

    def title_at(self, words: list[str], i: int, first: str | None = None) -> tuple[int, dict[str, str]] | None:
        """The longest title starting at word `i` (its first word replaced by `first` when given):
        (number of words, its lexicon row), or None."""
        head = words[i] if first is None else first
        if head not in self.title_heads:
            return None
        for n in range(min(self.title_max, len(words) - i), 0, -1):
            row = self.titles.get((head, *words[i + 1:i + n]))
            if row is not None:
                return n, row
        return None


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The shipped given names (marsad/data/names/given_names.txt), normalised."""
    text = resources.files("marsad").joinpath("data/names/given_names.txt").read_text(encoding="utf-8")
    out = set()
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.add(normalise(line).replace(" ", ""))
    return frozenset(out)


@per_kb
def rule_lexicon(kb: KnowledgeBase) -> RuleLexicon:
    """The rule tables for a knowledge base (cached per KB object)."""
    return _build(kb)


def lexicon_rows(kb: KnowledgeBase, name: str) -> list[dict[str, str]]:
    """Rows of a lexicon, or none when the knowledge base has no such lexicon."""
    return kb.lexicon(name) if name in kb.lexicon_names() else []


def _build(kb: KnowledgeBase) -> RuleLexicon:
    lex = RuleLexicon()
    for row in lexicon_rows(kb, "titles"):
        words = name_words(row.get("term", ""))
        if words:
            lex.titles.setdefault(words, row)
            lex.title_max = max(lex.title_max, len(words))
    lex.title_heads = frozenset(k[0] for k in lex.titles)
    for row in lexicon_rows(kb, "unit_heads"):
        words = name_words(row.get("term", ""))
        if len(words) == 1:
            lex.unit_heads[words[0]] = row.get("type", "ARMED_GROUP")
    for row in lexicon_rows(kb, "place_cues"):
        words = name_words(row.get("term", ""))
        if len(words) == 1:
            lex.place_cues[words[0]] = row.get("kind", "")
    given = set(given_names())
    for actor in kb.actors.values():
        if actor.type == "PERSON":
            first = name_words(actor.name)
            if len(first) >= 2 and first[0] not in STOP:
                given.add(first[0])
    lex.given_names = frozenset(given)
    return lex
