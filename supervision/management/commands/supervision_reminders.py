"""Print the reminders of milestones (due within --days, or overdue) per unit."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from supervision.reminders import reminders


class Command(BaseCommand):
    help = "列出各单位即将到期或已逾期的工作节点（可每日运行）。"

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="提前提醒的天数（默认7天）。")

    def handle(self, *args, days, **options):
        found = reminders(timezone.localdate(), days)
        for reminder in found:
            self.stdout.write(reminder.text)
        self.stdout.write(f"共 {len(found)} 条提醒。")
