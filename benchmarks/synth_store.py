"""A synthetic store for the UI benchmark: invented analyses (armed groups, places with coordinates,
events of every type over seven years, allegiance relations, claims of every kind of source) written
with `Store.add` until the store holds the number of events asked for."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from marsad.model import EVENT_TYPES, Analysis
from marsad.store import Store

GROUPS = ["قوات حكومة الوفاق", "قوات حفتر", "كتيبة النصر", "قوة الردع الخاصة", "لواء الصمود", "كتيبة ثوار طرابلس",
          "قوات درع ليبيا", "اللواء التاسع", "كتيبة شهداء الزاوية", "الكتيبة 166", "قوات البنيان المرصوص",
          "جهاز الحرس الرئاسي", "كتيبة الفاروق", "لواء المحجوب", "قوات حماية الجنوب", "كتيبة سبل السلام"]
PEOPLE = ["سالم المبروك", "عمر الفيتوري", "خالد الشريف", "علي الترهوني", "محمود الورفلي", "فرج العبيدي"]
PLACES = {"طرابلس": (32.887, 13.191), "بنغازي": (32.116, 20.067), "مصراتة": (32.375, 15.092), "سرت": (31.205, 16.588),
          "سبها": (27.037, 14.426), "درنة": (32.767, 22.636), "الزاوية": (32.757, 12.728), "غريان": (32.172, 13.02),
          "ترهونة": (32.435, 13.634), "أجدابيا": (30.755, 20.226), "طبرق": (32.083, 23.976), "الكفرة": (24.178, 23.313),
          "بني وليد": (31.756, 13.99), "الجفرة": (29.114, 15.95), "زوارة": (32.931, 12.082), "غدامس": (30.133, 9.5),
          "أوباري": (26.59, 12.78), "مرزق": (25.916, 13.918), "راس لانوف": (30.5, 18.54), "البريقة": (30.406, 19.576)}
RELATIONS = ["LOYAL_TO", "ALLIED_WITH", "OPPOSES", "SUPPORTS", "DEFECTED_FROM", "CONTROLS", "COMMANDS"]
KINDS = ["named_person", "organization", "media", "anonymous", "document"]


class _Text:
    """An article's text built sentence by sentence, with offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.sentences: list[dict[str, int]] = []

    def add(self, *pieces: str) -> list[tuple[int, int]]:
        """Append one sentence made of pieces; returns each piece's (start, end)."""
        start = self.length
        spans = []
        for i, piece in enumerate(pieces):
            if i:
                self._put(" ")
            spans.append((self.length, self.length + len(piece)))
            self._put(piece)
        self._put(". ")
        self.sentences.append({"start": start, "end": self.length - 1})
        return spans

    def _put(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)


def _article(i: int, rng: random.Random) -> Analysis:
    day = f"{rng.randint(2014, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    text = _Text()
    ents: dict[str, dict[str, Any]] = {}

    def ent(name: str, type_: str) -> str:
        if name not in ents:
            geo = PLACES.get(name)
            ents[name] = {"id": f"e{len(ents) + 1}", "type": type_, "name": name, "mentions": [],
                          "geo": {"lat": geo[0], "lon": geo[1], "precision": "city"} if geo else None}
        return ents[name]["id"]

    def mention(name: str, span: tuple[int, int]) -> None:
        ents[name]["mentions"].append({"start": span[0], "end": span[1], "text": name})

    events, relations, claims = [], [], []
    for k in range(3):
        a, b = rng.sample(GROUPS, 2)
        place = rng.choice(list(PLACES))
        etype = rng.choice(EVENT_TYPES)
        ids = [ent(a, "ARMED_GROUP"), ent(b, "ARMED_GROUP"), ent(place, "GPE")]
        spans = text.add("وقع", a, "مع", b, "في", place)
        for name, span in zip((a, b, place), (spans[1], spans[3], spans[5])):
            mention(name, span)
        events.append({"id": f"v{k + 1}", "type": etype, "trigger": {"start": spans[0][0], "end": spans[0][1], "text": "وقع"},
                       "agents": [ids[0]], "targets": [ids[1]], "place": ids[2], "time": {"value": day, "precision": "day"},
                       "modality": "asserted", "evidence": {"start": spans[0][0], "end": spans[5][1]}})
        if k < 2:
            rtype = rng.choice(RELATIONS)
            tail = ids[2] if rtype == "CONTROLS" else ids[1]
            relations.append({"id": f"r{k + 1}", "type": rtype, "head": ids[0], "tail": tail, "modality": "asserted",
                              "evidence": {"start": spans[1][0], "end": spans[5][1]}})
    speaker = rng.choice(PEOPLE)
    sid = ent(speaker, "PERSON")
    spans = text.add("وقال", speaker, "إن", "الوضع متوتر في", rng.choice(list(PLACES)))
    mention(speaker, spans[1])
    kind = rng.choice(KINDS)
    claims.append({"id": "c1", "speaker": sid if kind != "anonymous" else None, "source_kind": kind,
                   "source_text": None if kind != "anonymous" else "مصدر مطلع",
                   "cue": {"start": spans[0][0], "end": spans[0][1], "text": "وقال"},
                   "content": {"start": spans[3][0], "end": spans[4][1]}})
    body = "".join(text.parts)
    return Analysis.from_dict({
        "schema": "marsad.analysis/1",
        "document": {"id": f"synthetic-{i:06d}", "source_id": f"synthetic-{i}", "title": f"خبر {i}",
                     "published": day, "outlet": rng.choice(["وكالة أ", "صحيفة ب", "قناة ج"]), "url": None, "text": body},
        "sentences": text.sentences, "entities": list(ents.values()), "times": [], "claims": claims,
        "events": events, "relations": relations, "framing": []})


def build(db: Path, events: int = 5000, seed: int = 7) -> dict[str, int]:
    """Fill a fresh store at `db` until it holds at least `events` events; returns its counts."""
    rng = random.Random(seed)
    with Store(str(db)) as store:
        i = 0
        while True:
            for _ in range(200):
                store.add(_article(i, rng))
                i += 1
            with store.connect() as conn:
                n = conn.exec_driver_sql("SELECT count(*) FROM events").scalar_one()
            if n >= events:
                return {"articles": i, "events": n}
