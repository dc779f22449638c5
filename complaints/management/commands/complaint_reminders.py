import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from complaints.reminders import send_reminders
from complaints.stash import purge_expired


class Command(BaseCommand):
    help = "E-mail the daily reminders of overdue complaints and those due within 2 working days."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="the day to remind for (YYYY-MM-DD; default today)")

    def handle(self, *args, **options):
        today = timezone.localdate()
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError as exc:
                raise CommandError("日期格式应为 YYYY-MM-DD。") from exc
        sent = send_reminders(today)
        self.stdout.write(f"{today:%Y-%m-%d}: 发送投诉举报提醒邮件 {sent} 封。")
        purged = purge_expired()  # attachments kept for submissions never completed
        if purged:
            self.stdout.write(f"删除过期的暂存附件 {purged} 个。")
