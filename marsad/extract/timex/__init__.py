"""Arabic time expressions: a regular grammar over normalised text and their anchored values.

`find_times(text, published)` returns `marsad.model.Time` objects; the `times` pipeline component
(`marsad.extract.times`) calls it with the document's normalised view and sentences.
"""

from marsad.extract.timex.find import find_times

__all__ = ["find_times"]
