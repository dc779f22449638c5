"""Importing a 附件4 sheet: preview first, then all rows or none, as drafts through review."""

import pytest
from django.core.exceptions import PermissionDenied
from wagtail.models import ModelLogEntry, ReferenceIndex

from catalog.enums import ItemStatus, LegalLevel, MatterType
from catalog.models import CertificateItem
from catalog.services import item_update
from catalog.spreadsheets.report import RowStatus
from catalog.spreadsheets.services import catalog_import
from tests.factories import make_item, publish, send_back, submit

from .sheets import LAW_19, annex4_csv, annex4_xlsx, row


def run(user, department, rows, *, commit=False, submit=False, **sheet):
    data = annex4_xlsx(rows, **{"unit": department.name, **sheet})
    return catalog_import(
        user=user,
        data=data,
        filename="目录.xlsx",
        department=department,
        commit=commit,
        submit=submit,
    )


def statuses(report):
    return [(r.number, r.status) for r in report.rows]


def test_preview_classifies_rows_and_writes_nothing(editor_a, dept_a):
    make_item(editor_a, dept_a, name="已有证明", purpose="已有用途", legal_bases=[], remarks="")
    existing = make_item(
        editor_a,
        dept_a,
        name="要修改的证明",
        purpose="某事项",
        requesting_unit="旗司法局",
        issuing_unit="申请人所在单位",
        remarks="旧备注",
    )
    unchanged = make_item(
        editor_a,
        dept_a,
        name="不变的证明",
        purpose="另一事项",
        requesting_unit="旗司法局",
        issuing_unit="申请人所在单位",
        matter_type=MatterType.LICENSING,
    )
    law = (
        "《中华人民共和国律师法》（中华人民共和国主席令第七十六号）第十九条："
        "成立三年以上并具有二十名以上执业律师的合伙律师事务所，可以设立分所。"
    )
    report = run(
        editor_a,
        dept_a,
        [
            row(name="新证明", purpose="新事项"),
            row(name="要修改的证明", purpose="某事项", bases=law, remarks="新备注"),
            row(name="不变的证明", purpose="另一事项", bases=law),
            row(name="", purpose="没有名称的事项"),
        ],
    )
    assert statuses(report) == [
        (6, RowStatus.NEW),
        (7, RowStatus.CHANGED),
        (8, RowStatus.UNCHANGED),
        (9, RowStatus.ERROR),
    ]
    changed = report.rows[1]
    assert changed.item_id == existing.pk
    assert [(c.column, c.old, c.new) for c in changed.changes] == [("备注", "旧备注", "新备注")]
    assert report.rows[2].item_id == unchanged.pk
    assert report.error_lines() == ["第9行 证明名称: 不能为空。"]
    assert report.untouched == 1
    assert report.committed is False
    assert CertificateItem.objects.count() == 3
    existing.refresh_from_db()
    assert existing.get_latest_revision_as_object().remarks == "旧备注"


def test_confirmed_import_creates_drafts_with_a_revision_and_a_log_entry(editor_a, dept_a):
    bases = (
        LAW_19
        + "\n《律师事务所管理办法》（司法部令第１４２号）第三十五条第五款：应当提交执业经历证明。"
    )
    report = run(
        editor_a,
        dept_a,
        [row(bases=bases, levels="法律\n部门规章", marks=("√", None, "✓", None))],
        commit=True,
    )
    assert report.committed is True
    item = CertificateItem.objects.get(pk=report.rows[0].item_id)
    assert item.status() == ItemStatus.DRAFT
    assert item.live is False
    assert item.department == dept_a
    assert (item.level_provincial, item.level_city, item.level_county) == (True, False, True)
    assert [
        (b.name, b.document_number, b.article, b.legal_level) for b in item.legal_bases.all()
    ] == [
        ("《中华人民共和国律师法》", "", "第十九条", LegalLevel.LAW),
        (
            "《律师事务所管理办法》",
            "司法部令第142号",
            "第三十五条第五款",
            LegalLevel.DEPARTMENTAL_RULE,
        ),
    ]
    assert item.revisions.count() == 1
    assert item.get_latest_revision().user == editor_a
    assert (
        ModelLogEntry.objects.filter(object_id=str(item.pk), action="wagtail.create").count() == 1
    )
    assert (
        ReferenceIndex.objects.filter(object_id=str(item.pk), model_path="department").count() == 1
    )
    # 附件4 carries no notification content (附件3): the draft cannot be submitted yet.
    assert item.certificate_content.startswith("【待补充】")
    assert item.verification_time_limit_days is None


