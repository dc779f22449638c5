"""Rebuild the public search index from the published catalog."""

import time

from django.core.management.base import BaseCommand

from search.services import REBUILD_BATCH, index_rebuild


class Command(BaseCommand):
    help = (
        "重建公众检索索引：只收录已发布的证明事项"
        "（配置了 Elasticsearch 时同时重建其索引并原子切换别名）。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size", type=int, default=REBUILD_BATCH, help="每批读取的证明事项数"
        )

    def handle(self, *args, batch_size, **options):
        started = time.perf_counter()
        report = index_rebuild(batch_size=batch_size)
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"检索索引已重建：{report.documents} 个已发布的证明事项"
                f"（{'、'.join(report.backends)}），用时 {elapsed:.1f} 秒。"
            )
        )
