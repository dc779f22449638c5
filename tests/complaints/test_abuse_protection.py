"""A flood from one client is slowed down without losing a single genuine complaint: refused
submissions come back with everything typed, say when to retry, and go through afterwards;
other clients are not affected. Limits count per client address (behind the proxy) and per
contact."""

import pytest
from django.urls import reverse

from complaints.models import Complaint
from tests.factories import make_department

from .test_public_form import post_data

FORM = reverse("public:complaint")


@pytest.fixture
def department(db):
    return make_department("公安局")


@pytest.fixture
def clock(monkeypatch):
    class Clock:
        now = 1_800_000_000.0

        def advance(self, seconds):
            self.now += seconds

    clock = Clock()
    monkeypatch.setattr("complaints.ratelimit.time.time", lambda: clock.now)
    return clock


def _post(client, department, address, text, **extra):
    return client.post(FORM, post_data(department, description=text, **extra), REMOTE_ADDR=address)


def test_flood_from_one_client_is_slowed_and_nothing_genuine_is_lost(client, department, clock):
    statuses, kept = [], []
    for n in range(30):
        text = f"第{n}次提交：窗口要求提供目录以外的证明材料。"
        response = _post(client, department, "203.0.113.7", text)
        statuses.append(response.status_code)
        if response.status_code == 429:
            page = response.content.decode()
            kept.append(text in page and "后再提交" in page)
    assert statuses[:5] == [302] * 5
    assert statuses[5:] == [429] * 25
    assert all(kept)  # every refused one came back with its text and when to retry
    assert Complaint.objects.count() == 5  # exactly the accepted ones were filed

    # meanwhile someone else files as usual
    other = _post(client, department, "198.51.100.20", "另一位群众：被要求提供循环证明。")
    assert other.status_code == 302

    # the flooding address's genuine complaint goes through once the window has passed
    clock.advance(3600)
    later = _post(client, department, "203.0.113.7", "同一网络的真实投诉：未一次性告知所需材料。")
    assert later.status_code == 302
    assert Complaint.objects.count() == 7
    assert Complaint.objects.filter(description__startswith="同一网络的真实投诉").exists()


def test_invalid_posts_count_towards_the_attempt_limit(client, department, clock):
    for _ in range(20):
        assert _post(client, department, "203.0.113.8", "短").status_code == 400
    refused = _post(client, department, "203.0.113.8", "现在是一条完整的投诉内容，超过十个字。")
    assert refused.status_code == 429
    clock.advance(600)
    assert (
        _post(
            client, department, "203.0.113.8", "现在是一条完整的投诉内容，超过十个字。"
        ).status_code
        == 302
    )


def test_same_contact_from_many_addresses_is_limited_per_day(client, department, clock):
    for n in range(3):
        response = _post(
            client,
            department,
            f"192.0.2.{n}",
            f"第{n}条：窗口仍要求取消的证明。",
            contact_phone="13800001111",
        )
        assert response.status_code == 302
    refused = _post(
        client,
        department,
        "192.0.2.9",
        "第4条：窗口仍要求取消的证明。",
        contact_phone="138 0000 1111",
    )
    assert refused.status_code == 429
    assert "同一联系方式" in refused.content.decode()
    assert Complaint.objects.count() == 3
    clock.advance(86400)
    assert (
        _post(
            client,
            department,
            "192.0.2.9",
            "第4条：窗口仍要求取消的证明。",
            contact_phone="13800001111",
        ).status_code
        == 302
    )


def test_behind_the_proxy_the_forwarded_client_is_counted(client, department, clock, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        response = client.post(
            FORM,
            post_data(department, description=f"第{n}条经代理提交的投诉内容。"),
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"1.2.3.{n}, 203.0.113.50",  # left entries are the client's own
        )
        assert response.status_code == 302
    refused = client.post(
        FORM,
        post_data(department, description="第6条经代理提交的投诉内容。"),
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.50",
    )
    assert refused.status_code == 429
    other = client.post(
        FORM,
        post_data(department, description="另一位群众经代理提交的投诉。"),
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.51",
    )
    assert other.status_code == 302
