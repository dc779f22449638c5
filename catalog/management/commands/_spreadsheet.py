"""Shared by the spreadsheet commands: finding the department and the acting user."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError


def department_named(name: str):
    from catalog.spreadsheets.sessions import DepartmentDirectory

    department = DepartmentDirectory().get(name)
    if department is None:
        raise CommandError(f"没有名为“{name}”的实施机关。")
    return department


def user_named(username: str | None):
    if not username:
        return None
    try:
        return get_user_model().objects.get(username=username, is_active=True)
    except get_user_model().DoesNotExist:
        raise CommandError(f"没有用户名为“{username}”的有效用户。") from None


def print_report(command, report, *, dry_run: bool, verbosity: int = 1) -> None:
    """The preview summary, the warnings and one line per error: 第N行 列名: message."""
    command.stdout.write(f"{report.title}：{report.filename}（工作表“{report.sheet}”）")
    command.stdout.write(report.summary())
    for warning in report.warnings:
        command.stdout.write(f"提示：{warning}")
    for line in report.warning_lines():
        command.stdout.write(f"提示：{line}")
    if verbosity >= 2:
        for row in report.rows:
            for change in row.changes:
                command.stdout.write(
                    f"第{row.number}行 {change.column}: {change.old!r} → {change.new!r}"
                )
            for note in row.notes:
                command.stdout.write(f"第{row.number}行 {note}")
    for line in report.error_lines():
        command.stdout.write(line)
    if report.has_errors:
        raise CommandError(f"有 {len(report.error_rows)} 行存在错误，没有导入任何内容。")
    if report.stale:
        raise CommandError("导入期间数据发生了变化，没有导入任何内容，请重新运行。")
    if dry_run:
        command.stdout.write("试运行（--dry-run）：没有写入任何内容。")
    elif report.committed:
        command.stdout.write(command.style.SUCCESS("导入完成。"))
