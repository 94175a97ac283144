"""The shipped JSON Schema of `marsad.analysis/1` and a validator over it (with offset checks)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def analysis_schema() -> dict[str, Any]:
    """The JSON Schema of the analysis contract, as shipped in the package."""
    text = resources.files("marsad").joinpath("schemas/analysis-1.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def validate_analysis(data: dict[str, Any]) -> list[str]:
    """Every problem of an analysis object: schema violations, offsets out of range, dangling ids."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(analysis_schema())
    problems = [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
                for e in validator.iter_errors(data)]
    if problems:
        return problems
    text = data["document"]["text"]
    n = len(text)

    def check(where: str, start: int, end: int, expect: str | None = None) -> None:
        if not 0 <= start <= end <= n:
            problems.append(f"{where}: offsets {start}..{end} outside the text (length {n})")
        elif expect is not None and text[start:end] != expect:
            problems.append(f"{where}: text {expect!r} differs from document.text[{start}:{end}] = {text[start:end]!r}")

    for i, s in enumerate(data["sentences"]):
        check(f"sentences/{i}", s["start"], s["end"])
    for i, t in enumerate(data.get("tokens", [])):
        check(f"tokens/{i}", t["start"], t["end"], t["text"])
    ids = {e["id"] for e in data["entities"]}
    for e in data["entities"]:
        for j, m in enumerate(e["mentions"]):
            check(f"entities/{e['id']}/mentions/{j}", m["start"], m["end"], m["text"])
    time_ids = {t["id"] for t in data["times"]}
    for t in data["times"]:
        check(f"times/{t['id']}", t["start"], t["end"], t["text"])
    claim_ids = {c["id"] for c in data["claims"]}
    for c in data["claims"]:
        check(f"claims/{c['id']}/cue", c["cue"]["start"], c["cue"]["end"], c["cue"]["text"])
        check(f"claims/{c['id']}/content", c["content"]["start"], c["content"]["end"])
        for ref in ([c["speaker"]] if c["speaker"] else []) + c["via"]:
            if ref not in ids:
                problems.append(f"claims/{c['id']}: unknown entity {ref!r}")
        if c["time"] and c["time"] not in time_ids:
            problems.append(f"claims/{c['id']}: unknown time {c['time']!r}")
    for v in data["events"]:
        check(f"events/{v['id']}/trigger", v["trigger"]["start"], v["trigger"]["end"], v["trigger"]["text"])
        check(f"events/{v['id']}/evidence", v["evidence"]["start"], v["evidence"]["end"])
        for ref in v["agents"] + v["targets"] + ([v["place"]] if v["place"] else []):
            if ref not in ids:
                problems.append(f"events/{v['id']}: unknown entity {ref!r}")
        if v["claim"] and v["claim"] not in claim_ids:
            problems.append(f"events/{v['id']}: unknown claim {v['claim']!r}")
    for r in data["relations"]:
        check(f"relations/{r['id']}/evidence", r["evidence"]["start"], r["evidence"]["end"])
        for ref in (r["head"], r["tail"]):
            if ref not in ids:
                problems.append(f"relations/{r['id']}: unknown entity {ref!r}")
        if r["claim"] and r["claim"] not in claim_ids:
            problems.append(f"relations/{r['id']}: unknown claim {r['claim']!r}")
    for i, f in enumerate(data["framing"]):
        check(f"framing/{i}", f["start"], f["end"], f["text"])
        if f["entity"] and f["entity"] not in ids:
            problems.append(f"framing/{i}: unknown entity {f['entity']!r}")
    return problems
