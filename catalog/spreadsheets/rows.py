"""One 附件4 row as plain values, built from a sheet, a live item or a stored revision.

Both directions of the spreadsheet door meet here: the export turns items into rows and the
resource renders them as cells; the import parses cells into a row and compares it with the row
of the item's current version. Comparison goes through the same cleaning as the import, so
spacing or full-width digits never count as a change.
"""

from dataclasses import dataclass, field, replace

from ..models import EXERCISE_LEVEL_FIELDS
from .bases import Basis
from .cleaning import clean_line, clean_text, text_key

LEVEL_FIELDS = tuple(EXERCISE_LEVEL_FIELDS.values())
# The item fields a 附件4 row holds (legal bases apart).
ITEM_FIELDS = (
    "name",
    "purpose",
    "requesting_unit",
    "issuing_unit",
    *LEVEL_FIELDS,
    "matter_type",
    "remarks",
)
MULTILINE_FIELDS = {"remarks"}


@dataclass
class CatalogRow:
    item_id: int | None = None  # the item a row was built from (export only)
    department_id: int | None = None
    department_name: str = ""
    serial: str = ""
    name: str = ""
    purpose: str = ""
    legal_bases: list[Basis] = field(default_factory=list)
    legal_levels: list[str] = field(default_factory=list)
    requesting_unit: str = ""
    issuing_unit: str = ""
    level_provincial: bool = False
    level_city: bool = False
    level_county: bool = False
    level_township: bool = False
    matter_type: str = ""
    remarks: str = ""
    # extra field values by key (ADR 020): every stored one when built from an item; from a
    # sheet only the exported columns it has (None for an empty cell)
    extra: dict = field(default_factory=dict)

    @property
    def key(self) -> tuple:
        return natural_key(self.department_id, self.name, self.purpose)

    def item_fields(self) -> dict:
        return {name: getattr(self, name) for name in ITEM_FIELDS}

    def legal_basis_dicts(self) -> list[dict]:
        return [
            {
                "name": b.name,
                "document_number": b.document_number,
                "article": b.article,
                "article_text": b.article_text,
                "legal_level": b.legal_level,
                "document_id": b.document_id,
            }
            for b in self.legal_bases
        ]


def natural_key(department_id, name, purpose) -> tuple:
    """The stable key of an item in a sheet: its department, 证明名称 and 证明用途, cleaned."""
    return (department_id, text_key(name), text_key(purpose))


def comparable(name: str, value):
    if name in LEVEL_FIELDS:
        return bool(value)
    if name in MULTILINE_FIELDS:
        return clean_text(value)
    return clean_line(value)


def _with_text(values: tuple, basis: Basis, registry) -> tuple:
    """A basis's values with the text the public reads: its own, else the registry's."""
    if values[3] or registry is None:
        return values
    text = clean_text(registry.article_text(basis.document_id, basis.article))
    return (*values[:3], text, *values[4:])


def changed_fields(current: CatalogRow, imported: CatalogRow, registry=None) -> list[str]:
    """Item fields (and ``legal_bases``) in which ``imported`` differs from ``current``.

    ``imported`` was read through the same cleaning, so only ``current`` is cleaned here. With
    a ``registry`` (``catalog.legal.registry.Registry``), a basis without article text reads
    as the registry's text of its article, as the export writes it.
    """
    names = [n for n in ITEM_FIELDS if comparable(n, getattr(current, n)) != getattr(imported, n)]
    before = [_with_text(b.comparable(), b, registry) for b in current.legal_bases]
    after = [_with_text(b.values(), b, registry) for b in imported.legal_bases]
    if before != after:
        names.append("legal_bases")
    if any(current.extra.get(key) != value for key, value in imported.extra.items()):
        names.append("extra_values")
    return names


def merged_extra(current: dict | None, imported: CatalogRow) -> dict:
    """The extra values of an item after importing ``imported``: the sheet's columns replace
    theirs (an empty cell clears), every other value is kept."""
    values = dict(current or {})
    for key, value in imported.extra.items():
        if value is None:
            values.pop(key, None)
        else:
            values[key] = value
    return values


def with_registry_texts(rows: list[CatalogRow], registry) -> list[CatalogRow]:
    """``rows`` with each basis that has no article text given the registry's text of it."""
    for row in rows:
        row.legal_bases = [
            replace(b, article_text=registry.article_text(b.document_id, b.article))
            if not b.article_text
            else b
            for b in row.legal_bases
        ]
    return rows


def _bases(rows) -> list[Basis]:
    return [
        Basis(
            name=r["name"],
            document_number=r.get("document_number") or "",
            article=r.get("article") or "",
            article_text=r.get("article_text") or "",
            legal_level=r.get("legal_level") or "",
            document_id=r.get("document_id", r.get("document")),
        )
        for r in rows
    ]


def rows_from_live(items) -> list[CatalogRow]:
    """Rows of live items (their database rows are the published versions), in the order of
    ``items``, read with two queries and without building model instances."""
    from catalog.models import LegalBasis

    items = items.prefetch_related(None)
    bases: dict[int, list[dict]] = {}
    for basis in (
        LegalBasis.objects.filter(item__in=items.values("pk"))
        .order_by("item_id", "sort_order", "pk")
        .values(
            "item_id",
            "name",
            "document_number",
            "article",
            "article_text",
            "legal_level",
            "document_id",
        )
    ):
        bases.setdefault(basis["item_id"], []).append(basis)
    return [
        _row(
            values["department_id"],
            values["department__name"],
            values,
            _bases(bases.get(values["pk"], [])),
        )
        for values in items.values(
            "pk", "department_id", "department__name", "extra_values", *ITEM_FIELDS
        )
    ]


def row_from_content(content: dict, department_names: dict[int, str]) -> CatalogRow:
    """A stored Wagtail revision's content (``Revision.content``), read without deserialising."""
    children = sorted(content.get("legal_bases") or [], key=lambda r: r.get("sort_order") or 0)
    department_id = content.get("department")
    return _row(department_id, department_names.get(department_id, ""), content, _bases(children))


def _row(department_id, department_name, values: dict, bases: list[Basis]) -> CatalogRow:
    row = CatalogRow(
        item_id=values.get("pk"), department_id=department_id, department_name=department_name
    )
    for name in ITEM_FIELDS:
        value = values.get(name)
        setattr(row, name, bool(value) if name in LEVEL_FIELDS else (value or ""))
    row.legal_bases = bases
    row.legal_levels = [b.legal_level for b in bases]
    row.extra = dict(values.get("extra_values") or {})
    return row
