"""The knowledge base: the shipped files of `marsad/data/` plus overlay folders of the same layout.

An overlay's actor or place with an id already known replaces it whole; `{"id": …, "remove": true}`
(or a place row whose type is `remove`) removes it; lexicon rows are added to the shipped ones.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from marsad.errors import KnowledgeError
from marsad.knowledge.model import Actor, NameEntry, Place
from marsad.knowledge.readers import Removal, fail, read_actors, read_lexicon, read_places
from marsad.text.normalise import normalise

#: The folder of the shipped knowledge files.
DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def name_key(text: str) -> str:
    """The matching form of a name: normalised, with runs of whitespace collapsed to one space."""
    return " ".join(normalise(text).split())


_APART = re.compile(r"(?:(?<=\s)|^)(عبد|ابو)(?=ال\S)")
_JOINED = re.compile(r"(?:(?<=\s)|^)(عبد|ابو) (?=ال\S)")


def spelling_variants(key: str) -> tuple[str, ...]:
    """Other spellings of a matching form that Arabic news uses for the same name: «عبد الله» and
    «عبدالله», «أبو بكر» and «أبوبكر» (compound names written apart or joined)."""
    if "عبد" not in key and "ابو" not in key:  # the common case, without the two substitutions
        return ()
    out: list[str] = []
    apart = _APART.sub(r"\1 ", key)
    joined = _JOINED.sub(r"\1", key)
    for form in (apart, joined):
        if form != key and form not in out:
            out.append(form)
    return tuple(out)


@dataclass
class _Layer:
    """What one folder holds, checked for duplicate ids within it."""

    actors: list[Actor | Removal] = field(default_factory=list)
    places: list[Place | Removal] = field(default_factory=list)
    lexicons: dict[str, list[dict[str, str]]] = field(default_factory=dict)


def _read_layer(folder: Path) -> _Layer:
    """Every knowledge file of `folder` (actors/*.jsonl, places/*.tsv, lexicons/*.tsv)."""
    if not folder.is_dir():
        raise KnowledgeError(f"{folder}: knowledge folder not found (expected a folder with actors/, places/ or lexicons/)")
    layer = _Layer()
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("actors/*.jsonl")):
        for rec in read_actors(path):
            _check_unique(rec, seen, path)
            layer.actors.append(rec)
    for path in sorted(folder.glob("places/*.tsv")):
        for rec in read_places(path):
            _check_unique(rec, seen, path)
            layer.places.append(rec)
    for path in sorted(folder.glob("lexicons/*.tsv")):
        layer.lexicons.setdefault(path.stem, []).extend(read_lexicon(path))
    return layer


def _check_unique(rec: Actor | Place | Removal, seen: dict[str, str], path: Path) -> None:
    if rec.id in seen:
        line = rec.origin.rsplit(":", 1)[-1]
        raise fail(path, int(line), f"id {rec.id!r} already defined at {seen[rec.id]}")
    seen[rec.id] = rec.origin


class KnowledgeBase:
    """Actors, places and lexicons, merged from the shipped files and any overlays."""

    def __init__(self, layers: Sequence[Path] = ()) -> None:
        self.layers: tuple[Path, ...] = tuple(layers)
        self.actors: dict[str, Actor] = {}
        self.places: dict[str, Place] = {}
        self._lexicons: dict[str, list[dict[str, str]]] = {}
        self.warnings: list[str] = []
        self._names: tuple[NameEntry, ...] | None = None
        self._state_of: dict[str, Actor] | None = None
        self._by_norm: dict[str, list[NameEntry]] | None = None
        for folder in self.layers:
            self._merge(_read_layer(folder))

    def _merge(self, layer: _Layer) -> None:
        for table, records in ((self.actors, layer.actors), (self.places, layer.places)):
            for rec in records:
                if isinstance(rec, Removal):
                    if table.pop(rec.id, None) is None:
                        self.warnings.append(f"{rec.origin}: nothing to remove under id {rec.id!r}")
                else:
                    table[rec.id] = rec  # type: ignore[index]
        for name, rows in layer.lexicons.items():
            self._lexicons.setdefault(name, []).extend(rows)

    def get(self, kb_id: str) -> Actor | Place | None:
        """The actor or place with this id, or None."""
        return self.actors.get(kb_id) or self.places.get(kb_id)

    def __contains__(self, kb_id: object) -> bool:
        return kb_id in self.actors or kb_id in self.places

    def names(self) -> tuple[NameEntry, ...]:
        """Every name and alias of every actor, then of every place (one entry per id and form; an
        actor's compound names also in their other spelling: «عبد الله» / «عبدالله»)."""
        if self._names is None:
            out: list[NameEntry] = []
            for actor in self.actors.values():
                seen: set[tuple[str, str | None, tuple[str, ...]]] = set()
                forms = [(actor.name, None, ())] + [(a.text, a.stance, a.context) for a in actor.aliases]
                for text, stance, context in forms:
                    base = name_key(text)
                    for key in (base, *spelling_variants(base)) if base else ():
                        if (key, stance, context) not in seen:
                            seen.add((key, stance, context))
                            out.append(NameEntry(key, text, actor.id, stance, context))
            for place in self.places.values():
                keys: set[str] = set()
                for text in (place.name, *place.aliases):
                    key = name_key(text)
                    if key and key not in keys:
                        keys.add(key)
                        out.append(NameEntry(key, text, place.id))
            self._names = tuple(out)
        return self._names

    def lookup(self, text: str) -> list[NameEntry]:
        """The name entries whose matching form equals that of `text` (actors first, then places)."""
        if self._by_norm is None:
            self._by_norm = {}
            for entry in self.names():
                self._by_norm.setdefault(entry.norm, []).append(entry)
        return list(self._by_norm.get(name_key(text), ()))

    def lexicon(self, name: str) -> list[dict[str, str]]:
        """The rows of lexicons/NAME.tsv (shipped plus overlays) as dicts; unknown names raise."""
        try:
            return list(self._lexicons[name])
        except KeyError:
            known = ", ".join(sorted(self._lexicons)) or "none"
            raise KnowledgeError(f"no lexicon named {name!r} (known: {known})") from None

    def lexicon_names(self) -> list[str]:
        """The names of every lexicon loaded."""
        return sorted(self._lexicons)

    def place_for_actor(self, actor_id: str) -> Place | None:
        """The place of a state (GPE) actor: its `place` field, else place:<country>; None otherwise."""
        actor = self.actors.get(actor_id)
        if actor is None:
            return None
        if actor.place:
            return self.places.get(actor.place)
        if actor.type == "GPE" and actor.country:
            return self.places.get(f"place:{actor.country.lower()}")
        return None

    def actor_for_place(self, place_id: str) -> Actor | None:
        """The state (GPE) actor whose place is `place_id`, if the actors name one."""
        if self._state_of is None:
            self._state_of = {}
            for actor in self.actors.values():
                if actor.type == "GPE":
                    place = self.place_for_actor(actor.id)
                    if place is not None:
                        self._state_of.setdefault(place.id, actor)
        return self._state_of.get(place_id)

    def __repr__(self) -> str:
        lex = sum(len(rows) for rows in self._lexicons.values())
        return (f"KnowledgeBase({len(self.actors)} actors, {len(self.places)} places, "
                f"{len(self._lexicons)} lexicons / {lex} rows, layers={[str(p) for p in self.layers]})")


@lru_cache(maxsize=1)
def _shipped() -> KnowledgeBase:
    return KnowledgeBase([DATA_DIR])


def load_kb(overlays: Sequence[str | os.PathLike[str]] = ()) -> KnowledgeBase:
    """The shipped knowledge plus `overlays` (folders, applied in order); cached without overlays."""
    if isinstance(overlays, (str, os.PathLike)):
        overlays = [overlays]
    if not overlays:
        return _shipped()
    folders = [Path(o).expanduser() for o in overlays]
    for folder in folders:
        if not folder.is_dir():
            raise KnowledgeError(f"{folder}: knowledge folder not found (expected a folder with actors/, places/ or lexicons/)")
    return KnowledgeBase([DATA_DIR, *folders])


def clear_cache() -> None:
    """Forget the cached shipped knowledge (after editing marsad/data/ in a running process)."""
    _shipped.cache_clear()
