"""Report differences between the published catalog and the search indexes."""

from django.core.management.base import BaseCommand, CommandError

from search.services import index_drift

SAMPLE = 20


def _ids(ids: list[int]) -> str:
    shown = "、".join(map(str, ids[:SAMPLE]))
    return shown + (f" 等 {len(ids)} 个" if len(ids) > SAMPLE else "")


class Command(BaseCommand):
    help = "检查检索索引与已发布目录是否一致；不一致时列出差异并以状态码 1 退出。"

    def handle(self, *args, **options):
        reports = index_drift()
        for report in reports:
            if report.clean:
                self.stdout.write(self.style.SUCCESS(f"[{report.backend}] 索引与已发布目录一致。"))
                continue
            self.stdout.write(self.style.WARNING(f"[{report.backend}] 索引与已发布目录不一致："))
            if report.missing:
                self.stdout.write(
                    f"  已发布但未收录（{len(report.missing)}）：{_ids(report.missing)}"
                )
            if report.unpublished:
                count = len(report.unpublished)
                self.stdout.write(
                    f"  已收录但未发布或已撤回（{count}）：{_ids(report.unpublished)}"
                )
            if report.stale:
                self.stdout.write(f"  收录内容已过时（{len(report.stale)}）：{_ids(report.stale)}")
            for problem in report.problems:
                self.stdout.write(f"  {problem}")
        if not all(r.clean for r in reports):
            raise CommandError(
                "检索索引存在差异，请运行 manage.py rebuild_search_index。", returncode=1
            )
