"""The Python API and the analysis contract: every output validates against the shipped schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import marsad
from marsad.errors import InputError
from marsad.model import Analysis, Document
from marsad.schema import analysis_schema, validate_analysis

TEXTS = [
    "قال المتحدث باسم الجيش إن القوات سيطرت على المدينة.",
    "عنوان قصير\n\nالخميس 3 مايو 2018 10:00 ص\n\nأعلنت الحكومة أمس عن اتفاق جديد. وأكد الوزير ذلك.",
    "",
    "English text only, no Arabic at all.",
    "سطر واحد بلا نقطة",
]


@pytest.mark.parametrize("text", TEXTS)
def test_output_validates_against_schema(text: str) -> None:
    data = marsad.analyze(text).to_dict()
    assert validate_analysis(data) == []


def test_sample_article_validates(sample_article: Path) -> None:
    analysis = marsad.analyze_file(str(sample_article))
    assert analysis.document.source_id == str(sample_article)
    assert validate_analysis(json.loads(analysis.to_json())) == []
    assert analysis.sentences and analysis.tokens


def test_reference_article_validates(reference_article: Path) -> None:
    analysis = marsad.analyze_file(reference_article)
    assert validate_analysis(analysis.to_dict()) == []


def test_validator_catches_bad_offsets() -> None:
    data = marsad.analyze("قال الوزير إن الوضع هادئ.").to_dict()
    data["sentences"].append({"start": 5, "end": 500})
    assert any("outside the text" in p for p in validate_analysis(data))
    data = marsad.analyze("قال الوزير إن الوضع هادئ.").to_dict()
    data["tokens"][0]["text"] = "خطأ"
    assert any("differs from" in p for p in validate_analysis(data))


def test_validator_catches_renamed_field() -> None:
    data = marsad.analyze("قال الوزير.").to_dict()
    data["entity_list"] = data.pop("entities")
    assert validate_analysis(data)


def test_schema_is_shipped_and_names_the_contract() -> None:
    assert analysis_schema()["$id"] == "marsad.analysis/1"


def test_json_round_trip() -> None:
    analysis = marsad.analyze(TEXTS[1])
    again = Analysis.from_dict(json.loads(analysis.to_json()))
    assert again.to_dict() == analysis.to_dict()


def test_same_text_same_id() -> None:
    assert marsad.analyze(TEXTS[0]).document.id == marsad.analyze(TEXTS[0]).document.id
    assert marsad.analyze(TEXTS[0]).document.id != marsad.analyze(TEXTS[1]).document.id


def test_arabic_is_not_escaped_in_json() -> None:
    assert "المتحدث" in marsad.analyze(TEXTS[0]).to_json()


def test_analyze_document_and_disable() -> None:
    doc = Document(id="d1", source_id="mine", text=TEXTS[0])
    out = marsad.analyze(doc, disable=["framing"])
    assert out.document.source_id == "mine"
    assert "framing" not in out.layers


def test_analyze_reads_a_string_as_text(tmp_path: Path) -> None:
    # a string is the article's text, never a path
    out = marsad.analyze(str(tmp_path / "nope.txt"))
    assert out.document.source_id == "<text>"


def test_analyze_unreadable_path_raises_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    with pytest.raises(InputError):
        marsad.analyze_file(bad)


def test_pipeline_pipe_batches() -> None:
    pipe = marsad.Pipeline()
    docs = [Document(id=str(i), source_id=str(i), text=t) for i, t in enumerate(TEXTS)]
    out = list(pipe.pipe(docs, batch_size=2))
    assert [a.document.id for a in out] == [str(i) for i in range(len(TEXTS))]


def test_published_must_be_a_date() -> None:
    assert marsad.analyze("قال الوزير إن الوضع هادئ.", published="2016-10-11").document.published == "2016-10-11"
    with pytest.raises(InputError, match="not a date"):
        marsad.analyze("قال الوزير إن الوضع هادئ.", published="garbage")


def test_schema_rejects_trailing_junk_in_published() -> None:
    data = marsad.analyze("قال الوزير.").to_dict()
    data["document"]["published"] = "2016-10-11junk"
    assert validate_analysis(data)


def test_analyze_leaves_the_callers_document_unchanged() -> None:
    doc = Document(id="d1", source_id="wire", text="قال المتحدث باسم الجيش إن القوات دخلت مدينة سرت أمس.")
    res = marsad.analyze(doc, source_id="other-desk", published="2016-09-12")
    assert res.document.source_id == "other-desk" and res.document.published == "2016-09-12"
    assert doc.source_id == "wire" and doc.published is None and doc.warnings == []
