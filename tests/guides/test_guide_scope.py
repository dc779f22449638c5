"""Department scope of service guides in the admin: every URL that carries a guide, the
listing, the export, the chooser, the create form and bulk actions, as another department."""

import pytest
from django.urls import reverse
from wagtail.models import Revision

from catalog.models import ServiceGuide
from catalog.services import item_review

from ..test_admin_scope import ITEM_URLS, assert_denied
from .helpers import form_data, make_guide, submit_guide

NS = "wagtailsnippets_catalog_serviceguide"
CHOOSER = "wagtailsnippetchoosers_catalog_serviceguide"


def url_for(name, guide):
    rev = guide.latest_revision_id
    ws = guide.current_workflow_state
    ts = guide.current_workflow_task_state
    args = {
        "revisions_view": [guide.pk, rev],
        "revisions_revert": [guide.pk, rev],
        "revisions_unschedule": [guide.pk, rev],
        "revisions_compare": [guide.pk, "earliest", "latest"],
        "workflow_history_detail": [guide.pk, ws.pk if ws else 0],
        "workflow_action": [guide.pk, "approve", ts.pk if ts else 0],
        "collect_workflow_action_data": [guide.pk, "reject", ts.pk if ts else 0],
        "workflow_preview": [guide.pk, ts.task_id if ts else 0],
    }.get(name, [guide.pk])
    return reverse(f"{NS}:{name}", args=args)


@pytest.fixture
def other_guides(editor_b, dept_b, reviewer):
    """Guides of department B: one in review (with workflow URLs) and one published."""
    in_review = submit_guide(make_guide(editor_b, dept_b, name="乙局机密指南"), editor_b)
    published = submit_guide(make_guide(editor_b, dept_b, name="乙局公开指南"), editor_b)
    item_review(user=reviewer, item=published, action="approve")
    published.refresh_from_db()
    return [in_review, published]


def snapshot(guide):
    guide.refresh_from_db()
    return (
        guide.live,
        guide.locked,
        guide.latest_revision_id,
        Revision.objects.filter(
            object_id=str(guide.pk), base_content_type__model="serviceguide"
        ).count(),
        guide.current_workflow_state and guide.current_workflow_state.status,
    )


def test_the_sweep_covers_every_admin_url_of_a_guide_with_a_pk():
    viewset = ServiceGuide.snippet_viewset
    with_pk = {
        p.name
        for p in viewset.get_urlpatterns()
        if "<int:pk>" in str(p.pattern) or "<str:pk>" in str(p.pattern)
    }
    assert with_pk <= set(ITEM_URLS), with_pk - set(ITEM_URLS)


@pytest.mark.parametrize("user_fixture", ["editor_a", "leader_a"])
def test_user_of_department_a_is_refused_every_guide_url_of_department_b(
    client, request, other_guides, user_fixture
):
    client.force_login(request.getfixturevalue(user_fixture))
    for guide in other_guides:
        before = snapshot(guide)
        for url_name in ITEM_URLS:
            url = url_for(url_name, guide)
            for method in ("get", "post"):
                response = getattr(client, method)(url, {"reason": "x", "comment": "x"})
                assert_denied(response, guide.name)
                assert snapshot(guide) == before, (url_name, method)
        assert ServiceGuide.objects.filter(pk=guide.pk).exists()


def test_refusal_names_the_guide_kind_in_chinese(client, editor_a, other_guides):
    client.force_login(editor_a)
    response = client.get(url_for("edit", other_guides[0]), follow=True)
    assert "您没有权限访问该办事指南：它属于您无权管理的单位。" in response.content.decode()


def test_listing_and_export_show_only_own_department(client, editor_a, dept_a, other_guides):
    make_guide(editor_a, dept_a, name="甲局自己的指南")
    client.force_login(editor_a)
    html = client.get(reverse(f"{NS}:list")).content.decode()
    assert "甲局自己的指南" in html
    assert "乙局机密指南" not in html and "乙局公开指南" not in html
    response = client.get(reverse(f"{NS}:list") + "?export=csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "甲局自己的指南" in body and "乙局" not in body


@pytest.mark.parametrize("user_fixture", ["reviewer", "supervisor"])
def test_reviewer_and_supervisor_list_every_departments_guides(
    client, request, other_guides, user_fixture
):
    client.force_login(request.getfixturevalue(user_fixture))
    html = client.get(reverse(f"{NS}:list")).content.decode()
    assert "乙局机密指南" in html and "乙局公开指南" in html


def test_chooser_lists_and_returns_only_own_department(client, editor_a, dept_a, other_guides):
    own = make_guide(editor_a, dept_a, name="甲局可选指南")
    client.force_login(editor_a)
    listing = client.get(reverse(f"{CHOOSER}:choose")).json()["html"]
    assert "甲局可选指南" in listing and "乙局" not in listing
    results = client.get(reverse(f"{CHOOSER}:choose_results")).content.decode()
    assert "甲局可选指南" in results and "乙局" not in results
    chosen = client.get(reverse(f"{CHOOSER}:chosen", args=[own.pk])).json()
    assert chosen["result"]["string"] == "甲局可选指南"
    other = client.get(reverse(f"{CHOOSER}:chosen", args=[other_guides[0].pk]))
    assert other.status_code == 404 and "乙局" not in other.content.decode()


def test_item_chooser_no_longer_reveals_other_departments_drafts(
    client, editor_a, editor_b, dept_b
):
    from ..factories import make_item

    make_item(editor_b, dept_b, name="乙局事项草稿")
    client.force_login(editor_a)
    response = client.get(reverse("wagtailsnippetchoosers_catalog_certificateitem:choose"))
    assert response.status_code == 200
    assert "乙局事项草稿" not in response.json()["html"]


def test_create_form_offers_only_the_editors_departments(client, editor_a, dept_a, dept_b):
    client.force_login(editor_a)
    html = client.get(reverse(f"{NS}:add")).content.decode()
    assert f'<option value="{dept_a.pk}"' in html
    assert f'<option value="{dept_b.pk}"' not in html


def test_editor_cannot_create_a_guide_in_another_department_by_posting(client, editor_a, dept_b):
    client.force_login(editor_a)
    client.post(reverse(f"{NS}:add"), form_data(dept_b, name="越权创建的指南"))
    assert not ServiceGuide.objects.filter(name="越权创建的指南").exists()


def test_bulk_delete_of_another_departments_guide_is_refused(client, editor_a, editor_b, dept_b):
    guide = make_guide(editor_b, dept_b, name="乙局批量指南")
    client.force_login(editor_a)
    url = (
        reverse("wagtail_bulk_action", args=["catalog", "serviceguide", "delete"])
        + f"?id={guide.pk}"
    )
    assert "乙局批量指南" not in client.get(url).content.decode()
    client.post(url)
    assert ServiceGuide.objects.filter(pk=guide.pk).exists()


def test_review_screen_of_another_departments_guide_is_refused_to_a_leader(
    client, leader_a, other_guides
):
    client.force_login(leader_a)
    response = client.get(reverse("publishing_review_guide", args=[other_guides[0].pk]))
    assert_denied(response, other_guides[0].name)
