"""The lookup: number + code give the status, the due date and, once closed, the answer;
nothing else. A wrong code is refused exactly as an unknown number is; lookups are limited
per client."""

import re

import pytest
from django.urls import reverse

from tests.factories import make_department

from .helpers import file_complaint

LOOKUP = reverse("public:complaint_lookup")


@pytest.fixture
def filed(db):
    return file_complaint(make_department("公安局"))


def _without_token(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_right_code_shows_status_and_due_date_only(client, filed):
    complaint, code = filed
    response = client.post(LOOKUP, {"number": complaint.number.lower(), "code": code})
    page = response.content.decode()
    assert response.status_code == 200
    assert "已受理" in page and "2026年10月12日" in page
    for private in ("王女士", "13800001111", "wang@example.com", "无犯罪记录证明", "公安局"):
        assert private not in page


def test_wrong_code_and_unknown_number_get_the_same_answer(client, filed):
    complaint, _ = filed
    wrong = client.post(LOOKUP, {"number": complaint.number, "code": "AAAAA-AAAAA"})
    unknown = client.post(LOOKUP, {"number": "TS2026-999999", "code": "AAAAA-AAAAA"})
    assert wrong.status_code == unknown.status_code == 400
    assert "受理编号或查询码不正确" in wrong.content.decode()
    wrong_page = _without_token(wrong.content.decode()).replace(complaint.number, "N")
    unknown_page = _without_token(unknown.content.decode()).replace("TS2026-999999", "N")
    assert wrong_page == unknown_page


def test_lookups_are_limited_per_client_even_with_the_right_code(client, filed):
    complaint, code = filed
    for _ in range(10):
        client.post(
            LOOKUP, {"number": complaint.number, "code": "AAAAA-AAAAA"}, REMOTE_ADDR="198.51.100.1"
        )
    limited = client.post(
        LOOKUP, {"number": complaint.number, "code": code}, REMOTE_ADDR="198.51.100.1"
    )
    assert limited.status_code == 429
    assert "已受理" not in limited.content.decode()
    other = client.post(
        LOOKUP, {"number": complaint.number, "code": code}, REMOTE_ADDR="198.51.100.2"
    )
    assert other.status_code == 200
