"""Taking a content page off the site (撤下) and the files of content pages.

Nobody has Wagtail's ``publish`` permission on the content tree (pages go live only through
review), so Wagtail's own unpublish is closed to everyone: the justice bureau's reviewers take a
live page down with a reason through ``content_page_unpublish``. Every role is tried; content
pages belong to the whole banner, so there is no own/other department (the editor and leader of
department A stand for the departments' roles)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from content.enums import ContentKind
from content.services import content_page_review, content_page_submit, content_page_unpublish
from permissions.enums import Role

from ..factories import make_user
from .helpers import make_page, publish_page

MAY_UNPUBLISH = {
    "editor": False,
    "leader": False,
    "reviewer": True,
    "supervisor": False,
    "administrator": False,
    "security_admin": False,
    "auditor": False,
}
# Upload (add) and choose images and documents for a content page's body.
MAY_UPLOAD = {
    "editor": (True, False),  # editors upload the flow charts of their guides (images only)
    "leader": (False, False),
    "reviewer": (True, True),
    "supervisor": (False, False),
    "administrator": (False, False),
    "security_admin": (False, False),
    "auditor": (False, False),
}


@pytest.fixture
def live_page(reviewer2):
    approver = make_user("content_approver", role=Role.REVIEWER)
    page = make_page(reviewer2, title="关于暂停受理的通知", kind=ContentKind.NOTICE)
    return publish_page(page, reviewer2, approver)


@pytest.mark.parametrize("role", MAY_UNPUBLISH)
def test_only_a_reviewer_takes_a_live_page_off_the_site(client, users, live_page, role):
    user = users[role]
    allowed = MAY_UNPUBLISH[role]
    client.force_login(user)
    url = reverse("content_unpublish", args=[live_page.pk])
    response = client.post(url, {"reason": "政策已调整"})
    assert response.status_code == 302, role
    # refused: Wagtail's admin sends the user home with "没有权限" instead of a bare 403
    expected = reverse("wagtailadmin_explore", args=[live_page.get_parent().pk])
    assert response.url == (expected if allowed else reverse("wagtailadmin_home")), role
    if not allowed:
        with pytest.raises(PermissionDenied):
            content_page_unpublish(user=user, page=live_page, reason="政策已调整")
    live_page.refresh_from_db()
    assert live_page.live is not allowed, role


def test_a_page_taken_down_leaves_the_site_feed_and_sitemap_and_keeps_the_reason(
    client, reviewer, live_page
):
    public_url = live_page.url
    assert client.get(public_url).status_code == 200
    content_page_unpublish(user=reviewer, page=live_page, reason="政策已调整，内容不再适用")
    assert client.get(public_url).status_code == 404
    assert "关于暂停受理的通知" not in client.get(reverse("content_feed")).content.decode()
    assert public_url not in client.get(reverse("sitemap")).content.decode()
    assert "关于暂停受理的通知" not in client.get(reverse("public:home")).content.decode()
    client.force_login(reviewer)
    history = client.get(reverse("wagtailadmin_pages:history", args=[live_page.pk]))
    assert "撤下页面，理由：政策已调整，内容不再适用" in history.content.decode()


def test_the_button_is_offered_on_a_live_page_only(client, reviewer, reviewer2, live_page):
    url = reverse("content_unpublish", args=[live_page.pk])
    client.force_login(reviewer)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[live_page.pk])).content.decode()
    assert url in edit
    form = client.get(url).content.decode()
    assert "撤下理由" in form and "确认撤下" in form
    draft = make_page(reviewer2, title="尚未发布的页面")
    draft_url = reverse("content_unpublish", args=[draft.pk])
    draft_edit = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert draft_url not in draft_edit
    # and its page refuses (Wagtail's admin sends the user home)
    assert client.get(draft_url).url == reverse("wagtailadmin_home")


def test_a_reason_is_required_and_nothing_changes_without_it(client, reviewer, live_page):
    client.force_login(reviewer)
    response = client.post(reverse("content_unpublish", args=[live_page.pk]), {"reason": " "})
    assert response.status_code == 200
    assert "请填写撤下理由" in response.content.decode()
    live_page.refresh_from_db()
    assert live_page.live
    with pytest.raises(ValidationError):
        content_page_unpublish(user=reviewer, page=live_page, reason="")


def test_a_page_not_live_cannot_be_taken_down(reviewer, reviewer2):
    page = make_page(reviewer2, title="草稿页面")
    with pytest.raises(ValidationError, match="未发布"):
        content_page_unpublish(user=reviewer, page=page, reason="无")


def test_a_page_taken_down_goes_live_again_only_through_review(client, reviewer, live_page):
    content_page_unpublish(user=reviewer, page=live_page, reason="待修改")
    live_page.refresh_from_db()
    author = live_page.owner
    content_page_submit(user=author, page=live_page)
    live_page.refresh_from_db()
    assert not live_page.live  # in review, still off the site
    content_page_review(user=reviewer, page=live_page, action="approve")  # another reviewer
    live_page.refresh_from_db()
    assert live_page.live
    assert client.get(live_page.url).status_code == 200


@pytest.mark.parametrize("role", MAY_UPLOAD)
def test_who_may_upload_images_and_documents_for_pages(client, users, role):
    may_image, may_document = MAY_UPLOAD[role]
    client.force_login(users[role])
    image = client.get(reverse("wagtailimages:add"))
    document = client.get(reverse("wagtaildocs:add"))
    assert (image.status_code == 200) is may_image, role
    assert (document.status_code == 200) is may_document, role
