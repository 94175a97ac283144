"""The name an entity is reported under: the fullest name the article itself uses for it.

The knowledge base's canonical name stays behind the entity's `kb_id` (and `name_en`); the analysis
shows the article's words, so a report on an article that says «الجيش الوطني الليبي» does not show
another camp's label for it. A place named after a settlement or district word («بمدينة مصراتة»,
«العاصمة طرابلس», «حي غوط الشعال») is named with that word, as the article writes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from marsad.knowledge import KnowledgeBase, Place
from marsad.knowledge.cache import per_kb
from marsad.model import Span
from marsad.text.normalise import normalise

#: place-cue kinds that name a settlement or an area (not a facility, which is a place of its own)
_AREA_KINDS = frozenset({"city", "town", "village", "district", "neighbourhood", "region", "capital"})
#: proclitics a cue word may carry in the text («بمدينة», «وبلدة»)
_PROCLITIC = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?")
_LAST_WORD = re.compile(r"(\S+)\s+$")
_SPACES = re.compile(r"\s+")
#: plural cue words name several places, never one place's name
_PLURALS = frozenset(normalise(w) for w in ("مدن", "المدن", "بلدات", "البلدات", "قرى", "القرى", "مناطق",
                                             "المناطق", "أقاليم", "الأقاليم", "أحياء", "الأحياء", "ضواحي"))


@per_kb
def area_cues(kb: KnowledgeBase) -> dict[str, str]:
    """Single-word place cues of settlements and areas, normalised («مدينة», «العاصمة», «حي») -> kind."""
    out: dict[str, str] = {}
    for row in kb.lexicon("place_cues"):
        term, kind = (row.get("term") or "").strip(), (row.get("kind") or "").strip()
        if kind in _AREA_KINDS and term and " " not in term and normalise(term) not in _PLURALS:
            out[normalise(term)] = kind
    return out


def _cue_before(text: str, start: int, cues: dict[str, str], kind: str | None) -> str | None:
    """The cue word right before `start` without its proclitics («بمدينة» → «مدينة»), if it is one
    that fits the place («العاصمة» only before a capital)."""
    m = _LAST_WORD.search(text, max(0, start - 30), start)
    if m is None or m.end() != start:
        return None
    word = m.group(1)
    clitics = len(_PROCLITIC.match(word).group(0))  # type: ignore[union-attr]
    for cut in range(clitics + 1):  # «بلدة» is a cue whole; «وبلدة» after one letter
        cue_kind = cues.get(normalise(word[cut:]))
        if cue_kind is not None and (cue_kind != "capital" or kind == "capital"):
            return word[cut:]
    return None


def article_name(mentions: Iterable[Span], text: str, kb: KnowledgeBase, rec: object | None,
                 fallback: str) -> str:
    """The fullest name the article uses for an entity: its longest mention (more words first), a
    place's with the settlement word before it; `fallback` when no mention has a text."""
    best: tuple[int, int, str] | None = None
    cues = area_cues(kb) if isinstance(rec, Place) else {}
    for m in mentions:
        name = _SPACES.sub(" ", m.text).strip(" \"'«»“”")
        if not name:
            continue
        if name.startswith("ل") and not name.startswith("ال") and text[max(0, m.start - 1):m.start] == "ل":
            name = "ا" + name  # «للقيادة العامة»: the mention starts at the article's elided lam
        if cues:
            cue = _cue_before(text, m.start, cues, rec.kind if isinstance(rec, Place) else None)
            if cue:
                name = f"{cue} {name}"
        rank = (len(name.split()), len(name), name)
        if best is None or rank[:2] > best[:2]:
            best = rank
    return best[2] if best else fallback
