"""E-mail the reminders of milestones (due within --days, or overdue) to each unit's clerks;
part of the daily reminder run (docs/deployment.md)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from supervision.reminders import reminders, send_reminders


class Command(BaseCommand):
    help = "向各单位发送即将到期或已逾期的工作节点提醒邮件（每日运行；同一提醒只发送一次）。"

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="提前提醒的天数（默认7天）。")
        parser.add_argument("--date", help="按指定日期计算（YYYY-MM-DD），用于补发。")
        parser.add_argument(
            "--dry-run", action="store_true", help="只列出提醒，不发送邮件，也不记录。"
        )

    def handle(self, *args, days, date, dry_run, **options):
        today = timezone.localdate()
        if date:
            try:
                today = datetime.date.fromisoformat(date)
            except ValueError as exc:
                raise CommandError("日期格式应为 YYYY-MM-DD。") from exc
        found = reminders(today, days)
        for reminder in found:
            self.stdout.write(reminder.text)
        self.stdout.write(f"共 {len(found)} 条提醒。")
        if not dry_run:
            sent = send_reminders(today=today, days_ahead=days)
            self.stdout.write(f"已发送 {sent} 封提醒邮件。")
