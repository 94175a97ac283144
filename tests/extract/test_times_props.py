"""Properties of the `times` layer over generated texts: offsets trace back, values fit their
precision, the analysis validates, and nothing raises whatever the mix of words and marks."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.model import Document
from marsad.pipeline import Pipeline
from marsad.schema import validate_analysis

_PIPE = Pipeline(components=("sentences", "tokens", "times"))

_FRAGMENTS = [
    "أمس", "اليوم", "غداً", "أول أمس", "ليلة أمس،", "الأحد", "الخميس المقبل", "الجمعة الماضية",
    "11 أكتوبر 2016", "3 تشرين الأول/أكتوبر", "أكتوبر", "عام 2014", "2015", "9/10/2016", "2016-10-09",
    "15 رمضان 1437 هـ", "رمضان 1437", "من 5 إلى 10 أكتوبر", "بين عامي 2014 و2016", "2014-2016",
    "الساعة الثالثة فجراً", "01:10 م", "منذ يومين", "قبل ثلاثة أيام", "بعد أسبوعين", "الأسبوع الماضي",
    "الشهر الجاري", "العام الماضي", "صيف 2014", "الستينيات", "القرن الماضي", "مطلع", "نهاية",
    "قال", "المتحدث", "إن", "القوات", "في", "و", "،", ".", "\n", "من", "بين", "الساعة", "يوم",
    "ثورة", "17 فبراير", "اب", "أيار", "صفر", "20", "30", "شخصا", "برميل", "٢٠١٦", "١١",
]
_MARKS = ["", "", "", "\u064e", "\u0650", "\u0640", "\u200f"]


@st.composite
def texts(draw: st.DrawFn) -> str:
    """A sentence-like mix of time fragments, filler words, punctuation and stray marks."""
    words = draw(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=25))
    out = []
    for w in words:
        mark = draw(st.sampled_from(_MARKS))
        cut = draw(st.integers(min_value=0, max_value=len(w)))
        out.append(w[:cut] + mark + w[cut:])
    return " ".join(out)


_VALUE = {
    "minute": r"\d{4}-\d\d-\d\dT\d\d:\d\d", "hour": r"\d{4}-\d\d-\d\dT\d\d", "day": r"\d{4}-\d\d-\d\d",
    "week": r"\d{4}-W\d\d", "month": r"\d{4}-\d\d", "season": r"\d{4}-(?:SP|SU|FA|WI)", "year": r"\d{4}",
    "decade": r"\d{3}", "range": r"[\d\-W]+/[\d\-W]+",
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts(), st.sampled_from([None, "2016-10-11T13:10", "2017-01-01", "2016-02-29"]))
def test_offsets_values_and_schema(text: str, published: str | None) -> None:
    analysis = _PIPE(Document(id="p", source_id="p", text=text, published=published))
    assert validate_analysis(analysis.to_dict()) == []
    last_end = -1
    for t in analysis.times:
        assert text[t.start:t.end] == t.text and t.text.strip() == t.text
        assert t.start >= last_end
        last_end = t.end
        if t.value is not None:
            assert re.fullmatch(_VALUE[t.precision], t.value), (t.text, t.value, t.precision)
        elif not {"unanchored", "out_of_range"} & set(t.flags):
            raise AssertionError(f"value None without the unanchored flag: {t}")
        if published is None:
            assert t.anchor is None
