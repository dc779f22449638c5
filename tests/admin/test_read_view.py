"""The read view of items, guides and departments for readers without edit rights, and links
that only lead where the user may go (listing, history, compare, review records)."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils.dateformat import format as date_format

from catalog.enums import ItemStatus
from catalog.inspect import DATETIME_FORMAT, local_datetime
from catalog.services import item_update
from permissions.enums import Role
from permissions.services import department_grant

from ..factories import make_item, submit
from ..guides.helpers import make_guide
from .helpers import approve_all_steps, items_in_every_state

NS = "wagtailsnippets_catalog_certificateitem"
GUIDE_NS = "wagtailsnippets_catalog_serviceguide"
DEPARTMENT_NS = "wagtailsnippets_catalog_department"


def url(name, obj, *args, ns=NS):
    return reverse(f"{ns}:{name}", args=[obj.pk, *args])


def page(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def hrefs(html) -> set[str]:
    return {h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', html)}


def main(html) -> str:
    """The page without the sidebar (whose menu links are the same for every page)."""
    return html[html.index("<main") :]


@pytest.fixture
def items(dept_a, editor_a, reviewer):
    return items_in_every_state(editor_a, dept_a, reviewer, "甲局")


@pytest.fixture
def editor_a_leader_b(dept_a, dept_b):
    """An editor in 甲局 who leads 乙局: may edit 甲局's records, only read 乙局's."""
    from ..factories import make_user

    user = make_user("zhao", role=Role.EDITOR, departments=[dept_a])
    department_grant(user=user, department=dept_b, role=Role.LEADER)
    return user


# --- the read view ---------------------------------------------------------------------------


def test_supervisor_reads_an_item_as_the_edit_form_lays_it_out_in_chinese(
    client, supervisor, items
):
    item = items[ItemStatus.PUBLISHED]
    client.force_login(supervisor)
    html = page(client, url("inspect", item))
    text = re.sub(r"<[^>]+>", " ", main(html))
    # the edit form's tabs, groups and labels, in form order
    for label in ("目录信息（附件4）", "证明名称", "实施基本情况", "行使层级", "告知内容（附件3）"):
        assert label in text
    assert text.index("证明名称") < text.index("设定依据") < text.index("索要单位")
    # values in Chinese: choices by label, 是/否, 未填写, never Python's True/False/None
    assert "行政许可" in text and "在线核查" in text and "法律服务" in text
    assert "县级" in text and "是" in text and "否" in text
    assert "未填写" in text  # 公开范围 of an item that does not disclose letters
    for raw in ("True", "False", "None", "licensing", "online"):
        assert raw not in text, raw
    # the legal bases as a table with their columns
    table = main(html)[main(html).index("<caption") :]
    table = table[: table.index("</table>")]
    for cell in ("依据名称", "文号", "条款", "效力层级", "条文内容", "《中华人民共和国律师法》"):
        assert cell in table
    assert "法律" in table and "第十九条" in table


def test_read_view_states_the_review_state_with_local_times(client, supervisor, items):
    client.force_login(supervisor)
    published = items[ItemStatus.PUBLISHED]
    html = page(client, url("inspect", published))
    assert "已发布" in html
    assert local_datetime(published.last_published_at) in html
    # local time (Asia/Shanghai, 8 hours ahead), never the stored UTC one
    utc = date_format(published.last_published_at.astimezone(datetime.UTC), DATETIME_FORMAT)
    assert utc != local_datetime(published.last_published_at)
    assert utc not in html

    in_review = items[ItemStatus.IN_REVIEW]
    html = page(client, url("inspect", in_review))
    assert "审核中" in html and "当前环节" in html and "司法局审核" in html
    assert "提交人" in html and "editor_a" in html

    sent_back = items[ItemStatus.SENT_BACK]
    html = page(client, url("inspect", sent_back))
    assert "退回意见" in html and "请补充条文内容。" in html and "退回人" in html

    withdrawn = items[ItemStatus.WITHDRAWN]
    html = page(client, url("inspect", withdrawn))
    assert "已撤回" in html and "上位法已废止。" in html


def test_read_view_shows_the_latest_version_and_on_request_the_published_one(
    client, supervisor, items
):
    changed = items[ItemStatus.PUBLISHED_WITH_CHANGES]
    client.force_login(supervisor)
    html = page(client, url("inspect", changed))
    assert "待审核的修改" in html and "尚未发布" in html
    assert url("revisions_compare", changed, "live", "latest") in hrefs(html)
    live = page(client, url("inspect", changed), version="live")
    assert "待审核的修改" not in live and "已发布版本" in live


def test_read_view_links_to_history_compare_and_review_records_and_never_to_edit(
    client, supervisor, items
):
    client.force_login(supervisor)
    for status, item in items.items():
        links = hrefs(main(page(client, url("inspect", item))))
        assert url("history", item) in links, status
        assert url("workflow_history", item) in links or status == ItemStatus.DRAFT, status
        assert url("edit", item) not in links, status
        assert url("delete", item) not in links, status
        for link in links:  # every link on the page can be followed
            if link.startswith("/admin/"):
                response = client.get(link)
                assert response.status_code == 200, (status, link, response.status_code)


def test_own_editor_gets_the_edit_link_on_the_read_view(client, editor_a, items):
    client.force_login(editor_a)
    item = items[ItemStatus.PUBLISHED]
    assert url("edit", item) in hrefs(page(client, url("inspect", item)))


def test_editor_of_another_department_is_refused_the_read_view(client, editor_b, items):
    item = items[ItemStatus.PUBLISHED]
    client.force_login(editor_b)
    response = client.get(url("inspect", item))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert item.name not in client.get(response["Location"]).content.decode()


def test_leader_reads_a_service_guide_with_its_materials_and_steps(
    client, leader_a, editor_a, dept_a
):
    guide = make_guide(editor_a, dept_a, name="甲局设立分所审核")
    client.force_login(leader_a)
    html = page(client, url("inspect", guide, ns=GUIDE_NS))
    for text in ("事项名称", "申请材料", "律师事务所执业许可证副本复印件", "办理流程", "受理"):
        assert text in html
    assert "不收费" in html and "是" in html
    assert url("edit", guide, ns=GUIDE_NS) not in hrefs(html)


def test_supervisor_reads_a_department_and_an_editor_may_not(client, supervisor, editor_a, dept_a):
    client.force_login(supervisor)
    html = page(client, url("inspect", dept_a, ns=DEPARTMENT_NS))
    assert "单位名称" in html and "甲局" in html and "旗直部门" in html
    assert reverse("department_history", args=[dept_a.pk]) in hrefs(html)
    assert url("edit", dept_a, ns=DEPARTMENT_NS) not in hrefs(html)
    client.force_login(editor_a)
    assert client.get(url("inspect", dept_a, ns=DEPARTMENT_NS)).status_code in (302, 403)


# --- links elsewhere -------------------------------------------------------------------------


def test_listing_rows_lead_readers_to_the_read_view_and_editors_to_the_form(
    client, supervisor, editor_a, items
):
    listing = reverse(f"{NS}:list")
    item = items[ItemStatus.PUBLISHED]
    client.force_login(supervisor)
    links = hrefs(page(client, listing))
    assert url("inspect", item) in links
    assert not any("/edit/" in link for link in links)
    assert "查看" in page(client, listing)

    client.force_login(editor_a)
    assert url("edit", item) in hrefs(page(client, listing))


def test_user_who_edits_one_department_and_leads_another_gets_edit_links_only_where_allowed(
    client, editor_a_leader_b, editor_a, editor_b, dept_a, dept_b, reviewer
):
    own = make_item(editor_a, dept_a, name="甲局自己的证明")
    led = make_item(editor_b, dept_b, name="乙局分管的证明")
    led = approve_all_steps(submit(led, editor_b), reviewer)  # through zhao, its leader
    client.force_login(editor_a_leader_b)
    links = hrefs(page(client, reverse(f"{NS}:list")))
    assert url("edit", own) in links
    assert url("edit", led) not in links and url("inspect", led) in links
    # and what the listing does not offer, the read view and history do not offer either
    for path in (url("inspect", led), url("history", led)):
        assert url("edit", led) not in hrefs(page(client, path))


@pytest.fixture
def edited_twice(items, editor_a):
    """A published item with two later drafts: its history offers 编辑 on the latest and
    "review this version" (revert) on the earlier one."""
    item = items[ItemStatus.PUBLISHED_WITH_CHANGES]
    item_update(user=editor_a, item=item, fields={"remarks": "第二次修改"})
    item.refresh_from_db()
    return item


def test_history_offers_readers_no_edit_and_no_revert(client, supervisor, edited_twice):
    item = edited_twice
    client.force_login(supervisor)
    html = main(page(client, url("history", item)))
    links = hrefs(html)
    assert url("edit", item) not in links
    assert not any("/revert/" in link for link in links)
    assert url("inspect", item) in links  # 查看 instead
    assert "查看" in html


def test_history_keeps_edit_and_revert_for_the_editor(client, editor_a, edited_twice):
    item = edited_twice
    client.force_login(editor_a)
    links = hrefs(main(page(client, url("history", item))))
    assert url("edit", item) in links
    assert any("/revert/" in link for link in links)


def test_compare_and_review_records_offer_readers_the_read_view_not_edit(client, supervisor, items):
    item = items[ItemStatus.PUBLISHED_WITH_CHANGES]
    client.force_login(supervisor)
    paths = [
        url("revisions_compare", item, "live", "latest"),
        url("workflow_history", item),
        url("workflow_history_detail", item, item.workflow_states.first().pk),
    ]
    for path in paths:
        links = hrefs(main(page(client, path)))
        assert url("edit", item) not in links, path
        assert url("inspect", item) in links, path
