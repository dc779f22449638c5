"""Exports in exactly the 附件4 layout; what goes out comes back in unchanged."""

import pytest
from django.core.exceptions import PermissionDenied

from catalog.selectors import CatalogFilters
from catalog.services import item_update
from catalog.spreadsheets.export import (
    catalog_file,
    draft_selection,
    published_selection,
    revision_selection,
)
from catalog.spreadsheets.report import RowStatus
from catalog.spreadsheets.services import catalog_import
from publishing.services import catalog_revision_publish
from tests.factories import make_item, publish

from .sheets import csv_rows, open_xlsx

TWO_BASES = [
    {
        "name": "《中华人民共和国律师法》",
        "document_number": "中华人民共和国主席令第七十六号",
        "article": "第十九条",
        "article_text": "成立三年以上并具有二十名以上执业律师的合伙律师事务所，可以设立分所。",
        "legal_level": "law",
    },
    {
        "name": "《律师事务所管理办法》",
        "document_number": "司法部令第142号",
        "article": "第三十五条第五款",
        "article_text": "申请设立分所，应当提交拟任分所负责人的执业经历证明。\n（以下略）",
        "legal_level": "departmental_rule",
    },
]


@pytest.fixture
def catalog(editor_a, dept_a, editor_b, dept_b, reviewer):
    """Published items in two departments, one with a pending change, one draft."""
    branch = publish(
        make_item(
            editor_a,
            dept_a,
            name="拟任分所负责人执业经历证明",
            purpose="律师事务所申请设立分所",
            legal_bases=TWO_BASES,
            level_city=True,
            remarks="限于该负责人原在区内执业",
        ),
        editor_a,
        reviewer,
    )
    formula = publish(
        make_item(editor_a, dept_a, name="=HYPERLINK(1)", purpose="+申请", remarks="-注意"),
        editor_a,
        reviewer,
    )
    other = publish(
        make_item(editor_b, dept_b, name="乙局证明", purpose="乙事项"), editor_b, reviewer
    )
    item_update(user=editor_a, item=branch, fields={"remarks": "待审的新备注"})
    draft = make_item(editor_a, dept_a, name="甲局草稿", purpose="草稿事项")
    return {"branch": branch, "formula": formula, "other": other, "draft": draft}


def department_file(dept, fmt="xlsx"):
    return catalog_file(published_selection(filters=CatalogFilters(department=dept.pk)), fmt)


def test_xlsx_has_the_annex4_title_unit_line_and_merged_two_row_header(catalog, dept_a):
    sheet = open_xlsx(department_file(dept_a).content)
    assert sheet["A1"].value == "附件4"
    assert sheet["A2"].value == "实行告知承诺制的证明事项目录"
    assert [sheet.cell(3, c).value for c in (1, 4, 5)] == [
        "单位（盖章）：甲局",
        "填表人：",
        "电话：0483-6020000",
    ]
    assert sheet.cell(3, 8).value.startswith("填表日期：")
    assert [sheet.cell(4, c).value for c in range(1, 14)] == [
        "序号", "证明名称", "证明用途", "设定依据", None, "实施基本情况", None,
        "行使层级", None, None, None, "事项类型", "备注",
    ]  # fmt: skip
    assert [sheet.cell(5, c).value for c in range(1, 14)] == [
        None, None, None, "依据名称、文号及条文内容", "效力层级", "索要单位", "开具单位",
        "省部级", "市级", "县级", "乡级及其他", None, None,
    ]  # fmt: skip
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {
        "A2:M2",
        "A4:A5",
        "B4:B5",
        "C4:C5",
        "D4:E4",
        "F4:G4",
        "H4:K4",
        "L4:L5",
        "M4:M5",
    } <= merged


def test_xlsx_rows_show_the_published_version_with_tick_marks(catalog, dept_a):
    sheet = open_xlsx(department_file(dept_a).content)
    first = [sheet.cell(6, c).value for c in range(1, 14)]
    assert first == [
        "1",
        "拟任分所负责人执业经历证明",
        "律师事务所申请设立分所",
        "《中华人民共和国律师法》（中华人民共和国主席令第七十六号）第十九条：成立三年以上并具有二十名以上执业律师的合伙律师事务所，可以设立分所。\n"
        "《律师事务所管理办法》（司法部令第142号）第三十五条第五款：申请设立分所，应当提交拟任分所负责人的执业经历证明。\n（以下略）",
        "法律\n部门规章",
        "旗司法局",
        "申请人所在单位",
        None,
        "✓",
        "✓",
        None,
        "行政许可",
        "限于该负责人原在区内执业",  # not the pending change
    ]
    names = [sheet.cell(r, 2).value for r in range(6, sheet.max_row + 1)]
    assert "甲局草稿" not in names and "乙局证明" not in names