def test_one_bad_row_means_nothing_is_written(editor_a, dept_a):
    report = run(
        editor_a,
        dept_a,
        [row(name="好的一行"), row(name="坏的一行", matter="审批")],
        commit=True,
    )
    assert report.committed is False
    assert report.error_lines() == [
        "第7行 事项类型: “审批”不是有效的事项类型，应为：行政许可、行政确认、行政给付、行政奖励、"
        "行政裁决、其他行政权力、公共服务之一。"
    ]
    assert CertificateItem.objects.count() == 0
    assert ModelLogEntry.objects.count() == 0


def test_changed_row_of_a_published_item_becomes_a_draft_revision_and_the_public_keeps_the_old(
    editor_a, dept_a, reviewer
):
    item = publish(
        make_item(editor_a, dept_a, name="公开证明", purpose="公开事项", remarks="旧"),
        editor_a,
        reviewer,
    )
    report = run(
        editor_a, dept_a, [row(name="公开证明", purpose="公开事项", remarks="新")], commit=True
    )
    assert statuses(report) == [(6, RowStatus.CHANGED)]
    item.refresh_from_db()
    assert item.live and item.remarks == "旧"
    assert item.get_latest_revision_as_object().remarks == "新"
    assert item.status() == ItemStatus.PUBLISHED_WITH_CHANGES
    assert report.rows[0].notes == [
        "导入后保存为草稿（未提交审核）。",
        "公开目录仍显示已发布的版本，审核通过后才更新。",
    ]


def test_with_submit_a_complete_changed_item_enters_review(editor_a, dept_a, reviewer):
    item = publish(make_item(editor_a, dept_a, name="甲证明", purpose="甲事项"), editor_a, reviewer)
    report = run(editor_a, dept_a, [row(name="甲证明", purpose="甲事项")], commit=True, submit=True)
    assert report.rows[0].notes[0] == "导入后提交审核。"
    assert report.submitted == 1
    item.refresh_from_db()
    assert item.status() == ItemStatus.IN_REVIEW
    assert item.current_workflow_state.requested_by == editor_a


def test_with_submit_an_item_that_breaks_the_publication_rules_stays_a_draft(
    editor_a, dept_a, reviewer
):
    item = publish(make_item(editor_a, dept_a, name="甲证明", purpose="甲事项"), editor_a, reviewer)
    report = run(
        editor_a,
        dept_a,
        [row(name="甲证明", purpose="甲事项", marks=(None, None, None, None))],
        commit=True,
        submit=True,
    )
    assert report.rows[0].notes[0] == (
        "导入后保存为草稿，暂不能提交审核：请至少勾选一个行使层级（省部级、市级、县级或乡级及其他）。"
    )
    item.refresh_from_db()
    assert item.status() == ItemStatus.PUBLISHED_WITH_CHANGES


def test_with_submit_a_sent_back_item_is_resubmitted(editor_a, dept_a, reviewer):
    item = send_back(
        submit(make_item(editor_a, dept_a, name="乙证明", purpose="乙事项"), editor_a), reviewer
    )
    report = run(
        editor_a,
        dept_a,
        [row(name="乙证明", purpose="乙事项", remarks="已按意见修改")],
        commit=True,
        submit=True,
    )
    assert report.rows[0].notes[0] == "导入后重新提交审核。"
    item.refresh_from_db()
    assert item.status() == ItemStatus.IN_REVIEW


def test_a_change_to_an_item_in_review_needs_review_again(editor_a, dept_a):
    item = submit(make_item(editor_a, dept_a, name="丙证明", purpose="丙事项"), editor_a)
    report = run(
        editor_a,
        dept_a,
        [row(name="丙证明", purpose="丙事项", remarks="审核中改")],
        commit=True,
        submit=True,
    )
    assert report.rows[0].notes[0] == "该事项正在审核中：导入的修改将保存为新版本，需要重新审核。"
    item.refresh_from_db()
    assert item.status() == ItemStatus.IN_REVIEW
    assert item.get_latest_revision_as_object().remarks == "审核中改"


