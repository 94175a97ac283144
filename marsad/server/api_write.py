"""Endpoints for analysts' corrections and for exports of the store."""

from __future__ import annotations

import io
import json
from typing import Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from sqlalchemy import select

from marsad.store import Reader, add_correction
from marsad.store import schema as t
from marsad.server.api_store import parse_near
from marsad.server.deps import reader, store_of
from marsad.server.errors import JSON, ApiError
from marsad.server.guards import require_token
from marsad.server.models import CorrectionRequest

router = APIRouter(prefix="/api", default_response_class=JSON, tags=["corrections and exports"])

EXPORT_TYPES = {"acled": "text/csv; charset=utf-8", "plover": "application/json",
                "graphml": "application/xml", "gexf": "application/xml",
                "geojson": "application/geo+json", "jsonl": "application/x-ndjson"}


@router.post("/corrections", status_code=201, summary="Record an analyst's correction",
             dependencies=[Depends(require_token)])
def correct(body: CorrectionRequest, request: Request) -> JSON:
    """Confirm, reject or edit an actor, a relation or an event, or merge an actor into another. The
    correction is kept as its own record, wins over the machine's output and survives re-ingest."""
    payload: dict[str, Any] = dict(body.set) if body.action == "edit" else {}
    if body.action == "merge":
        if not body.into:
            raise ApiError(400, "merge needs `into`: the actor to merge into")
        payload["into"] = body.into
    store = store_of(request)
    with store.connect() as conn:
        correction = add_correction(conn, body.target, body.id, body.action, payload=payload or None,
                                    author=body.author, note=body.note)
        conn.commit()
    return JSON({"id": correction, "target": body.target, "ref": body.id, "action": body.action, "payload": payload},
                status_code=201)


@router.get("/corrections", summary="The corrections recorded, newest first")
def corrections(limit: int = Query(200, ge=1, le=10_000), r: Reader = Depends(reader)) -> JSON:
    """Every analyst's correction with its target key, action, fields, author, note and time."""
    rows = r.conn.execute(select(t.corrections).order_by(t.corrections.c.id.desc()).limit(limit)).all()
    return JSON([{"id": row.id, "target": row.target, "key": row.target_key, "action": row.action,
                  "payload": json.loads(row.payload) if row.payload else None, "author": row.author,
                  "note": row.note, "created_at": row.created_at} for row in rows])


@router.get("/export/{fmt}", summary="Export the store (ACLED CSV, PLOVER, GraphML, GEXF, GeoJSON, JSONL)",
            response_class=Response)
def export(fmt: str = Path(..., pattern="^(acled|plover|graphml|gexf|geojson|jsonl)$"),
           at: str | None = Query(None, description="graphml/gexf: the network up to this date"),
           type: str | None = None, actor: str | None = None, place: str | None = None,
           near: str | None = Query(None, description="LAT,LON,KM"),
           date_from: str | None = Query(None, alias="from"), date_to: str | None = Query(None, alias="to"),
           source_kind: str | None = None, min_sources: int = Query(1, ge=1),
           r: Reader = Depends(reader)) -> Response:
    """The same exports as `marsad export`, with the same event filters, as a file download."""
    from marsad.export import EXPORTS

    write, binary, suffix = EXPORTS[fmt]
    if fmt in ("graphml", "gexf"):
        filters: dict[str, Any] = {"at": at}
    elif fmt == "jsonl":
        filters = {"date_from": date_from, "date_to": date_to}
    else:
        filters = {"type": type, "actor": actor, "place": place, "near": parse_near(near), "date_from": date_from,
                   "date_to": date_to, "source_kind": source_kind, "min_sources": min_sources}
    buf: Any = io.BytesIO() if binary else io.StringIO(newline="")
    write(r, buf, **filters)
    data = buf.getvalue() if binary else buf.getvalue().encode("utf-8")
    return Response(data, media_type=EXPORT_TYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="marsad-{fmt}{suffix}"'})
