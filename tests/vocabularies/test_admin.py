"""Who keeps the vocabularies (词表) in the admin, and why a used term is retired, not deleted."""

import pytest
from django.urls import reverse

from catalog.enums import MatterType
from catalog.models import LegalDocument
from catalog.services import item_update
from permissions.enums import Role
from vocabularies.enums import Vocabulary
from vocabularies.models import Term

from ..factories import make_department, make_item, make_user, publish
from ..routes_helpers import add_countersign
from .conftest import add_term

pytestmark = pytest.mark.django_db

NS = "wagtailsnippets_vocabularies_term"


def add_data(**overrides):
    data = {
        "vocabulary": Vocabulary.FOCUS_AREA,
        "code": "tax",
        "label": "税务",
        "order": "85",
        "active": "on",
    }
    data.update(overrides)
    return data


@pytest.fixture
def security_admin(db):
    return make_user("security_admin", role=Role.SECURITY_ADMIN)


@pytest.fixture
def auditor(db):
    return make_user("auditor", role=Role.AUDITOR)


ROLES = [
    ("reviewer", True),
    ("administrator", True),
    ("editor_a", False),
    ("leader_a", False),
    ("supervisor", False),
    ("security_admin", False),
    ("auditor", False),
]


@pytest.mark.parametrize(("role", "allowed"), ROLES)
def test_only_the_justice_bureau_and_the_administrator_view_the_vocabularies(
    client, request, role, allowed
):
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse(f"{NS}:list"), {"vocabulary": Vocabulary.FOCUS_AREA})
    assert (response.status_code == 200) is allowed
    if allowed:
        assert "户籍管理" in response.content.decode()


@pytest.mark.parametrize(("role", "allowed"), ROLES)
def test_only_the_justice_bureau_and_the_administrator_add_terms(client, request, role, allowed):
    client.force_login(request.getfixturevalue(role))
    client.post(reverse(f"{NS}:add"), add_data())
    assert Term.objects.filter(vocabulary=Vocabulary.FOCUS_AREA, code="tax").exists() is allowed


@pytest.mark.parametrize(("role", "allowed"), ROLES)
def test_only_the_justice_bureau_and_the_administrator_change_terms(client, request, role, allowed):
    term = Term.objects.get(vocabulary=Vocabulary.FOCUS_AREA, code="household")
    client.force_login(request.getfixturevalue(role))
    client.post(
        reverse(f"{NS}:edit", args=[term.pk]),
        add_data(code="household", label="户口管理", order="10"),
    )
    term.refresh_from_db()
    assert (term.label == "户口管理") is allowed


@pytest.mark.parametrize(("role", "allowed"), ROLES)
def test_only_the_justice_bureau_and_the_administrator_delete_unused_terms(
    client, request, role, allowed
):
    term = add_term(Vocabulary.FOCUS_AREA, "tax", "税务")
    client.force_login(request.getfixturevalue(role))
    client.post(reverse(f"{NS}:delete", args=[term.pk]))
    assert Term.objects.filter(pk=term.pk).exists() is not allowed


def test_the_code_and_vocabulary_are_kept_when_an_edit_form_sends_others(client, reviewer):
    term = Term.objects.get(vocabulary=Vocabulary.FOCUS_AREA, code="household")
    client.force_login(reviewer)
    response = client.post(
        reverse(f"{NS}:edit", args=[term.pk]),
        add_data(vocabulary=Vocabulary.MATTER_TYPE, code="hukou", label="户籍", active=""),
    )
    assert response.status_code == 302
    term.refresh_from_db()
    assert (term.vocabulary, term.code, term.label, term.active) == (
        Vocabulary.FOCUS_AREA,
        "household",
        "户籍",
        False,
    )
    assert term.history.count() >= 1


def test_a_new_term_with_a_bad_code_is_explained_in_chinese(client, reviewer):
    client.force_login(reviewer)
    response = client.post(reverse(f"{NS}:add"), add_data(code="Tax Office"))
    assert response.status_code == 200
    assert "代码只能使用小写英文字母、数字和下划线" in response.content.decode()
    assert not Term.objects.filter(label="税务").exists()


def delete(client, user, term):
    client.force_login(user)
    return client.post(reverse(f"{NS}:delete", args=[term.pk]), follow=True).content.decode()


