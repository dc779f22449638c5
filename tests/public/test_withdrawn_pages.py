"""A withdrawn item answers 410 Gone and says when (and in which catalog revision) it stopped
being a commitment item, why, and what the applicant does now. Links to it keep working."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from catalog.guides.services import guide_update
from catalog.services import item_review, item_update
from publishing.services import catalog_revision_publish, guide_withdraw, item_withdraw

from ..factories import make_item, publish, submit
from ..guides.helpers import make_guide, submit_guide

REASON = "上位法修改后该证明已取消，不再索要。"


def today_label():
    today = timezone.localdate()
    return f"{today.year}年{today.month}月{today.day}日"


def main_text(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").main.get_text().split())


@pytest.fixture
def item(editor_a, dept_a, reviewer):
    return publish(
        make_item(editor_a, dept_a, name="林木权属证明", purpose="林木采伐许可证核发"),
        editor_a,
        reviewer,
    )


def test_withdrawn_item_answers_410_with_date_revision_reason_and_what_to_do(
    client, item, reviewer
):
    catalog_revision_publish(user=reviewer, year=2026)
    item_withdraw(item=item, user=reviewer, reason=REASON)
    revision = catalog_revision_publish(user=reviewer, year=2026)

    response = client.get(reverse("public:item", args=[item.pk]))
    assert response.status_code == 410
    text = main_text(response)
    assert f"该证明事项已于{today_label()}（目录 2026年第2版）取消告知承诺。" in text
    assert REASON in text
    assert "办理“林木采伐许可证核发”时，不能再用告知承诺代替“林木权属证明”" in text
    assert "按原程序提交证明材料" in text
    assert "咨询电话 0483-6020000" in text
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(f"main a[href='{revision.get_absolute_url()}']") is not None
    assert soup.select_one("form[role=search]") is not None


def test_withdrawal_not_yet_in_a_revision_says_the_next_revision_will_list_it(
    client, item, reviewer
):
    catalog_revision_publish(user=reviewer, year=2026)
    item_withdraw(item=item, user=reviewer, reason=REASON)
    text = main_text(client.get(item.get_absolute_url()))
    assert f"该证明事项已于{today_label()}取消告知承诺，将在下一版目录中列明。" in text
    assert "（目录" not in text


def test_item_withdrawn_before_any_revision_names_no_revision(client, item, reviewer):
    item_withdraw(item=item, user=reviewer, reason=REASON)
    text = main_text(client.get(item.get_absolute_url()))
    assert f"该证明事项已于{today_label()}取消告知承诺。" in text
    assert "（目录" not in text and "下一版目录" not in text


def test_republished_then_withdrawn_again_does_not_claim_the_old_revision(
    client, item, editor_a, reviewer
):
    catalog_revision_publish(user=reviewer, year=2026)
    item_withdraw(item=item, user=reviewer, reason="第一次撤回")
    catalog_revision_publish(user=reviewer, year=2026)  # 第2版 lists the first withdrawal
    item_update(user=editor_a, item=item, fields={"remarks": "重新发布"})
    item_review(user=reviewer, item=submit(item, editor_a), action="approve")
    item.refresh_from_db()
    item_withdraw(item=item, user=reviewer, reason=REASON)
    text = main_text(client.get(item.get_absolute_url()))
    assert REASON in text and "第一次撤回" not in text
    assert "2026年第2版" not in text


def test_withdrawn_page_shows_the_withdrawn_version_never_a_later_draft(
    client, item, editor_a, reviewer
):
    item_withdraw(item=item, user=reviewer, reason=REASON)
    item_update(user=editor_a, item=item, fields={"name": "草稿中的新名称甲乙丙"})
    response = client.get(item.get_absolute_url())
    assert response.status_code == 410
    body = response.content.decode()
    assert "林木权属证明" in body and "草稿中的新名称甲乙丙" not in body


def test_item_republished_after_withdrawal_is_simply_live_again(client, item, editor_a, reviewer):
    item_withdraw(item=item, user=reviewer, reason=REASON)
    item_update(user=editor_a, item=item, fields={"remarks": "恢复实行告知承诺"})
    item_review(user=reviewer, item=submit(item, editor_a), action="approve")
    response = client.get(item.get_absolute_url())
    assert response.status_code == 200
    assert "这项证明可以用告知承诺替代" in response.content.decode()


@pytest.mark.parametrize("url_name", ["letter_form", "letter_form_docx", "letter_form_pdf"])
def test_letter_form_urls_of_a_withdrawn_item_answer_410(client, item, reviewer, url_name):
    item_withdraw(item=item, user=reviewer, reason=REASON)
    response = client.get(reverse(f"public:{url_name}", args=[item.pk]))
    assert response.status_code == 410
    assert response["Content-Type"].startswith("text/html")
    assert REASON in main_text(response)


def test_item_never_published_is_404_not_410(client, editor_a, dept_a):
    draft = make_item(editor_a, dept_a, name="从未发布的草稿")
    response = client.get(reverse("public:item", args=[draft.pk]))
    assert response.status_code == 404
    assert "从未发布的草稿" not in response.content.decode()


def test_withdrawn_guide_answers_410_with_its_reason(client, editor_a, dept_a, reviewer):
    guide = submit_guide(make_guide(editor_a, dept_a, name="林木采伐许可办事指南"), editor_a)
    item_review(user=reviewer, item=guide, action="approve")
    guide.refresh_from_db()
    guide_withdraw(guide=guide, user=reviewer, reason="该事项已划转到旗林草局办理。")
    guide_update(user=editor_a, guide=guide, fields={"name": "草稿指南新名称"})
    response = client.get(reverse("public:guide", args=[guide.pk]))
    assert response.status_code == 410
    text = main_text(response)
    assert f"该办事指南已于{today_label()}撤回，不再公布。" in text
    assert "该事项已划转到旗林草局办理。" in text
    assert "林木采伐许可办事指南" in text and "草稿指南新名称" not in text
