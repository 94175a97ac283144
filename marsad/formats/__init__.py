"""Output formats: how analyses are written (`marsad analyze --format NAME`).

Each format is an `OutputFormat` registered under a name; the built-in ones (text, json, jsonl) are
registered in `marsad/formats/builtin.py`, installed plugins add theirs through `marsad.plugins`.

    from marsad.formats import OutputFormat, register_format
    register_format(OutputFormat("tsv", lambda analysis, options: ..., description="one entity a line"))
"""

from __future__ import annotations

from marsad.formats.registry import (
    FormatWriter,
    OutputFormat,
    OutputOptions,
    format_names,
    formats,
    get_format,
    open_writer,
    register_format,
    unregister_format,
)

__all__ = ["FormatWriter", "OutputFormat", "OutputOptions", "format_names", "formats", "get_format",
           "open_writer", "register_format", "unregister_format"]
