"""Reads for the public pages: only what the justice bureau approved."""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from vocabularies import reader
from vocabularies.enums import Vocabulary

from . import extra_fields
from .enums import DepartmentKind, DocumentStatus, ExerciseLevel
from .models import EXERCISE_LEVEL_FIELDS, CertificateItem, Department, ReviewFlag

# The two catalog levels the seed names: 旗本级 (banner) and 苏木镇 (townships).
UNITS = {"banner": "旗本级", "township": "苏木镇"}


@dataclass(frozen=True)
class CatalogFilters:
    unit: str = ""
    department: int | None = None
    matter_type: str = ""
    level: str = ""
    focus_area: str = ""
    # (key, stored value) of the public 是/否 and 选项 extra fields chosen (ADR 020)
    extra: tuple[tuple[str, object], ...] = ()
    # the public filter definitions read with the query string, so that the page reads them once
    definitions: tuple | None = field(default=None, compare=False, repr=False)

    @classmethod
    def from_query(cls, params) -> "CatalogFilters":
        """Read filters from a query string, ignoring values that are not valid choices."""
        try:
            department = int(params.get("department", "") or 0) or None
        except ValueError:
            department = None
        matter_type = params.get("matter_type", "")
        level = params.get("level", "")
        focus_area = params.get("focus_area", "")
        unit = params.get("unit", "")
        definitions = tuple(extra_fields.filter_definitions())
        return cls(
            unit=unit if unit in UNITS else "",
            department=department,
            matter_type=matter_type if reader.term(Vocabulary.MATTER_TYPE, matter_type) else "",
            level=level if level in ExerciseLevel.values else "",
            focus_area=focus_area if reader.term(Vocabulary.FOCUS_AREA, focus_area) else "",
            extra=extra_filter_values(params, definitions),
            definitions=definitions,
        )

    @property
    def active(self) -> bool:
        return bool(
            self.unit
            or self.department
            or self.matter_type
            or self.level
            or self.focus_area
            or self.extra
        )

    def extra_value(self, key: str):
        return dict(self.extra).get(key)


EXTRA_PARAM = "x_{key}"
EXTRA_YES_NO = {"yes": True, "no": False}


@dataclass(frozen=True)
class ExtraFilter:
    """A public 是/否 or 选项 extra field as a filter of the public catalog."""

    param: str
    label: str
    options: list[tuple[str, str]]  # (query value, label)
    selected: str


def extra_filter_values(params, definitions=None) -> tuple[tuple[str, object], ...]:
    """The extra-field filters of a query string, ignoring values that are not valid."""
    chosen = []
    if definitions is None:
        definitions = extra_fields.filter_definitions()
    for definition in definitions:
        raw = params.get(EXTRA_PARAM.format(key=definition.key), "")
        if definition.kind == extra_fields.ExtraFieldKind.BOOLEAN and raw in EXTRA_YES_NO:
            chosen.append((definition.key, EXTRA_YES_NO[raw]))
        elif definition.kind == extra_fields.ExtraFieldKind.CHOICE and raw in (
            definition.choice_list
        ):
            chosen.append((definition.key, raw))
    return tuple(chosen)


def extra_filters(filters: CatalogFilters) -> list[ExtraFilter]:
    """The public catalog's filters of extra fields, with the current choice."""
    shown = []
    definitions = filters.definitions
    if definitions is None:
        definitions = extra_fields.filter_definitions()
    for definition in definitions:
        value = filters.extra_value(definition.key)
        if definition.kind == extra_fields.ExtraFieldKind.BOOLEAN:
            options = [("yes", extra_fields.YES), ("no", extra_fields.NO)]
            selected = "" if value is None else ("yes" if value else "no")
        else:
            options = [(c, c) for c in definition.choice_list]
            selected = value or ""
        shown.append(
            ExtraFilter(EXTRA_PARAM.format(key=definition.key), definition.label, options, selected)
        )
    return shown


def published_items(filters: CatalogFilters | None = None):
    qs = CertificateItem.objects.live().with_public_relations()
    if filters is None:
        return qs
    if filters.unit == "township":
        qs = qs.filter(department__kind=DepartmentKind.TOWNSHIP)
    elif filters.unit == "banner":
        qs = qs.exclude(department__kind=DepartmentKind.TOWNSHIP)
    if filters.department:
        qs = qs.filter(department_id=filters.department)
    if filters.matter_type:
        qs = qs.filter(matter_type=filters.matter_type)
    if filters.level:
        qs = qs.filter(**{EXERCISE_LEVEL_FIELDS[ExerciseLevel(filters.level)]: True})
    if filters.focus_area:
        qs = qs.filter(focus_area=filters.focus_area)
    for key, value in filters.extra:
        qs = qs.filter(**{f"extra_values__{key}": value})
    return qs


def published_item(pk: int) -> CertificateItem | None:
    return (
        CertificateItem.objects.live().with_public_relations(articles=False).filter(pk=pk).first()
    )


def published_bases(item) -> list:
    """A published item's legal bases in order of precedence, each with ``change``: the open
    review flag (需复核) of its document when that was amended or repealed, else None. The
    public page says which basis changed, and when."""
    bases = item.bases_in_order
    changed = any(b.document_id and b.document.status != DocumentStatus.IN_FORCE for b in bases)
    flags = (
        {f.document_id: f for f in ReviewFlag.objects.open().filter(item=item)} if changed else {}
    )
    for basis in bases:
        basis.change = flags.get(basis.document_id)
    return bases


def departments_with_published_counts():
    return Department.objects.annotate(
        published_count=Count("items", filter=Q(items__live=True))
    ).order_by("sort_order", "pk")


def departments_by_kind():
    """[(kind label, [department, ...]), ...] in the order of the department kinds' terms (附件1
    by default); a department of an unknown kind comes last under its stored code."""
    kinds = reader.codes(Vocabulary.DEPARTMENT_KIND)
    groups: dict[str, list] = {kind: [] for kind in kinds}
    for department in departments_with_published_counts():
        groups.setdefault(department.kind, []).append(department)
    return [
        (reader.label(Vocabulary.DEPARTMENT_KIND, kind), deps)
        for kind, deps in groups.items()
        if deps
    ]


def focus_area_counts() -> list[tuple]:
    """[(focus area term, number of published items), ...] in the terms' order: the active
    areas, and retired ones while published items still hold them."""
    counts = dict(
        CertificateItem.objects.live()
        .values_list("focus_area")
        .annotate(n=Count("pk"))
        .values_list("focus_area", "n")
    )
    return [
        (area, counts.get(area.code, 0))
        for area in reader.terms(Vocabulary.FOCUS_AREA, include_retired=True)
        if area.active or counts.get(area.code)
    ]
