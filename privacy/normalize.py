"""One normal form per kind of identifier: a lookup hash does not depend on how it was typed.

Full-width digits and letters (１２３ＡＢＣ), ideographic spaces, hyphens and a lower-case final
x all give the same value as the plain ASCII form.
"""

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―－]+")
_NON_DIGITS = re.compile(r"\D+")


def identity_number(value: str) -> str:
    """A resident ID number or a unified social credit code: NFKC, no spaces/hyphens, upper-case."""
    text = unicodedata.normalize("NFKC", value or "")
    return _SEPARATORS.sub("", text).upper()


def phone(value: str) -> str:
    """A phone number as its digits only, without a leading +86 / 0086 country code."""
    text = unicodedata.normalize("NFKC", value or "").strip()
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    return _NON_DIGITS.sub("", text)


def email(value: str) -> str:
    """An e-mail address: NFKC, no surrounding spaces, case-folded."""
    return unicodedata.normalize("NFKC", value or "").strip().casefold()
