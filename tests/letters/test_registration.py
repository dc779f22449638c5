"""Department staff register signed letters: numbering per department and year without gaps,
the due date of remote channels, and bad input refused with Chinese messages, nothing saved."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from catalog.services import item_update
from commitments.letters.services import letter_register
from commitments.models import CommitmentLetter, LetterCounter
from commitments.workdays.calendar import built_in_years
from publishing.services import item_withdraw

from ..factories import make_item
from .helpers import (
    PERSON_ID,
    TODAY,
    agent,
    disclosed_item,
    form_post,
    organisation,
    person,
    undisclosed_item,
)

D = datetime.date


@pytest.fixture
def item_a(editor_a, dept_a, reviewer):
    return disclosed_item(editor_a, dept_a, reviewer)


@pytest.fixture
def closed_item_a(editor_a, dept_a, reviewer):
    return undisclosed_item(editor_a, dept_a, reviewer)


def register(editor, item, fields=None, disclose=None, today=TODAY):
    disclose = item.letters_disclosed if disclose is None else disclose
    return letter_register(
        user=editor, item=item, fields=fields or person(), disclose=disclose, today=today
    )


def test_numbers_run_per_department_and_year_without_gaps(
    editor_a, dept_a, editor_b, dept_b, reviewer, item_a
):
    item_b = disclosed_item(editor_b, dept_b, reviewer)
    labels = [register(editor_a, item_a).number_label for _ in range(3)]
    assert labels == ["（2026年）第1号", "（2026年）第2号", "（2026年）第3号"]
    assert register(editor_b, item_b).number_label == "（2026年）第1号"
    assert register(editor_a, item_a, today=D(2027, 1, 4)).number_label == "（2027年）第1号"


def test_a_refused_registration_does_not_use_up_a_number(editor_a, item_a):
    register(editor_a, item_a)
    with pytest.raises(ValidationError):
        register(editor_a, item_a, person(person_id_number="152922198001010008"))
    assert register(editor_a, item_a).number == 2
    assert LetterCounter.objects.get().last_number == 2


def test_letter_keeps_the_published_version_and_the_disclosure_it_was_signed_under(
    editor_a, item_a
):
    item_update(user=editor_a, item=item_a, fields={"name": "待审核的新名称"})
    item_a.refresh_from_db()
    letter = register(editor_a, item_a)
    assert letter.item_name == "拟任分所负责人执业经历证明"
    assert letter.item_revision_id == item_a.live_revision_id
    assert (letter.disclosure_scope, letter.disclosed_from, letter.disclosed_until) == (
        "public",
        TODAY,
        D(2027, 11, 19),
    )
    assert letter.person_id_number == PERSON_ID
    assert letter.organisation_name == ""


def test_post_fax_and_email_get_a_due_date_three_working_days_later(editor_a, item_a):
    letter = register(editor_a, item_a, organisation(channel="fax"))
    assert letter.form_due_on == D(2026, 10, 10)
    assert letter.form_overdue is False
    late = register(editor_a, item_a, organisation(form_sent_on=D(2026, 10, 12)))
    assert late.form_overdue is True
    assert register(editor_a, item_a).form_due_on is None  # in person: handed over on the spot


def test_a_due_date_in_an_unknown_year_is_refused_with_a_message(editor_a, item_a):
    last = built_in_years()[-1]
    fields = person(channel="email", received_on=D(last, 12, 30), signed_on=D(last, 12, 31))
    with pytest.raises(ValidationError) as raised:
        register(editor_a, item_a, fields, today=D(last + 1, 1, 8))
    assert raised.value.message_dict["received_on"] == [
        f"无法计算告知承诺书的送达期限：系统还没有{last + 1}年的法定节假日和调休安排，"
        f"无法按工作日计算期限。请系统管理员在“设置 › 节假日安排”中录入{last + 1}年的安排后再办理。"
    ]
    assert not CommitmentLetter.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            person(person_id_number="152922198001010008"),
            "person_id_number",
            "居民身份证号码的校验码不正确，请核对是否有数字填错或顺序颠倒。",
        ),
        (
            organisation(organisation_id_number="91152922MA00000019"),
            "organisation_id_number",
            "统一社会信用代码的校验码不正确，请核对是否有字符填错。",
        ),
        (
            person(signed_on=D(2026, 11, 21)),
            "signed_on",
            "承诺日期（2026-11-21）不能晚于今天。",
        ),
        (
            person(received_on=D(2026, 11, 18), signed_on=D(2026, 11, 17)),
            "signed_on",
            "承诺日期不能早于收到申请的日期。",
        ),
        (
            person(received_on=D(1926, 11, 16)),
            "received_on",
            "收到申请日期（1926-11-16）早于2021年本旗推行告知承诺制，请检查年份。",
        ),
        (
            organisation(form_sent_on=D(2026, 10, 13)),
            "form_sent_on",
            "告知承诺书送达日期不能晚于承诺日期：申请人要先收到才能签署。",
        ),
        (
            person(form_sent_on=D(2026, 11, 16)),
            "form_sent_on",
            "当面递交申请的，告知承诺书当场发放，不填送达日期。",
        ),
        (person(person_name=""), "person_name", "请填写申请人姓名。"),
        (
            person(person_phone="1990483123"),
            "person_phone",
            "请填写正确的联系电话：手机号码11位；座机请写区号，如 010-12345678。",
        ),
        (
            person(**agent(agent_id_number="152922197506150028")),
            "agent_id_number",
            "居民身份证号码的校验码不正确，请核对是否有数字填错或顺序颠倒。",
        ),
    ],
)
def test_bad_input_is_refused_on_its_field_and_nothing_is_saved(
    editor_a, item_a, fields, field, message
):
    with pytest.raises(ValidationError) as raised:
        register(editor_a, item_a, fields)
    assert raised.value.message_dict == {field: [message]}
    assert not CommitmentLetter.objects.exists()
    assert not LetterCounter.objects.exists()


def test_a_letter_for_an_unpublished_or_withdrawn_item_is_refused(
    editor_a, dept_a, reviewer, item_a
):
    draft = make_item(editor_a, dept_a, name="草稿证明")
    with pytest.raises(ValidationError) as raised:
        register(editor_a, draft, disclose=False)
    assert raised.value.message_dict["item"] == [
        "“草稿证明”未发布或已从目录中撤回，不能登记承诺书：只有目录中公布的证明事项才能以告知承诺方式办理。"
    ]
    item_withdraw(item=item_a, user=reviewer, reason="取消")
    item_a.refresh_from_db()
    with pytest.raises(ValidationError):
        register(editor_a, item_a)
    assert not CommitmentLetter.objects.exists()


def test_disclosure_must_follow_part_nine_of_the_items_letter_form(editor_a, item_a, closed_item_a):
    with pytest.raises(ValidationError) as raised:
        register(editor_a, closed_item_a, disclose=True)
    assert raised.value.message_dict["disclose"] == [
        "“无犯罪记录证明”的告知承诺书写明承诺书不公开（第（九）项），不能公开这份承诺书。"
    ]
    with pytest.raises(ValidationError) as raised:
        register(editor_a, item_a, disclose=False)
    assert raised.value.message_dict["disclose"] == [
        "“拟任分所负责人执业经历证明”的告知承诺书写明承诺书向社会公开12个月（第（九）项），"
        "申请人签署时已经知晓，请勾选“按告知承诺书第（九）项公开”。"
    ]
    assert not CommitmentLetter.objects.exists()
    assert register(editor_a, closed_item_a).disclosure_scope == ""


def test_an_agent_may_sign_only_where_the_item_allows_it(editor_a, item_a, closed_item_a):
    assert register(editor_a, item_a, person(**agent())).agent_name == "李四"
    with pytest.raises(ValidationError) as raised:
        register(editor_a, closed_item_a, person(**agent()))
    assert raised.value.message_dict["agent_name"] == [
        "“无犯罪记录证明”的告知承诺书写明“必须由申请人作出承诺，不可代为承诺”（第（六）项），"
        "不能由受托代理人签署。"
    ]


@pytest.mark.parametrize("user_fixture", ["editor_b", "reviewer", "supervisor", "leader_a"])
def test_only_editors_of_the_items_department_register_letters(request, item_a, user_fixture):
    with pytest.raises(PermissionDenied):
        register(request.getfixturevalue(user_fixture), item_a)


def test_editor_registers_a_letter_through_the_admin_form(client, editor_a, item_a):
    client.force_login(editor_a)
    fields = person(received_on=D(2026, 11, 16), signed_on=D(2026, 11, 16))
    response = client.post(reverse("letter_register"), form_post(item_a, fields, True))
    letter = CommitmentLetter.objects.get()
    assert response["Location"] == reverse("letter_admin_detail", args=[letter.pk])
    assert letter.number == 1 and letter.person_name == "张三丰"


def test_the_form_shows_an_impossible_date_next_to_the_field(client, editor_a, item_a):
    client.force_login(editor_a)
    data = form_post(item_a, person(), True)
    data["signed_on"] = "2026-02-30"
    response = client.post(reverse("letter_register"), data)
    assert response.context["form"].errors["signed_on"] == [
        "日期不存在或格式不对，请按“2026-03-15”的格式填写真实存在的日期。"
    ]
    assert not CommitmentLetter.objects.exists()


def test_the_form_offers_only_published_items_of_the_users_departments(
    client, editor_a, dept_a, editor_b, dept_b, reviewer, item_a
):
    make_item(editor_a, dept_a, name="甲局草稿证明")
    other = disclosed_item(editor_b, dept_b, reviewer, name="乙局的证明")
    client.force_login(editor_a)
    html = client.get(reverse("letter_register")).content.decode()
    assert "拟任分所负责人执业经历证明（律师事务所申请设立分所）" in html
    assert "甲局草稿证明" not in html and "乙局的证明" not in html
    response = client.post(reverse("letter_register"), form_post(other, person(), True))
    assert response.context["form"].errors["item"] == [
        "只能登记本单位证明事项的承诺书，请从列表中选择。"
    ]
    assert not CommitmentLetter.objects.exists()


def test_the_form_says_why_an_unpublished_item_cannot_be_chosen(client, editor_a, dept_a, item_a):
    draft = make_item(editor_a, dept_a, name="甲局草稿证明")
    client.force_login(editor_a)
    response = client.post(reverse("letter_register"), form_post(draft, person(), False))
    assert response.context["form"].errors["item"] == [
        "“甲局草稿证明”未发布或已从目录中撤回，不能登记承诺书：只有目录中公布的证明事项才能以告知承诺方式办理。"
    ]
