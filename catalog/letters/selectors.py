"""Reads of the letter wording: the version a new letter form follows."""

from ..models import LetterWordingVersion
from .services import letter_wording_ensure
from .wording import LetterWordingText


def current_letter_wording_version() -> LetterWordingVersion:
    """The latest published version (version 1 is installed by migrate, and again after a
    flush; ``letter_wording_ensure`` puts it back if it is missing)."""
    version = LetterWordingVersion.objects.current()
    if version is None:
        letter_wording_ensure()
        version = LetterWordingVersion.objects.current()
    return version


def current_letter_wording() -> LetterWordingText:
    return current_letter_wording_version().wording()


def current_letter_wording_version_pk() -> int:
    """The default of a letter's wording version: the one in force when it is registered."""
    return current_letter_wording_version().pk
