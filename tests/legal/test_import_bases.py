"""A 附件4 sheet as departments fill it: bases as written, linked to the registry, warnings
instead of refusals, department defaults for what the sheet lacks, nothing half-written."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from catalog.enums import DocumentStatus, ItemStatus, LegalLevel, VerificationMethod
from catalog.models import CertificateItem, LegalDocument, NoticeDefaults
from catalog.spreadsheets.export import catalog_file, draft_selection
from catalog.spreadsheets.report import RowStatus
from catalog.spreadsheets.services import catalog_import
from catalog.validation import PLACEHOLDER
from tests.spreadsheets.sheets import annex4_xlsx, row

from .documents import FIRMS_RULES_35, LAWYERS_LAW_19, firms_rules, lawyers_law

SEED_BASES = "《律师法》第十九条、《律师事务所管理办法》第三十五条第五款"


def seed_row(**overrides):
    """The seed's example row (附件4), written as the seed writes it."""
    values = {
        "name": "拟任分所负责人执业经历证明",
        "purpose": "律师事务所申请设立分所",
        "bases": SEED_BASES,
        "levels": "法律\n部门规章",
        "requesting": "旗市司法局、律师协会",
        "issuing": "申请人所在单位",
        "marks": (None, "✓", "✓", None),
        "matter": "行政许可",
        "remarks": "限于该负责人原在区内执业",
    }
    values.update(overrides)
    return row(**values)


def run(user, department, rows, *, commit=False, submit=False):
    return catalog_import(
        user=user,
        data=annex4_xlsx(rows, unit=department.name),
        filename="目录.xlsx",
        department=department,
        commit=commit,
        submit=submit,
    )


def test_the_seeds_example_row_imports_without_errors_and_links_both_bases(editor_a, dept_a):
    law, rules = lawyers_law(), firms_rules()
    preview = run(editor_a, dept_a, [seed_row()])
    assert preview.error_lines() == []
    assert preview.counts[RowStatus.NEW] == 1
    report = run(editor_a, dept_a, [seed_row()], commit=True)
    assert report.committed and report.error_lines() == []
    item = CertificateItem.objects.get(pk=report.rows[0].item_id)
    bases = list(item.legal_bases.order_by("sort_order"))
    assert [(b.name, b.article, b.article_text) for b in bases] == [
        ("《律师法》", "第十九条", ""),
        ("《律师事务所管理办法》", "第三十五条第五款", ""),
    ]
    assert [b.document_id for b in bases] == [law.pk, rules.pk]
    assert [b.legal_level for b in bases] == [LegalLevel.LAW, LegalLevel.DEPARTMENTAL_RULE]
    # the article texts come from the registry (第五款 of 第三十五条: the whole article)
    assert [b.text for b in bases] == [LAWYERS_LAW_19, FIRMS_RULES_35]
    assert LegalDocument.objects.count() == 2


def test_levels_left_empty_are_taken_from_the_registry(editor_a, dept_a):
    lawyers_law(), firms_rules()
    report = run(editor_a, dept_a, [seed_row(levels=None)], commit=True)
    assert report.committed
    item = CertificateItem.objects.get(pk=report.rows[0].item_id)
    assert [b.legal_level for b in item.legal_bases.order_by("sort_order")] == [
        LegalLevel.LAW,
        LegalLevel.DEPARTMENTAL_RULE,
    ]


def test_a_missing_article_text_is_a_warning_in_the_preview_not_a_refusal(editor_a, dept_a):
    lawyers_law()  # has 第十九条's text; the rules are unknown
    report = run(editor_a, dept_a, [seed_row()])
    assert report.error_lines() == []
    assert report.warning_lines() == [
        "第6行 依据名称、文号及条文内容: 第 2 个依据“《律师事务所管理办法》第三十五条第五款”"
        "缺少条文内容（不影响导入）：请补充条文内容，或由司法局在法律文件库中录入该条条文。"
    ]
    assert (
        "法律文件库中还没有《律师事务所管理办法》：确认导入时新建为待确认的文件，由司法局确认。"
        in report.rows[0].notes
    )


def test_the_command_prints_the_warnings_in_the_row_and_column_form(dept_a, tmp_path):
    path = tmp_path / "目录.xlsx"
    path.write_bytes(annex4_xlsx([seed_row()], unit=dept_a.name))
    out = StringIO()
    call_command("import_catalog", str(path), department=dept_a.name, dry_run=True, stdout=out)
    assert "提示：第6行 依据名称、文号及条文内容: 第 1 个依据“《律师法》第十九条”缺少条文内容" in (
        out.getvalue()
    )


