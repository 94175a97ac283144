"""Request bodies of the API (pydantic models: validated, documented in the OpenAPI schema)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from marsad.server.config import MAX_TEXT


class Article(BaseModel):
    """An article to analyse: its text (plain text, or HTML with `format: "html"`) and optional metadata.

    Without `title` and `published`, the text's first lines are read as a title line and a date line."""

    text: str = Field(min_length=1, max_length=MAX_TEXT, description="the article (plain text or HTML)")
    format: Literal["text", "html"] = "text"
    title: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, max_length=64, description="publication date (ISO 8601)")
    outlet: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=4000)
    source_id: str | None = Field(default=None, max_length=500)


class IngestRequest(BaseModel):
    """Articles to analyse and store, and/or analyses (`marsad.analysis/1` objects) to store as they are."""

    articles: list[Article] = Field(default_factory=list)
    analyses: list[dict[str, Any]] = Field(default_factory=list)


class CorrectionRequest(BaseModel):
    """An analyst's correction of an actor, a relation or an event (see docs/store.md)."""

    target: Literal["actor", "relation", "event"]
    id: str = Field(min_length=1, max_length=900, description="the store id or key of the target")
    action: Literal["confirm", "reject", "edit", "merge"]
    set: dict[str, str] = Field(default_factory=dict, description="with edit: the fields and their new values")
    into: str | None = Field(default=None, max_length=900, description="with merge: the actor to merge into")
    author: str | None = Field(default=None, max_length=200)
    note: str | None = Field(default=None, max_length=4000)
