"""The daily run: mark 已到期 every record whose maximum publicity period has passed.

Idempotent (a record once expired is not selected again); ``--date`` runs for another day."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from credit.services import records_expire


class Command(BaseCommand):
    help = "将最长公示期已届满的失信记录标记为已到期（每日运行，可重复运行）"

    def add_arguments(self, parser):
        parser.add_argument("--date", help="按指定日期（YYYY-MM-DD）计算，默认今天")

    def handle(self, *args, **options):
        today = None
        if options.get("date"):
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError as e:
                raise CommandError("日期格式应为“2026-11-20”。") from e
        self.stdout.write(f"已到期：{records_expire(today=today)}条")
