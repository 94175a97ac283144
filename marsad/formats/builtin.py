"""The built-in output formats, registered like any other: text, json and jsonl."""

from __future__ import annotations

from marsad.formats.registry import OutputFormat, OutputOptions, register_format
from marsad.model import Analysis


def _text(analysis: Analysis, options: OutputOptions) -> str:
    """The readable report, coloured when asked, with a blank line after each article."""
    from marsad.report import render_text

    return render_text(analysis, color=options.color) + "\n"


def _json(analysis: Analysis, options: OutputOptions) -> str:
    """The marsad.analysis/1 object, indented."""
    return analysis.to_json(indent=1, tokens=options.tokens) + "\n"


def _jsonl(analysis: Analysis, options: OutputOptions) -> str:
    """The marsad.analysis/1 object on one line."""
    return analysis.to_json(indent=None, tokens=options.tokens) + "\n"


register_format(OutputFormat("text", _text, description="a readable report (default on a terminal)"))
register_format(OutputFormat("json", _json, description="one indented marsad.analysis/1 object per article "
                                                        "(default otherwise)"))
register_format(OutputFormat("jsonl", _jsonl, description="one marsad.analysis/1 object per line"))
