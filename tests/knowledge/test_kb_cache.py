"""Tables derived from a knowledge base are built once per knowledge base and die with it."""

from __future__ import annotations

import gc
import weakref

from marsad.extract.claims.cues import cue_table
from marsad.extract.entities import name_trie
from marsad.extract.events import _lexicon as event_lexicon
from marsad.extract.framing import _table as framing_table
from marsad.extract.names.lexicon import rule_lexicon
from marsad.knowledge.base import KnowledgeBase
from marsad.knowledge.cache import per_kb

BUILDERS = (cue_table, name_trie, event_lexicon, framing_table, rule_lexicon)


def test_each_knowledge_base_builds_its_table_once() -> None:
    built: list[object] = []

    @per_kb
    def table(kb: object) -> list[object]:
        built.append(kb)
        return [kb]

    one, two = KnowledgeBase(), KnowledgeBase()
    assert table(one) is table(one)
    assert table(two) is not table(one)
    assert table(None) is table(None) == [None]
    assert built == [one, two, None]


def test_a_dropped_knowledge_base_is_freed_with_its_tables() -> None:
    kb = KnowledgeBase()
    tables = [build(kb) for build in BUILDERS]
    assert all(build(kb) is t for build, t in zip(BUILDERS, tables))
    ref = weakref.ref(kb)
    del kb, tables
    gc.collect()
    assert ref() is None
