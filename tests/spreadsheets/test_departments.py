"""Departments and their 附件2 contacts, in and out, by administrators."""

from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from catalog.enums import DepartmentKind
from catalog.models import Department
from catalog.spreadsheets.export import departments_file
from catalog.spreadsheets.report import RowStatus
from catalog.spreadsheets.services import departments_import
from tests.factories import make_department

from .sheets import csv_rows, open_xlsx, save

CONTACTS = (Path(__file__).parent / "files" / "contacts.xlsx").read_bytes()


@pytest.fixture
def justice_bureau(db):
    return make_department("司法局", leader_name="旧领导", liaison_name="李娜")


def contacts_sheet(*rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["联络信息表"])
    sheet.append(["单位名称", "分管领导", None, None, "联络员", None, None])
    sheet.append([None, "姓名", "办公号码", "手机号码", "姓名", "办公号码", "手机号码"])
    for cells in rows:
        sheet.append(cells)
    return save(book)


def test_the_liaison_table_updates_contacts_and_adds_departments(administrator, justice_bureau):
    preview = departments_import(user=administrator, data=CONTACTS, filename="附件2.xlsx")
    assert [(r.number, r.status, r.name) for r in preview.rows] == [
        (6, RowStatus.CHANGED, "司法局"),
        (7, RowStatus.NEW, "旗档案史志馆"),
    ]
    assert [(c.column, c.old, c.new) for c in preview.rows[0].changes] == [
        ("分管领导·姓名", "旧领导", "赵静"),
        ("分管领导·办公号码", "", "0483-6021021"),
        ("分管领导·手机号码", "", "19904830011"),
        ("联络员·办公号码", "", "0483-6021022"),
        ("联络员·手机号码", "", "19904830061"),
    ]
    assert Department.objects.count() == 1

    report = departments_import(
        user=administrator, data=CONTACTS, filename="附件2.xlsx", commit=True
    )
    assert report.committed
    justice_bureau.refresh_from_db()
    assert (justice_bureau.leader_name, justice_bureau.liaison_mobile) == ("赵静", "19904830061")
    record = justice_bureau.history.first()
    assert (record.history_user, record.history_change_reason) == (
        administrator,
        "由联络员信息表（附件2）导入",
    )
    archive = Department.objects.get(name="旗档案史志馆")
    assert archive.kind == DepartmentKind.BANNER_DEPARTMENT
    assert archive.liaison_name == "周鹏飞"


def test_wrong_phone_numbers_are_errors_and_nothing_is_written(administrator, justice_bureau):
    data = contacts_sheet(
        ["司法局", "赵静", "6021021x", "1990483001", "李娜", None, None],
        ["巴彦高勒苏木人民政府", "某某", None, None, None, None, None],
    )
    report = departments_import(user=administrator, data=data, filename="a.xlsx", commit=True)
    assert report.error_lines() == [
        "第4行 分管领导·办公号码: “6021021x”不是有效的办公号码，座机请写区号，如 010-12345678。",
        "第4行 分管领导·手机号码: “1990483001”不是11位手机号码。",
    ]
    assert report.rows[1].notes == [
        "新增单位，单位类别按名称定为“苏木镇人民政府”，如有误请在“实施机关”中修改。"
    ]
    assert Department.objects.count() == 1


def test_only_administrators_import_departments(editor_a, reviewer):
    for user in (editor_a, reviewer):
        with pytest.raises(PermissionDenied):
            departments_import(user=user, data=CONTACTS, filename="a.xlsx")


def test_the_export_is_the_annex2_table_and_reads_back_unchanged(administrator, justice_bureau):
    make_department("公安局", leader_mobile="19904830012")
    export = departments_file(administrator, "xlsx")
    sheet = open_xlsx(export.content)
    assert [sheet["A1"].value, sheet["A2"].value] == ["附件2", "联络信息表"]
    assert [sheet.cell(4, c).value for c in range(1, 8)] == [
        "单位名称", "分管领导", None, None, "联络员", None, None,
    ]  # fmt: skip
    assert [sheet.cell(5, c).value for c in range(1, 8)] == [
        None, "姓名", "办公号码", "手机号码", "姓名", "办公号码", "手机号码",
    ]  # fmt: skip
    assert {"A4:A5", "B4:D4", "E4:G4"} <= {str(r) for r in sheet.merged_cells.ranges}
    assert [sheet["A6"].value, sheet["B6"].value, sheet["E6"].value] == ["司法局", "旧领导", "李娜"]
    for fmt in ("xlsx", "csv"):
        data = departments_file(administrator, fmt).content
        report = departments_import(user=administrator, data=data, filename=f"a.{fmt}")
        assert [r.status for r in report.rows] == [RowStatus.UNCHANGED, RowStatus.UNCHANGED]
    rows = csv_rows(departments_file(administrator, "csv").content)
    assert rows[6][:4] == ["公安局", "", "", "19904830012"]


def test_the_department_listing_offers_the_liaison_table_to_administrators(
    client, administrator, justice_bureau
):
    client.force_login(administrator)
    html = client.get("/admin/snippets/catalog/department/").content.decode()
    assert "导入联络员信息" in html and "导出联络员信息" in html
    response = client.post(
        reverse("departments_import"), {"file": SimpleUploadedFile("附件2.xlsx", CONTACTS)}
    )
    assert [r.status for r in response.context["report"].rows] == ["changed", "new"]
    token = response.context["token"]
    response = client.post(reverse("departments_import_confirm"), {"token": token}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "已导入联络员信息：新增 1 个单位，更新 1 个单位，0 个无变化。"
    ]
    assert Department.objects.filter(name="旗档案史志馆").exists()


def test_editors_cannot_open_the_department_import(client, editor_a):
    client.force_login(editor_a)
    response = client.get(reverse("departments_import"), follow=True)
    assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    assert [str(m) for m in response.context["messages"]] == [
        "只有系统管理员可以导入实施机关和联络员信息。"
    ]
