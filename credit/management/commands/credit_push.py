"""Push the records changed since a date to the public credit platform above the banner
(the league's or the city's).

    manage.py credit_push --since 2026-11-01 --url https://xy.example/api/records [--format csv]

Posts the export (``credit/exports.py``) with retries (``--retries``, waiting ``--wait``
seconds, doubled each time) and logs every push in ``PushLog`` and the ``credit`` logger.
Exits with an error when every attempt failed.
"""

import datetime
import logging
import time
import urllib.error
import urllib.request

from django.core.management.base import BaseCommand, CommandError

from credit import exports
from credit.models import PushLog

logger = logging.getLogger("credit")


class Command(BaseCommand):
    help = "向上级公共信用信息平台推送指定日期以来新增和变更的失信记录"

    def add_arguments(self, parser):
        parser.add_argument("--since", required=True, help="起始日期 YYYY-MM-DD")
        parser.add_argument("--url", required=True)
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--retries", type=int, default=3)
        parser.add_argument("--wait", type=float, default=5.0)
        parser.add_argument("--timeout", type=float, default=30.0)

    def handle(self, *args, since, url, format, retries, wait, timeout, **options):
        try:
            day = datetime.date.fromisoformat(since)
        except ValueError as e:
            raise CommandError(f"起始日期“{since}”格式不正确，应为YYYY-MM-DD。") from e
        if not url.startswith(("http://", "https://")):
            raise CommandError("推送地址应以 http:// 或 https:// 开头。")
        count = exports.changed_since(day).count()
        if format == "json":
            body, content_type = exports.as_json(day), "application/json; charset=utf-8"
        else:
            body, content_type = exports.as_csv(day), "text/csv; charset=utf-8"
        attempts, message, succeeded = 0, "", False
        while attempts < max(retries, 1) and not succeeded:
            attempts += 1
            request = urllib.request.Request(  # noqa: S310 (scheme checked above)
                url,
                data=body.encode("utf-8"),
                method="POST",
                headers={"Content-Type": content_type},
            )
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                    message = f"HTTP {response.status}"
                    succeeded = 200 <= response.status < 300
            except urllib.error.HTTPError as e:
                message = f"HTTP {e.code}"
            except (urllib.error.URLError, OSError) as e:
                message = f"连接失败：{getattr(e, 'reason', e)}"
            logger.info("credit push attempt %s to %s: %s", attempts, url, message)
            if not succeeded and attempts < retries:
                time.sleep(wait * 2 ** (attempts - 1))
        PushLog.objects.create(
            since=day,
            url=url,
            records=count,
            attempts=attempts,
            succeeded=succeeded,
            message=message,
        )
        if not succeeded:
            raise CommandError(f"推送失败（尝试{attempts}次）：{message}")
        self.stdout.write(f"已推送{count}条记录（尝试{attempts}次）：{message}")
