"""Department scope in the admin: every URL that carries an item, as every role, own and other.

Wagtail answers a denial with a redirect to the dashboard and an error message (or 403 for
XHR); a denial here must also leave the item untouched and not show its name.
"""

import pytest
from django.urls import reverse
from wagtail.models import Revision

from catalog.models import CertificateItem

from .factories import make_item, publish, submit

NS = "wagtailsnippets_catalog_certificateitem"


def url_for(name, item):
    rev = item.latest_revision_id
    ws = item.current_workflow_state
    ts = item.current_workflow_task_state
    args = {
        "revisions_view": [item.pk, rev],
        "revisions_revert": [item.pk, rev],
        "revisions_unschedule": [item.pk, rev],
        "revisions_compare": [item.pk, "earliest", "latest"],
        "workflow_history_detail": [item.pk, ws.pk if ws else 0],
        "workflow_action": [item.pk, "approve", ts.pk if ts else 0],
        "collect_workflow_action_data": [item.pk, "reject", ts.pk if ts else 0],
        "workflow_preview": [item.pk, ts.task_id if ts else 0],
    }.get(name, [item.pk])
    return reverse(f"{NS}:{name}", args=args)


ITEM_URLS = [
    "edit",
    "delete",
    "usage",
    "history",
    "history_results",
    "inspect",
    "preview_on_edit",
    "revisions_view",
    "revisions_revert",
    "revisions_compare",
    "revisions_unschedule",
    "unpublish",
    "lock",
    "unlock",
    "workflow_action",
    "collect_workflow_action_data",
    "confirm_workflow_cancellation",
    "workflow_history",
    "workflow_history_detail",
    "workflow_preview",
]


def assert_denied(response, item_name):
    if response.status_code == 302:
        # the dashboard with a message, or the login page for a user left without admin access
        location = response["Location"]
        assert location == reverse("wagtailadmin_home") or location.startswith(
            reverse("wagtailadmin_login")
        ), location
    else:
        assert response.status_code == 403, response.status_code
    assert item_name not in response.content.decode()


@pytest.fixture
def other_items(editor_b, dept_b, reviewer):
    """Items of department B: one in review (with workflow URLs) and one published."""
    in_review = submit(make_item(editor_b, dept_b, name="乙局机密事项"), editor_b)
    published = publish(make_item(editor_b, dept_b, name="乙局公开事项"), editor_b, reviewer)
    return [in_review, published]


def snapshot(item):
    item.refresh_from_db()
    return (
        item.live,
        item.locked,
        item.latest_revision_id,
        Revision.objects.filter(object_id=str(item.pk)).count(),
        item.current_workflow_state and item.current_workflow_state.status,
    )


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("url_name", ITEM_URLS)
@pytest.mark.parametrize("user_fixture", ["editor_a", "leader_a"])
def test_user_of_department_a_is_refused_every_url_of_department_b(
    client, request, other_items, user_fixture, url_name, method
):
    user = request.getfixturevalue(user_fixture)
    client.force_login(user)
    for item in other_items:
        before = snapshot(item)
        url = url_for(url_name, item)
        response = getattr(client, method)(url, {"reason": "x", "comment": "x"})
        assert_denied(response, item.name)
        assert snapshot(item) == before
        assert CertificateItem.objects.filter(pk=item.pk).exists()


def test_refusal_tells_the_user_why_in_chinese(client, editor_a, other_items):
    client.force_login(editor_a)
    response = client.get(url_for("edit", other_items[0]), follow=True)
    assert "它属于您无权管理的单位" in response.content.decode()


def test_listing_shows_only_own_department_to_editor(client, editor_a, dept_a, other_items):
    own = make_item(editor_a, dept_a, name="甲局自己的事项")
    client.force_login(editor_a)
    html = client.get(reverse(f"{NS}:list")).content.decode()
    assert own.name in html
    assert "乙局机密事项" not in html and "乙局公开事项" not in html


def test_listing_export_contains_only_own_department(client, editor_a, dept_a, other_items):
    make_item(editor_a, dept_a, name="甲局导出事项")
    client.force_login(editor_a)
    response = client.get(reverse(f"{NS}:list") + "?export=csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "甲局导出事项" in body
    assert "乙局" not in body


@pytest.mark.parametrize("user_fixture", ["reviewer", "supervisor"])
def test_reviewer_and_supervisor_list_every_department(client, request, other_items, user_fixture):
    user = request.getfixturevalue(user_fixture)
    client.force_login(user)
    html = client.get(reverse(f"{NS}:list")).content.decode()
    assert "乙局机密事项" in html and "乙局公开事项" in html


def test_create_form_offers_only_the_editors_departments(client, editor_a, dept_a, dept_b):
    client.force_login(editor_a)
    html = client.get(reverse(f"{NS}:add")).content.decode()
    assert f'value="{dept_a.pk}"' in html
    assert f'value="{dept_b.pk}"' not in html


def test_editor_cannot_create_an_item_in_another_department_by_posting(client, editor_a, dept_b):
    client.force_login(editor_a)
    client.post(reverse(f"{NS}:add"), {"department": dept_b.pk, "name": "越权创建"})
    assert not CertificateItem.objects.filter(name="越权创建").exists()


def test_bulk_delete_of_another_departments_item_is_refused(client, editor_a, dept_b, editor_b):
    item = make_item(editor_b, dept_b, name="乙局批量")
    client.force_login(editor_a)
    url = (
        reverse("wagtail_bulk_action", args=["catalog", "certificateitem", "delete"])
        + f"?id={item.pk}"
    )
    assert item.name not in client.get(url).content.decode()
    client.post(url)
    assert CertificateItem.objects.filter(pk=item.pk).exists()


def test_revoked_department_is_refused_on_the_next_request(client, dept_a, editor_a):
    from permissions.enums import Role
    from permissions.services import department_revoke

    item = make_item(editor_a, dept_a, name="撤权前的事项")
    client.force_login(editor_a)
    assert client.get(url_for("edit", item)).status_code == 200
    department_revoke(user=editor_a, department=dept_a, role=Role.EDITOR)
    assert_denied(client.get(url_for("edit", item)), item.name)


def test_granted_department_opens_on_the_next_request(client, dept_b, editor_a, editor_b):
    from permissions.enums import Role
    from permissions.services import department_grant

    item = make_item(editor_b, dept_b, name="授权后的事项")
    client.force_login(editor_a)
    assert_denied(client.get(url_for("edit", item)), item.name)
    department_grant(user=editor_a, department=dept_b, role=Role.EDITOR)
    response = client.get(url_for("edit", item))
    assert response.status_code == 200
    assert item.name in response.content.decode()


@pytest.mark.parametrize(
    "report", ["wagtailadmin_reports:workflow", "wagtailadmin_reports:site_history"]
)
def test_reports_do_not_reveal_other_departments_items(client, editor_a, other_items, report):
    client.force_login(editor_a)
    response = client.get(reverse(report))
    assert "乙局机密事项" not in response.content.decode()
