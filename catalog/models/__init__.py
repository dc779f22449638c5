"""The catalog's models: departments and certificate items (``items``), service guides
(``guides``), spreadsheet uploads waiting for confirmation (``imports``). Every name stays
importable as ``from catalog.models import X``."""

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
    "GuideMaterial",
    "GuideStep",
    "ImportKind",
    "ImportStatus",
    "LegalBasis",
    "PendingImport",
    "ServiceGuide",
    "ServiceGuideQuerySet",
]
