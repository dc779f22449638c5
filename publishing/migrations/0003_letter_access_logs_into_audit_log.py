"""Copy the views of personal data logged before the audit log existed into it, so that the
auditor finds every view in one place (new views are written to both, see
publishing.letters.services.letter_personal_data_viewed)."""

from django.db import migrations


def copy_access_logs(apps, schema_editor):
    LetterAccessLog = apps.get_model("publishing", "LetterAccessLog")
    AuditEntry = apps.get_model("accounts", "AuditEntry")
    logs = LetterAccessLog.objects.select_related("user", "letter__department").order_by("pk")
    AuditEntry.objects.bulk_create(
        [
            AuditEntry(
                created_at=log.accessed_at,
                user_id=log.user_id,
                username=log.user.username,
                ip_address=log.ip_address,
                action="personal_data_viewed",
                object_type="publishing.commitmentletter",
                object_id=str(log.letter_id),
                object_label=(
                    f"{log.letter.department.name}（{log.letter.year}年）第{log.letter.number}号"
                ),
                detail={"purpose": log.purpose, "copied_from": "LetterAccessLog"},
            )
            for log in logs.iterator(chunk_size=2000)
        ],
        batch_size=2000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0002_signed_letters_and_workdays"),
        ("accounts", "0001_initial"),
    ]

    operations = [migrations.RunPython(copy_access_logs, migrations.RunPython.noop)]
