"""Feature extraction: clitic stripping, shapes, the feature lists and the distributional lexicon."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ner.distrib import build_lexicon, name_lexicon
from marsad.ner.features import MAX_TOKEN_CHARS, Featuriser, Lexicon, shape, strip_clitics


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("والقاهره", ("وال", "قاهره")),
        ("بباريس", ("ب", "باريس")),
        ("للجيش", ("لل", "جيش")),
        ("فالحكومه", ("فال", "حكومه")),
        ("وزير", ("و", "زير")),  # the splitter is greedy; features keep the full word too
        ("في", ("", "في")),
        ("ال", ("", "ال")),
        ("", ("", "")),
    ],
)
def test_strip_clitics(word: str, expected: tuple[str, str]) -> None:
    assert strip_clitics(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("طرابلس", "ar"), ("NATO", "LAT"), ("Reuters", "Lat"), ("iphone", "lat"), ("2016", "dig"),
     ("،", "punct"), ("(قال", "ar+p"), (".", "punct"), ("G20", "mix"), ("", "empty")],
)
def test_shape(word: str, expected: str) -> None:
    assert shape(word) == expected


def test_sentence_features_window_and_normalisation() -> None:
    f = Featuriser()
    feats = f.sentence_features(["زار", "أحمد", "بنغازي"])
    assert len(feats) == 3
    assert "w=احمد" in feats[1]  # normalised form
    assert "-1:w=زار" in feats[1] and "1:w=بنغازي" in feats[1]
    assert "BOS" in feats[0] and "EOS" in feats[2]
    assert not any(x.startswith("-1:") for x in feats[0])
    assert f.sentence_features([]) == []


def test_long_token_is_cut() -> None:
    feats = Featuriser().sentence_features(["ب" * 10_000])
    assert max(len(x) for x in feats[0]) < MAX_TOKEN_CHARS + 10


def test_lexicon_build_save_load(tmp_path: Path) -> None:
    docs = [["قال", "الوزير", "سالم", "ان", "الحكومه", "قررت"]] * 4 + [["قال", "سالم", "ان", "الوضع", "هادئ"]] * 3
    lex = build_lexicon(docs, min_count=3, contexts=5)
    assert "سالم" in lex.words
    sig = lex.words["سالم"]
    assert "a=0" in sig.split()  # never seen with the article
    assert "l0=" in sig and "r0=ان" in sig
    lex.names = name_lexicon(lambda s: ["B-PER" if w == "سالم" else "O" for w in s], docs)
    assert lex.names == {"سالم": "PER:hi"}
    path = tmp_path / "lex.json.gz"
    lex.save(path)
    back = Lexicon.load(path)
    assert back == lex
    feats = Featuriser(back).sentence_features(["سالم"])[0]
    assert "t=PER:hi" in feats and "a=0" in feats
