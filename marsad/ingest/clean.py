"""The rules every article's text passes, whatever route it came by (file, standard input, JSON, API).

* Lone surrogates (a JSON escape such as ``"\\udfff"``, or a Python string built by hand) cannot be
  written as UTF-8; each is replaced by U+FFFD (one character for one, so offsets do not move) and
  counted in a warning.
* NUL and the other control characters that never occur in text (all of C0 except tab, line feed,
  vertical tab, form feed and carriage return, plus DEL): when they make more than 1 % of the first
  8,192 characters (and more than 8 of them), the input is refused as binary; fewer are kept as they
  are (they are characters of the text and offsets count them) and counted in a warning.
"""

from __future__ import annotations

import re

from marsad.errors import InputError

_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
#: the head of the text that the binary test looks at (characters)
SAMPLE = 8192


def replace_surrogates(value: str) -> tuple[str, int]:
    """`value` with every surrogate code point replaced by U+FFFD, and how many were replaced."""
    return _SURROGATE.subn("\ufffd", value)


def looks_binary(text: str) -> bool:
    """True when control characters make more than 1 % (and more than 8) of the text's head."""
    sample = text[:SAMPLE]
    return len(_CONTROL.findall(sample)) > max(8, len(sample) // 100)


def clean_text(text: str, item: str) -> tuple[str, list[str]]:
    """The text with surrogates replaced, and the warnings to report; InputError for binary data."""
    if looks_binary(text):
        raise InputError(item, "binary data, not text (control characters such as NUL bytes)")
    warnings: list[str] = []
    text, bad = replace_surrogates(text)
    if bad:
        warnings.append(f"{bad} invalid character(s) (lone surrogates) replaced by U+FFFD")
    controls = len(_CONTROL.findall(text))
    if controls:
        warnings.append(f"{controls} control character(s) such as NUL in the text (kept as they are)")
    return text, warnings
