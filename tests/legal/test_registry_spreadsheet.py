"""The registry of legal documents has its own spreadsheet: exported, it reads back unchanged;
imported, it adds documents, short names and articles (matched by any name), marks documents
amended or repealed (flagging the published items citing them), names every bad cell by row
and column and writes nothing then; only the justice bureau imports it."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from catalog.enums import DocumentStatus, LegalLevel
from catalog.models import LegalArticle, LegalDocument, ReviewFlag
from catalog.spreadsheets.legal_documents import registry_import
from catalog.spreadsheets.legal_export import registry_csv, registry_xlsx
from catalog.spreadsheets.report import RowStatus
from tests.factories import make_item, publish
from tests.spreadsheets.sheets import save

from .documents import LAWYERS_LAW_19, firms_rules, lawyers_law

DOCUMENT_HEADER = ["名称（全称）", "简称和别名", "文号", "制定机关", "效力层级", "公布日期"]
DOCUMENT_HEADER += ["施行日期", "修改日期", "废止日期", "时效性", "修改或废止说明", "已确认"]
ARTICLE_HEADER = ["文件名称", "条款", "条文内容"]
NOTARY_20 = (
    "担任公证员，应当具备下列条件：（一）具有中华人民共和国国籍；"
    "（二）年龄二十五周岁以上六十五周岁以下。"
)


def workbook(documents=(), articles=()) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "法律文件"
    sheet.append(DOCUMENT_HEADER)
    for row in documents:
        sheet.append(row)
    other = book.create_sheet("条文")
    other.append(ARTICLE_HEADER)
    for row in articles:
        other.append(row)
    return save(book)


def document_row(name, **cells):
    values = dict.fromkeys(DOCUMENT_HEADER, "")
    values["名称（全称）"] = name
    values.update(cells)
    return [values[h] for h in DOCUMENT_HEADER]


def run(user, data, *, commit=False, name="法律文件库.xlsx"):
    return registry_import(user=user, data=data, filename=name, commit=commit)


def test_an_exported_registry_reads_back_unchanged(reviewer):
    lawyers_law(), firms_rules()
    report = run(reviewer, registry_xlsx())
    assert report.error_lines() == []
    assert [r.status for r in report.rows] == [RowStatus.UNCHANGED] * 4  # 2 documents, 2 articles
    csv_report = run(reviewer, registry_csv(), name="法律文件库.csv")
    assert [r.status for r in csv_report.rows] == [RowStatus.UNCHANGED] * 2


def test_an_import_adds_documents_short_names_and_articles_matched_by_any_name(reviewer):
    law = lawyers_law()
    data = workbook(
        documents=[
            document_row(
                "《中华人民共和国公证法》",
                简称和别名="公证法",
                文号="中华人民共和国主席令第七十六号",
                制定机关="全国人民代表大会常务委员会",
                效力层级="法律",
                施行日期="2018年1月1日",
            )
        ],
        articles=[
            ["公证法", "第二十条", NOTARY_20],  # the new document, by its short name
            ["律师法", "第20条", "律师事务所可以设立分所。"],  # an existing one, by its alias
            ["律师法", "第十九条", LAWYERS_LAW_19],  # unchanged
        ],
    )
    preview = run(reviewer, data)
    assert preview.error_lines() == []
    assert [r.status for r in preview.rows] == ["new", "new", "new", "unchanged"]
    assert not LegalDocument.objects.filter(name="中华人民共和国公证法").exists()
    report = run(reviewer, data, commit=True)
    assert report.committed
    notary = LegalDocument.objects.get(name="中华人民共和国公证法")
    assert (notary.legal_level, notary.effective_on, notary.verified) == (
        LegalLevel.LAW,
        datetime.date(2018, 1, 1),
        True,
    )
    assert notary.verified_by == reviewer
    assert [a.name for a in notary.aliases.all()] == ["公证法"]
    assert notary.article_text("第二十条") == NOTARY_20
    assert law.article_text("第二十条") == "律师事务所可以设立分所。"
    assert LegalArticle.objects.filter(document=law).count() == 2


def test_marking_a_document_repealed_in_the_sheet_flags_the_published_items_citing_it(
    editor_a, dept_a, reviewer
):
    law = lawyers_law()
    basis = {"name": "《律师法》", "article": "第十九条", "legal_level": "law"}
    citing = publish(make_item(editor_a, dept_a, legal_bases=[basis]), editor_a, reviewer)
    make_item(editor_a, dept_a, legal_bases=[basis])  # a draft: not flagged
    data = workbook(
        documents=[
            document_row(
                "中华人民共和国律师法",
                简称和别名="律师法",
                文号=law.document_number,
                制定机关=law.issuing_body,
                效力层级="法律",
                公布日期="2017-09-01",
                施行日期="2018-01-01",
                废止日期="2026-01-01",
                时效性="已废止",
                已确认="是",
            )
        ]
    )
    preview = run(reviewer, data)
    assert preview.rows[0].status == RowStatus.CHANGED
    assert "引用该文件的 1 个已发布证明事项将标记为需复核。" in preview.rows[0].notes
    assert not ReviewFlag.objects.exists()
    report = run(reviewer, data, commit=True)
    assert report.warnings == ["1 个已发布的证明事项已标记为需复核。"]
    law.refresh_from_db()
    assert (law.status, law.repealed_on) == (DocumentStatus.REPEALED, datetime.date(2026, 1, 1))
    assert list(ReviewFlag.objects.open().values_list("item_id", flat=True)) == [citing.pk]


def test_bad_cells_are_named_by_row_and_column_and_nothing_is_written(reviewer):
    data = workbook(
        documents=[
            document_row("某某管理办法", 效力层级="法规"),
            document_row("另一管理办法", 效力层级="部门规章", 公布日期="2021/13/40"),
            document_row("第三管理办法", 效力层级="部门规章", 时效性="已废止"),
            document_row("第四管理办法", 效力层级="部门规章"),
        ],
        articles=[["不存在的条例", "第一条", "条文。"], ["第四管理办法", "", "条文。"]],
    )
    report = run(reviewer, data, commit=True)
    assert not report.committed
    levels = "、".join(LegalLevel.labels)
    assert report.error_lines() == [
        f"第2行 效力层级: “法规”不是有效的效力层级，应为：{levels}之一。",
        "第3行 公布日期: “2021/13/40”不是有效的日期。",
        "第4行 废止日期: 时效性为“已废止”时，请填写废止日期。",
        "第2行 条文·文件名称: 法律文件库和本表格的“法律文件”表中都没有《不存在的条例》，"
        "请先添加该文件。",
        "第3行 条文·条款: 请填写条款，例如：第十九条。",
    ]
    assert not LegalDocument.objects.exists() and not LegalArticle.objects.exists()


@pytest.mark.parametrize("role", ["editor_a", "leader_a", "supervisor", "administrator"])
def test_only_the_justice_bureau_imports_the_registry(client, request, role):
    user = request.getfixturevalue(role)
    with pytest.raises(PermissionDenied):
        run(user, workbook(documents=[document_row("某某管理办法", 效力层级="部门规章")]))
    client.force_login(user)
    response = client.get(reverse("legal_documents_import"))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


# role → may download the registry (everyone who reads it; administrators do not)
EXPORT = {"editor_a": True, "leader_a": True, "reviewer": True, "supervisor": True}
EXPORT["administrator"] = False


@pytest.mark.parametrize("role", EXPORT)
def test_everyone_who_reads_the_registry_downloads_it(client, request, role):
    client.force_login(request.getfixturevalue(role))
    lawyers_law()
    response = client.get(reverse("legal_documents_export") + "?format=xlsx")
    if EXPORT[role]:
        assert response.status_code == 200
        content = b"".join(response.streaming_content)
        book = load_workbook(io.BytesIO(content))
        assert book.sheetnames == ["法律文件", "条文"]
        assert book["法律文件"]["A2"].value == "中华人民共和国律师法"
    else:
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_a_reviewer_uploads_previews_and_confirms_in_the_admin(client, reviewer):
    lawyers_law()
    client.force_login(reviewer)
    data = workbook(articles=[["律师法", "第二十条", "律师事务所可以设立分所。"]])
    response = client.post(
        reverse("legal_documents_import"),
        {"file": SimpleUploadedFile("法律文件库.xlsx", data)},
    )
    html = response.content.decode()
    assert "导入预览：法律文件库" in html and "确认导入" in html
    assert not LegalArticle.objects.filter(article="第二十条").exists()
    response = client.post(
        reverse("legal_documents_import_confirm"), {"token": response.context["token"]}, follow=True
    )
    assert [str(m) for m in response.context["messages"]] == [
        "已导入法律文件库：新增 1 行，更新 0 行，0 行无变化。"
    ]
    assert LegalArticle.objects.get(article="第二十条").text == "律师事务所可以设立分所。"
