"""django-import-export resources: the 附件4 row and the 附件2 department row.

The resources map columns to values with the widgets in ``widgets`` and run
django-import-export's row loop (per-row results, validation errors collected per column,
dry run, one transaction that is rolled back when any row fails). What the import *means* –
which item a row is, whether the user may write it, and writing it through the catalog
services – is decided by an ``ImportSession`` of ``services``; the resource calls it at the
points of the loop where django-import-export asks.

Nothing here uses import-export's Django-admin integration, which would write model rows
directly and bypass Wagtail's revisions, the review workflow and the department policy.
"""

from django.core.exceptions import ValidationError
from import_export import resources
from import_export.fields import Field
from import_export.instance_loaders import BaseInstanceLoader

from catalog import extra_fields
from catalog.models import CertificateItem, Department
from vocabularies.enums import Vocabulary

from .layout import ANNEX2, ANNEX4, EXTRA_COLUMN, annex4_layout
from .rows import CatalogRow
from .widgets import (
    ChoiceWidget,
    LegalBasesWidget,
    LegalLevelsWidget,
    LineWidget,
    MarkWidget,
    SerialWidget,
    TextWidget,
)

ROW_NUMBER = "行号"  # the sheet's own row number, carried in the dataset for messages
DEPARTMENT = "实施机关"  # from a section row of a whole-banner file, else the chosen unit


# 备注 in the seed's catalogs is a sentence or two; longer text belongs in the item's own fields.
REMARKS_MAX = 1_000


def _max_length(model, name: str) -> int:
    return model._meta.get_field(name).max_length


def _label(key: str) -> str:
    return ANNEX4.column(key).label


def _line(name: str, required: bool = True) -> LineWidget:
    return LineWidget(max_length=_max_length(CertificateItem, name), required=required)


class SessionRows:
    """The import loop of django-import-export, each step handed to ``self.session``.

    django-import-export calls, for each row: ``get_or_init_instance`` (which item is it?),
    ``import_instance`` (cells to values; the session adds the checks that need more than one
    cell), ``skip_row`` (unchanged?) and ``save_instance`` (write, unless a dry run). What
    happened to each row is read afterwards from the result (``session.finish``), because
    import-export skips ``after_import_row`` for rows that failed.
    """

    def __init__(self, session=None, **kwargs):
        super().__init__(**kwargs)
        self.session = session

    def column_label(self, attribute: str) -> str:
        for field in self.fields.values():
            if field.attribute == attribute:
                return field.column_name
        return self.fields["name"].column_name  # errors of the whole row name the record

    def get_or_init_instance(self, instance_loader, row):
        return self.session.start_row(row)

    def import_instance(self, instance, row, **kwargs):
        errors: dict[str, list[str]] = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            errors = exc.message_dict
        for attribute, message in self.session.check_row(instance, row, failed=set(errors)):
            errors.setdefault(attribute, []).append(message)
        if errors:
            raise ValidationError(errors)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if import_validation_errors:
            return False
        return self.session.is_unchanged(instance, row)

    def save_instance(self, instance, is_create, row, **kwargs):
        if kwargs.get("dry_run"):
            return
        self.session.write_row(instance, row)


class ExtraValueWidget(LineWidget):
    """An extra field's cell: its typed value (``catalog.extra_fields.parse_value``) and back."""

    def __init__(self, definition):
        super().__init__(max_length=extra_fields.TEXT_MAX, required=False)
        self.definition = definition

    def clean(self, value, row=None, **kwargs):
        try:
            return extra_fields.parse_value(self.definition, value)
        except ValidationError as exc:
            raise ValueError(exc.messages[0]) from None

    def render(self, value, obj=None, **kwargs):
        return extra_fields.display(self.definition, value)


class ExtraValueField(Field):
    """A column of ``CatalogRow.extra``; an empty cell is kept as None (it clears the value)."""

    def __init__(self, definition):
        super().__init__(
            attribute=f"extra__{definition.key}",
            column_name=definition.label,
            widget=ExtraValueWidget(definition),
        )
        self.key = definition.key

    def get_value(self, instance):
        return instance.extra.get(self.key)

    def save(self, instance, row, is_m2m=False, **kwargs):
        instance.extra[self.key] = self.clean(row, **kwargs)


