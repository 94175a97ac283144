"""Bytes to text: size limits, encodings (UTF-8, UTF-16, Windows-1256 …), binary and Arabic checks."""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path
from typing import BinaryIO

from marsad.errors import InputError
from marsad.ingest.clean import looks_binary

# Letters are counted on the UTF-8 bytes, which is fast: a character of the Arabic block (U+0600-06FF)
# starts with one of the bytes D8-DB, of the Arabic supplement (U+0750-077F) with DD; Latin letters
# are the ASCII ones plus the accented ones (lead bytes C3-C9), Greek and Cyrillic lead with CE-D3.
_ARABIC_LEADS = (*(bytes([b]) for b in (0xD8, 0xD9, 0xDA, 0xDB, 0xDD)),
                 # presentation forms A and B (U+FB50-FDFF, U+FE70-FEFF), as in text taken from PDFs
                 *(bytes([0xEF, b]) for b in (*range(0xAD, 0xB8), 0xB9, 0xBA, 0xBB)))
_OTHER_LEADS = tuple(bytes([b]) for b in (*range(0xC3, 0xCA), *range(0xCE, 0xD4)))
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
#: at least this share of the letters must be Arabic for a text to count as Arabic
MIN_ARABIC_SHARE = 0.2


def human_size(n: int) -> str:
    """"52,428,800 bytes (50.0 MB)": a byte count for messages."""
    return f"{n:,} bytes ({n / 1024 / 1024:.1f} MB)"


def too_big(size: int, limit: int) -> str:
    """The reason given for an input over the size limit."""
    return (f"file is {human_size(size)}, over the limit of {human_size(limit)} "
            "(raise max_bytes in marsad.toml or $MARSAD_MAX_BYTES to read it)")


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of `path`, refused (InputError) before reading when the file is over `limit`."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(name, too_big(size, limit))
        with path.open("rb") as fh:
            return _read_at_most(fh, limit, name)
    except FileNotFoundError:
        raise InputError(name, "no such file or directory") from None
    except PermissionError:
        raise InputError(name, "cannot read the file (permission denied)") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory") from None
    except OSError as exc:
        raise InputError(name, f"cannot read the file ({exc.strerror or exc})") from None


def read_stdin(limit: int, stream: BinaryIO | None = None) -> bytes:
    """Standard input (or `stream`), refused once it grows over `limit` bytes."""
    fh = stream if stream is not None else sys.stdin.buffer
    return _read_at_most(fh, limit, "-")


def _read_at_most(fh: BinaryIO, limit: int, name: str) -> bytes:
    """Read up to `limit` bytes; a stream that holds more is refused without reading it all."""
    data = fh.read(limit + 1)
    if len(data) > limit:
        size = _full_size(fh)
        raise InputError(name, too_big(size, limit) if size else
                         f"input is over the limit of {human_size(limit)} (raise max_bytes to read it)")
    return data


def _full_size(fh: BinaryIO) -> int | None:
    """The full size of a seekable stream, else None (a pipe is not read further to count it)."""
    try:
        return os.fstat(fh.fileno()).st_size or None
    except (OSError, AttributeError, ValueError):
        return None


#: UTF-8 with at most one invalid byte sequence for every this many valid multi-byte characters is
#: read as UTF-8 (with replacement characters); more, and the bytes are taken for a legacy encoding
UTF8_VALID_PER_ERROR = 20


def decode(raw: bytes, item: str) -> str:
    """Text from bytes (see `decode_with_notes`; the notes are dropped)."""
    return decode_with_notes(raw, item)[0]


def decode_with_notes(raw: bytes, item: str) -> tuple[str, list[str]]:
    """Text from bytes, and warnings on how it was decoded when that was not plain UTF-8.

    UTF-8 (BOM dropped), UTF-16/32 with a BOM, UTF-8 with a few invalid bytes (replaced by U+FFFD and
    counted), Arabic UTF-16 without a BOM (a guess), else a guessed legacy encoding (Windows-1256 or
    charset-normalizer's guess, reported as a guess). Raises InputError for an empty input, binary
    data, or bytes whose encoding cannot be told.
    """
    if not raw.strip():
        raise InputError(item, "empty file" if raw == b"" else "file holds only blank space")
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return _checked(raw.decode(codec), item), []
            except UnicodeDecodeError as exc:
                raise InputError(item, f"starts with a {codec.upper()} byte-order mark but is not valid "
                                       f"{codec.upper()} (byte {exc.start})") from None
    if b"\x00" in raw[:8192]:
        found = _utf16_without_bom(raw)
        if found is not None:
            return _checked(found[0], item), [f"encoding guessed as {found[1].upper()} (no byte-order mark)"]
        _checked(raw[:8192].decode("latin-1"), item)  # the same control-character rule, on the bytes
    try:
        return _checked(raw.decode("utf-8"), item), []
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(raw)
    if mostly is not None:
        text, bad = mostly
        return _checked(text, item), [f"not valid UTF-8: {bad} invalid byte sequence(s) replaced by U+FFFD"]
    text, encoding = _guess(raw, item)
    return _checked(text, item), [f"not UTF-8; encoding guessed as {encoding}"]


def _mostly_utf8(raw: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few invalid bytes: the text with replacement characters and the number replaced."""
    text = raw.decode("utf-8", "replace")
    bad = text.count("\ufffd") - raw.count(b"\xef\xbf\xbd")
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - bad
    if bad > 0 and multibyte >= UTF8_VALID_PER_ERROR * bad:
        return text, bad
    return None


def _utf16_without_bom(raw: bytes) -> tuple[str, str] | None:
    """Arabic UTF-16 text saved without a byte-order mark, with its codec; None for anything else."""
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if arabic_share(text) >= 0.5:
            return text, codec
    return None


def _guess(raw: bytes, item: str) -> tuple[str, str]:
    """Decode non-UTF-8 bytes: Windows-1256 when that gives Arabic, else charset-normalizer's guess."""
    try:
        text = raw.decode("cp1256")
        if arabic_share(text) >= 0.5:
            return text, "Windows-1256"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        best = None
    else:
        best = from_bytes(raw[:200_000]).best()
    if best is None or best.encoding is None:
        raise InputError(item, "cannot tell the text encoding (not UTF-8, UTF-16 or Windows-1256); "
                               "save the file as UTF-8")
    try:
        return raw.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        raise InputError(item, f"cannot decode the file (looks like {best.encoding} but is not valid in it); "
                               "save it as UTF-8") from None


def _checked(text: str, item: str) -> str:
    """Refuse text that is mostly control characters (a binary file that happens to decode)."""
    if looks_binary(text):
        raise InputError(item, "binary file, not text (control characters such as NUL bytes)")
    return text


def arabic_share(text: str) -> float:
    """The share of letters that are Arabic in the first 20,000 characters of `text` (0.0 without letters).

    Characters of the Arabic block count as Arabic letters (digits and punctuation of the block
    included: an approximation that is fast and good enough to tell an Arabic article).
    """
    raw = text[:20_000].encode("utf-8", "replace")
    arabic = sum(raw.count(b) for b in _ARABIC_LEADS)
    latin = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
    other = sum(raw.count(b) for b in _OTHER_LEADS)
    total = arabic + latin + other
    return arabic / total if total else 0.0


def is_arabic(text: str) -> bool:
    """True when enough of the text's letters are Arabic to analyse it."""
    return arabic_share(text) >= MIN_ARABIC_SHARE
