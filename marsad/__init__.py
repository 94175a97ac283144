"""marsad (مرصد): reads Arabic news and rebuilds the system it describes.

    >>> import marsad
    >>> analysis = marsad.analyze("قال الناطق باسم الجيش إن ...")
    >>> analysis.to_json()
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

logging.getLogger("marsad").addHandler(logging.NullHandler())  # the library logs; applications choose what shows

if TYPE_CHECKING:
    from marsad.model import Analysis
    from marsad.pipeline import Pipeline

__all__ = ["__version__", "analyze", "Pipeline"]


def analyze(text_or_path: Any, **options: Any) -> "Analysis":
    """Analyse one article given as text, a path, or a `Document`; see `marsad.api.analyze`."""
    from marsad.api import analyze as _analyze

    return _analyze(text_or_path, **options)


def __getattr__(name: str) -> Any:
    if name == "Pipeline":
        from marsad.pipeline import Pipeline

        return Pipeline
    raise AttributeError(f"module 'marsad' has no attribute {name!r}")