def test_an_unknown_document_is_created_once_unverified_when_the_import_is_confirmed(
    editor_a, dept_a
):
    rows = [seed_row(), seed_row(name="另一个证明", serial=2)]
    run(editor_a, dept_a, rows)
    assert not LegalDocument.objects.exists()  # the preview writes nothing
    report = run(editor_a, dept_a, rows, commit=True)
    assert report.committed
    documents = {d.name: d for d in LegalDocument.objects.all()}
    assert set(documents) == {"律师法", "律师事务所管理办法"}
    assert not any(d.verified for d in documents.values())
    assert documents["律师事务所管理办法"].legal_level == LegalLevel.DEPARTMENTAL_RULE
    assert documents["律师法"].history.first().history_user == editor_a
    cited = set(
        CertificateItem.objects.filter(department=dept_a).values_list(
            "legal_bases__document_id", flat=True
        )
    )
    assert cited == {d.pk for d in documents.values()}


def test_a_bad_cell_writes_nothing_not_even_new_documents(editor_a, dept_a):
    rows = [seed_row(), seed_row(name="坏的一行", bases="第十九条：成立三年以上", serial=2)]
    report = run(editor_a, dept_a, rows, commit=True)
    assert not report.committed
    assert report.error_lines() == [
        "第7行 依据名称、文号及条文内容: 读出 1 个依据；第 1 个缺少依据名称（“第十九条”）。"
        "每个依据请写明名称（可加书名号），如：《中华人民共和国律师法》第十九条：成立三年以上……"
    ]
    assert not CertificateItem.objects.exists()
    assert not LegalDocument.objects.exists()


def test_an_exported_sheet_with_registry_texts_reads_back_unchanged(editor_a, dept_a):
    lawyers_law(), firms_rules()
    run(editor_a, dept_a, [seed_row()], commit=True)
    exported = catalog_file(draft_selection(user=editor_a, department=dept_a), "xlsx").content
    report = catalog_import(user=editor_a, data=exported, filename="导出.xlsx", department=dept_a)
    assert report.counts[RowStatus.UNCHANGED] == 1, report.rows[0].changes
    assert report.warning_lines() == []


def defaults_for(department, **overrides):
    values = {
        "certificate_content": "申请人已具备“{证明名称}”所证明的条件，可以办理{证明用途}。",
        "false_commitment_consequences": "终止办理；已作出的行政决定依法撤销；纳入信用记录。",
        "verification_method": VerificationMethod.ONLINE,
        "verification_time_limit_days": 10,
    }
    values.update(overrides)
    return NoticeDefaults.objects.create(department=department, **values)


def test_submit_brings_a_whole_sheet_into_review_with_the_departments_defaults(
    editor_a, dept_a, tmp_path
):
    defaults_for(dept_a)
    path = tmp_path / "目录.xlsx"
    path.write_bytes(annex4_xlsx([seed_row()], unit=dept_a.name))
    out = StringIO()
    call_command(
        "import_catalog",
        str(path),
        department=dept_a.name,
        user=editor_a.username,
        submit=True,
        stdout=out,
    )
    item = CertificateItem.objects.get()
    assert item.status() == ItemStatus.IN_REVIEW
    draft = item.get_latest_revision_as_object()
    assert draft.certificate_content == (
        "申请人已具备“拟任分所负责人执业经历证明”所证明的条件，可以办理律师事务所申请设立分所。"
    )
    assert draft.verification_time_limit_days == 10
    assert PLACEHOLDER not in out.getvalue()


def test_without_complete_defaults_a_new_row_stays_a_draft_marked_to_complete(editor_a, dept_a):
    defaults_for(dept_a, verification_time_limit_days=None)
    report = run(editor_a, dept_a, [seed_row()], commit=True, submit=True)
    assert report.committed and report.submitted == 0
    assert report.rows[0].notes[0].startswith("新增为草稿。附件4不含告知内容（附件3），")
    assert "“核查时限”" in report.rows[0].notes[0]
    item = CertificateItem.objects.get()
    assert item.status() == ItemStatus.DRAFT
    assert item.certificate_content.startswith("申请人已具备")  # the defaults it has
    assert item.verification_time_limit_days is None


def test_a_department_without_defaults_gets_the_placeholders_and_no_submission(
    editor_a, dept_a, tmp_path
):
    path = tmp_path / "目录.xlsx"
    path.write_bytes(annex4_xlsx([seed_row()], unit=dept_a.name))
    call_command(
        "import_catalog",
        str(path),
        department=dept_a.name,
        user=editor_a.username,
        submit=True,
        stdout=StringIO(),
    )
    item = CertificateItem.objects.get()
    assert item.status() == ItemStatus.DRAFT
    assert item.certificate_content.startswith(PLACEHOLDER)


def test_a_repealed_document_can_still_be_cited_by_an_import(editor_a, dept_a):
    lawyers_law(status=DocumentStatus.REPEALED)
    report = run(editor_a, dept_a, [seed_row(bases="《律师法》第十九条", levels="法律")])
    assert report.error_lines() == []


def test_a_command_line_import_with_an_unreadable_cell_fails_naming_row_and_column(
    dept_a, tmp_path
):
    path = tmp_path / "目录.xlsx"
    path.write_bytes(annex4_xlsx([seed_row(bases="《律师法》第十九条、（司法部令第142号）")]))
    with pytest.raises(CommandError):
        call_command(
            "import_catalog", str(path), department=dept_a.name, dry_run=True, stdout=StringIO()
        )
