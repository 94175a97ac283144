"""Building the NER lexicons (training/ner/distrib.py): distributional signatures from unlabelled text,
the self-training name lexicon and the lexicon typed by labelled data."""

from __future__ import annotations

from pathlib import Path

from marsad.ner.features import Featuriser, Lexicon
from training.ner.distrib import annotated_lexicon, build_lexicon, name_lexicon


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
