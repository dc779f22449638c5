"""Staff see a letter's personal data only in their own department, and every such view is
logged; other departments are refused every admin URL of a letter."""

import datetime

import pytest
from django.urls import reverse

from commitments.letters.services import letter_register
from commitments.models import CommitmentLetter, LetterAccessLog

from .helpers import AGENT_ID, MOBILE, PERSON_ID, TODAY, agent, disclosed_item, person

D = datetime.date


@pytest.fixture
def letter_a(editor_a, dept_a, reviewer):
    item = disclosed_item(editor_a, dept_a, reviewer)
    return letter_register(
        user=editor_a,
        item=item,
        fields=person(channel="post", received_on=D(2026, 11, 10), **agent()),
        disclose=True,
        today=TODAY,
    )


def detail(client, letter):
    return client.get(reverse("letter_admin_detail", args=[letter.pk]))


@pytest.mark.parametrize("user_fixture", ["editor_a", "leader_a"])
def test_own_department_sees_full_data_and_each_view_is_logged(
    client, request, letter_a, user_fixture
):
    user = request.getfixturevalue(user_fixture)
    client.force_login(user)
    for _ in range(2):
        html = detail(client, letter_a).content.decode()
        assert "张三丰" in html and PERSON_ID in html and MOBILE in html and AGENT_ID in html
    logs = LetterAccessLog.objects.filter(letter=letter_a, user=user)
    assert logs.count() == 2
    assert logs.first().purpose == "查看承诺书详情"


@pytest.mark.parametrize("user_fixture", ["reviewer", "supervisor"])
def test_reviewers_and_supervisors_see_the_letter_masked_and_are_not_logged(
    client, request, letter_a, user_fixture
):
    client.force_login(request.getfixturevalue(user_fixture))
    html = detail(client, letter_a).content.decode()
    assert "张某" in html and "李某" in html
    assert "张三丰" not in html and PERSON_ID not in html and MOBILE not in html
    assert "申请人的个人信息已遮蔽" in html
    assert not LetterAccessLog.objects.exists()


def test_the_access_log_is_shown_to_supervisors(client, editor_a, supervisor, letter_a):
    client.force_login(editor_a)
    detail(client, letter_a)
    client.force_login(supervisor)
    html = detail(client, letter_a).content.decode()
    section = html[html.index("个人信息查阅记录") :]
    assert "editor_a" in section and "查看承诺书详情" in section


def test_the_staff_list_is_masked_for_everyone(client, editor_a, letter_a):
    client.force_login(editor_a)
    html = client.get(reverse("letters_admin")).content.decode()
    assert "（2026年）第1号" in html and "张某（自然人）" in html
    assert "张三丰" not in html and PERSON_ID not in html
    assert not LetterAccessLog.objects.exists()


ADMIN_URLS = ["letter_admin_detail", "letter_admin_withdraw", "letter_admin_form_sent"]


@pytest.mark.parametrize("user_fixture", ["editor_b", "administrator"])
def test_other_departments_are_refused_every_letter_url(client, request, letter_a, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))
    for name in ADMIN_URLS:
        url = reverse(name, args=[letter_a.pk])
        data = {"withdrawn_on": "2026-11-20", "reason": "x", "sent_on": "2026-11-11"}
        for response in (client.get(url), client.post(url, data)):
            assert response.status_code == 302
            assert response["Location"] == reverse("wagtailadmin_home")
            assert "张" not in response.content.decode()
    letter_a.refresh_from_db()
    assert letter_a.withdrawn_on is None and letter_a.form_sent_on is None
    assert not LetterAccessLog.objects.exists()
    listing = client.get(reverse("letters_admin"))
    assert "（2026年）第1号" not in listing.content.decode()


def test_editor_records_the_sent_date_and_the_withdrawal(client, editor_a, letter_a):
    client.force_login(editor_a)
    url = reverse("letter_admin_form_sent", args=[letter_a.pk])
    response = client.post(url, {"sent_on": "2026-11-09"})
    assert response.context["sent_form"].errors["sent_on"] == ["送达日期不能早于收到申请的日期。"]
    client.post(url, {"sent_on": "2026-11-12"})
    letter_a.refresh_from_db()
    assert letter_a.form_sent_on == D(2026, 11, 12)
    withdraw = reverse("letter_admin_withdraw", args=[letter_a.pk])
    response = client.post(withdraw, {"withdrawn_on": "2026-11-20", "reason": ""})
    assert response.context["withdraw_form"].errors["reason"] == [
        "请填写撤回理由（申请人提出的理由）。"
    ]
    client.post(withdraw, {"withdrawn_on": "2026-11-20", "reason": "申请人决定提交证明"})
    letter_a.refresh_from_db()
    assert letter_a.withdrawn_on == D(2026, 11, 20)
    assert letter_a.withdrawn_by == editor_a


def test_letters_are_never_deleted_and_leaders_cannot_change_them(client, leader_a, letter_a):
    client.force_login(leader_a)
    client.post(
        reverse("letter_admin_withdraw", args=[letter_a.pk]),
        {"withdrawn_on": "2026-11-20", "reason": "x"},
    )
    letter_a.refresh_from_db()
    assert letter_a.withdrawn_on is None
    assert not leader_a.has_perm("commitments.delete_commitmentletter")
    assert CommitmentLetter.objects.count() == 1
