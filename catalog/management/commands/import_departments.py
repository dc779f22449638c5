"""Import departments and their 附件2 liaison contacts (administrators)."""

from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from catalog.spreadsheets.reading import SpreadsheetRefused
from catalog.spreadsheets.services import departments_import

from ._spreadsheet import print_report, user_named


class Command(BaseCommand):
    help = "导入联络员信息表（附件2）：按单位名称更新联络信息，表中新出现的单位将新增。"

    def add_arguments(self, parser):
        parser.add_argument("file", help="附件2格式的表格文件")
        parser.add_argument("--user", help="以哪个用户（系统管理员）的身份导入；写入时必须指定")
        parser.add_argument("--dry-run", action="store_true", help="只预览，不写入")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"找不到文件“{path}”。")
        user = user_named(options["user"])
        dry_run = options["dry_run"]
        if user is None and not dry_run:
            raise CommandError("写入时请用 --user 指定操作用户；只预览请加 --dry-run。")
        try:
            report = departments_import(
                user=user, data=path.read_bytes(), filename=path.name, commit=not dry_run
            )
        except (SpreadsheetRefused, PermissionDenied) as exc:
            raise CommandError(str(exc)) from exc
        print_report(self, report, dry_run=dry_run, verbosity=options["verbosity"])
