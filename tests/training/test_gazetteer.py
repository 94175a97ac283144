"""The person-name gazetteer: building it from names-dataset's files, merging it under the name
lexicon, storing it, and the neural tagger's encoder reading its types."""

from __future__ import annotations

import gzip
import importlib.util
import pickle
from pathlib import Path

import pytest

from marsad.ner.neural import NAME_TYPES, TokenEncoder
from marsad.text.normalise import normalise
from training.ner.gazetteer import GAZ_TYPES, HI_RANK, UNRANKED, arabic_names, load_gazetteer, merge_names, save_gazetteer

ROOT = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location("build_name_gazetteer", ROOT / "scripts" / "build_name_gazetteer.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_arabic_names_keeps_arabic_letters_only_and_the_best_rank() -> None:
    gaz = arabic_names([
        ("أسامة", {"EG": 40, "LY": 12}),
        ("اسامة", {"SA": 7}),            # another spelling of the same name once normalised
        ("Osama", {"US": 900}),          # Latin
        ("Jovan ت", {"RS": 3}),          # mixed script
        ("عبد الرحيم", {"SD": 5}),       # a space: two tokens in text
        ("ن", {"EG": 1}),                # one letter
        ("زبيدة", {}),                   # ranked nowhere
    ])
    assert gaz == {normalise("أسامة"): 7, normalise("زبيدة"): UNRANKED}


def test_merge_keeps_lexicon_types_and_bands_the_rest() -> None:
    lexicon = {"طرابلس": "LOC:hi", "حمدان": "PER:mid"}
    gaz = {"حمدان": 3, "طرابلس": 50, "نصار": HI_RANK, "قنديل": HI_RANK + 1}
    merged = merge_names(lexicon, gaz)
    assert merged == {"طرابلس": "LOC:hi", "حمدان": "PER:mid", "نصار": "GAZ:hi", "قنديل": "GAZ:lo"}
    assert lexicon == {"طرابلس": "LOC:hi", "حمدان": "PER:mid"}  # not changed in place
    assert merge_names({}, gaz, hi_rank=2) == {w: "GAZ:lo" for w in gaz}
    assert merge_names(lexicon, gaz, skip={"نصار", "طرابلس"}) == {
        "طرابلس": "LOC:hi", "حمدان": "PER:mid", "قنديل": "GAZ:lo"}


def test_save_and_load_round_trip_and_repeat_byte_for_byte(tmp_path: Path) -> None:
    gaz = {"سليمان": 2, "بلقاسم": 480, "زهرة": UNRANKED}
    a, b = tmp_path / "a.tsv.gz", tmp_path / "b.tsv.gz"
    save_gazetteer(a, gaz)
    save_gazetteer(b, dict(reversed(list(gaz.items()))))
    assert load_gazetteer(a) == gaz
    assert a.read_bytes() == b.read_bytes()


def test_bad_gazetteer_files_name_the_file_and_the_line(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="gone.tsv.gz: not found"):
        load_gazetteer(tmp_path / "gone.tsv.gz")
    plain = tmp_path / "plain.tsv.gz"
    plain.write_text("سليمان\t2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="plain.tsv.gz: not a gzipped UTF-8 gazetteer"):
        load_gazetteer(plain)
    bad = tmp_path / "bad.tsv.gz"
    bad.write_bytes(gzip.compress("# word\tbest_rank\nسليمان\t2\nبلقاسم\tكثير\n".encode()))
    with pytest.raises(ValueError, match=r"bad.tsv.gz: line 3: expected 'word<TAB>rank'"):
        load_gazetteer(bad)


def test_encoder_reads_gazetteer_types_and_stores_them() -> None:
    names = merge_names({"مصراتة": "LOC:hi"}, {"الهادي": 15, "بوشناف": 5000})
    enc = TokenEncoder(["قال"], ["قال"], list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي"), ["", "و"], names)
    assert NAME_TYPES[-len(GAZ_TYPES):] == GAZ_TYPES
    assert enc.encode("الهادي")[4] == NAME_TYPES.index("GAZ:hi")
    assert enc.encode("بوشناف")[4] == NAME_TYPES.index("GAZ:lo")
    assert enc.encode("قال")[4] == NAME_TYPES.index("none")
    again = TokenEncoder.from_arrays(enc.to_arrays())
    assert again.names == names


def test_build_script_reads_names_dataset_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "v3"
    src.mkdir()
    first = {"مبروكة": {"country": {"LY": 1.0}, "gender": {"F": 1.0}, "rank": {"LY": 310}},
             "Mabruka": {"country": {"LY": 1.0}, "gender": {"F": 1.0}, "rank": {"LY": 900}}}
    last = {"الزوي": {"country": {"LY": 1.0}, "gender": {}, "rank": {}},
            "مبروكه": {"country": {"TN": 1.0}, "gender": {}, "rank": {"TN": 20}}}
    for name, data in (("first_names.pkl.gz", first), ("last_names.pkl.gz", last)):
        with gzip.open(src / name, "wb") as fh:
            pickle.dump(data, fh)
    out = tmp_path / "gaz.tsv.gz"
    assert _script().main(["--source", str(src), "--out", str(out)]) == 0
    assert load_gazetteer(out) == {normalise("مبروكة"): 20, normalise("الزوي"): UNRANKED}
    assert "4 names read, 2 Arabic-script names written" in capsys.readouterr().out


def test_build_script_says_what_is_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _script().main(["--source", str(tmp_path), "--out", str(tmp_path / "g.tsv.gz")]) == 2
    err = capsys.readouterr().err
    assert "first_names.pkl.gz, last_names.pkl.gz not found" in err and str(tmp_path) in err
