"""The catalog's models: departments and certificate items (``items``), service guides
(``guides``). Every name stays importable as ``from catalog.models import X``."""

from .guides import GuideMaterial, GuideStep, ServiceGuide, ServiceGuideQuerySet
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
    "LegalBasis",
    "ServiceGuide",
    "ServiceGuideQuerySet",
]
