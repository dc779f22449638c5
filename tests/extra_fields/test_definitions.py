"""Who defines extra fields, what a definition must satisfy, and why a used one is retired
rather than deleted; its values stay readable in history, the review diff and the read view."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from catalog.models import ExtraField, ExtraFieldKind
from catalog.services import item_update
from publishing.diff import compare_items

from ..factories import make_item, publish, submit
from .conftest import define

NS = "wagtailsnippets_catalog_extrafield"


def add_data(**overrides):
    data = {
        "label": "是否可网上办理",
        "key": "online",
        "kind": ExtraFieldKind.BOOLEAN,
        "choices": "",
        "min_value": "",
        "max_value": "",
        "help_text": "",
        "public": "on",
        "sort_order": "1",
        "active": "on",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("role", "may_define"),
    [
        ("reviewer", True),
        ("administrator", True),
        ("editor_a", False),
        ("leader_a", False),
        ("supervisor", False),
    ],
)
def test_only_the_justice_bureau_and_the_administrator_define_extra_fields(
    client, request, role, may_define
):
    user = request.getfixturevalue(role)
    client.force_login(user)
    response = client.post(reverse(f"{NS}:add"), add_data())
    assert ExtraField.objects.filter(key="online").exists() is may_define
    if not may_define:
        assert response.status_code in (302, 403)
        field = define("portal", "网上办理地址", ExtraFieldKind.URL)
        client.post(reverse(f"{NS}:edit", args=[field.pk]), add_data(label="改名", key="portal"))
        client.post(reverse(f"{NS}:delete", args=[field.pk]))
        assert ExtraField.objects.get(pk=field.pk).label == "网上办理地址"


def test_the_reviewer_changes_and_deletes_an_unused_field(client, reviewer):
    field = define("portal", "网上办理地址", ExtraFieldKind.URL)
    client.force_login(reviewer)
    data = add_data(label="办理网址", key="portal", kind=ExtraFieldKind.URL)
    assert client.post(reverse(f"{NS}:edit", args=[field.pk]), data).status_code == 302
    assert ExtraField.objects.get(pk=field.pk).label == "办理网址"
    assert field.history.count() == 2  # who changed what, when
    client.post(reverse(f"{NS}:delete", args=[field.pk]))
    assert not ExtraField.objects.filter(pk=field.pk).exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"key": "Online-1"}, "key", "标识只能使用小写英文字母"),
        ({"kind": ExtraFieldKind.CHOICE}, "choices", "请至少填写一个可选项"),
        ({"kind": ExtraFieldKind.CHOICE, "choices": "甲\n甲"}, "choices", "可选项不能重复"),
        ({"min_value": "1"}, "min_value", "只有类型为“数字”的字段"),
        (
            {"kind": ExtraFieldKind.NUMBER, "min_value": "5", "max_value": "1"},
            "max_value",
            "最大值不能小于最小值",
        ),
    ],
)
def test_a_bad_definition_is_refused_at_its_field_in_chinese(
    client, reviewer, overrides, field, message
):
    client.force_login(reviewer)
    response = client.post(reverse(f"{NS}:add"), add_data(**overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not ExtraField.objects.exists()


def test_a_field_used_by_an_item_cannot_be_deleted_only_retired(
    client, reviewer, editor_a, dept_a, online
):
    make_item(editor_a, dept_a, extra_values={"online": True})
    client.force_login(reviewer)
    response = client.post(reverse(f"{NS}:delete", args=[online.pk]), follow=True)
    assert ExtraField.objects.filter(pk=online.pk).exists()
    assert "不能删除附加字段“是否可网上办理”（1个证明事项）" in response.content.decode()

    # the listing's bulk delete is refused the same way
    url = reverse("wagtail_bulk_action", args=["catalog", "extrafield", "delete"])
    client.post(f"{url}?id={online.pk}", follow=True)
    assert ExtraField.objects.filter(pk=online.pk).exists()


def test_a_field_only_an_old_revision_used_cannot_be_deleted(editor_a, dept_a, online):
    item = make_item(editor_a, dept_a, extra_values={"online": True})
    item_update(user=editor_a, item=item, fields={"extra_values": {}})
    item.refresh_from_db()
    item.extra_values = {}
    item.save()
    assert online.is_used()


def test_the_key_and_type_of_a_used_field_cannot_change(editor_a, dept_a, online):
    make_item(editor_a, dept_a, extra_values={"online": True})
    online.key, online.kind = "online2", ExtraFieldKind.TEXT
    with pytest.raises(ValidationError) as raised:
        online.full_clean()
    assert set(raised.value.message_dict) == {"key", "kind"}


def test_retiring_keeps_old_values_readable_in_revisions_diff_and_read_view(
    client, editor_a, dept_a, reviewer, channel
):
    item = publish(
        make_item(editor_a, dept_a, extra_values={"channel": "全程网办"}), editor_a, reviewer
    )
    first_revision = item.live_revision
    channel.active = False
    channel.save()

    assert first_revision.as_object().extra_values == {"channel": "全程网办"}
    changes = {c.label: c for c in compare_items(None, first_revision.as_object())}
    assert changes["办理渠道（已停用）"].new == "全程网办"

    client.force_login(reviewer)
    url = reverse("wagtailsnippets_catalog_certificateitem:inspect", args=[item.pk])
    page = client.get(url).content.decode()
    assert "办理渠道（已停用）" in page and "全程网办" in page


def test_the_review_screen_shows_changed_extra_values_with_their_labels(
    client, editor_a, dept_a, reviewer, online, days
):
    item = publish(
        make_item(editor_a, dept_a, extra_values={"online": False, "days": 10}),
        editor_a,
        reviewer,
    )
    item = item_update(
        user=editor_a, item=item, fields={"extra_values": {"online": True, "days": 7.5}}
    )
    submit(item, editor_a)
    client.force_login(reviewer)
    response = client.get(reverse("publishing_review", args=[item.pk]))
    changes = {c.label: c for c in response.context["changes"]}
    assert (changes["是否可网上办理"].old, changes["是否可网上办理"].new) == ("否", "是")
    assert (changes["办理时限（天）"].old, changes["办理时限（天）"].new) == ("10", "7.5")
    labels = [c.label for c in response.context["changes"]]
    assert labels.index("是否可网上办理") == labels.index("备注") + 1
    assert "是否可网上办理" in response.content.decode()


def test_the_item_history_carries_extra_values(editor_a, dept_a, reviewer, online):
    item = publish(make_item(editor_a, dept_a, extra_values={"online": True}), editor_a, reviewer)
    record = item.history.latest("history_date")
    assert record.extra_values == {"online": True}
