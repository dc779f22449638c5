"""Wagtail's sample workflow and task in Chinese.

Wagtail's migration 0048 creates a workflow and a group approval task both named after the
groups with page publishing rights ("Moderators approval"); they show in the workflow admin
the administrator now uses for the review routes (docs/adr/021-review-routes.md). They are only
renamed (nothing else changes); nothing is done when they were renamed already.
"""

from django.db import migrations

SAMPLE = "Moderators approval"


def forwards(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=SAMPLE).update(name="页面审核流程（系统默认）")
    Task.objects.filter(name=SAMPLE).update(name="页面用户组审批（系统默认）")


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0006_countersign_task"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
