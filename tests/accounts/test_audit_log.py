"""The audit log (issue 10, point 6): append-only, kept at least 183 days with a purge command
that refuses younger entries, shipped to the `audit` logger, read and filtered by the auditor
only."""

import csv
import datetime
import io
import json
import logging
import logging.config
import socket

import pytest
from django.core.checks import run_checks
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from accounts import audit_guard
from accounts.enums import AuditAction
from accounts.models import AuditEntry, AuditLogImmutable
from accounts.network import client_ip
from accounts.services import audit_purge, audit_record
from accounts.shipping import audit_logging
from permissions.enums import Role

from ..factories import make_user

AUDIT = "accounts_audit_log"


def _entry(days_ago=0, **fields):
    defaults = {"action": AuditAction.EXPORT, "username": "someone"}
    defaults.update(fields)
    return AuditEntry.objects.create(
        created_at=timezone.now() - datetime.timedelta(days=days_ago), **defaults
    )


def test_entries_cannot_be_changed_or_deleted_through_the_orm(db):
    entry = _entry()
    entry.username = "other"
    with pytest.raises(AuditLogImmutable):
        entry.save()
    with pytest.raises(AuditLogImmutable):
        entry.delete()
    with pytest.raises(AuditLogImmutable):
        AuditEntry.objects.filter(pk=entry.pk).update(username="other")
    with pytest.raises(AuditLogImmutable):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).username == "someone"


def test_database_guard_refuses_update_and_young_deletes(db):
    assert audit_guard.install(connection)
    entry = _entry()
    old = _entry(days_ago=200)
    table = connection.ops.quote_name(audit_guard.TABLE)
    for sql in (
        "UPDATE " + table + " SET username = 'x' WHERE id = %s",  # noqa: S608
        "DELETE FROM " + table + " WHERE id = %s",  # noqa: S608
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).username == "someone"
    with transaction.atomic():
        audit_guard.allow_purge(connection)
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM " + table + " WHERE id = %s", [old.pk])  # noqa: S608
    assert not AuditEntry.objects.filter(pk=old.pk).exists()


def test_retention_is_at_least_six_months(settings):
    assert settings.AUDIT_RETENTION_DAYS >= 183
    settings.AUDIT_RETENTION_DAYS = 90
    assert [e.id for e in run_checks() if e.id.startswith("accounts.")] == ["accounts.E001"]


def test_purge_refuses_entries_inside_the_retention(db):
    young = _entry(days_ago=100)
    with pytest.raises(Exception, match="至少保留 183 天"):
        audit_purge(before=timezone.now() - datetime.timedelta(days=100))
    assert AuditEntry.objects.filter(pk=young.pk).exists()


@override_settings(AUDIT_RETENTION_DAYS=30)
def test_a_retention_below_the_minimum_still_keeps_183_days(db):
    with pytest.raises(Exception, match="至少保留 183 天"):
        audit_purge(before=timezone.now() - datetime.timedelta(days=60))


def test_purge_deletes_only_older_entries_and_is_itself_logged(db):
    old = _entry(days_ago=400)
    kept = _entry(days_ago=190)
    assert audit_purge(before=timezone.now() - datetime.timedelta(days=300)) == 1
    assert not AuditEntry.objects.filter(pk=old.pk).exists()
    assert AuditEntry.objects.filter(pk=kept.pk).exists()
    assert AuditEntry.objects.get(action=AuditAction.AUDIT_PURGED).detail["deleted"] == 1


def test_purge_command(db, capsys):
    _entry(days_ago=400)
    day = timezone.localdate() - datetime.timedelta(days=10)
    with pytest.raises(CommandError, match="至少保留"):
        call_command("purge_audit_log", "--before", day.isoformat())
    old_day = timezone.localdate() - datetime.timedelta(days=300)
    call_command("purge_audit_log", "--before", old_day.isoformat())
    assert "已删除" in capsys.readouterr().out
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("purge_audit_log", "--before", "2026/01/01")


