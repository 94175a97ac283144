"""Feature extraction: clitic stripping, shapes, the feature lists and the distributional lexicon."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ner.distrib import annotated_lexicon, build_lexicon, name_lexicon
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
    lex.names = name_lexicon(lambda ss: [["B-PER" if w == "سالم" else "O" for w in s] for s in ss], docs, batch=2)
    assert lex.names == {"سالم": "PER:hi"}
    path = tmp_path / "lex.json.gz"
    lex.save(path)
    back = Lexicon.load(path)
    assert back == lex
    feats = Featuriser(back).sentence_features(["سالم"])[0]
    assert "t=PER:hi" in feats and "a=0" in feats


def test_annotated_lexicon_types_words_by_their_labels() -> None:
    # words are normalised; the band is the share of a word's occurrences labelled with its majority
    # type; words seen fewer than min_count times, or never in a name, are left out
    sents = [["زار", "نزار", "مدينة", "حلب", "أمس"], ["التقى", "نزار", "وفدا", "من", "حلب"],
             ["حلب", "مدينة", "قديمة"], ["ذهب", "مراد", "إلى", "السوق"], ["قال", "الأمين", "العام"],
             ["الأمين", "العام", "للجامعة"], ["وصل", "الأمين", "العام"], ["عين", "الأمين", "مديرا"],
             ["غادر", "الأمين"]]
    labels = [["O", "B-PER", "O", "B-LOC", "O"], ["O", "B-PER", "O", "O", "B-LOC"], ["B-LOC", "O", "O"],
              ["O", "B-PER", "O", "O"], ["O", "B-PER", "O"], ["O", "O", "O"], ["O", "O", "O"], ["O", "O", "O"],
              ["O", "O"]]
    lex = annotated_lexicon(sents, labels)
    assert lex == {"نزار": "PER:hi", "حلب": "LOC:hi", "الامين": "PER:lo"}
    assert annotated_lexicon(sents, labels, min_count=4) == {"الامين": "PER:lo"}


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


def test_build_and_fold_gazetteers() -> None:
    from marsad.ner.training import build_gazetteer, fold_gazetteers

    sents = [["زار", "كريم", "سالم"], ["في", "طرابلس"], ["في", "سرت"], ["في", "طرابلس"]]
    labels = [["O", "B-PER", "I-PER"], ["O", "B-LOC"], ["O", "B-LOC"], ["O", "B-ORG"]]
    gaz = build_gazetteer(sents, labels)
    assert gaz["كريم سالم"] == "PER" and gaz["سرت"] == "LOC"
    assert gaz["طرابلس"] in ("LOC", "ORG")
    folds = fold_gazetteers(sents, labels, folds=2)
    # sentences 0 and 2 form fold 0: their gazetteer comes from sentences 1 and 3 only
    assert set(folds[0]) == set(folds[2]) == {"طرابلس"}
    assert folds[1] == folds[3] == {"كريم سالم": "PER", "سرت": "LOC"}


def test_simhash_classes_are_deterministic_and_group_alike_words() -> None:
    docs = []
    for name in ("سالم", "فؤاد", "رامي"):
        docs += [["قال", "الوزير", name, "ان", "الوضع", "هادئ"]] * 25
    for place in ("سرت", "درنه"):
        docs += [["وصل", "الى", place, "مساء", "امس", "."]] * 25
    a = build_lexicon(docs, min_count=3, contexts=20, simhash_bits=True)
    b = build_lexicon(list(reversed(docs)), min_count=3, contexts=20, simhash_bits=True)

    def h16(lex: Lexicon, w: str) -> str:
        return next(p for p in lex.words[w].split() if p.startswith("h16="))

    assert h16(a, "سالم") == h16(b, "سالم")  # independent of document order
    assert h16(a, "سالم") == h16(a, "فؤاد") == h16(a, "رامي")  # same contexts, same class
    assert h16(a, "سرت") == h16(a, "درنه") != h16(a, "سالم")


def test_feature_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.ner.features as features

    monkeypatch.setattr(features, "CACHE_LIMIT", 10)
    f = Featuriser()
    for i in range(35):
        f.word_features(f"كلمة{i}")
    assert 0 < len(f._cache) <= 10
    assert f.word_features("كلمة34") == Featuriser().word_features("كلمة34")
