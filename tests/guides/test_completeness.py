"""Completeness checks before submission: missing time limit, fee or contact, and the seed's
forbidden catch-all wording, shown to the editor next to the field — for guides and items."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import WorkflowState

from catalog.models import ServiceGuide
from catalog.services import item_submit
from catalog.validation import vague_phrases

from ..factories import make_item, publish
from ..test_admin_forms import form_data as item_form_data
from .helpers import form_data

NS = "wagtailsnippets_catalog_serviceguide"
ITEM_NS = "wagtailsnippets_catalog_certificateitem"
VAGUE = "不含模糊表述或兜底条款，请逐项写明具体的条件或材料。"


def field_errors(response, field):
    return [str(e) for e in response.context["form"].errors.get(field, [])]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("身份证、户口簿及其他材料", ["其他材料"]),
        ("营业执照等相关材料", ["等相关材料"]),
        ("有关部门要求的其他材料", ["有关部门要求的其他材料"]),
        ("学历证书、职称证书等材料", ["等材料"]),
        ("符合其他条件的", ["其他条件"]),
        ("其它相关资料", ["其它相关资料"]),
        ("申请人在本旗连续居住满6个月，且未在其他地区参加养老保险。", []),
        ("身份证或者其他有效的身份证明", []),
    ],
)
def test_vague_wording_is_found_and_ordinary_words_are_not(text, found):
    assert vague_phrases(text) == found


def test_guide_submitted_without_time_limit_fee_and_contact_shows_errors_next_to_fields(
    client, editor_a, dept_a
):
    client.force_login(editor_a)
    data = form_data(
        dept_a,
        name="不完整的指南",
        statutory_time_limit_days="",
        promised_time_limit_days="",
        is_free="",
        fee_details="",
        contact_phone="",
        **{"action-submit": "1"},
    )
    response = client.post(reverse(f"{NS}:add"), data)
    assert response.status_code == 200
    assert field_errors(response, "statutory_time_limit_days") == ["请填写法定办结时限（工作日）。"]
    assert field_errors(response, "promised_time_limit_days") == [
        "请填写承诺办结时限（工作日）；当场办结的填 0。"
    ]
    assert field_errors(response, "fee_details") == [
        "请填写收费标准及依据；不收费的请勾选“不收费”。"
    ]
    assert field_errors(response, "contact_phone") == ["请填写咨询电话。"]
    assert "办事指南未能保存，请按字段旁的提示修改后重试。" in response.content.decode()
    assert not ServiceGuide.objects.filter(name="不完整的指南").exists()


def test_guide_with_catch_all_material_and_unlinked_commitment_is_refused_on_the_row(
    client, editor_a, dept_a
):
    client.force_login(editor_a)
    materials = [
        {"name": "身份证复印件", "copies": "1份"},
        {"name": "有关部门要求的其他材料", "copies": ""},
        {"name": "执业经历证明", "replaced_by_commitment": True},
    ]
    data = form_data(dept_a, name="有兜底材料的指南", materials=materials, **{"action-submit": "1"})
    response = client.post(reverse(f"{NS}:add"), data)
    formset = response.context["form"].formsets["materials"]
    assert formset.forms[1].errors["name"] == [
        "“第2项材料“有关部门要求的其他材料”的名称”中有“有关部门要求的其他材料”这样的兜底表述。"
        "实施方案要求告知内容可量化、易操作，" + VAGUE
    ]
    assert formset.forms[2].errors["certificate_item"] == [
        "第3项材料“执业经历证明”标注为可用告知承诺替代，请选择它对应的证明事项。"
    ]
    assert not ServiceGuide.objects.filter(name="有兜底材料的指南").exists()


def test_material_can_only_link_a_published_item(client, editor_a, dept_a, reviewer):
    draft = make_item(editor_a, dept_a, name="未发布的证明")
    live = publish(make_item(editor_a, dept_a, name="已发布的证明"), editor_a, reviewer)
    client.force_login(editor_a)
    html = client.get(reverse(f"{NS}:add")).content.decode()
    assert f"{dept_a.name}：已发布的证明（" in html
    assert "未发布的证明" not in html
    materials = [{"name": "证明", "replaced_by_commitment": True, "certificate_item": draft}]
    response = client.post(
        reverse(f"{NS}:add"), form_data(dept_a, name="链接草稿", materials=materials)
    )
    assert response.context["form"].formsets["materials"].forms[0].errors["certificate_item"] == [
        "所选证明事项未发布或已从目录中撤回，请重新选择。"
    ]
    materials[0]["certificate_item"] = live
    client.post(reverse(f"{NS}:add"), form_data(dept_a, name="链接已发布", materials=materials))
    guide = ServiceGuide.objects.get(name="链接已发布")
    assert guide.materials.get().certificate_item == live


def test_incomplete_guide_may_be_saved_as_a_draft(client, editor_a, dept_a):
    client.force_login(editor_a)
    data = form_data(dept_a, name="草稿指南", contact_phone="", statutory_time_limit_days="")
    response = client.post(reverse(f"{NS}:add"), data, follow=True)
    assert "办事指南“草稿指南”已创建为草稿。" in response.content.decode()
    assert ServiceGuide.objects.get(name="草稿指南").live is False


def test_complete_guide_is_created_and_submitted_through_the_admin(client, editor_a, dept_a):
    client.force_login(editor_a)
    data = form_data(dept_a, name="完整的指南", **{"action-submit": "1"})
    response = client.post(reverse(f"{NS}:add"), data, follow=True)
    assert "办事指南“完整的指南”已创建并提交审核。" in response.content.decode()
    guide = ServiceGuide.objects.get(name="完整的指南")
    assert [s.title for s in guide.steps.all()] == ["受理", "决定"]
    assert guide.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_promised_time_limit_may_not_exceed_the_statutory_one(client, editor_a, dept_a):
    client.force_login(editor_a)
    data = form_data(
        dept_a,
        statutory_time_limit_days="10",
        promised_time_limit_days="15",
        **{"action-submit": "1"},
    )
    response = client.post(reverse(f"{NS}:add"), data)
    assert field_errors(response, "promised_time_limit_days") == [
        "承诺办结时限（15个工作日）不能长于法定办结时限（10个工作日）。"
    ]


def test_item_with_catch_all_wording_shows_the_error_next_to_the_field(client, editor_a, dept_a):
    client.force_login(editor_a)
    data = item_form_data(
        department=dept_a,
        name="兜底的证明",
        certificate_content="申请人提交身份证、户口簿等相关材料。",
        **{"action-submit": "1"},
    )
    response = client.post(reverse(f"{ITEM_NS}:add"), data)
    assert field_errors(response, "certificate_content") == [
        "“证明的内容（许可条件和材料要求）”中有“等相关材料”这样的兜底表述。"
        "实施方案要求告知内容可量化、易操作，" + VAGUE
    ]


def test_item_service_refuses_to_submit_catch_all_wording(editor_a, dept_a):
    item = make_item(editor_a, dept_a, certificate_content="提供其他材料。")
    with pytest.raises(ValidationError) as raised:
        item_submit(user=editor_a, item=item)
    assert raised.value.message_dict == {
        "certificate_content": [
            "“证明的内容（许可条件和材料要求）”中有“其他材料”这样的兜底表述。"
            "实施方案要求告知内容可量化、易操作，" + VAGUE
        ]
    }


def test_quoted_law_in_a_legal_basis_is_not_checked_for_catch_all_wording(editor_a, dept_a):
    basis = {
        "name": "《某条例》",
        "article": "第三条",
        "article_text": "申请人应当提交身份证明以及其他材料。",
        "legal_level": "law",
    }
    item = make_item(editor_a, dept_a, legal_bases=[basis])
    item_submit(user=editor_a, item=item)
    item.refresh_from_db()
    assert item.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_a_row_error_is_not_hidden_behind_a_missing_materials_message(client, editor_a, dept_a):
    draft = make_item(editor_a, dept_a, name="未发布的证明")
    client.force_login(editor_a)
    materials = [{"name": "证明", "replaced_by_commitment": True, "certificate_item": draft}]
    data = form_data(dept_a, materials=materials, contact_phone="", **{"action-submit": "1"})
    form = client.post(reverse(f"{NS}:add"), data).context["form"]
    assert form.formsets["materials"].forms[0].errors["certificate_item"] == [
        "所选证明事项未发布或已从目录中撤回，请重新选择。"
    ]
    assert form.errors["contact_phone"] == ["请填写咨询电话。"]
    assert form.non_field_errors() == []