def test_rows_are_matched_whatever_the_spacing_width_and_brackets(editor_a, dept_a):
    item = make_item(editor_a, dept_a, name="居住证明(临时)", purpose="申请 ISO认证")
    report = run(editor_a, dept_a, [row(name="居住证明（临时）　", purpose="申请ＩＳＯ 认证")])
    assert report.rows[0].item_id == item.pk
    assert report.rows[0].status == RowStatus.CHANGED  # other columns differ from the factory's


def test_a_renamed_draft_is_still_found_by_its_published_name(editor_a, dept_a, reviewer):
    item = publish(make_item(editor_a, dept_a, name="旧名称", purpose="事项"), editor_a, reviewer)
    item_update(user=editor_a, item=item, fields={"name": "新名称"})
    report = run(editor_a, dept_a, [row(name="旧名称", purpose="事项")])
    assert report.rows[0].item_id == item.pk
    assert ("证明名称", "新名称", "旧名称") in [
        (c.column, c.old, c.new) for c in report.rows[0].changes
    ]


def test_the_same_certificate_twice_in_a_file_is_an_error_on_the_second_row(editor_a, dept_a):
    report = run(editor_a, dept_a, [row(), None, row(serial=2)])
    assert report.error_lines() == [
        "第8行 证明名称: 与第6行重复：同一单位中证明名称和证明用途都相同的事项只能填写一行。"
    ]


def test_two_existing_items_with_the_same_key_are_not_guessed_between(editor_a, dept_a):
    first = make_item(editor_a, dept_a, name="重复证明", purpose="重复事项")
    second = make_item(editor_a, dept_a, name="重复证明", purpose="重复事项")
    report = run(editor_a, dept_a, [row(name="重复证明", purpose="重复事项")])
    assert report.error_lines() == [
        f"第6行 证明名称: 系统中有2个事项（编号{first.pk}、{second.pk}）"
        "的证明名称和证明用途与此行相同，"
        "无法确定要更新哪一个。请先在系统中修改或删除重复的事项。"
    ]


def test_bases_and_levels_must_pair_up(editor_a, dept_a):
    two = LAW_19 + "\n《律师事务所管理办法》第三十五条：应当提交证明。"
    three_levels = "法律\n部门规章\n规范性文件"
    report = run(
        editor_a, dept_a, [row(bases=two, levels=three_levels), row(name="b", bases=two, levels="")]
    )
    assert report.error_lines() == [
        "第6行 效力层级: 填写了3个效力层级，但设定依据有2条："
        "请按设定依据的顺序逐条填写效力层级，每行一个。",
        "第7行 效力层级: 请填写效力层级（每条设定依据一个，按顺序每行一个）："
        "法律文件库中没有《中华人民共和国律师法》、《律师事务所管理办法》的效力层级。",
    ]


def test_one_level_for_several_bases_applies_to_all(editor_a, dept_a):
    two = LAW_19 + "\n《中华人民共和国律师法》第二十条：分所的负责人应当具备的条件。"
    report = run(editor_a, dept_a, [row(bases=two, levels="法律")], commit=True)
    item = CertificateItem.objects.get(pk=report.rows[0].item_id)
    assert [b.legal_level for b in item.legal_bases.all()] == [LegalLevel.LAW, LegalLevel.LAW]


def test_every_problem_of_a_row_is_reported_with_its_column(editor_a, dept_a):
    report = run(
        editor_a,
        dept_a,
        [
            row(
                purpose="",
                bases="《律师法》第十九条\n第三十五条第五款：律师事务所申请设立分所，应当提交……",
                levels="法规",
                marks=("x", None, None, None),
                requesting="",
            )
        ],
    )
    assert report.error_lines() == [
        "第6行 证明用途: 不能为空。",
        "第6行 依据名称、文号及条文内容: 读出 2 个依据；第 2 个缺少依据名称（“第三十五条第五款”）。"
        "每个依据请写明名称（可加书名号），如：《中华人民共和国律师法》第十九条：成立三年以上……",
        "第6行 效力层级: “法规”不是有效的效力层级，"
        "应为：法律、行政法规、国务院决定、地方性法规、自治条例和单行条例、部门规章、"
        "地方政府规章、自治区决定、规范性文件之一。",
        "第6行 索要单位: 不能为空。",
        "第6行 省部级: 无法识别的标记“x”：适用的请填✓或√，不适用的留空。",
    ]


def test_too_long_names_are_refused_before_anything_is_written(editor_a, dept_a):
    report = run(editor_a, dept_a, [row(name="证" * 201)], commit=True)
    assert report.error_lines() == ["第6行 证明名称: 不能超过200个字（现有201个字）。"]
    assert CertificateItem.objects.count() == 0


