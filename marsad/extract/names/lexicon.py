"""Word lists the entity rules use, built once per knowledge base from its lexicons and name files."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from marsad.extract.names.matcher import name_words
from marsad.knowledge import KnowledgeBase
from marsad.knowledge.cache import per_kb
from marsad.knowledge.readers import read_lexicon
from marsad.text.normalise import normalise

#: the shipped word sets of the entity rules, read when a knowledge base has no `name_cues` lexicon
NAME_CUES_FILE = "data/lexicons/name_cues.tsv"


@dataclass(frozen=True)
class NameCues:
    """The word sets of lexicons/name_cues.tsv, normalised, one field per `cue` (see the file's comments)."""

    stop: frozenset[str] = frozenset()
    stationed: frozenset[str] = frozenset()
    led_by: frozenset[str] = frozenset()
    relative: frozenset[str] = frozenset()
    group_of_person: frozenset[str] = frozenset()
    name_connector: frozenset[str] = frozenset()
    leader_title: frozenset[str] = frozenset()
    named_unit: frozenset[str] = frozenset()
    tribe_head: frozenset[str] = frozenset()
    tribe_connector: frozenset[str] = frozenset()
    indefinite_modifier: frozenset[str] = frozenset()
    standalone_head: frozenset[str] = frozenset()
    no_generic: frozenset[str] = frozenset()
    loyal_modifier: frozenset[str] = frozenset()
    relating: frozenset[str] = frozenset()
    office: frozenset[str] = frozenset()
    recognised: frozenset[str] = frozenset()
    time_word: frozenset[str] = frozenset()
    empty_modifier: frozenset[str] = frozenset()
    weak_place_cue: frozenset[str] = frozenset()
    place_stop: frozenset[str] = frozenset()
    compass: frozenset[str] = frozenset()
    own_country: frozenset[str] = frozenset()
    region_prep: frozenset[str] = frozenset()
    located: frozenset[str] = frozenset()
    #: heads of descriptive names beside the unit_heads lexicon -> the entity type they give
    body_head: dict[str, str] = field(default_factory=dict)
    #: heads naming the press -> the words one of which must follow ("" among them: the head alone will do)
    press: dict[str, frozenset[str]] = field(default_factory=dict)


def name_cues(rows: list[dict[str, str]]) -> NameCues:
    """The word sets of `name_cues` rows (cue names outside `NameCues` are left to other readers)."""
    sets: dict[str, set[str]] = {}
    heads: dict[str, str] = {}
    press: dict[str, set[str]] = {}
    for row in rows:
        cue, words = row.get("cue", "").strip(), normalise(row.get("term", "")).split()
        if not words:
            continue
        if cue == "body_head":
            heads[words[0]] = row.get("type", "").strip() or "ORGANIZATION"
        elif cue == "press":
            press.setdefault(words[0], set()).add(words[1] if len(words) > 1 else "")
        elif cue in _SET_FIELDS:
            sets.setdefault(cue, set()).add(" ".join(words))
    return NameCues(**{k: frozenset(v) for k, v in sets.items()}, body_head=heads,
                    press={k: frozenset(v) for k, v in press.items()})


_SET_FIELDS = frozenset(f for f in NameCues.__dataclass_fields__ if f not in ("body_head", "press"))


@lru_cache(maxsize=1)
def shipped_name_cues() -> NameCues:
    """The word sets of the shipped lexicons/name_cues.tsv."""
    return name_cues(read_lexicon(Path(str(resources.files("marsad").joinpath(NAME_CUES_FILE)))))


@dataclass
class RuleLexicon:
    """Normalised lookup tables for titles, unit heads, place cues, given names and the rules' word sets."""

    titles: dict[tuple[str, ...], dict[str, str]] = field(default_factory=dict)
    title_max: int = 1
    title_heads: frozenset[str] = frozenset()
    unit_heads: dict[str, str] = field(default_factory=dict)
    place_cues: dict[str, str] = field(default_factory=dict)
    given_names: frozenset[str] = frozenset()
    #: adjectives and nouns of origin (the gentilics lexicon), normalised
    gentilics: frozenset[str] = frozenset()
    cues: NameCues = field(default_factory=NameCues)

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
    rows = lexicon_rows(kb, "name_cues")
    lex = RuleLexicon(cues=name_cues(rows) if rows else shipped_name_cues())
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
    lex.gentilics = frozenset(normalise(r.get("term", "")).strip() for r in lexicon_rows(kb, "gentilics"))
    given = set(given_names())
    for actor in kb.actors.values():
        if actor.type == "PERSON":
            first = name_words(actor.name)
            if len(first) >= 2 and first[0] not in lex.cues.stop:
                given.add(first[0])
    lex.given_names = frozenset(given)
    return lex
