"""The catalog's models: departments and certificate items (``items``), service guides
(``guides``), spreadsheet uploads waiting for confirmation (``imports``), departments' default
notification content (``defaults``) and the registry of legal documents (``catalog.legal``).
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
    "NoticeDefaults",
    "PendingImport",
    "ReviewFlag",
    "ServiceGuide",
    "ServiceGuideQuerySet",
]