def test_an_editor_cannot_import_into_another_department(editor_a, dept_b):
    with pytest.raises(PermissionDenied) as excinfo:
        run(editor_a, dept_b, [row()])
    assert str(excinfo.value) == "您没有权限导入“乙局”的证明事项。"


def test_rows_under_another_departments_section_are_refused(editor_a, dept_a, dept_b):
    report = run(
        editor_a, dept_a, [row(name="甲的"), row(name="乙的")], commit=True, sections={1: "乙局"}
    )
    assert statuses(report) == [(6, RowStatus.NEW), (8, RowStatus.ERROR)]
    assert report.error_lines() == [
        "第8行 实施机关: 您没有权限编辑“乙局”的证明事项，该行不能导入。"
    ]
    assert CertificateItem.objects.count() == 0


def test_a_section_naming_an_unknown_department_is_an_error(editor_a, dept_a):
    report = run(editor_a, dept_a, [row()], sections={0: "不存在局"})
    assert report.error_lines() == [
        "第7行 实施机关: 系统中没有名为“不存在局”的实施机关，"
        "请核对单位名称（写在“实施机关：单位名称”行中）。"
    ]


def test_reviewers_import_for_any_department_and_sections_assign_rows(reviewer, dept_a, dept_b):
    report = run(
        reviewer,
        dept_a,
        [row(name="甲的"), row(name="乙的")],
        commit=True,
        sections={0: "甲局", 1: "旗乙局"},
    )
    assert report.committed
    assert sorted(CertificateItem.objects.values_list("name", "department__name")) == [
        ("乙的", "乙局"),
        ("甲的", "甲局"),
    ]


def test_a_different_unit_line_is_pointed_out(editor_a, dept_a):
    report = run(editor_a, dept_a, [row()], unit="公安局")
    assert report.warnings == [
        "表格中“单位（盖章）”填写的是“公安局”，与选择的“甲局”不一致。全部数据将导入到“甲局”，请确认。"
    ]


def test_confirmation_is_refused_when_the_data_changed_since_the_preview(editor_a, dept_a):
    data = annex4_xlsx([row(name="甲证明", purpose="甲事项")], unit="甲局")
    preview = catalog_import(user=editor_a, data=data, filename="a.xlsx", department=dept_a)
    make_item(editor_a, dept_a, name="甲证明", purpose="甲事项")  # someone else, meanwhile
    report = catalog_import(
        user=editor_a,
        data=data,
        filename="a.xlsx",
        department=dept_a,
        commit=True,
        expected_digest=preview.digest,
    )
    assert report.committed is False
    assert report.stale is True
    assert CertificateItem.objects.count() == 1


def test_csv_in_gbk_with_numbers_as_text_and_blank_lines_is_read(editor_a, dept_a):
    rows = [
        row(serial="１", marks=("", "√", "", "")),
        None,
        row(name="第二", serial="2", marks="√√  "),
    ]
    data = annex4_csv(rows, encoding="gbk")
    report = catalog_import(
        user=editor_a, data=data, filename="目录.csv", department=dept_a, commit=True
    )
    assert statuses(report) == [(6, RowStatus.NEW), (8, RowStatus.NEW)]
    assert CertificateItem.objects.get(name="拟任分所负责人执业经历证明").level_city is True


def test_preview_needs_no_user_on_the_command_line_but_writing_does(dept_a):
    data = annex4_xlsx([row()], unit="甲局")
    assert (
        catalog_import(user=None, data=data, filename="a.xlsx", department=dept_a).counts["new"]
        == 1
    )
    with pytest.raises(PermissionDenied):
        catalog_import(user=None, data=data, filename="a.xlsx", department=dept_a, commit=True)


def test_a_change_to_an_item_someone_else_has_locked_is_refused(editor_a, dept_a, reviewer):
    item = make_item(editor_a, dept_a, name="锁定证明", purpose="锁定事项", remarks="旧")
    item.locked, item.locked_by = True, reviewer
    item.save(update_fields=["locked", "locked_by"])
    report = run(editor_a, dept_a, [row(name="锁定证明", purpose="锁定事项")], commit=True)
    assert report.error_lines() == [
        "第6行 证明名称: 该事项已被“reviewer”锁定编辑，不能导入修改。"
        "请等对方解锁（或请其解锁）后再导入。"
    ]
    assert item.revisions.count() == 1
