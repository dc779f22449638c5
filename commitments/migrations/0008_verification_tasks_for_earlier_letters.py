"""Letters registered before the casework existed get their verification task, as every letter
registered since does (``verification.tasks.verification_task_for_letter``): the item's method
and time limit, due that many official working days after the letter was signed. Letters of
items exempt from verification get none (they are checked only when sampled). A letter whose
due date cannot be counted (a year the calendar does not hold yet) is left without a task and
listed in the migration's output.

Uses ``commitments.workdays.add_working_days`` (the calendar reads ``HolidayYear`` rows, whose
table has not changed since 0001).
"""

from django.db import migrations

from commitments.workdays import UnknownCalendarYear, add_working_days

EXEMPT = "exempt"
FALLBACK_TIME_LIMIT_DAYS = 5  # verification.enums.FALLBACK_TIME_LIMIT_DAYS when this was written


def make_tasks(apps, schema_editor):
    Letter = apps.get_model("commitments", "CommitmentLetter")
    Task = apps.get_model("commitments", "VerificationTask")
    skipped = []
    for letter in Letter.objects.filter(verification__isnull=True).select_related("item"):
        item = letter.item
        if item.verification_method == EXEMPT:
            continue
        days = item.verification_time_limit_days or FALLBACK_TIME_LIMIT_DAYS
        try:
            due_on = add_working_days(letter.signed_on, days)
        except UnknownCalendarYear:
            skipped.append(str(letter.pk))
            continue
        Task.objects.create(
            letter=letter,
            department_id=letter.department_id,
            method=item.verification_method,
            origin="item_rule",
            time_limit_days=days,
            due_on=due_on,
        )
    if skipped:
        print(f"\n  未能计算核查期限、未生成核查任务的承诺书（编号 id）：{', '.join(skipped)}")


class Migration(migrations.Migration):
    dependencies = [
        ("commitments", "0007_sampling"),
    ]

    operations = [migrations.RunPython(make_tasks, migrations.RunPython.noop)]
