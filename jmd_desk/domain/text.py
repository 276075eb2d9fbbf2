"""Text folding for search: case, accents and German umlaut spellings do not matter."""

import re
import unicodedata

_UMLAUT_SPELLING = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold(text: str) -> str:
    """Lower case without diacritics: ``Müller`` -> ``muller``, ``Ğül`` -> ``gul``."""
    if text.isascii():  # most names; ten times faster than normalising
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_key(*parts: str | None) -> str:
    """The searchable form of a record: folded words plus their umlaut spellings.

    ``Müller`` is found by ``müller``, ``muller`` and ``mueller``.
    """
    words = " ".join(p for p in parts if p)
    plain = fold(words)
    spelled = fold(words.casefold().translate(_UMLAUT_SPELLING))
    return plain if spelled == plain else f"{plain} {spelled}"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def spreadsheet_safe(cell: object) -> object:
    """A CSV cell that Excel or LibreOffice will not run as a formula (``=cmd|…``,
    ``=HYPERLINK(…)``): text starting like a formula gets a leading apostrophe; numbers stay."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(cell):
        return "'" + cell
    return cell


_ALLOWED_IN_NOTES = frozenset("\n\t")


def unsafe_character(text: str, *, multiline: bool = False) -> str | None:
    """The first control, format (bidi override, zero-width) or line/paragraph separator
    character in ``text``, or None. Notes may hold line breaks and tabs; names may not."""
    if text.isprintable():  # no "Other" or "Separator" character at all: the common case, at C speed
        return None
    allowed = _ALLOWED_IN_NOTES if multiline else frozenset()
    for ch in text:
        if ch in allowed:
            continue
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
            return ch
    return None
