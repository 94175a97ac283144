"""Sentence splitting for Arabic news layout (placeholder: newline and end-mark splitting)."""

from __future__ import annotations

import re

from marsad.model import Sentence

_END = re.compile(r"[^\n.!?؟]+[.!?؟]*")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` as half-open ranges, trimmed of surrounding white space."""
    out: list[Sentence] = []
    for m in _END.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(s, e))
    return out
