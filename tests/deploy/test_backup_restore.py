"""A backup made with deploy/backup.sh and restored with deploy/restore.sh into an empty
database reproduces the catalog: published items and their revisions, catalog revisions with
their change lists, withdrawals with their reasons, users and grants."""

import os
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from catalog.models import CertificateItem
from permissions.enums import Role
from publishing.models import CatalogRevision, CatalogRevisionEntry, ItemWithdrawal
from publishing.services import catalog_revision_publish, item_withdraw
from tests.factories import make_department, make_item, make_user, publish

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL and pg_dump: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test",
)


def url(settings_dict, name) -> str:
    user = settings_dict["USER"] or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else ""
    host = settings_dict["HOST"] or "127.0.0.1"
    port = settings_dict["PORT"] or "5432"
    return f"postgres://{user}{password}@{host}:{port}/{name}"


def catalog_state() -> dict:
    """What the public and the admin read of the catalog, from the current database."""
    items = CertificateItem.objects
    return {
        "live": sorted(
            items.filter(live=True).values_list(
                "name", "purpose", "department__name", "live_revision_id"
            )
        ),
        "drafts": sorted(items.filter(live=False).values_list("name", flat=True)),
        "revisions": sorted(
            (r.label, r.entries.count())
            for r in CatalogRevision.objects.prefetch_related("entries")
        ),
        "entries": sorted(CatalogRevisionEntry.objects.values_list("item_name", "change")),
        "withdrawals": sorted(ItemWithdrawal.objects.values_list("item__name", "reason")),
        "users": sorted(
            (user.username, sorted(group.name for group in user.groups.all()))
            for user in get_user_model().objects.prefetch_related("groups")
        ),
    }


@pytest.mark.django_db(transaction=True)
def test_a_restore_from_a_dump_reproduces_the_catalog(tmp_path):
    department = make_department("备份恢复局")
    editor = make_user("backup_editor", role=Role.EDITOR, departments=[department])
    reviewer = make_user("backup_reviewer", role=Role.REVIEWER)
    kept = publish(make_item(editor, department, name="恢复后仍在的证明"), editor, reviewer)
    gone = publish(make_item(editor, department, name="恢复前已撤回的证明"), editor, reviewer)
    make_item(editor, department, name="恢复后仍是草稿的证明")
    catalog_revision_publish(user=reviewer)
    item_withdraw(item=gone, user=reviewer, reason="上位法废止")
    catalog_revision_publish(user=reviewer)
    assert kept.live

    settings_dict = connection.settings_dict
    source_name = settings_dict["NAME"]
    source = url(settings_dict, source_name)
    restored_name = f"{source_name}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{restored_name}"')
        cursor.execute(f'CREATE DATABASE "{restored_name}"')
    env = {**os.environ, "MEDIA_ROOT": ""}
    try:
        dump = subprocess.run(  # noqa: S603 (the project's own script)
            [str(ROOT / "deploy" / "backup.sh"), str(tmp_path)],
            env={**env, "DATABASE_URL": source},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert Path(dump).stat().st_size > 0
        subprocess.run(  # noqa: S603 (the project's own script)
            [str(ROOT / "deploy" / "restore.sh"), dump],
            env={**env, "DATABASE_URL": url(settings_dict, restored_name)},
            capture_output=True,
            text=True,
            check=True,
        )
        before = catalog_state()
        connection.close()
        settings_dict["NAME"] = restored_name  # read the restored database instead
        try:
            after = catalog_state()
        finally:
            connection.close()
            settings_dict["NAME"] = source_name
        assert after == before
        assert ("backup_editor", ["备份恢复局·部门编辑"]) in after["users"]
        assert [name for name, *_ in after["live"]] == ["恢复后仍在的证明"]
        assert after["withdrawals"] == [("恢复前已撤回的证明", "上位法废止")]
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{restored_name}"')
