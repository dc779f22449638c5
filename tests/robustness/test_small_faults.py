"""Small faults that answered 500 (issue 10, point 10): submitting a record already in review,
deleting a user, Wagtail's test pages."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Revision, WorkflowState

from catalog.models import CertificateItem
from commitments.letters.services import letter_personal_data_viewed
from commitments.models import LetterAccessLog

from ..factories import make_item, make_user, submit
from ..letters.helpers import TODAY, disclosed_item, person
from ..test_admin_forms import NS, form_data

pytestmark = pytest.mark.django_db


def test_submitting_an_item_already_in_review_writes_nothing_and_says_why(client, editor_a, dept_a):
    item = submit(make_item(editor_a, dept_a, name="审核中的证明"), editor_a)
    revisions = Revision.objects.filter(object_id=str(item.pk)).count()
    states = WorkflowState.objects.count()
    client.force_login(editor_a)

    data = form_data(item, purpose="另一个窗口里改过的用途")
    data["action-submit"] = "1"
    response = client.post(reverse(f"{NS}:edit", args=[item.pk]), data)

    assert response.status_code == 200
    assert "已在审核中" in response.content.decode()
    assert "这次提交什么也没有写入" in response.content.decode()
    assert Revision.objects.filter(object_id=str(item.pk)).count() == revisions
    assert WorkflowState.objects.count() == states
    item.refresh_from_db()
    assert item.get_latest_revision_as_object().purpose != "另一个窗口里改过的用途"


def test_submitting_a_draft_saves_and_submits_in_one_step(client, editor_a, dept_a):
    item = make_item(editor_a, dept_a, name="待提交的证明")
    client.force_login(editor_a)
    data = form_data(item, purpose="提交时改过的用途")
    data["action-submit"] = "1"
    response = client.post(reverse(f"{NS}:edit", args=[item.pk]), data)
    assert response.status_code == 302
    item = CertificateItem.objects.get(pk=item.pk)
    state = item.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.revision_id == item.latest_revision_id
    assert item.get_latest_revision_as_object().purpose == "提交时改过的用途"


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root_rb", password="x-long-password-1")


def test_deleting_a_user_with_access_records_is_refused_with_a_message(
    client, superuser, editor_a, dept_a, reviewer
):
    from commitments.letters.services import letter_register

    item = disclosed_item(editor_a, dept_a, reviewer)
    letter = letter_register(user=editor_a, item=item, fields=person(), disclose=True, today=TODAY)
    letter_personal_data_viewed(user=editor_a, letter=letter, purpose="查看详情")
    assert LetterAccessLog.objects.filter(user=editor_a).exists()
    client.force_login(superuser)
    url = reverse("wagtailusers_users:delete", args=[editor_a.pk])

    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailusers_users:edit", args=[editor_a.pk])
    page = client.get(reverse("wagtailusers_users:edit", args=[editor_a.pk])).content.decode()
    assert "用户账户不能删除" in page and "停用" in page
    assert get_user_model().objects.filter(pk=editor_a.pk).exists()


def test_bulk_deleting_users_is_refused(client, superuser):
    spare = make_user("spare_user")
    client.force_login(superuser)
    meta = get_user_model()._meta
    url = reverse("wagtail_bulk_action", args=(meta.app_label, meta.model_name, "delete"))
    response = client.post(f"{url}?id={spare.pk}", {"id": [spare.pk]})
    assert response.status_code == 302
    assert get_user_model().objects.filter(pk=spare.pk).exists()


@pytest.mark.parametrize("path", ["/admin/failwhale/", "/admin/test404/"])
def test_wagtails_test_pages_are_not_served(client, superuser, path):
    client.force_login(superuser)
    response = client.get(path)
    assert response.status_code == 404


def test_administrators_are_not_offered_a_delete_that_is_always_refused(
    client, administrator, editor_a
):
    client.force_login(administrator)
    url = reverse("wagtailusers_users:delete", args=[editor_a.pk])
    assert (
        url
        not in client.get(reverse("wagtailusers_users:edit", args=[editor_a.pk])).content.decode()
    )
    assert url not in client.get(reverse("wagtailusers_users:index")).content.decode()
    assert not administrator.has_perm("auth.delete_user")
