"""The daily run: mark 已到期 every record whose maximum publicity period has passed."""

from django.core.management.base import BaseCommand

from credit.services import records_expire


class Command(BaseCommand):
    help = "将最长公示期已届满的失信记录标记为已到期"

    def handle(self, *args, **options):
        self.stdout.write(f"已到期：{records_expire()}条")