def test_a_term_held_by_a_record_is_not_deleted(client, reviewer, editor_a, dept_a):
    term = add_term(Vocabulary.MATTER_TYPE, "filing", "行政备案")
    make_item(editor_a, dept_a, matter_type="filing")
    client.force_login(reviewer)
    # the delete page is not even shown: back to the listing, saying why
    confirm = client.get(reverse(f"{NS}:delete", args=[term.pk]), follow=True)
    assert confirm.redirect_chain[-1][0] == reverse(f"{NS}:list")
    count = term.usage_count()  # the item's row, its history rows and its revision
    assert count >= 3
    message = f"该词条已被{count}条记录使用，不能删除，只能停用。"
    assert message in confirm.content.decode()
    body = delete(client, reviewer, term)
    assert Term.objects.filter(pk=term.pk).exists()
    assert message in body


def test_a_term_held_only_by_history_is_not_deleted(client, administrator):
    term = add_term(Vocabulary.DEPARTMENT_KIND, "agency", "派出机构")
    department = make_department("某派出所", kind="agency")
    department.kind = "banner_department"
    department.save()
    assert term.usage_count() == 1  # the history row of the department as it was
    delete(client, administrator, term)
    assert Term.objects.filter(pk=term.pk).exists()


def test_a_term_held_only_by_a_draft_revision_is_not_deleted(client, reviewer, editor_a, dept_a):
    term = add_term(Vocabulary.MATTER_TYPE, "filing", "行政备案")
    item = publish(make_item(editor_a, dept_a), editor_a, reviewer)
    item_update(user=editor_a, item=item, fields={"matter_type": "filing"})
    item.refresh_from_db()
    assert item.matter_type == MatterType.LICENSING  # the row is the published version
    assert term.usage_count() == 1
    body = delete(client, reviewer, term)
    assert "该词条已被1条记录使用，不能删除，只能停用。" in body
    assert Term.objects.filter(pk=term.pk).exists()


def test_a_legal_level_held_only_by_a_basis_in_a_revision_is_not_deleted(
    client, reviewer, editor_a, dept_a
):
    term = add_term(Vocabulary.LEGAL_LEVEL, "constitution", "宪法", order=1)
    item = publish(make_item(editor_a, dept_a), editor_a, reviewer)
    bases = [{"name": "《中华人民共和国宪法》", "legal_level": "constitution"}]
    item_update(user=editor_a, item=item, fields={}, legal_bases=bases)
    # the registry document the draft's basis created holds the level too (row and history)
    assert term.usage_count() == 3
    LegalDocument.objects.get(legal_level="constitution").delete()
    LegalDocument.history.filter(legal_level="constitution").delete()
    assert term.usage_count() == 1  # the basis inside the item's draft revision
    delete(client, reviewer, term)
    assert Term.objects.filter(pk=term.pk).exists()


def test_a_matter_type_named_by_a_countersign_step_is_not_deleted(client, administrator):
    term = add_term(Vocabulary.MATTER_TYPE, "filing", "行政备案")
    add_countersign(make_department("政务服务局"), matter_types=["filing"])
    assert term.usage_count() == 1
    delete(client, administrator, term)
    assert Term.objects.filter(pk=term.pk).exists()


def test_a_term_the_code_relies_on_is_never_deleted(client, reviewer):
    term = Term.objects.get(vocabulary=Vocabulary.VERIFICATION_METHOD, code="exempt")
    assert term.usage_count() == 0
    body = delete(client, reviewer, term)
    assert "由系统功能使用，不能删除，只能停用或修改名称。" in body
    assert Term.objects.filter(pk=term.pk).exists()


def test_an_unused_term_is_deleted_after_a_confirmation_saying_so(client, reviewer):
    term = Term.objects.get(vocabulary=Vocabulary.MATTER_TYPE, code="award")
    client.force_login(reviewer)
    confirm = client.get(reverse(f"{NS}:delete", args=[term.pk])).content.decode()
    assert "该词条尚未被任何记录使用" in confirm
    delete(client, reviewer, term)
    assert not Term.objects.filter(pk=term.pk).exists()


def test_the_bulk_delete_refuses_used_terms_too(client, reviewer, editor_a, dept_a):
    used = add_term(Vocabulary.MATTER_TYPE, "filing", "行政备案")
    make_item(editor_a, dept_a, matter_type="filing")
    unused = add_term(Vocabulary.MATTER_TYPE, "other_filing", "其他备案")
    client.force_login(reviewer)
    url = (
        reverse("wagtail_bulk_action", args=["vocabularies", "term", "delete"])
        + f"?id={used.pk}&id={unused.pk}"
    )
    client.post(url, follow=True)
    assert Term.objects.filter(pk=used.pk).exists()
