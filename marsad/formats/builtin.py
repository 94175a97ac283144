"""The built-in output formats, registered like any other: text, json and jsonl."""

from __future__ import annotations

from typing import TextIO

from marsad.formats.registry import FormatWriter, OutputFormat, OutputOptions, register_format
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
class JsonDocumentWriter(FormatWriter):
    """`json` writes one JSON document: the analysis object for one article, a list for several
    (the first object is held until it is known whether another follows)."""

    def __init__(self, fmt: OutputFormat, out: TextIO, options: OutputOptions | None = None) -> None:
        super().__init__(fmt, out, options)
        self.held: str | None = None

    def write(self, analysis: Analysis) -> None:
        """Render one analysis; write it once its place in the document is known."""
        body = self.fmt.render(analysis, self.options).rstrip("\n")
        if self.count == 0:
            self.held = body
        else:
            if self.count == 1:
                self.out.write("[\n" + (self.held or ""))
                self.held = None
            self.out.write(",\n" + body)
        self.count += 1

    def close(self) -> None:
        """The lone object, or the end of the list (nothing when no article was analysed)."""
        if self.count == 1:
            self.out.write((self.held or "") + "\n")
        elif self.count > 1:
            self.out.write("\n]\n")


register_format(OutputFormat("json", _json, writer=JsonDocumentWriter,
                             description="one JSON document: the marsad.analysis/1 object, or a list of them "
                                         "for several articles (default otherwise)"))
register_format(OutputFormat("jsonl", _jsonl, description="one marsad.analysis/1 object per line"))
