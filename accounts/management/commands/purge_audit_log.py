"""`manage.py purge_audit_log --before YYYY-MM-DD`: delete audit entries older than a date,
refused for any date inside the retention (AUDIT_RETENTION_DAYS, at least 183 days)."""

from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from accounts.services import audit_purge, retention_days


class Command(BaseCommand):
    help = "删除某日期之前的审计日志（保留期内的记录拒绝删除）。"

    def add_arguments(self, parser):
        parser.add_argument("--before", required=True, help="日期 YYYY-MM-DD（北京时间零点）")

    def handle(self, *args, **options):
        try:
            day = datetime.strptime(options["before"], "%Y-%m-%d").date()
        except ValueError as exc:
            raise CommandError(f"日期格式应为 YYYY-MM-DD：{options['before']}") from exc
        before = timezone.make_aware(datetime.combine(day, time.min))
        try:
            count = audit_purge(before=before)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(
            f"已删除 {day:%Y-%m-%d} 以前的审计日志 {count} 条（保留期 {retention_days()} 天）。"
        )