def test_xlsx_prints_landscape_one_page_wide_with_the_header_on_every_page(catalog, dept_a):
    sheet = open_xlsx(department_file(dept_a).content)
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.print_title_rows == "$4:$5"
    assert sheet.freeze_panes == "A6"


def test_cells_a_spreadsheet_would_evaluate_are_neutralised(catalog, dept_a):
    sheet = open_xlsx(department_file(dept_a).content)
    cells = [sheet.cell(7, c) for c in (2, 3, 13)]
    assert [c.value for c in cells] == ["'=HYPERLINK(1)", "'+申请", "'-注意"]
    assert {c.data_type for c in cells} == {"s"}
    rows = csv_rows(department_file(dept_a, "csv").content)
    assert (rows[6][1], rows[6][2], rows[6][12]) == ("'=HYPERLINK(1)", "'+申请", "'-注意")


def test_csv_has_the_same_lines_as_the_xlsx(catalog, dept_a):
    rows = csv_rows(department_file(dept_a, "csv").content)
    assert rows[0][0] == "附件4"
    assert rows[1][0] == "实行告知承诺制的证明事项目录"
    assert rows[2][0] == "单位（盖章）：甲局"
    assert rows[3] == [
        "序号", "证明名称", "证明用途", "设定依据", "", "实施基本情况", "",
        "行使层级", "", "", "", "事项类型", "备注",
    ]  # fmt: skip
    assert rows[5][:3] == ["1", "拟任分所负责人执业经历证明", "律师事务所申请设立分所"]
    assert rows[5][7:11] == ["", "✓", "✓", ""]
    assert len(rows) == 7


def test_the_whole_banner_has_a_section_row_per_department(catalog, alxa_site_settings):
    rows = csv_rows(catalog_file(published_selection(), "csv").content)
    assert rows[1][0] == "阿右旗实行告知承诺制的证明事项目录"
    assert [r[0] for r in rows[5:]] == ["实施机关：甲局", "1", "2", "实施机关：乙局", "3"]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_then_import_reports_every_row_unchanged(catalog, editor_a, reviewer, dept_a, fmt):
    publish(catalog["branch"], editor_a, reviewer)  # the pending change goes live
    for selection, user in [
        (published_selection(filters=CatalogFilters(department=dept_a.pk)), editor_a),
        (published_selection(), reviewer),
        (draft_selection(user=editor_a, department=dept_a), editor_a),
    ]:
        export = catalog_file(selection, fmt)
        report = catalog_import(
            user=user, data=export.content, filename=export.filename, department=dept_a
        )
        assert {r.status for r in report.rows} == {RowStatus.UNCHANGED}, report.error_lines()
        assert len(report.rows) == len(selection.rows)
        assert report.warnings == []


def test_the_published_file_of_an_item_with_a_pending_change_would_revert_it(
    catalog, editor_a, dept_a
):
    export = department_file(dept_a)
    report = catalog_import(
        user=editor_a, data=export.content, filename="a.xlsx", department=dept_a
    )
    assert [(r.name, r.status) for r in report.rows] == [
        ("拟任分所负责人执业经历证明", RowStatus.CHANGED),
        ("=HYPERLINK(1)", RowStatus.UNCHANGED),
    ]
    change = report.rows[0].changes[0]
    assert (change.column, change.old, change.new) == (
        "备注",
        "待审的新备注",
        "限于该负责人原在区内执业",
    )


def test_a_catalog_revision_is_exported_as_it_was_published(
    catalog, editor_a, reviewer, alxa_site_settings
):
    revision = catalog_revision_publish(user=reviewer, year=2021)
    publish(catalog["branch"], editor_a, reviewer)  # the pending change goes live afterwards
    export = catalog_file(revision_selection(revision=revision), "csv")
    rows = csv_rows(export.content)
    assert rows[1][0] == "实行告知承诺制的证明事项目录（2021年第1版）"
    assert export.filename == "阿右旗实行告知承诺制的证明事项目录（2021年第1版）.csv"
    branch = next(r for r in rows if r[1] == "拟任分所负责人执业经历证明")
    assert branch[12] == "限于该负责人原在区内执业"
    assert [r[1] or r[0] for r in rows[5:]] == [
        "实施机关：甲局",
        "拟任分所负责人执业经历证明",
        "'=HYPERLINK(1)",
        "实施机关：乙局",
        "乙局证明",
    ]


def test_editors_export_their_own_departments_drafts_only(catalog, editor_a, dept_a, dept_b):
    rows = csv_rows(catalog_file(draft_selection(user=editor_a, department=dept_a), "csv").content)
    assert rows[1][0] == "实行告知承诺制的证明事项目录（草稿，未经审核）"
    assert [r[1] for r in rows[5:]] == ["拟任分所负责人执业经历证明", "'=HYPERLINK(1)", "甲局草稿"]
    assert rows[5][12] == "待审的新备注"
    with pytest.raises(PermissionDenied):
        draft_selection(user=editor_a, department=dept_b)
