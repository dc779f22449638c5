"""Dashboard panels: my drafts, awaiting my review, sent back to me — scoped and never own."""

from django.urls import reverse

from catalog.services import item_review

from .factories import make_item, send_back, submit


def panel(html, panel_id):
    start = html.index(f'id="{panel_id}"')
    return html[start : html.index("</section>", start)]


def test_editor_sees_own_drafts_and_sent_back_items_with_the_comment(
    client, editor_a, dept_a, reviewer, editor_b, dept_b
):
    make_item(editor_a, dept_a, name="甲局我的草稿")
    send_back(submit(make_item(editor_a, dept_a, name="甲局被退回"), editor_a), reviewer, "缺条文")
    make_item(editor_b, dept_b, name="乙局别人的草稿")
    client.force_login(editor_a)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    drafts = panel(html, "panel-my-drafts")
    assert "甲局我的草稿" in drafts and "乙局别人的草稿" not in drafts
    assert "甲局被退回" not in drafts
    sent_back = panel(html, "panel-sent-back")
    assert "甲局被退回" in sent_back and "缺条文" in sent_back
    assert "没有等待您审核的证明事项" in panel(html, "panel-awaiting-review")


def test_reviewer_sees_submissions_of_every_department_but_not_their_own(
    client, editor_a, dept_a, editor_b, dept_b, reviewer
):
    submit(make_item(editor_a, dept_a, name="甲局待审"), editor_a)
    submit(make_item(editor_b, dept_b, name="乙局待审"), editor_b)
    submit(make_item(reviewer, dept_b, name="审核员自己提交的"), reviewer)
    client.force_login(reviewer)
    awaiting = panel(
        client.get(reverse("wagtailadmin_home")).content.decode(), "panel-awaiting-review"
    )
    assert "甲局待审" in awaiting and "乙局待审" in awaiting
    assert "审核员自己提交的" not in awaiting


def test_leader_sees_only_their_departments_submissions_at_their_step(
    client, editor_a, dept_a, leader_a, editor_b, dept_b, reviewer
):
    from permissions.enums import Role

    from .factories import make_user

    make_user("leader_b", role=Role.LEADER, departments=[dept_b])
    at_leader = submit(make_item(editor_a, dept_a, name="甲局待领导审批"), editor_a)
    submit(make_item(editor_b, dept_b, name="乙局待领导审批"), editor_b)
    passed_on = submit(make_item(editor_a, dept_a, name="甲局已过领导"), editor_a)
    item_review(user=leader_a, item=passed_on, action="approve")
    client.force_login(leader_a)
    awaiting = panel(
        client.get(reverse("wagtailadmin_home")).content.decode(), "panel-awaiting-review"
    )
    assert at_leader.name in awaiting
    assert "乙局待领导审批" not in awaiting and "甲局已过领导" not in awaiting


def test_reviewer_sent_back_panel_holds_only_their_own_submissions(
    client, editor_a, dept_a, reviewer, reviewer2
):
    send_back(submit(make_item(editor_a, dept_a, name="编辑的被退回"), editor_a), reviewer)
    send_back(submit(make_item(reviewer2, dept_a, name="审核员二的被退回"), reviewer2), reviewer)
    client.force_login(reviewer2)
    sent_back = panel(client.get(reverse("wagtailadmin_home")).content.decode(), "panel-sent-back")
    assert "审核员二的被退回" in sent_back and "编辑的被退回" not in sent_back


def test_dashboard_search_looks_for_certificate_items(client, editor_a):
    client.force_login(editor_a)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f'action="{reverse("wagtailsnippets_catalog_certificateitem:list")}"' in html
    assert "Search all pages" not in html
