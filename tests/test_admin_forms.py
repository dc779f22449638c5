"""The edit form: Chinese messages next to fields, stale saves refused, nothing half-saved."""

from django.urls import reverse
from wagtail.models import WorkflowState

from catalog.enums import ExcludedCategory
from catalog.models import CertificateItem, Department

from .factories import make_item

NS = "wagtailsnippets_catalog_certificateitem"


def form_data(item=None, department=None, bases=None, **overrides):
    """POST data of the item form, as the browser sends it."""
    data = {
        "department": (department or item.department).pk,
        "name": item.name if item else "新建证明",
        "purpose": "申请设立分所",
        "requesting_unit": "旗司法局",
        "issuing_unit": "申请人所在单位",
        "level_county": "on",
        "matter_type": "licensing",
        "focus_area": "legal_services",
        "remarks": "",
        "excluded_category": "",
        "certificate_content": "执业满三年。",
        "false_commitment_consequences": "终止办理。",
        "verification_method": "online",
        "verification_time_limit_days": "5",
        "verification_details": "",
        "disclosure_scope": "",
        "disclosure_period_months": "",
    }
    bases = (
        bases
        if bases is not None
        else [
            {
                "name": "《中华人民共和国律师法》",
                "document_number": "",
                "article": "第十九条",
                "article_text": "可以设立分所。",
                "legal_level": "law",
            }
        ]
    )
    existing = list(item.get_latest_revision_as_object().legal_bases.all()) if item else []
    data.update(
        {
            "legal_bases-TOTAL_FORMS": str(len(bases)),
            "legal_bases-INITIAL_FORMS": str(len(existing)),
            "legal_bases-MIN_NUM_FORMS": "0",
            "legal_bases-MAX_NUM_FORMS": "1000",
        }
    )
    for i, basis in enumerate(bases):
        for key, value in basis.items():
            data[f"legal_bases-{i}-{key}"] = value
        data[f"legal_bases-{i}-ORDER"] = str(i + 1)
        if i < len(existing):
            data[f"legal_bases-{i}-id"] = str(existing[i].pk)
    if item is not None:
        data["loaded_revision_id"] = str(item.latest_revision_id)
        data["loaded_revision_created_at"] = item.latest_revision.created_at.isoformat()
    data.update(overrides)
    return data


def test_editor_creates_and_submits_an_item_through_the_admin(client, editor_a, dept_a):
    client.force_login(editor_a)
    data = form_data(department=dept_a, name="表单提交的证明", **{"action-submit": "1"})
    response = client.post(reverse(f"{NS}:add"), data, follow=True)
    assert "证明事项“表单提交的证明”已创建并提交审核。" in response.content.decode()
    item = CertificateItem.objects.get(name="表单提交的证明")
    assert item.legal_bases.get().article == "第十九条"
    assert item.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_missing_required_fields_are_explained_in_chinese_next_to_the_field(
    client, editor_a, dept_a
):
    client.force_login(editor_a)
    data = form_data(department=dept_a, name="", purpose="", **{"action-submit": "1"})
    response = client.post(reverse(f"{NS}:add"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["name"] == ["请填写证明名称（保存草稿时也需要，否则在列表中无法辨认）。"]
    assert "purpose" in form.errors
    assert not CertificateItem.objects.exists()


def test_submission_rules_are_shown_at_the_field(client, editor_a, dept_a):
    client.force_login(editor_a)
    data = form_data(
        department=dept_a,
        bases=[],
        level_county="",
        verification_time_limit_days="",
        disclosure_scope="public",
        **{"action-submit": "1"},
    )
    response = client.post(reverse(f"{NS}:add"), data)
    form = response.context["form"]
    assert "请至少勾选一个行使层级" in form.errors["level_county"][0]
    assert "请填写核查时限" in form.errors["verification_time_limit_days"][0]
    assert "没有勾选“公开承诺书”" in form.errors["letters_disclosed"][0]
    assert "请至少填写一条设定依据" in form.non_field_errors()[0]
    assert not CertificateItem.objects.exists()


def test_incomplete_draft_can_be_saved_but_not_submitted(client, editor_a, dept_a):
    client.force_login(editor_a)
    data = form_data(department=dept_a, name="未完成草稿", bases=[], level_county="")
    assert client.post(reverse(f"{NS}:add"), data).status_code == 302
    item = CertificateItem.objects.get(name="未完成草稿")
    assert not item.live and item.current_workflow_state is None


def test_excluded_category_is_refused_at_submission_with_the_reason(client, editor_a, dept_a):
    client.force_login(editor_a)
    data = form_data(
        department=dept_a,
        excluded_category=ExcludedCategory.FINANCIAL_PRUDENTIAL,
        **{"action-submit": "1"},
    )
    response = client.post(reverse(f"{NS}:add"), data)
    error = response.context["form"].errors["excluded_category"][0]
    assert "直接涉及金融业审慎监管" in error and "不能提交审核或发布" in error
    assert not WorkflowState.objects.exists()


def test_fresh_form_saves(client, editor_a, dept_a):
    item = make_item(editor_a, dept_a, name="原始名称")
    client.force_login(editor_a)
    response = client.post(reverse(f"{NS}:edit", args=[item.pk]), form_data(item, name="新名称"))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.get_latest_revision_as_object().name == "新名称"


def test_invalid_legal_basis_saves_nothing(client, editor_a, dept_a):
    item = make_item(editor_a, dept_a, name="不变的名称")
    client.force_login(editor_a)
    bad = [{"name": "", "article": "", "article_text": "", "legal_level": "bogus"}]
    data = form_data(item, name="不应保存的名称", bases=bad)
    before = item.revisions.count()
    response = client.post(reverse(f"{NS}:edit", args=[item.pk]), data)
    assert response.status_code == 200
    assert item.revisions.count() == before
    assert item.get_latest_revision_as_object().name == "不变的名称"


def test_deleting_a_department_with_items_is_refused(client, administrator, editor_a, dept_a):
    make_item(editor_a, dept_a)
    client.force_login(administrator)
    url = reverse("wagtailsnippets_catalog_department:delete", args=[dept_a.pk])
    response = client.post(url, follow=True)
    assert "不能删除“甲局”：该单位还有 1 个证明事项" in response.content.decode()
    assert Department.objects.filter(pk=dept_a.pk).exists()


def test_deleting_an_empty_department_works(client, administrator):
    empty = Department.objects.create(name="空单位", kind="banner_department")
    client.force_login(administrator)
    client.post(reverse("wagtailsnippets_catalog_department:delete", args=[empty.pk]))
    assert not Department.objects.filter(pk=empty.pk).exists()


def test_editor_cannot_manage_departments(client, editor_a, dept_a):
    client.force_login(editor_a)
    url = reverse("wagtailsnippets_catalog_department:edit", args=[dept_a.pk])
    response = client.post(url, {"name": "改名", "kind": dept_a.kind})
    assert response.status_code == 302
    dept_a.refresh_from_db()
    assert dept_a.name == "甲局"


def test_autosave_cannot_overwrite_the_revision_under_review(client, editor_a, dept_a):
    from .factories import submit

    item = submit(make_item(editor_a, dept_a, name="审核中的原文"), editor_a)
    reviewed = item.current_workflow_task_state.revision
    client.force_login(editor_a)
    data = form_data(item, name="偷偷改掉的内容", overwrite_revision_id=str(reviewed.pk))
    client.post(reverse(f"{NS}:edit", args=[item.pk]), data)
    reviewed.refresh_from_db()
    assert reviewed.content["name"] == "审核中的原文"
