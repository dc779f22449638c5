"""Export the published catalog, one catalog revision or a department's drafts (附件4)."""

import re
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from catalog.selectors import CatalogFilters
from catalog.spreadsheets.export import (
    CSV,
    XLSX,
    catalog_file,
    draft_selection,
    published_selection,
    revision_selection,
)

from ._spreadsheet import department_named, user_named


def revision_named(value: str):
    """A catalog revision by id, by ``2021-1`` or by its label ``2021年第1版``."""
    from publishing.models import CatalogRevision

    match = re.fullmatch(r"(\d{4})(?:-|年第)(\d+)版?", value.strip())
    if match:
        found = CatalogRevision.objects.filter(year=match[1], number=match[2]).first()
    elif value.strip().isdigit():
        found = CatalogRevision.objects.filter(pk=int(value)).first()
    else:
        found = None
    if found is None:
        raise CommandError(f"没有目录版本“{value}”（可写编号，或如 2021-1、2021年第1版）。")
    return found


class Command(BaseCommand):
    help = (
        "按附件4格式导出证明事项目录（已发布的目录、某一目录版本或某单位的草稿）为 .xlsx 或 .csv。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="输出文件")
        parser.add_argument("--department", help="只导出这个单位（默认全旗）")
        parser.add_argument("--revision", help="导出某一目录版本：编号，或如 2021-1、2021年第1版")
        parser.add_argument(
            "--format", choices=[XLSX, CSV], help="文件格式；默认按输出文件的扩展名，否则 xlsx"
        )
        parser.add_argument(
            "--drafts",
            action="store_true",
            help="导出单位的当前版本（含草稿）；需要 --department 和 --user",
        )
        parser.add_argument("--user", help="导出草稿时的用户（须能查看该单位）")

    def handle(self, *args, **options):
        output = Path(options["output"])
        fmt = options["format"] or (CSV if output.suffix.lower() == ".csv" else XLSX)
        department = department_named(options["department"]) if options["department"] else None
        if options["drafts"]:
            user = user_named(options["user"])
            if department is None or user is None:
                raise CommandError("导出草稿需要同时指定 --department 和 --user。")
            try:
                selection = draft_selection(user=user, department=department)
            except PermissionDenied as exc:
                raise CommandError(str(exc)) from exc
        elif options["revision"]:
            revision = revision_named(options["revision"])
            selection = revision_selection(revision=revision, department=department)
        else:
            selection = published_selection(
                filters=CatalogFilters(department=department.pk if department else None)
            )
        export = catalog_file(selection, fmt)
        output.write_bytes(export.content)
        self.stdout.write(
            self.style.SUCCESS(f"已导出 {len(selection.rows)} 个证明事项到 {output}（{fmt}）。")
        )
