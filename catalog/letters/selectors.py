"""Reads of the letter wording: the version a new letter form follows.

The texts in force are kept in Django's cache (every public item page repeats some of them);
``forget_current_letter_wording`` runs when a version is saved or deleted
(``catalog.signal_handlers``), so a published version is read at once by every process."""

from django.core.cache import cache

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


CURRENT_WORDING_KEY = "letter-wording:current"


def current_letter_wording() -> LetterWordingText:
    wording = cache.get(CURRENT_WORDING_KEY)
    if wording is None:
        wording = current_letter_wording_version().wording()
        cache.set(CURRENT_WORDING_KEY, wording, None)
    return wording


def forget_current_letter_wording() -> None:
    cache.delete(CURRENT_WORDING_KEY)


def current_letter_wording_version_pk() -> int:
    """The default of a letter's wording version: the one in force when it is registered."""
    return current_letter_wording_version().pk
