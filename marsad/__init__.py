"""marsad (مرصد): reads Arabic news and rebuilds the system it describes.

    >>> import marsad
    >>> analysis = marsad.analyze("قال الناطق باسم الجيش إن ...")   # the text itself, always
    >>> analysis = marsad.analyze_file("article.txt")                # a file holding one article
    >>> for analysis in marsad.analyze_many(["news/", "corpus.jsonl.gz"]): ...
    >>> analysis.to_json()
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

logging.getLogger("marsad").addHandler(logging.NullHandler())  # the library logs; applications choose what shows

if TYPE_CHECKING:
    from marsad.pipeline import Pipeline

__all__ = ["__version__", "analyze", "analyze_file", "analyze_many", "Pipeline"]

_API = ("analyze", "analyze_file", "analyze_many")


def __getattr__(name: str) -> Any:
    if name == "Pipeline":
        from marsad.pipeline import Pipeline

        return Pipeline
    if name in _API:  # imported on first use, so that `import marsad` stays cheap
        from marsad import api

        return getattr(api, name)
    raise AttributeError(f"module 'marsad' has no attribute {name!r}")
