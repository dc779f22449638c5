"""The catalog's models: departments and certificate items (``items``), service guides
(``guides``), spreadsheet uploads waiting for confirmation (``imports``), departments' default
notification content (``defaults``), the letter wording and its versions
(``letter_wording``) and the registry of legal documents (``catalog.legal``).
Every name stays importable as ``from catalog.models import X``."""

from ..legal.models import LegalArticle, LegalDocument, LegalDocumentName, ReviewFlag
from .defaults import NoticeDefaults
from .extra_fields import ExtraField, ExtraFieldKind
from .guides import GuideMaterial, GuideStep, ServiceGuide, ServiceGuideQuerySet
from .imports import ImportKind, ImportStatus, PendingImport
from .items import (
    EXERCISE_LEVEL_FIELDS,
    PHONE_HELP,
    CertificateItem,
    CertificateItemQuerySet,
    Department,
    DepartmentQuerySet,
    EditorialStatusMixin,
    LegalBasis,
)
from .letter_wording import LetterWording, LetterWordingVersion, wording_errors

__all__ = [
    "EXERCISE_LEVEL_FIELDS",
    "PHONE_HELP",
    "CertificateItem",
    "CertificateItemQuerySet",
    "Department",
    "DepartmentQuerySet",
    "EditorialStatusMixin",
    "ExtraField",
    "ExtraFieldKind",
    "GuideMaterial",
    "GuideStep",
    "ImportKind",
    "ImportStatus",
    "LegalArticle",
    "LegalBasis",
    "LegalDocument",
    "LegalDocumentName",
    "LetterWording",
    "LetterWordingVersion",
    "NoticeDefaults",
    "PendingImport",
    "ReviewFlag",
    "ServiceGuide",
    "ServiceGuideQuerySet",
    "wording_errors",
]
