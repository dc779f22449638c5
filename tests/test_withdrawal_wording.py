"""One name for the withdrawal (从目录中撤回), and its reason where the confirmation page says it
will appear: the next catalog revision's 取消 list, in the admin preview and on the public page."""

import re

from django.urls import reverse

from publishing.services import catalog_revision_publish, item_withdraw

from .factories import make_item, publish

NS = "wagtailsnippets_catalog_certificateitem"
REASON = "《国务院关于取消一批证明事项的决定》已取消该证明"


def test_the_reviewers_button_and_the_page_use_the_same_name(client, editor_a, dept_a, reviewer):
    item = publish(make_item(editor_a, dept_a), editor_a, reviewer)
    client.force_login(reviewer)
    edit = client.get(reverse(f"{NS}:edit", args=[item.pk])).content.decode()
    withdraw_url = reverse("publishing_withdraw", args=["certificateitem", item.pk])
    link = re.search(rf'href="{withdraw_url}"[^>]*>(.*?)</a>', edit, re.S)
    assert link and "从目录中撤回" in link.group(1)
    assert "取消发布" not in edit
    page = client.get(withdraw_url).content.decode()
    assert "从目录中撤回" in page


def test_the_reason_appears_in_the_next_revisions_withdrawn_list(
    client, editor_a, dept_a, reviewer
):
    item = publish(make_item(editor_a, dept_a, name="已取消的证明"), editor_a, reviewer)
    catalog_revision_publish(user=reviewer)
    item_withdraw(item=item, user=reviewer, reason=REASON)

    client.force_login(reviewer)
    preview = client.get(reverse("catalog_revisions")).content.decode()
    assert f"取消理由：{REASON}" in preview

    revision = catalog_revision_publish(user=reviewer)
    public = client.get(reverse("public:revision", args=[revision.pk])).content.decode()
    withdrawn = public[public.index("取消（1 项）") :]
    assert "已取消的证明" in withdrawn
    assert f"取消理由：{REASON}" in withdrawn


def test_a_later_withdrawal_is_not_shown_on_an_earlier_revision(client, editor_a, dept_a, reviewer):
    item = publish(make_item(editor_a, dept_a, name="先撤回后恢复的证明"), editor_a, reviewer)
    catalog_revision_publish(user=reviewer)
    item_withdraw(item=item, user=reviewer, reason="第一次撤回的理由")
    revision = catalog_revision_publish(user=reviewer)
    publish(item, editor_a, reviewer)
    catalog_revision_publish(user=reviewer)
    item_withdraw(item=item, user=reviewer, reason="第二次撤回的理由")

    public = client.get(reverse("public:revision", args=[revision.pk])).content.decode()
    assert "第一次撤回的理由" in public
    assert "第二次撤回的理由" not in public
