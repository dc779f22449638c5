"""Cell values as people type them, made storable and comparable.

Clerks pad cells with ordinary and full-width spaces, type digits and Latin letters in full
width, press Alt+Enter inside a name, and Excel hands numbers back as floats. Every value read
from a sheet goes through :func:`clean_line` (one-line fields) or :func:`clean_text` (fields that
may hold several lines); every value compared with the database goes through the same functions,
so a value that only differs in such noise counts as unchanged.

Control characters never pass (``catalog.text``: a vertical tab becomes a line break, the rest
is removed). Chinese punctuation (（）：，) is kept as typed: it is part of the text, not noise.
"""

import datetime
import re

from catalog.text import clean_text as without_controls

# Full-width digits and Latin letters to ASCII; the ideographic space to a space.
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}
_WIDTH |= {cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)}
_WIDTH |= {cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)}
_WIDTH |= {0x3000: 0x20}
# Characters that are invisible in a cell and never meant.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))

_SPACES = re.compile(r"[^\S\n]+")
_WIDE_START = 0x2E80  # CJK radicals, CJK punctuation, ideographs, full-width forms

# A spreadsheet evaluates a cell that starts with one of these (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISER = "'"


def cell_text(value) -> str:
    """The text of a raw cell value: numbers without a spurious ``.0``, dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _is_wide(char: str) -> bool:
    return ord(char) >= _WIDE_START


def _squeeze(line: str) -> str:
    """One line: runs of spaces become one space, or none next to a Chinese character."""

    def replace(match):
        start, end = match.span()
        before = line[start - 1] if start else ""
        after = line[end] if end < len(line) else ""
        if not before or not after or _is_wide(before) or _is_wide(after):
            return ""
        return " "

    return _SPACES.sub(replace, line)


def _base(value) -> str:
    # Control characters go first (Word's Shift+Enter, a vertical tab, becomes a line break).
    text = without_controls(un_neutralise(cell_text(value)))
    return text.translate(_WIDTH).translate(_INVISIBLE)


def clean_line(value) -> str:
    """A one-line field: line breaks count as spaces."""
    return _squeeze(_base(value).replace("\n", " ")).strip()


def clean_text(value) -> str:
    """A field that may hold several lines; blank lines inside are kept (once)."""
    lines = [_squeeze(line).strip() for line in _base(value).split("\n")]
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text)


_KEY_PUNCTUATION = str.maketrans({"(": "（", ")": "）", ":": "：", ",": "，", ";": "；"})


def text_key(value) -> str:
    """What two spellings of one name have in common: no spaces, one punctuation, one case."""
    return re.sub(r"\s+", "", clean_line(value)).translate(_KEY_PUNCTUATION).casefold()


def neutralise(text: str) -> str:
    """Prefix text that a spreadsheet would evaluate, so that it stays text."""
    if text and text.startswith(FORMULA_STARTS):
        return NEUTRALISER + text
    return text


def un_neutralise(text: str) -> str:
    """Undo :func:`neutralise` when a sheet comes back."""
    if len(text) > 1 and text[0] == NEUTRALISER and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text
