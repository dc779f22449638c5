"""Extra fields in the item's edit form: one field per active definition, checked by type
with Chinese messages at the field, required ones only at submission, values in revisions."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from catalog.models import CertificateItem
from catalog.services import item_update
from catalog.validation import publication_errors

from ..factories import make_item
from ..test_admin_forms import NS, form_data


def post_edit(client, item, **extra):
    data = form_data(item, **extra)
    return client.post(reverse(f"{NS}:edit", args=[item.pk]), data)


def latest(item):
    return CertificateItem.objects.get(pk=item.pk).get_latest_revision_as_object()


def test_edit_form_offers_one_field_per_active_definition_with_its_label(
    client, editor_a, dept_a, online, channel, internal
):
    internal.active = False
    internal.save()
    item = make_item(editor_a, dept_a)
    client.force_login(editor_a)
    page = client.get(reverse(f"{NS}:edit", args=[item.pk])).content.decode()
    assert 'name="extra__online"' in page and "是否可网上办理" in page
    assert 'name="extra__channel"' in page and "全程网办" in page
    assert 'name="extra__internal"' not in page  # retired: no longer offered


def test_values_of_every_kind_are_saved_into_the_new_revision(
    client, editor_a, dept_a, online, portal, days, channel, motto
):
    item = make_item(editor_a, dept_a)
    client.force_login(editor_a)
    response = post_edit(
        client,
        item,
        extra__online="yes",
        extra__portal="https://zwfw.example.gov.cn/item/1",
        extra__days="2.5",
        extra__channel="部分网办",
        extra__motto="一次都不跑",
    )
    assert response.status_code == 302
    assert latest(item).extra_values == {
        "online": True,
        "portal": "https://zwfw.example.gov.cn/item/1",
        "days": 2.5,
        "channel": "部分网办",
        "motto": "一次都不跑",
    }


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("extra__portal", "javascript:alert(1)", "请填写以 http:// 或 https:// 开头的完整网址"),
        (
            "extra__portal",
            "ftp://files.example.cn/a",
            "请填写以 http:// 或 https:// 开头的完整网址",
        ),
        ("extra__days", "三天", "请填写数字"),
        ("extra__days", "61", "“办理时限（天）”不能大于60。"),
        ("extra__days", "-1", "“办理时限（天）”不能小于0。"),
        ("extra__channel", "邮寄办理", "只能从可选项中选择"),
    ],
)
def test_a_bad_value_is_refused_at_its_field_in_chinese_and_nothing_is_saved(
    client, editor_a, dept_a, portal, days, channel, name, value, message
):
    item = make_item(editor_a, dept_a)
    before = item.latest_revision_id
    client.force_login(editor_a)
    response = post_edit(client, item, **{name: value})
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[name])
    assert CertificateItem.objects.get(pk=item.pk).latest_revision_id == before


def test_a_required_field_may_be_left_empty_in_a_draft_but_not_at_submission(
    client, editor_a, dept_a, online
):
    online.required = True
    online.save()
    item = make_item(editor_a, dept_a)
    client.force_login(editor_a)
    assert post_edit(client, item, name="草稿可以不填").status_code == 302

    item.refresh_from_db()
    response = post_edit(client, item, **{"action-submit": "1"})
    assert response.status_code == 200
    assert response.context["form"].errors["extra__online"] == [
        "请填写“是否可网上办理”：该字段在提交审核时必填。"
    ]
    assert not WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()

    response = post_edit(client, item, extra__online="no", **{"action-submit": "1"})
    assert response.status_code == 302
    assert latest(item).extra_values == {"online": False}  # 否 is an answer
    assert CertificateItem.objects.get(pk=item.pk).current_workflow_state is not None


def test_publication_refuses_a_version_without_a_required_value_whoever_calls(
    editor_a, dept_a, online
):
    item = make_item(editor_a, dept_a)
    assert publication_errors(item) == {}
    online.required = True
    online.save()
    assert "extra__online" in publication_errors(item)


def test_the_service_checks_values_against_the_definitions(editor_a, dept_a, channel):
    from django.core.exceptions import ValidationError

    item = make_item(editor_a, dept_a)
    with pytest.raises(ValidationError) as raised:
        item_update(user=editor_a, item=item, fields={"extra_values": {"channel": "随便写"}})
    assert "“办理渠道”只能填写以下之一" in str(raised.value)


def test_values_of_a_retired_field_are_kept_when_the_item_is_edited_again(
    client, editor_a, dept_a, online, motto
):
    item = make_item(editor_a, dept_a)
    item = item_update(
        user=editor_a, item=item, fields={"extra_values": {"online": True, "motto": "快"}}
    )
    motto.active = False
    motto.save()
    client.force_login(editor_a)
    assert post_edit(client, item, extra__online="no").status_code == 302
    assert latest(item).extra_values == {"online": False, "motto": "快"}


def test_clearing_a_value_removes_it(client, editor_a, dept_a, channel):
    item = make_item(editor_a, dept_a)
    item_update(user=editor_a, item=item, fields={"extra_values": {"channel": "窗口办理"}})
    client.force_login(editor_a)
    assert post_edit(client, item, extra__channel="").status_code == 302
    assert latest(item).extra_values == {}
