"""A missing article text is a completeness warning — in the import preview, on the review
screen, on the department's dashboard — never a refusal; items flagged 需复核 are on the
dashboards of their department and of the justice bureau, in the reviewer's queue and in the
report 依据变更待复核, each user seeing only the departments in scope."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalog.enums import DocumentStatus, ItemStatus
from catalog.legal.services import legal_document_set_status
from catalog.models import ReviewFlag
from catalog.services import item_update
from publishing.services import item_withdraw
from tests.factories import make_item, publish, submit
from tests.spreadsheets.sheets import annex4_xlsx

from .documents import lawyers_law
from .test_import_bases import seed_row

HOME = "wagtailadmin_home"
NO_TEXT = {"name": "《中华人民共和国律师法》", "article": "第十九条", "legal_level": "law"}
RULES_NO_TEXT = {
    "name": "《律师事务所管理办法》",
    "article": "第三十五条第五款",
    "legal_level": "departmental_rule",
}
WHOLE_DOCUMENT = {"name": "《律师事务所管理办法》", "legal_level": "departmental_rule"}
REPEALED_ON = datetime.date(2026, 1, 1)


def panel(html, panel_id):
    if f'id="{panel_id}"' not in html:
        return None
    start = html.index(f'id="{panel_id}"')
    return html[start : html.index("</section>", start)]


def dashboard(client, user, panel_id):
    client.force_login(user)
    return panel(client.get(reverse(HOME)).content.decode(), panel_id)


# --- the import preview ------------------------------------------------------------------------


def test_the_admin_preview_shows_the_missing_text_at_its_row_and_still_offers_the_import(
    client, editor_a, dept_a
):
    lawyers_law()  # holds 第十九条's text; the rules of law firms are unknown
    client.force_login(editor_a)
    data = annex4_xlsx([seed_row()], unit=dept_a.name)
    response = client.post(
        reverse("catalog_import"),
        {"department": dept_a.pk, "file": SimpleUploadedFile("目录.xlsx", data)},
    )
    html = response.content.decode()
    assert "有 1 行内容不完整（例如设定依据缺少条文内容）" in html
    assert (
        "依据名称、文号及条文内容：第 2 个依据“《律师事务所管理办法》第三十五条第五款”"
        "缺少条文内容（不影响导入）" in html
    )
    assert "“《律师法》第十九条”缺少条文内容" not in html  # the registry has its text
    assert "确认导入" in html and response.context["token"]


# --- the review screen -------------------------------------------------------------------------


def test_the_review_screen_warns_of_missing_texts_and_approval_still_publishes(
    client, editor_a, dept_a, reviewer
):
    lawyers_law()
    item = submit(make_item(editor_a, dept_a, legal_bases=[NO_TEXT, RULES_NO_TEXT]), editor_a)
    client.force_login(reviewer)
    url = reverse("publishing_review", args=[item.pk])
    html = client.get(url).content.decode()
    start = html.index('id="review-completeness"')
    block = html[start : html.index("</div>", start)]
    assert "完整性提示" in block and "不影响审核通过" in block
    assert "“《律师事务所管理办法》第三十五条第五款”缺少条文内容" in block
    assert "《中华人民共和国律师法》第十九条" not in block  # the registry holds its text
    assert "不符合发布条件" not in html
    client.post(url, {"action": "approve"})
    item.refresh_from_db()
    assert item.live


def test_the_review_screen_has_no_completeness_warning_when_every_text_is_there(
    client, editor_a, dept_a, reviewer
):
    item = submit(make_item(editor_a, dept_a, legal_bases=[WHOLE_DOCUMENT]), editor_a)
    client.force_login(reviewer)
    html = client.get(reverse("publishing_review", args=[item.pk])).content.decode()
    assert "完整性提示" not in html and "缺少条文内容" not in html


def _flag(editor, department, reviewer, name):
    """A published item citing the lawyers law, flagged when the law is repealed."""
    return publish(
        make_item(editor, department, name=name, legal_bases=[NO_TEXT]), editor, reviewer
    )


def _repeal(document, reviewer):
    legal_document_set_status(
        user=reviewer, document=document, status=DocumentStatus.REPEALED, date=REPEALED_ON
    )


def test_the_review_screen_says_which_cited_document_changed_and_when(
    client, editor_a, dept_a, reviewer
):
    law = lawyers_law()
    item = _flag(editor_a, dept_a, reviewer, "被标记的事项")
    _repeal(law, reviewer)
    item_update(user=editor_a, item=item, fields={"remarks": "依据已核对"})
    submit(item, editor_a)
    client.force_login(reviewer)
    html = client.get(reverse("publishing_review", args=[item.pk])).content.decode()
    start = html.index('id="review-flags"')
    block = html[start : html.index("</div>", start)]
    assert "需复核" in block and "《中华人民共和国律师法》：2026年1月1日已废止" in block


def test_the_review_screen_warns_of_a_repealed_document_cited_by_a_new_item(
    client, editor_a, dept_a, reviewer
):
    law = lawyers_law()
    _repeal(law, reviewer)
    item = submit(make_item(editor_a, dept_a, legal_bases=[NO_TEXT]), editor_a)
    client.force_login(reviewer)
    html = client.get(reverse("publishing_review", args=[item.pk])).content.decode()
    start = html.index('id="review-flags"')
    block = html[start : html.index("</div>", start)]
    assert "需复核" not in block  # nothing was published, nothing flagged
    assert "所引的法律文件已修改或废止" in block
    assert "《中华人民共和国律师法》：2026年1月1日已废止" in block


# --- the department's dashboard: items missing article texts ------------------------------------


def test_the_department_dashboard_lists_its_items_whose_bases_lack_article_texts(
    client, editor_a, dept_a, editor_b, dept_b, reviewer
):
    lawyers_law()
    lacking = make_item(editor_a, dept_a, name="缺条文的草稿", legal_bases=[RULES_NO_TEXT])
    published = _flag(editor_a, dept_a, reviewer, "有文件库条文的事项")  # registry has it
    whole = make_item(editor_a, dept_a, name="整部文件为依据", legal_bases=[WHOLE_DOCUMENT])
    make_item(editor_b, dept_b, name="乙局缺条文", legal_bases=[RULES_NO_TEXT])
    html = dashboard(client, editor_a, "panel-incomplete-texts")
    assert "缺少条文内容的证明事项（1）" in html
    assert lacking.name in html and "《律师事务所管理办法》第三十五条第五款" in html
    assert published.name not in html and whole.name not in html
    assert "乙局缺条文" not in html
    edit = reverse("wagtailsnippets_catalog_certificateitem:edit", args=[lacking.pk])
    assert f'href="{edit}"' in html


def test_a_pending_change_is_judged_on_the_latest_version_and_withdrawn_items_are_left_out(
    client, editor_a, dept_a, reviewer
):
    published = publish(make_item(editor_a, dept_a, name="已发布事项"), editor_a, reviewer)
    item_update(user=editor_a, item=published, fields={}, legal_bases=[RULES_NO_TEXT])
    withdrawn = publish(
        make_item(editor_a, dept_a, name="已撤回事项", legal_bases=[RULES_NO_TEXT]),
        editor_a,
        reviewer,
    )
    item_withdraw(item=withdrawn, user=reviewer, reason="上位法修改后该证明已取消。")
    withdrawn.refresh_from_db()
    assert withdrawn.status() == ItemStatus.WITHDRAWN
    html = dashboard(client, editor_a, "panel-incomplete-texts")
    assert "已发布事项" in html and "已撤回事项" not in html


def test_the_panel_says_so_when_every_basis_has_its_text(client, editor_a, dept_a):
    make_item(editor_a, dept_a)  # the factory's basis carries its text
    html = dashboard(client, editor_a, "panel-incomplete-texts")
    assert "缺少条文内容的证明事项（0）" in html and "都有条文内容" in html


def test_a_leader_sees_the_panel_of_their_department_with_links_to_the_read_view(
    client, editor_a, dept_a, leader_a
):
    item = make_item(editor_a, dept_a, name="缺条文的草稿", legal_bases=[RULES_NO_TEXT])
    html = dashboard(client, leader_a, "panel-incomplete-texts")
    assert item.name in html
    assert reverse("wagtailsnippets_catalog_certificateitem:inspect", args=[item.pk]) in html


@pytest.mark.parametrize("role", ["reviewer", "supervisor", "administrator"])
def test_who_sees_every_department_gets_no_department_panel(
    client, request, editor_a, dept_a, role
):
    make_item(editor_a, dept_a, legal_bases=[RULES_NO_TEXT])
    user = request.getfixturevalue(role)
    assert dashboard(client, user, "panel-incomplete-texts") is None


# --- 需复核 on the dashboards, in the queue, in the report --------------------------------------


@pytest.fixture
def flagged(editor_a, dept_a, editor_b, dept_b, reviewer):
    law = lawyers_law()
    items = {
        "own": _flag(editor_a, dept_a, reviewer, "甲局需复核事项"),
        "other": _flag(editor_b, dept_b, reviewer, "乙局需复核事项"),
    }
    _repeal(law, reviewer)
    assert ReviewFlag.objects.open().count() == 2
    return items


# role → (sees own department's flag, sees the other department's flag); "own" is 甲局
FLAG_VISIBILITY = {
    "editor_a": (True, False),
    "leader_a": (True, False),
    "reviewer": (True, True),
    "supervisor": (True, True),
    "administrator": (True, True),
}


@pytest.mark.parametrize("role", FLAG_VISIBILITY)
def test_the_flags_panel_shows_each_role_the_flags_of_its_departments(
    client, request, flagged, role
):
    user = request.getfixturevalue(role)
    html = dashboard(client, user, "panel-review-flags")
    own, other = FLAG_VISIBILITY[role]
    assert ("甲局需复核事项" in html) is own
    assert ("乙局需复核事项" in html) is other
    assert "2026年1月1日已废止" in html
    assert f"依据变更需复核（{own + other}）" in html


@pytest.mark.parametrize("role", FLAG_VISIBILITY)
def test_the_report_lists_each_role_the_flags_of_its_departments(client, request, flagged, role):
    client.force_login(request.getfixturevalue(role))
    html = client.get(reverse("review_flags")).content.decode()
    own, other = FLAG_VISIBILITY[role]
    assert ("甲局需复核事项" in html) is own
    assert ("乙局需复核事项" in html) is other


@pytest.mark.parametrize("role", ["editor_a", "leader_a", "supervisor", "administrator"])
def test_only_the_justice_bureau_closes_a_flag(client, request, flagged, role):
    flag = ReviewFlag.objects.get(item=flagged["own"])
    client.force_login(request.getfixturevalue(role))
    html = client.get(reverse("review_flags")).content.decode()
    assert "完成复核" not in html
    response = client.post(
        reverse("review_flags"), {"flag": flag.pk, "resolution": "所引条款未修改"}
    )
    assert response.status_code == 302 and response.url == reverse(HOME)  # refused
    assert ReviewFlag.objects.get(pk=flag.pk).is_open


def test_a_reviewer_closes_a_flag_of_any_department_with_a_note(client, flagged, reviewer):
    flag = ReviewFlag.objects.get(item=flagged["other"])
    client.force_login(reviewer)
    response = client.post(
        reverse("review_flags"), {"flag": flag.pk, "resolution": "所引条款未修改"}
    )
    assert response.status_code == 302
    flag.refresh_from_db()
    assert (flag.is_open, flag.resolution, flag.resolved_by) == (False, "所引条款未修改", reviewer)
    assert "乙局需复核事项" not in dashboard(client, reviewer, "panel-review-flags")


def test_a_flagged_item_resubmitted_is_marked_in_the_reviewers_queue(
    client, flagged, editor_a, reviewer
):
    item = flagged["own"]
    item_update(user=editor_a, item=item, fields={"remarks": "依据已核对"})
    submit(item, editor_a)
    unflagged = submit(make_item(editor_a, item.department, name="普通待审事项"), editor_a)
    html = dashboard(client, reviewer, "panel-awaiting-review")
    row = html[html.index(item.name) : html.index("</tr>", html.index(item.name))]
    assert "需复核" in row
    other = html[html.index(unflagged.name) : html.index("</tr>", html.index(unflagged.name))]
    assert "需复核" not in other
