"""Who may create, edit, submit, approve and publish content pages: every role.

Content pages belong to the whole banner: there is no own/other department, so each role's
answer is the same for every department (checked with the editor and leader of department A).
Nobody publishes directly: a page goes live only through the workflow's approval.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from content.enums import ContentKind
from content.models import ContentIndexPage, FaqPage, PolicyExplanationPage
from content.services import content_page_create, content_page_review, content_page_submit

from .helpers import make_page

T, F = True, False
# role: (create, edit, publish directly, approve another's page)
EXPECTED = {
    "editor": (F, F, F, F),
    "leader": (F, F, F, F),
    "reviewer": (T, T, F, T),
    "supervisor": (F, F, F, F),
    "administrator": (F, F, F, F),
    "security_admin": (F, F, F, F),
    "auditor": (F, F, F, F),
}
BODY = [("paragraph", "<p>正文</p>")]


@pytest.fixture
def submitted(reviewer2):
    page = make_page(reviewer2, title="另一位审核员撰写的页面")
    content_page_submit(user=reviewer2, page=page)
    page.refresh_from_db()
    return page


@pytest.mark.parametrize("role", EXPECTED)
def test_content_page_rights_by_role(client, users, submitted, role):
    user = users[role]
    may_create, may_edit, may_publish, may_approve = EXPECTED[role]
    index = ContentIndexPage.objects.get(kind=ContentKind.POLICY)
    client.force_login(user)

    add_url = reverse("wagtailadmin_pages:add", args=["content", "policyexplanationpage", index.pk])
    assert (client.get(add_url).status_code == 200) is may_create, role
    if may_create:
        content_page_create(user=user, kind=ContentKind.POLICY, title="新页面", body=BODY)
    else:
        with pytest.raises(PermissionDenied):
            content_page_create(user=user, kind=ContentKind.POLICY, title="新页面", body=BODY)

    edit_url = reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    assert (client.get(edit_url).status_code == 200) is may_edit, role

    assert submitted.permissions_for_user(user).can_publish() is may_publish, role

    if may_approve:
        content_page_review(user=user, page=submitted, action="approve")
    else:
        with pytest.raises(PermissionDenied):
            content_page_review(user=user, page=submitted, action="approve")
    submitted.refresh_from_db()
    assert submitted.live is may_approve, role


def test_index_pages_cannot_be_added_by_hand(reviewer):
    root = ContentIndexPage.objects.first().get_parent()
    assert not ContentIndexPage.can_create_at(root)


def test_a_page_type_is_created_only_under_its_own_index(db):
    policy = ContentIndexPage.objects.get(kind=ContentKind.POLICY)
    assert PolicyExplanationPage.can_create_at(policy)
    assert not FaqPage.can_create_at(policy)
