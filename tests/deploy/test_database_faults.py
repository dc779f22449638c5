"""Faults of the database stay small: a dropped connection is replaced before a request uses
it, and a database that refuses writes or cannot be reached gives a Chinese maintenance page
(503), never a 500."""

import pytest
from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import OperationalError, connection, connections
from django.test import Client
from django.urls import reverse

from catalog.models import CertificateItem
from tests.factories import make_item
from tests.test_admin_forms import NS, form_data

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test",
)


def refuse_writes(*args, **kwargs):
    raise OperationalError("attempt to write a readonly database")


def assert_maintenance_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "300"
    html = response.content.decode()
    assert "系统维护中" in html and "暂时只能浏览" in html
    assert 'name="q"' in html  # the search box: a way on


def test_a_save_refused_by_the_database_gives_the_maintenance_page(
    client, editor_a, dept_a, monkeypatch
):
    item = make_item(editor_a, dept_a)
    monkeypatch.setattr(CertificateItem, "save_revision", refuse_writes)
    client.force_login(editor_a)
    response = client.post(reverse(f"{NS}:edit", args=[item.pk]), form_data(item))
    assert_maintenance_page(response)


def test_a_session_that_cannot_be_saved_gives_the_maintenance_page(
    client, editor_a, dept_a, monkeypatch
):
    """The exception comes from a middleware after the view (the session is saved last)."""
    from django.contrib.sessions.backends.db import SessionStore

    monkeypatch.setattr(SessionStore, "save", refuse_writes)
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": editor_a.username, "password": settings.DEMO_PASSWORD},
    )
    assert_maintenance_page(response)


def test_other_errors_still_give_the_error_page(client, db, monkeypatch):
    from cms import views

    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(views, "published_items", broken, raising=False)
    monkeypatch.setattr("catalog.selectors.published_items", broken)
    client.raise_request_exception = False
    response = client.get("/catalog/")
    assert response.status_code == 500
    assert "系统维护中" not in response.content.decode()


def test_connections_are_checked_before_reuse():
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_read_only_database_gives_the_maintenance_page_and_pages_still_read(editor_a, dept_a):
    item = make_item(editor_a, dept_a)
    client = Client()
    client.force_login(editor_a)
    with connection.cursor() as cursor:
        cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    try:
        assert client.get("/catalog/").status_code == 200
        response = client.post(reverse(f"{NS}:edit", args=[item.pk]), form_data(item))
        assert_maintenance_page(response)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE")


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_connection_the_server_dropped_is_replaced_before_the_next_request(db):
    """What a server process does between two requests with a persistent connection
    (DB_CONN_MAX_AGE > 0): the test client keeps its connection across requests, so the
    request signals are sent here as Django's handler sends them."""
    settings_dict = connection.settings_dict
    saved = settings_dict["CONN_MAX_AGE"]
    settings_dict["CONN_MAX_AGE"] = 600
    try:
        connection.close()
        request_started.send(sender=None)
        assert CertificateItem.objects.count() == 0
        request_finished.send(sender=None)
        pid = connection.connection.info.backend_pid
        admin = connections.create_connection("default")
        try:
            with admin.cursor() as other:
                other.execute("SELECT pg_terminate_backend(%s)", [pid])
        finally:
            admin.close()

        request_started.send(sender=None)
        assert CertificateItem.objects.count() == 0  # a new connection, no error
        assert connection.connection.info.backend_pid != pid
        request_finished.send(sender=None)
    finally:
        settings_dict["CONN_MAX_AGE"] = saved
        connection.close()
