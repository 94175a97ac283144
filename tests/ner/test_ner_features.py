"""Feature extraction: clitic stripping, shapes, the feature lists and the lexicon they read (building the
lexicon from a corpus is tested in tests/training/test_distrib.py)."""

from __future__ import annotations

import pytest

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


def test_gazetteer_marks_longest_match_and_clitics() -> None:
    lex = Lexicon(gazetteer={"كريم سالم": "PER", "طرابلس": "LOC", "كريم": "PER"},
                  external={"وزاره الصحه": "ORG"})
    f = Featuriser(lex)
    toks = ["زار", "كريم", "سالم", "وطرابلس", "ثم", "وزارة", "الصحة"]
    assert f.gazetteer_marks(toks) == ["", "B-PER", "I-PER", "B-LOC", "", "", ""]
    assert f.gazetteer_marks(toks, lex.external) == ["", "", "", "", "", "B-ORG", "I-ORG"]
    feats = f.sentence_features(toks)
    assert "gz=B-PER" in feats[1] and "gz=O" in feats[0] and "1:gz=B-PER" in feats[0]
    assert "xg=I-ORG" in feats[6] and "-1:xg=B-ORG" in feats[6]
    # a per-call gazetteer (training leaves a sentence's own fold out) replaces the lexicon's
    assert "gz=O" in f.sentence_features(toks, gazetteer={"ثم": "LOC"})[1]


def test_feature_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.ner.features as features

    monkeypatch.setattr(features, "CACHE_LIMIT", 10)
    f = Featuriser()
    for i in range(35):
        f.word_features(f"كلمة{i}")
    assert 0 < len(f._cache) <= 10
    assert f.word_features("كلمة34") == Featuriser().word_features("كلمة34")