class CatalogRowResource(SessionRows, resources.Resource):
    """A 附件4 row ↔ ``CatalogRow``, with a column per exported extra field after 备注
    (``extra_definitions``, by default the active exported ones). ``session`` (import only)
    decides and writes."""

    def __init__(self, session=None, extra_definitions=None, **kwargs):
        super().__init__(session=session, **kwargs)
        if extra_definitions is None:
            extra_definitions = list(extra_fields.ExtraField.objects.exported())
        self.extra_definitions = list(extra_definitions)
        self.layout = annex4_layout(self.extra_definitions)
        for definition in self.extra_definitions:
            self.fields[EXTRA_COLUMN.format(key=definition.key)] = ExtraValueField(definition)

    department = Field(
        attribute="department_name",
        column_name=DEPARTMENT,
        widget=LineWidget(max_length=_max_length(Department, "name"), required=False),
    )
    serial = Field(attribute="serial", column_name=_label("serial"), widget=SerialWidget())
    name = Field(attribute="name", column_name=_label("name"), widget=_line("name"))
    purpose = Field(attribute="purpose", column_name=_label("purpose"), widget=_line("purpose"))
    legal_bases = Field(
        attribute="legal_bases", column_name=_label("legal_bases"), widget=LegalBasesWidget()
    )
    legal_levels = Field(
        attribute="legal_levels",
        column_name=_label("legal_levels"),
        widget=LegalLevelsWidget(),
    )
    requesting_unit = Field(
        attribute="requesting_unit",
        column_name=_label("requesting_unit"),
        widget=_line("requesting_unit"),
    )
    issuing_unit = Field(
        attribute="issuing_unit", column_name=_label("issuing_unit"), widget=_line("issuing_unit")
    )
    level_provincial = Field(
        attribute="level_provincial", column_name=_label("level_provincial"), widget=MarkWidget()
    )
    level_city = Field(
        attribute="level_city", column_name=_label("level_city"), widget=MarkWidget()
    )
    level_county = Field(
        attribute="level_county", column_name=_label("level_county"), widget=MarkWidget()
    )
    level_township = Field(
        attribute="level_township", column_name=_label("level_township"), widget=MarkWidget()
    )
    matter_type = Field(
        attribute="matter_type",
        column_name=_label("matter_type"),
        widget=ChoiceWidget(Vocabulary.MATTER_TYPE, what="事项类型"),
    )
    remarks = Field(
        attribute="remarks",
        column_name=_label("remarks"),
        widget=TextWidget(max_length=REMARKS_MAX),
    )

    class Meta:
        fields = ("department", *(c.key for c in ANNEX4.columns))
        import_order = export_order = fields
        import_id_fields = []  # rows are matched by their natural key in the session
        instance_loader_class = BaseInstanceLoader
        skip_diff = True  # the session compares with the item's current version
        report_skipped = True
        store_row_values = True
        use_transactions = True

    def cells(self, row: CatalogRow) -> dict[str, str]:
        """The 附件4 cell texts of a row, by column key."""
        return {key: self.fields[key].export(row) for key in (c.key for c in self.layout.columns)}


def _contact(column_key: str) -> Field:
    column = ANNEX2.column(column_key)
    label = f"{column.group}·{column.label}" if column.group else column.label
    widget = LineWidget(
        max_length=_max_length(Department, column_key), required=column_key == "name"
    )
    return Field(attribute=column_key, column_name=label, widget=widget)


class DepartmentResource(SessionRows, resources.Resource):
    """A 附件2 row (单位名称, 分管领导 and 联络员 with their phones) ↔ a ``Department``."""

    name = _contact("name")
    leader_name = _contact("leader_name")
    leader_office_phone = _contact("leader_office_phone")
    leader_mobile = _contact("leader_mobile")
    liaison_name = _contact("liaison_name")
    liaison_office_phone = _contact("liaison_office_phone")
    liaison_mobile = _contact("liaison_mobile")

    class Meta:
        fields = tuple(c.key for c in ANNEX2.columns)
        import_order = export_order = fields
        import_id_fields = []
        instance_loader_class = BaseInstanceLoader
        skip_diff = True
        report_skipped = True
        store_row_values = True
        use_transactions = True

    def cells(self, department) -> dict[str, str]:
        return {key: self.fields[key].export(department) for key in self.Meta.fields}