def test_every_entry_is_shipped_to_the_audit_logger(db, caplog, django_capture_on_commit_callbacks):
    user = make_user("shipper")
    with (
        caplog.at_level(logging.INFO, logger="audit"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        audit_record(AuditAction.EXPORT, user=user, object_label="附件2", ip_address="10.0.0.8")
    record = json.loads(caplog.records[-1].getMessage())
    assert record["user"] == "shipper"
    assert record["ip"] == "10.0.0.8"
    assert record["action_label"] == "导出数据"
    assert record["object"] == "附件2"


def test_entry_rolled_back_with_its_transaction_is_not_shipped(db, caplog):
    with caplog.at_level(logging.INFO, logger="audit"):
        try:
            with transaction.atomic():
                audit_record(AuditAction.EXPORT, username="x")
                raise RuntimeError
        except RuntimeError:
            pass
    assert not [r for r in caplog.records if r.name == "audit"]


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_client_address_behind_one_proxy_is_the_one_the_proxy_saw():
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 10.20.30.40"
    )
    assert client_ip(request) == "10.20.30.40"


def test_client_address_without_proxy_ignores_forwarded_headers():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip(request) == "10.0.0.5"


# --- the auditor's page ------------------------------------------------------------------------


@pytest.fixture
def auditor(db):
    return make_user("auditor", role=Role.AUDITOR)


@pytest.fixture
def entries(db):
    today = timezone.now()
    return [
        _entry(username="gaj_editor", action=AuditAction.LOGIN_FAILED, ip_address="10.1.1.1"),
        _entry(
            username="sfj_editor",
            action=AuditAction.EXPORT,
            object_type="catalog.department",
            object_id="7",
            object_label="司法局",
        ),
        AuditEntry.objects.create(
            created_at=today - datetime.timedelta(days=40),
            username="reviewer",
            action=AuditAction.PERSONAL_DATA_VIEWED,
        ),
    ]


def _rows(client, **query):
    html = client.get(reverse(AUDIT), query).content.decode()
    return html


def test_auditor_reads_and_filters_the_audit_log(client, auditor, entries):
    client.force_login(auditor)
    everything = _rows(client)
    assert all(name in everything for name in ("gaj_editor", "sfj_editor", "reviewer"))
    by_user = _rows(client, user="gaj")
    assert "gaj_editor" in by_user and "sfj_editor" not in by_user
    by_action = _rows(client, action=AuditAction.EXPORT)
    assert "sfj_editor" in by_action and "gaj_editor" not in by_action
    since = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    recent = _rows(client, date_from=since)
    assert "reviewer" not in recent.split("<tbody>")[1] and "gaj_editor" in recent
    until = (timezone.localdate() - datetime.timedelta(days=30)).isoformat()
    older = _rows(client, date_to=until).split("<tbody>")[1]
    assert "reviewer" in older and "gaj_editor" not in older
    by_object = _rows(client, object_type="catalog.department", object="司法局")
    assert "sfj_editor" in by_object and "gaj_editor" not in by_object.split("<tbody>")[1]


def test_reversed_date_range_is_explained(client, auditor, entries):
    client.force_login(auditor)
    html = _rows(client, date_from="2026-12-01", date_to="2026-11-01")
    assert "截止日期不能早于起始日期" in html


def test_audit_log_csv_download_is_itself_audited(client, auditor, entries):
    client.force_login(auditor)
    response = client.get(reverse(AUDIT), {"format": "csv", "action": AuditAction.EXPORT})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][:4] == ["时间", "用户", "IP地址", "操作"]
    assert [r[1] for r in rows[1:]] == ["sfj_editor"]
    logged = AuditEntry.objects.get(action=AuditAction.AUDIT_EXPORTED)
    assert logged.user == auditor and logged.detail == {"action": AuditAction.EXPORT}


@pytest.mark.parametrize(
    "role", [Role.ADMINISTRATOR, Role.SECURITY_ADMIN, Role.REVIEWER, Role.SUPERVISOR, None]
)
def test_only_the_auditor_reads_the_audit_log(client, entries, role):
    client.force_login(make_user("not_auditor", role=role))
    response = client.get(reverse(AUDIT))
    assert response.status_code in (302, 403)
    assert "gaj_editor" not in response.content.decode()


def test_auditor_can_change_nothing(client, auditor, entries):
    client.force_login(auditor)
    before = list(AuditEntry.objects.values_list("pk", "username"))
    assert client.post(reverse(AUDIT), {"username": "x"}).status_code == 405
    for name in ("wagtailusers_users:index", "accounts_lockouts", "wagtailusers_groups:index"):
        assert client.get(reverse(name)).status_code in (302, 403)
    assert list(AuditEntry.objects.values_list("pk", "username"))[: len(before)] == before
    assert set(auditor.get_all_permissions()) == {
        "wagtailadmin.access_admin",
        "accounts.view_auditentry",
    }


def test_production_logging_ships_entries_to_a_file_and_to_syslog(
    db, tmp_path, django_capture_on_commit_callbacks
):
    receiver = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    receiver.bind(("127.0.0.1", 0))
    receiver.settimeout(5)
    path = tmp_path / "audit.log"
    environ = {
        "AUDIT_LOG_FILE": str(path),
        "AUDIT_SYSLOG_ADDRESS": f"127.0.0.1:{receiver.getsockname()[1]}",
    }
    logger = logging.getLogger("audit")
    logging.config.dictConfig(
        audit_logging(environ, {"version": 1, "disable_existing_loggers": False})
    )
    try:
        with django_capture_on_commit_callbacks(execute=True):
            audit_record(AuditAction.EXPORT, username="shipper", object_label="附件2")
        in_file = json.loads(path.read_text(encoding="utf-8").splitlines()[-1])
        in_syslog = receiver.recv(65536).decode("utf-8")
    finally:
        for handler in logger.handlers:
            handler.close()
        logger.handlers.clear()
        receiver.close()
    assert (in_file["user"], in_file["action"], in_file["object"]) == ("shipper", "export", "附件2")
    assert in_syslog.startswith("<") and '"user": "shipper"' in in_syslog
