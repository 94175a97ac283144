"""The knowledge base: shipped actors, places and lexicons (marsad/data/) plus user overlays.

    from marsad.knowledge import load_kb
    kb = load_kb()                       # cached
    kb.actors["haftar"], kb.places["place:ly/ras-lanuf"], kb.get(id), kb.names(), kb.lexicon("titles")

The file formats are described in docs/knowledge.md.
"""

from __future__ import annotations

from marsad.knowledge.base import DATA_DIR, KnowledgeBase, clear_cache, load_kb, name_key
from marsad.knowledge.model import Actor, Affiliation, Alias, NameEntry, Place
from marsad.knowledge.validate import problems

__all__ = [
    "DATA_DIR", "Actor", "Affiliation", "Alias", "KnowledgeBase", "NameEntry", "Place", "clear_cache",
    "load_kb", "name_key", "problems",
]
