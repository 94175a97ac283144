"""The cue words of the relation rules (the `relation_cues` lexicon) and the gate words that let each rule fire."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.knowledge.cache import per_kb
from marsad.text.normalise import normalise

_UNDER_WORD = normalise("تحت")


@dataclass(slots=True)
class RelationWords:
    """The cue sets of the `relation_cues` lexicon: single words by cue, phrases by their first word."""

    sets: dict[str, frozenset[str]] = field(default_factory=dict)
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    gates: dict[str, frozenset[str]] = field(default_factory=dict)  # word -> the rules it may start
    gentilics: dict[str, str] = field(default_factory=dict)  # «ايراني», «ايرانيه» -> the country's place id
    place_heads: frozenset[str] = frozenset()  # «مدينة», «العاصمة», «ميناء»: words that announce a place (place_cues)

    def phrase_at(self, words: Sequence[str], i: int) -> tuple[int, str] | None:
        """(last token, cue) of the longest cue phrase starting at token i, or None."""
        w = words[i]
        options = self.phrases.get(w) or (self.phrases.get(w[1:]) if w[:1] in "وف" else None)
        for phrase, cue in options or ():
            end = i + len(phrase) - 1
            if end < len(words) and all(words[i + k] == phrase[k] for k in range(1, len(phrase))):
                return end, cue
        return None


@per_kb
def relation_words(kb: object | None) -> RelationWords:
    """The cue sets of a knowledge base (built once per KB; empty without one)."""
    sets: dict[str, set[str]] = {}
    out = RelationWords()
    if kb is not None and "relation_cues" in kb.lexicon_names():  # type: ignore[attr-defined]
        for row in kb.lexicon("relation_cues"):  # type: ignore[attr-defined]
            words = tuple(normalise(row.get("term", "")).split())
            cue = row.get("cue", "").strip()
            if len(words) == 1:
                sets.setdefault(cue, set()).add(words[0])
            elif words:
                out.phrases.setdefault(words[0], []).append((words, cue))
    out.sets = {cue: frozenset(ws) for cue, ws in sets.items()}
    if kb is not None and "gentilics" in kb.lexicon_names():  # type: ignore[attr-defined]
        for row in kb.lexicon("gentilics"):  # type: ignore[attr-defined]
            term = normalise(row.get("term", "")).strip()
            if term and " " not in term and row.get("place"):
                out.gentilics.setdefault(term, row["place"])
    if kb is not None and "place_cues" in kb.lexicon_names():  # type: ignore[attr-defined]
        out.place_heads = frozenset(w for row in kb.lexicon("place_cues")  # type: ignore[attr-defined]
                                    if " " not in (w := normalise(row.get("term", "")).strip()) and w)
    for options in out.phrases.values():
        options.sort(key=lambda p: -len(p[0]))
    out.gates = _build_gate_index(out)
    return out


#: the cue sets whose words let a rule fire at a token (a rule runs only where one of them stands);
#: "@mention_end" stands for the last token of a mention
GATES: dict[str, tuple[str, ...]] = {
    "seated": ("@mention_end",), "unit_of": ("@mention_end",), "body_of": ("@mention_end",),
    "set_against": ("oppose_verb", "@against_word"), "resides": ("reside_verb",), "rivals": ("rivalry",),
    "affiliated": ("affiliated", "loyal", "member"), "seat": ("seat",), "controlled_by": ("control_verb",),
    "under_control": ("under", "@under_word"), "led_by": ("led", "@under_word"), "relative_clause": ("relative",),
    "backed": ("backed",), "against": ("against",), "one_of_parts": ("one_of",), "led_by_verb": ("led_by_any",),
    "linked": ("linked",), "one_of_roles": ("one_of",), "supported_by": ("supported_by",),
    "ally_with": ("@phrase",), "backed_by": ("@phrase", "backed_by"), "joint": ("@phrase",),
    "backed_state": ("backed", "backed_by"), "fought_with": ("fight_with", "@phrase"),
    "inner_body": ("@mention_end",), "freed_from": ("free_from", "expel"), "enemy_of": ("enemy", "wanted"),
    "fell_to": ("hand",), "positions_in": ("position",), "handed_over": ("hand_over",),
    "state_head": ("head_of_state",), "seized": ("seize", "impose", "retake"),
    "rival_of": ("rival",), "one_of_groups": ("one_of", "eminent", "largest"),
    "fight_purpose": ("fight_purpose",), "state_official": ("state_office",),
    "holds": ("control_noun", "holding", "control_verb"), "supporter_of": ("supports_verb", "supporting"),
}


_GATE_WORDS = {"@against_word": frozenset({"ضد"}), "@under_word": frozenset({_UNDER_WORD})}


def _build_gate_index(words: RelationWords) -> dict[str, frozenset[str]]:
    """Word -> the rules it may start, for one set of cue words."""
    index: dict[str, set[str]] = {}
    for rule, gates in GATES.items():
        for gate in gates:
            if gate == "@phrase":
                found = list(words.phrases)
            elif gate.startswith("@"):
                found = list(_GATE_WORDS.get(gate, ()))
            else:
                found = list(words.sets.get(gate, ()))
            for w in found:
                index.setdefault(w, set()).add(rule)
    return {w: frozenset(rules) for w, rules in index.items()}
