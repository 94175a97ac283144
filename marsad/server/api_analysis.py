"""Endpoints that run the pipeline: analyse one article (nothing stored), ingest articles into the store."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from marsad.errors import MarsadError
from marsad.server.deps import store_of
from marsad.server.errors import JSON, ApiError
from marsad.server.guards import require_token
from marsad.server.models import Article, IngestRequest

router = APIRouter(prefix="/api", default_response_class=JSON, tags=["analysis"])


def to_document(article: Article, fallback_id: str) -> Any:
    """A `Document` from an API article (HTML is read as the HTML reader reads files)."""
    from marsad.ingest import document_from_text

    source_id = article.source_id or fallback_id
    text = article.text
    if not text.strip():
        raise ApiError(400, f"{source_id}: the text is empty")
    if article.format == "html":
        from marsad.ingest.html import read_html

        page = read_html(text, source_id)   # InputError (a 400) when the page has no text
        text, title, published = page.text, article.title or page.title, article.published or page.published
    else:
        title, published = article.title, article.published
    if published is not None:
        from marsad.ingest import parse_date

        parsed = parse_date(published)
        if parsed is None:
            raise ApiError(400, f"published: not a date: {published!r} (use ISO 8601, e.g. 2019-04-10)")
        published = parsed.value
    return document_from_text(text, source_id, title=title, published=published, outlet=article.outlet,
                              url=article.url)


@router.post("/analyse", summary="Analyse one article (nothing is stored)",
             response_description="the marsad.analysis/1 JSON of the article")
async def analyse(article: Article, request: Request,
                  tokens: bool = Query(False, description="include the bulky token list")) -> Response:
    """Run the pipeline on one article and return its analysis: entities, times, claims, events,
    relations and framing, every span with offsets into `document.text`."""
    if article.format == "html":   # reading a page takes a while: not on the event loop
        doc = await run_in_threadpool(to_document, article, "<api>")
    else:
        doc = to_document(article, "<api>")
    body = await request.app.state.analyser.json(doc, tokens)
    return Response(body, media_type="application/json")


@router.post("/ingest", summary="Analyse articles and store them", dependencies=[Depends(require_token)])
def ingest(body: IngestRequest, request: Request) -> JSON:
    """Analyse each article (or take each analysis as it is) and store it, merged with the store.
    An article already stored is reported as a duplicate; a bad item is reported and the rest go on."""
    from marsad.model import Analysis

    cfg = request.app.state.config
    if not body.articles and not body.analyses:
        raise ApiError(400, "nothing to ingest: give `articles` or `analyses`")
    if len(body.articles) + len(body.analyses) > cfg.max_articles:
        raise ApiError(413, f"at most {cfg.max_articles} items in one request")
    store = store_of(request)
    out: dict[str, Any] = {"stored": 0, "duplicates": 0, "failed": [], "documents": []}
    items: list[tuple[str, Any]] = [(a.source_id or f"articles[{i}]", a) for i, a in enumerate(body.articles)]
    items += [(f"analyses[{i}]", a) for i, a in enumerate(body.analyses)]
    for name, item in items:
        try:
            if isinstance(item, Article):
                analysis = request.app.state.analyser.analyse(to_document(item, name))
            else:
                analysis = Analysis.from_dict(item)
        except (MarsadError, ApiError, KeyError, TypeError, ValueError) as exc:
            out["failed"].append({"item": name, "reason": getattr(exc, "message", None) or str(exc)})
            continue
        stored = store.add(analysis)
        out["duplicates" if stored.duplicate else "stored"] += 1
        out["documents"].append({"item": name, "id": analysis.document.id, "duplicate": stored.duplicate})
    return JSON(out)
