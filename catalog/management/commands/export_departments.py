"""Export the departments with their 附件2 liaison contacts."""

from pathlib import Path

from django.core.management.base import BaseCommand

from catalog.spreadsheets.export import CSV, XLSX, departments_file


class Command(BaseCommand):
    help = "按附件2（联络信息表）格式导出全部实施机关及其分管领导、联络员的联系方式。"

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="输出文件")
        parser.add_argument("--format", choices=[XLSX, CSV], help="默认按输出文件的扩展名")

    def handle(self, *args, **options):
        output = Path(options["output"])
        fmt = options["format"] or (CSV if output.suffix.lower() == ".csv" else XLSX)
        export = departments_file(None, fmt)
        output.write_bytes(export.content)
        self.stdout.write(self.style.SUCCESS(f"已导出联络员信息到 {output}（{fmt}）。"))
