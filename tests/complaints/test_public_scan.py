"""No public response carries a complainant's contact, a complaint's contents or its handling:
every public URL, the receipt and the lookup of a concluded complaint included."""

import datetime

import pytest
from django.urls import reverse

from complaints.enums import AnswerChannel
from complaints.services import complaint_conclude, complaint_record_investigation
from permissions.enums import Role
from tests.factories import make_department, make_item, make_user, publish
from tests.letters.test_disclosure import _named_public_patterns, _text

from .helpers import file_complaint

SECRETS = [
    "赵秘密",
    "13700009999",
    "secret.person@example.com",
    "投诉的具体经过独一无二",
    "调查情况独一无二",
    "调查结论独一无二",
    "处理措施独一无二",
]


@pytest.fixture
def world(db):
    department = make_department("公安局")
    editor = make_user("gaj", role=Role.EDITOR, departments=[department])
    item = publish(
        make_item(editor, department, name="居住证明"), editor, make_user("rv", role=Role.REVIEWER)
    )
    contact = {
        "contact_name": "赵秘密",
        "contact_phone": "13700009999",
        "contact_email": "secret.person@example.com",
        "description": "投诉的具体经过独一无二，窗口要求提供已取消的证明。",
        "item": item,
    }
    open_one, open_code = file_complaint(department, **contact)
    closed, closed_code = file_complaint(department, **contact)
    complaint_record_investigation(
        user=editor,
        complaint=closed,
        investigation="调查情况独一无二",
        finding="调查结论独一无二",
        measures="处理措施独一无二",
    )
    complaint_conclude(
        user=editor,
        complaint=closed,
        answer="已责令改正。",
        answered_on=datetime.date(2026, 10, 9),
        channel=AnswerChannel.EMAIL,
        today=datetime.date(2026, 10, 9),
    )
    return {
        "department": department,
        "item": item,
        "lookups": [(open_one.number, open_code), (closed.number, closed_code)],
    }


def test_no_public_page_shows_contact_contents_or_handling(client, world):
    with_args = {
        "public:department": [world["department"].pk],
        "public:item": [world["item"].pk],
        "public:letter_form": [world["item"].pk],
        "public:letter_form_docx": [world["item"].pk],
        "public:letter_form_pdf": [world["item"].pk],
    }
    responses = []
    for name, pattern in _named_public_patterns():
        if pattern.pattern.converters:
            if name not in with_args:
                continue  # guides, letters, revisions: none exist here
            responses.append((name, client.get(reverse(name, args=with_args[name]))))
        else:
            responses.append((name, client.get(reverse(name))))
    for query in ("居住证明", "窗口", "独一无二"):  # the search never indexes complaints
        responses.append(("search", client.get(reverse("search:results") + f"?q={query}")))
    responses.append(
        ("statistics 2026", client.get(reverse("public:complaint_statistics") + "?year=2026"))
    )
    for number, code in world["lookups"]:
        responses.append(
            (
                "lookup",
                client.post(reverse("public:complaint_lookup"), {"number": number, "code": code}),
            )
        )
    scanned = 0
    for name, response in responses:
        assert response.status_code in (200, 404), (name, response.status_code)
        text = _text(response)
        for secret in SECRETS:
            assert secret not in text, (name, secret)
        scanned += 1
    assert scanned >= 25
    statistics = _text(responses[-3][1])
    assert "公安局" in statistics and "2026年9月" in statistics
