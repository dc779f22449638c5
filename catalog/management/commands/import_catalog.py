"""Import a department's catalog sheet (附件4) from the command line."""

from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from catalog.spreadsheets.reading import SpreadsheetRefused
from catalog.spreadsheets.services import catalog_import

from ._spreadsheet import department_named, print_report, user_named


class Command(BaseCommand):
    help = (
        "导入附件4格式的证明事项目录（.xlsx/.xls/.csv）：先预览，全部行无误才写入；"
        "新增事项和修改都保存为草稿。任何一行有错误时不写入，并以非零状态退出。"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="附件4格式的表格文件")
        parser.add_argument(
            "--department", required=True, help="导入到哪个单位（附件1中的名称，如“司法局”）"
        )
        parser.add_argument(
            "--user", help="以哪个用户的身份导入（记入修订记录）；写入时必须指定，试运行可省略"
        )
        parser.add_argument("--dry-run", action="store_true", help="只预览，不写入")
        parser.add_argument(
            "--submit",
            action="store_true",
            help="导入后把修改过且符合提交要求的事项提交审核（默认只保存为草稿）",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"找不到文件“{path}”。")
        department = department_named(options["department"])
        user = user_named(options["user"])
        dry_run = options["dry_run"]
        if user is None and not dry_run:
            raise CommandError(
                "写入时请用 --user 指定操作用户（修订记录和审核流程需要记录是谁导入的）；"
                "只预览请加 --dry-run。"
            )
        try:
            report = catalog_import(
                user=user,
                data=path.read_bytes(),
                filename=path.name,
                department=department,
                commit=not dry_run,
                submit=options["submit"],
            )
        except (SpreadsheetRefused, PermissionDenied) as exc:
            raise CommandError(str(exc)) from exc
        print_report(self, report, dry_run=dry_run, verbosity=options["verbosity"])
