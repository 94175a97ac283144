"""Proclitic splitting decided with corpus counts and the hand-written lists."""

from __future__ import annotations

import subprocess
import sys

import pytest

from marsad.text.clitics import PREFIXES, PRIOR, definite_form, split_proclitics, word_count
from marsad.text.normalise import normalise


@pytest.mark.parametrize(("word", "prefix", "stem"), [
    ("والجيش", "وال", "جيش"),
    ("بالمال", "بال", "مال"),
    ("للقوات", "لل", "قوات"),
    ("وحفتر", "و", "حفتر"),
    ("لحفتر", "ل", "حفتر"),
    ("فالتقدم", "فال", "تقدم"),
    ("وبالجنوب", "وبال", "جنوب"),
    ("وللقوات", "ولل", "قوات"),
    ("وقال", "و", "قال"),
    ("بسبب", "ب", "سبب"),
    ("لمحاصرة", "ل", "محاصره"),
    ("فزعيم", "ف", "زعيم"),
    ("الجيش", "ال", "جيش"),
    ("ولبنان", "و", "لبنان"),
    ("للبنان", "ل", "لبنان"),
    ("وبنغازي", "و", "بنغازي"),
    ("وآلاف", "و", "الاف"),
    ("كالجيش", "كال", "جيش"),
    ("فبالنسبة", "فبال", "نسبه"),
    ("فللجيش", "فلل", "جيش"),
    ("ولحفتر", "ول", "حفتر"),
    ("كحفتر", "ك", "حفتر"),
    ("والمسماري", "وال", "مسماري"),
    ("وللـقوات", "ولل", "قوات"),
])
def test_proclitics_are_stripped(word: str, prefix: str, stem: str) -> None:
    assert split_proclitics(normalise(word)) == (prefix, stem)


@pytest.mark.parametrize("word", [
    # names that begin with proclitic letters
    "بلال", "فرج", "وليد", "فادي", "كمال", "لبنان", "بنغازي", "بشار", "فيصل", "وائل",
    # words of their own
    "كان", "كما", "والي", "الله", "وزارة", "بحث", "بيان", "بين", "التي", "الذي", "فقط", "لكن", "آلاف",
    # too short to hold a proclitic and a stem
    "به", "لي", "وا",
])
def test_names_and_words_of_their_own_survive(word: str) -> None:
    norm = normalise(word)
    assert split_proclitics(norm) == ("", norm)


def test_unknown_stem_is_not_split() -> None:
    assert split_proclitics("وقزبلطن") == ("", "وقزبلطن")


def test_word_count_reads_the_vocabulary() -> None:
    assert word_count("الجيش") > 1000
    assert word_count("قال") > word_count("تنتوش")
    assert word_count("قزبلطن") == 0


def test_every_prefix_has_a_prior_and_longer_prefixes_come_first() -> None:
    assert set(PREFIXES) == set(PRIOR)
    assert [len(p) for p in PREFIXES] == sorted((len(p) for p in PREFIXES), reverse=True)
    assert all(0 < v <= 1 for v in PRIOR.values())


@pytest.mark.parametrize(("prefix", "stem", "form"), [
    ("لل", "قوات", "القوات"), ("وبال", "جنوب", "الجنوب"), ("و", "حفتر", "حفتر"), ("", "جيش", "جيش"),
])
def test_definite_form(prefix: str, stem: str, form: str) -> None:
    assert definite_form(prefix, stem) == form


def test_vocabulary_loads_fast_in_a_fresh_process() -> None:
    code = ("import time; from marsad.text.clitics import word_count; t = time.process_time(); "
            "word_count('x'); print(time.process_time() - t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert float(out.stdout) < 0.3


@pytest.fixture()
def tiny_vocab(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Replace the corpus counts with a small hand-made table (the lists stay the shipped ones)."""
    from marsad.text import clitics

    table: dict[str, int] = {}
    monkeypatch.setattr(clitics, "_vocab", lambda: table)
    return table


def test_rule_frequent_collocation_is_still_split(tiny_vocab: dict[str, int]) -> None:
    from marsad.text.clitics import split_uncached

    tiny_vocab.update({"سار": 1000, "وسار": 500})
    assert split_uncached("وسار") == ("و", "سار")


def test_rule_word_far_above_the_prefix_reading_is_kept(tiny_vocab: dict[str, int]) -> None:
    from marsad.text.clitics import split_uncached

    tiny_vocab.update({"سار": 1000, "بسار": 50_000})  # expected 0.058 * 1000 = 58 ≪ 50,000 / 200
    assert split_uncached("بسار") == ("", "بسار")


def test_rule_word_taking_the_article_is_kept(tiny_vocab: dict[str, int]) -> None:
    from marsad.text.clitics import split_uncached

    tiny_vocab.update({"حث": 900, "بحث": 50, "البحث": 10})
    assert split_uncached("بحث") == ("", "بحث")


def test_rule_unseen_word_with_known_stem_is_split(tiny_vocab: dict[str, int]) -> None:
    from marsad.text.clitics import split_uncached

    tiny_vocab.update({"زعيم": 500, "الزعيم": 800})
    assert split_uncached("فزعيم") == ("ف", "زعيم")
    assert split_uncached("وبالزعيم") == ("وبال", "زعيم")
    assert split_uncached("للزعيم") == ("لل", "زعيم")


def test_rule_rare_combination_needs_a_frequent_stem(tiny_vocab: dict[str, int]) -> None:
    from marsad.text.clitics import split_uncached

    tiny_vocab.update({"ايهم": 50})  # «ول» reading expected 0.002 * 50 = 0.1 times: too rare
    assert split_uncached("ولايهم") == ("", "ولايهم")
    tiny_vocab["ايهم"] = 5000
    assert split_uncached("ولايهم") == ("ول", "ايهم")


def test_rule_unknown_stem_or_short_stem_is_kept(tiny_vocab: dict[str, int]) -> None:
    from marsad.text.clitics import split_uncached

    tiny_vocab.update({"ر": 10_000, "سار": 2})  # below MIN_STEM_COUNT
    assert split_uncached("ور") == ("", "ور")
    assert split_uncached("وسار") == ("", "وسار")
