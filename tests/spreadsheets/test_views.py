"""The admin pages (upload → preview → confirm, export) and the public download."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalog.enums import ItemStatus
from catalog.models import CertificateItem
from tests.factories import make_item, publish

from .sheets import annex4_xlsx, csv_rows, open_xlsx, row

LISTING = "/admin/snippets/catalog/certificateitem/"


def upload(client, department, rows, *, submit=True, name="目录.xlsx", data=None):
    data = data if data is not None else annex4_xlsx(rows, unit=department.name)
    form = {"department": department.pk, "file": SimpleUploadedFile(name, data)}
    if submit:
        form["submit_for_review"] = "on"
    return client.post(reverse("catalog_import"), form)


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_the_item_listing_offers_import_and_export_to_editors(client, editor_a):
    client.force_login(editor_a)
    html = client.get(LISTING).content.decode()
    assert f'href="{reverse("catalog_import")}"' in html
    assert f'href="{reverse("catalog_export")}"' in html
    assert "导入表格" in html and "导出附件4" in html


def test_supervisors_see_export_but_not_import(client, supervisor):
    client.force_login(supervisor)
    html = client.get(LISTING).content.decode()
    assert "导出附件4" in html
    assert "导入表格" not in html
    response = client.get(reverse("catalog_import"), follow=True)
    assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    assert messages_of(response) == [
        "您没有导入证明事项的权限：只有部门编辑和司法局审核员可以导入。"
    ]


def test_the_upload_form_offers_only_the_users_departments(client, editor_a, dept_a, dept_b):
    client.force_login(editor_a)
    form = client.get(reverse("catalog_import")).context["form"]
    assert list(form.fields["department"].queryset) == [dept_a]
    response = upload(client, dept_b, [row()])
    assert response.context["form"].errors["department"] == ["只能导入到您有权编辑的单位。"]


def test_upload_shows_a_preview_and_writes_nothing_until_confirmed(
    client, editor_a, dept_a, reviewer
):
    item = publish(make_item(editor_a, dept_a, name="甲证明", purpose="甲事项"), editor_a, reviewer)
    response = upload(
        client_logged_in(client, editor_a), dept_a, [row(), row(name="甲证明", purpose="甲事项")]
    )
    assert response.status_code == 200
    report = response.context["report"]
    assert [r.status for r in report.rows] == ["new", "changed"]
    html = response.content.decode()
    assert "确认导入" in html and "第6行" in html and "第7行" in html
    assert CertificateItem.objects.count() == 1

    token = response.context["token"]
    response = client.post(reverse("catalog_import_confirm"), {"token": token}, follow=True)
    assert response.redirect_chain == [(f"{LISTING}?department={dept_a.pk}", 302)]
    assert messages_of(response) == [
        "已从“目录.xlsx”导入：新增 1 个草稿，修改 1 个，其中 1 个已提交审核；0 个无变化。"
    ]
    assert CertificateItem.objects.count() == 2
    item.refresh_from_db()
    assert item.status() == ItemStatus.IN_REVIEW

    again = client.post(reverse("catalog_import_confirm"), {"token": token}, follow=True)
    assert messages_of(again) == ["预览已过期或不存在，请重新上传表格。"]
    assert CertificateItem.objects.count() == 2


def client_logged_in(client, user):
    client.force_login(user)
    return client


def test_a_preview_with_errors_cannot_be_confirmed(client, editor_a, dept_a):
    response = upload(client_logged_in(client, editor_a), dept_a, [row(name="")])
    assert response.context["token"] == ""
    html = response.content.decode()
    assert "第6行 证明名称: 不能为空。" in html
    assert "确认导入" not in html


def test_a_refused_file_is_explained_next_to_the_upload_field(client, editor_a, dept_a):
    response = upload(
        client_logged_in(client, editor_a), dept_a, [], data=b"%PDF-1.4", name="a.pdf"
    )
    assert response.context["form"].errors["file"] == [
        "上传的是PDF，不是表格。请上传 .xlsx、.xls 或 .csv 文件。"
    ]


def test_an_upload_over_10_mb_is_cut_off_and_explained(client, editor_a, dept_a):
    big = b"PK\x03\x04" + b"\0" * (10 * 1024 * 1024 + 1)
    response = upload(client_logged_in(client, editor_a), dept_a, [], data=big)
    assert response.context["form"].errors["file"] == [
        "文件超过 10 MB，没有读取。请按单位拆分后分别导入。"
    ]


def test_another_users_preview_cannot_be_confirmed(client, editor_a, dept_a, reviewer):
    token = upload(client_logged_in(client, editor_a), dept_a, [row()]).context["token"]
    client.force_login(reviewer)
    response = client.post(reverse("catalog_import_confirm"), {"token": token}, follow=True)
    assert messages_of(response) == ["预览已过期或不存在，请重新上传表格。"]
    assert CertificateItem.objects.count() == 0


def test_confirmation_shows_the_new_preview_when_the_data_changed(client, editor_a, dept_a):
    token = upload(
        client_logged_in(client, editor_a), dept_a, [row(name="甲", purpose="甲事项")]
    ).context["token"]
    make_item(editor_a, dept_a, name="甲", purpose="甲事项")
    response = client.post(reverse("catalog_import_confirm"), {"token": token})
    assert messages_of(response) == [
        "没有导入任何内容：自预览以来系统中的数据有了变化，请核对下面的最新预览后重新确认。"
    ]
    assert [r.status for r in response.context["report"].rows] == ["changed"]
    assert CertificateItem.objects.count() == 1


def test_editors_download_their_departments_drafts_from_the_admin(client, editor_a, dept_a, dept_b):
    make_item(editor_a, dept_a, name="甲局草稿")
    client_logged_in(client, editor_a)
    url = reverse("catalog_export")
    response = client.get(url, {"kind": "draft", "department": dept_a.pk, "format": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = open_xlsx(b"".join(response.streaming_content))
    assert sheet["B6"].value == "甲局草稿"
    refused = client.get(url, {"kind": "draft", "department": dept_b.pk, "format": "xlsx"})
    assert refused.status_code == 200
    assert refused.context["form"].errors["department"] == ["只能选择您有权查看的单位。"]


def test_the_public_catalog_pages_link_to_the_published_export(client, editor_a, dept_a, reviewer):
    publish(make_item(editor_a, dept_a, name="公开证明"), editor_a, reviewer)
    catalog = client.get("/catalog/", {"unit": "banner"}).content.decode()
    assert 'href="/catalog/export/?unit=banner&amp;format=xlsx"' in catalog
    assert 'href="/catalog/export/?unit=banner&amp;format=csv"' in catalog
    department = client.get(f"/catalog/department/{dept_a.pk}/").content.decode()
    assert f'href="/catalog/export/?department={dept_a.pk}&amp;format=xlsx"' in department


def test_the_public_export_holds_published_items_only(client, editor_a, dept_a, reviewer):
    publish(make_item(editor_a, dept_a, name="公开证明"), editor_a, reviewer)
    make_item(editor_a, dept_a, name="草稿证明")
    response = client.get("/catalog/export/", {"department": dept_a.pk, "format": "csv"})
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''%E7%94%B2%E5%B1%80%E5%AE%9E%E8%A1%8C%E5%91%8A%E7%9F%A5%E6"
        "%89%BF%E8%AF%BA%E5%88%B6%E7%9A%84%E8%AF%81%E6%98%8E%E4%BA%8B%E9%A1%B9%E7%9B%AE%E5%BD%95.csv"
    )
    rows = csv_rows(b"".join(response.streaming_content))
    assert [r[1] for r in rows[5:]] == ["公开证明"]


@pytest.mark.parametrize(
    ("query", "status"),
    [({"format": "pdf"}, 400), ({"department": 999999}, 404), ({"revision": 999999}, 404)],
)
def test_the_public_export_refuses_what_does_not_exist(client, db, query, status):
    assert client.get("/catalog/export/", query).status_code == status


def test_the_upload_is_still_protected_against_cross_site_requests(editor_a, dept_a):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor_a)
    response = upload(client, dept_a, [row()])
    assert response.status_code == 403
    assert CertificateItem.objects.count() == 0


def test_the_blank_template_has_the_header_and_no_rows(client, editor_a, dept_a):
    client.force_login(editor_a)
    response = client.get(reverse("catalog_export"), {"kind": "template", "format": "xlsx"})
    sheet = open_xlsx(b"".join(response.streaming_content))
    assert [sheet["A4"].value, sheet["D5"].value, sheet.max_row] == [
        "序号",
        "依据名称、文号及条文内容",
        5,
    ]
