"""What a clerk meets on the forms: identity fields required even for drafts, their own
department preselected, a Chinese name for every record, and an export they can import back."""

from django.apps import apps
from django.db import models
from django.urls import reverse

from catalog.models import CertificateItem, ServiceGuide
from permissions.enums import Role

from .factories import make_department, make_item, make_user, publish
from .guides.helpers import form_data as guide_form_data
from .spreadsheets.sheets import open_xlsx
from .test_admin_forms import NS, form_data

GUIDES = "wagtailsnippets_catalog_serviceguide"


def test_a_draft_without_a_name_is_refused_with_the_reason(client, editor_a, dept_a):
    client.force_login(editor_a)
    response = client.post(reverse(f"{NS}:add"), form_data(department=dept_a, name=""))
    assert response.status_code == 200
    assert response.context["form"].errors["name"] == [
        "请填写证明名称（保存草稿时也需要，否则在列表中无法辨认）。"
    ]
    assert not CertificateItem.objects.exists()


def test_a_draft_without_a_department_is_refused(client, editor_a, dept_a):
    client.force_login(editor_a)
    data = form_data(department=dept_a)
    data["department"] = ""
    response = client.post(reverse(f"{NS}:add"), data)
    assert response.context["form"].errors["department"] == ["请选择实施机关（保存草稿时也需要）。"]
    assert not CertificateItem.objects.exists()


def test_an_existing_draft_cannot_lose_its_name(client, editor_a, dept_a):
    item = make_item(editor_a, dept_a, name="原名称")
    client.force_login(editor_a)
    response = client.post(reverse(f"{NS}:edit", args=[item.pk]), form_data(item, name=" "))
    assert "name" in response.context["form"].errors
    item.refresh_from_db()
    assert item.get_latest_revision_as_object().name == "原名称"


def test_a_guide_draft_without_a_name_is_refused(client, editor_a, dept_a):
    client.force_login(editor_a)
    response = client.post(reverse(f"{GUIDES}:add"), guide_form_data(dept_a, name=""))
    assert response.context["form"].errors["name"] == [
        "请填写事项名称（保存草稿时也需要，否则在列表中无法辨认）。"
    ]
    assert not ServiceGuide.objects.exists()


def test_the_department_is_preselected_for_a_clerk_of_one_department(client, editor_a, dept_a):
    client.force_login(editor_a)
    for namespace in (NS, GUIDES):
        form = client.get(reverse(f"{namespace}:add")).context["form"]
        assert form["department"].value() == dept_a.pk


def test_a_clerk_of_two_departments_chooses_the_department(client, dept_a, dept_b):
    clerk = make_user("two_departments", role=Role.EDITOR, departments=[dept_a, dept_b])
    client.force_login(clerk)
    form = client.get(reverse(f"{NS}:add")).context["form"]
    assert form["department"].value() is None
    assert set(form.fields["department"].queryset) == {dept_a, dept_b}


def test_a_nameless_record_still_reads_as_chinese():
    assert str(CertificateItem(pk=7)) == "未命名的证明事项（编号7）"
    assert str(ServiceGuide(pk=3)) == "未命名的办事指南（编号3）"


def test_every_model_of_the_project_names_its_objects_itself():
    """No record is ever shown as Django's "CertificateItem object (7)"."""
    default = models.Model.__str__
    missing = [
        model.__name__
        for label in ("catalog", "publishing", "commitments", "catalog_search", "permissions")
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical") and model.__str__ is default
    ]
    assert missing == []


def test_a_clerks_export_defaults_to_their_own_department(client, editor_a, dept_a, dept_b):
    client.force_login(editor_a)
    form = client.get(reverse("catalog_export")).context["form"]
    assert form["department"].value() == dept_a.pk
    assert list(form.fields["department"].queryset) == [dept_a]


def test_a_reviewers_export_defaults_to_the_whole_banner(client, reviewer, dept_a, dept_b):
    client.force_login(reviewer)
    form = client.get(reverse("catalog_export")).context["form"]
    assert form["department"].value() is None


def test_the_clerks_default_export_holds_only_their_own_rows(
    client, editor_a, dept_a, editor_b, dept_b
):
    reviewer = make_user("export_reviewer", role=Role.REVIEWER)
    publish(make_item(editor_a, dept_a, name="甲局的证明"), editor_a, reviewer)
    publish(make_item(editor_b, dept_b, name="乙局的证明"), editor_b, reviewer)
    client.force_login(editor_a)
    form = client.get(reverse("catalog_export")).context["form"]
    query = {name: form[name].value() for name in ("kind", "department", "format")}

    response = client.get(reverse("catalog_export"), query)

    sheet = open_xlsx(b"".join(response.streaming_content))
    names = [cell.value for cell in sheet["B"] if cell.value]
    assert "甲局的证明" in names
    assert "乙局的证明" not in names


def test_a_reviewer_is_not_preselected_a_department(client, reviewer):
    make_department("丙局")
    client.force_login(reviewer)
    form = client.get(reverse(f"{NS}:add")).context["form"]
    assert form["department"].value() is None


def test_autosave_starts_only_once_the_record_exists(client, editor_a, dept_a):
    client.force_login(editor_a)
    add = client.get(reverse(f"{NS}:add"))
    assert add.context["autosave_enabled"] is False
    assert "w-autosave" not in add.content.decode().split('id="w-editor-form"')[1][:400]
    item = make_item(editor_a, dept_a)
    edit = client.get(reverse(f"{NS}:edit", args=[item.pk]))
    assert edit.context["autosave_enabled"] is True


def test_a_leader_deciding_on_an_item_sees_its_department_and_its_preview(
    client, editor_a, dept_a, leader_a
):
    from .factories import submit

    item = submit(make_item(editor_a, dept_a), editor_a)
    client.force_login(leader_a)
    form = client.get(reverse(f"{NS}:edit", args=[item.pk])).context["form"]
    assert form["department"].value() == dept_a.pk
    assert list(form.fields["department"].queryset) == [dept_a]

    preview = client.post(reverse(f"{NS}:preview_on_edit", args=[item.pk]), form_data(item))
    assert preview.status_code == 200
    assert preview.json()["is_valid"] is True


def test_a_leader_still_cannot_save_the_form(client, editor_a, dept_a, leader_a):
    from .factories import submit

    item = submit(make_item(editor_a, dept_a, name="领导不能改"), editor_a)
    client.force_login(leader_a)
    client.post(reverse(f"{NS}:edit", args=[item.pk]), form_data(item, name="领导改过的名称"))
    item.refresh_from_db()
    assert item.get_latest_revision_as_object().name == "领导不能改"
