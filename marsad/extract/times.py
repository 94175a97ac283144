"""The `times` component: dates, times and periods of the article, anchored on its publication date.

Absolute expressions («11 أكتوبر 2016», «9/10/2016», «15 رمضان 1437 هـ») resolve on their own;
relative ones («أمس», «الأحد الماضي», «قبل ثلاثة أيام», «الشهر الجاري») are anchored on
`document.published`, and get value None with the flag "unanchored" when the article has no date.
See `marsad.extract.timex` for the grammar and the resolution rules.
"""

from __future__ import annotations

from marsad.extract.timex import find_times
from marsad.extract.timex.dates import FUTURE_WEIGHT
from marsad.layers import NORM
from marsad.model import Analysis
from marsad.options import Option
from marsad.pipeline import register
from marsad.resources import Resources
from marsad.text.normalise import normalise_with_map


@register("times", requires=("sentences", "norm"), assigns=("times",),
          options=(Option("future_weight", float, FUTURE_WEIGHT, "a date named without its year is read in the "
                          "future only when it is this many times closer to the publication date than its past "
                          "occurrence", low=0.0),))
class TimesLayer:
    """Fills `analysis.times` with the time expressions of the article (ids t1, t2 …)."""

    def __init__(self, resources: Resources, *, future_weight: float = FUTURE_WEIGHT) -> None:
        self.future_weight = future_weight

    def __call__(self, analysis: Analysis) -> Analysis:
        norm = NORM.get(analysis)
        if norm.original is not analysis.text:
            norm = normalise_with_map(analysis.text)
        analysis.times = find_times(analysis.text, analysis.document.published, norm=norm,
                                    sentences=analysis.sentences, future_weight=self.future_weight)
        return analysis
