"""Signed letters and the working-day calendar moved from ``publishing`` to ``commitments``
without touching their tables: an installation migrated from the schema before the move keeps
every row, its history, the numbering, and the grants on the models (ADR 012)."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from commitments.models import CommitmentLetter, HolidayDay, HolidayYear, LetterCounter

BEFORE = [("publishing", "0004_repair_control_characters"), ("commitments", None)]


@pytest.mark.django_db(transaction=True)
def test_rows_history_counters_and_grants_survive_the_move():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE)
    # Every other app as it is now, publishing as it was before the move.
    others = [key for key in latest if key[0] not in {"publishing", "commitments"}]
    old = executor.loader.project_state([*others, BEFORE[0]]).apps
    assert old.get_model("publishing", "CommitmentLetter")._meta.db_table == (
        "publishing_commitmentletter"
    )

    Department = old.get_model("catalog", "Department")
    Item = old.get_model("catalog", "CertificateItem")
    User = old.get_model("auth", "User")
    OldLetter = old.get_model("publishing", "CommitmentLetter")
    OldHistory = old.get_model("publishing", "HistoricalCommitmentLetter")
    OldCounter = old.get_model("publishing", "LetterCounter")
    OldYear = old.get_model("publishing", "HolidayYear")
    OldDay = old.get_model("publishing", "HolidayDay")
    OldContentType = old.get_model("contenttypes", "ContentType")
    OldPermission = old.get_model("auth", "Permission")
    OldGroup = old.get_model("auth", "Group")

    user = User.objects.create(username="clerk")
    department = Department.objects.create(name="甲局", kind="banner_department")
    item = Item.objects.create(
        department=department,
        name="无犯罪记录证明",
        purpose="申请律师执业",
        requesting_unit="旗司法局",
        issuing_unit="公安机关",
        matter_type="licensing",
        certificate_content="内容",
        false_commitment_consequences="终止办理",
        verification_method="online",
    )
    letter = OldLetter.objects.create(
        department=department,
        item=item,
        item_name=item.name,
        item_purpose=item.purpose,
        year=2026,
        number=7,
        applicant_kind="person",
        person_name="张三丰",
        channel="in_person",
        received_on=datetime.date(2026, 11, 16),
        signed_on=datetime.date(2026, 11, 16),
        registered_by=user,
    )
    OldHistory.objects.create(
        id=letter.pk,
        department=department,
        item=item,
        item_name=item.name,
        item_purpose=item.purpose,
        year=2026,
        number=7,
        applicant_kind="person",
        person_name="张三丰",
        channel="in_person",
        received_on=letter.received_on,
        signed_on=letter.signed_on,
        registered_by=user,
        registered_at=letter.registered_at,
        history_date=letter.registered_at,
        history_type="+",
        history_user=user,
    )
    OldCounter.objects.create(department=department, year=2026, last_number=7)
    year = OldYear.objects.create(year=2031, notice="国办发明电〔2030〕1号", entered_by=user)
    OldDay.objects.create(holiday_year=year, date=datetime.date(2031, 1, 1), kind="holiday")
    letter_type, _ = OldContentType.objects.get_or_create(
        app_label="publishing", model="commitmentletter"
    )
    view_letters, _ = OldPermission.objects.get_or_create(
        content_type=letter_type, codename="view_commitmentletter", defaults={"name": "查看"}
    )
    group = OldGroup.objects.create(name="甲局·部门编辑（迁移测试）")
    group.permissions.add(view_letters)

    executor = MigrationExecutor(connection)
    executor.migrate(latest)

    moved = CommitmentLetter.objects.get(pk=letter.pk)
    assert (moved.number_label, moved.person_name) == ("（2026年）第7号", "张三丰")
    assert [h.history_type for h in moved.history.all()] == ["+"]
    assert LetterCounter.objects.get(department_id=department.pk, year=2026).last_number == 7
    assert HolidayYear.objects.get(year=2031).days.get().date == datetime.date(2031, 1, 1)
    assert HolidayDay.objects.count() == 1
    # The content type moved with its permissions: the group's grant now reads commitments.*
    moved_type = ContentType.objects.get_for_model(CommitmentLetter)
    assert moved_type.pk == letter_type.pk
    assert not ContentType.objects.filter(app_label="publishing", model="commitmentletter")
    assert set(Group.objects.get(pk=group.pk).permissions.all()) == {
        Permission.objects.get(content_type=moved_type, codename="view_commitmentletter")
    }
