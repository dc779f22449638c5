"""Exported extra fields as 附件4 columns after 备注: export, import round trip, bad cells."""

from catalog.models import CertificateItem
from catalog.selectors import CatalogFilters
from catalog.spreadsheets.export import catalog_file, draft_selection, published_selection
from catalog.spreadsheets.report import RowStatus
from catalog.spreadsheets.services import catalog_import
from tests.spreadsheets.sheets import FIRST_DATA_ROW, SUB, TOP, csv_rows, open_xlsx, row, save

from ..factories import make_item, publish


def with_extra_columns(rows, labels) -> bytes:
    """附件4 as a clerk fills it, with extra columns after 备注."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["附件4"])
    sheet.append(["实行告知承诺制的证明事项目录"])
    sheet.append(["单位（盖章）：甲局"])
    sheet.append(TOP + labels)
    sheet.append(SUB + [None] * len(labels))
    for cells in rows:
        sheet.append(cells)
    return save(book)


def test_an_exported_field_is_a_column_after_remarks_with_the_value(
    editor_a, dept_a, reviewer, online, channel, motto
):
    item = make_item(
        editor_a, dept_a, extra_values={"online": True, "channel": "部分网办", "motto": "快"}
    )
    publish(item, editor_a, reviewer)
    sheet = open_xlsx(
        catalog_file(
            published_selection(filters=CatalogFilters(department=dept_a.pk)), "xlsx"
        ).content
    )
    header = [c.value for c in sheet[4]]
    at = header.index("备注")
    assert header[at + 1 : at + 3] == ["是否可网上办理", "办理渠道"]
    assert "服务口号" not in header  # not exported
    values = [c.value for c in sheet[FIRST_DATA_ROW]]
    assert values[at + 1 : at + 3] == ["是", "部分网办"]


def test_the_public_file_leaves_out_an_exported_field_that_is_not_public(
    editor_a, dept_a, reviewer, online, channel
):
    online.public = False
    online.save()
    publish(make_item(editor_a, dept_a, extra_values={"online": True}), editor_a, reviewer)
    public = csv_rows(catalog_file(published_selection(), "csv").content)
    assert "是否可网上办理" not in public[3]
    own = csv_rows(catalog_file(draft_selection(user=editor_a, department=dept_a), "csv").content)
    assert "是否可网上办理" in own[3]


def test_export_then_import_round_trips_extra_values(editor_a, dept_a, reviewer, online, channel):
    item = publish(
        make_item(editor_a, dept_a, extra_values={"online": False, "channel": "窗口办理"}),
        editor_a,
        reviewer,
    )
    export = catalog_file(draft_selection(user=editor_a, department=dept_a), "xlsx")
    report = catalog_import(
        user=editor_a, data=export.content, filename=export.filename, department=dept_a
    )
    assert {r.status for r in report.rows} == {RowStatus.UNCHANGED}, report.error_lines()
    assert report.warnings == []

    # the clerk changes a value in the sheet: the item gets a new draft revision with it
    book = open_xlsx(export.content)
    header = [c.value for c in book[4]]
    book.cell(FIRST_DATA_ROW, header.index("办理渠道") + 1, "全程网办")
    report = catalog_import(
        user=editor_a, data=save(book.parent), filename="a.xlsx", department=dept_a, commit=True
    )
    (result,) = report.rows
    assert result.status == RowStatus.CHANGED, report.error_lines()
    assert [(c.column, c.old, c.new) for c in result.changes] == [
        ("办理渠道", "窗口办理", "全程网办")
    ]
    draft = CertificateItem.objects.get(pk=item.pk).get_latest_revision_as_object()
    assert draft.extra_values == {"online": False, "channel": "全程网办"}


def test_a_new_row_is_created_with_its_extra_values(editor_a, dept_a, online, channel):
    data = with_extra_columns([[*row(), "是", "部分网办"]], ["是否可网上办理", "办理渠道"])
    report = catalog_import(
        user=editor_a, data=data, filename="a.xlsx", department=dept_a, commit=True, submit=False
    )
    assert [r.status for r in report.rows] == [RowStatus.NEW], report.error_lines()
    item = CertificateItem.objects.get()
    assert item.extra_values == {"online": True, "channel": "部分网办"}


def test_a_bad_extra_value_is_an_error_with_its_row_and_column(editor_a, dept_a, online, channel):
    data = with_extra_columns(
        [[*row(), "也许", "部分网办"], [*row(name="第二个证明"), "否", "邮寄"]],
        ["是否可网上办理", "办理渠道"],
    )
    report = catalog_import(
        user=editor_a, data=data, filename="a.xlsx", department=dept_a, commit=True
    )
    assert report.error_lines() == [
        f"第{FIRST_DATA_ROW}行 是否可网上办理: “是否可网上办理”请填写“是”或“否”。",
        f"第{FIRST_DATA_ROW + 1}行 办理渠道: "
        "“办理渠道”只能填写以下之一：全程网办、部分网办、窗口办理。",
    ]
    assert not CertificateItem.objects.exists()  # all rows or none


def test_a_sheet_without_the_extra_column_leaves_the_values_alone(
    editor_a, dept_a, reviewer, online
):
    item = publish(
        make_item(
            editor_a,
            dept_a,
            name="拟任分所负责人执业经历证明",
            purpose="律师事务所申请设立分所",
            extra_values={"online": True},
        ),
        editor_a,
        reviewer,
    )
    data = with_extra_columns([row(remarks="新备注")], [])
    report = catalog_import(
        user=editor_a, data=data, filename="a.xlsx", department=dept_a, commit=True
    )
    assert [r.status for r in report.rows] == [RowStatus.CHANGED], report.error_lines()
    draft = CertificateItem.objects.get(pk=item.pk).get_latest_revision_as_object()
    assert draft.remarks == "新备注" and draft.extra_values == {"online": True}
