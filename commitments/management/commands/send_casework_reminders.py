"""Daily reminder e-mails of the casework (docs/deployment.md): forms due today or overdue,
letters not returned in time, verifications due within 2 working days or overdue. Idempotent:
running it twice sends nothing twice."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from commitments.dashboard.reminders import send_reminders


class Command(BaseCommand):
    help = "发送告知承诺办件的每日提醒邮件（同一事项只提醒一次）。"

    def add_arguments(self, parser):
        parser.add_argument("--date", help="按哪一天计算到期和逾期（YYYY-MM-DD），默认今天。")

    def handle(self, *args, date=None, **options):
        if date:
            try:
                today = datetime.date.fromisoformat(date)
            except ValueError as e:
                raise CommandError(f"日期格式不对：{date}，请写成 2026-11-20。") from e
        else:
            today = timezone.localdate()
        count = send_reminders(today=today)
        self.stdout.write(f"已发送 {count} 封提醒邮件（{today:%Y-%m-%d}）。")
