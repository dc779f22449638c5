"""import_catalog and export_catalog on the command line, for administrators and scripts."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from catalog.models import CertificateItem
from publishing.services import catalog_revision_publish
from tests.factories import make_item, publish

from .sheets import annex4_xlsx, csv_rows, open_xlsx, row


def command(*args, **options):
    out = StringIO()
    try:
        call_command(*args, stdout=out, **options)
    except CommandError as exc:
        return out.getvalue().splitlines(), str(exc)
    return out.getvalue().splitlines(), None


@pytest.fixture
def sheet(tmp_path):
    def write(rows, name="目录.xlsx"):
        path = tmp_path / name
        path.write_bytes(annex4_xlsx(rows, unit="甲局"))
        return str(path)

    return write


def test_dry_run_prints_the_counts_and_each_error_and_fails_without_writing(dept_a, sheet):
    lines, error = command(
        "import_catalog",
        sheet([row(), row(name="", serial=2), row(name="丙", matter="审批", serial=3)]),
        department="甲局",
        dry_run=True,
    )
    assert lines == [
        "证明事项目录（附件4）：目录.xlsx（工作表“Sheet”）",
        "新增 1 行，修改 0 行，无变化 0 行，错误 2 行",
        "第7行 证明名称: 不能为空。",
        "第8行 事项类型: “审批”不是有效的事项类型，应为：行政许可、行政确认、行政给付、行政奖励、"
        "行政裁决、其他行政权力、公共服务之一。",
    ]
    assert error == "有 2 行存在错误，没有导入任何内容。"
    assert CertificateItem.objects.count() == 0


def test_an_error_also_stops_a_real_import(editor_a, sheet):
    lines, error = command(
        "import_catalog", sheet([row(), row(name="")]), department="甲局", user="editor_a"
    )
    assert lines[-1] == "第7行 证明名称: 不能为空。"
    assert error == "有 1 行存在错误，没有导入任何内容。"
    assert CertificateItem.objects.count() == 0


def test_import_as_a_user_writes_drafts(editor_a, sheet):
    lines, error = command("import_catalog", sheet([row()]), department="甲局", user="editor_a")
    assert error is None
    assert lines[1:] == ["新增 1 行，修改 0 行，无变化 0 行，错误 0 行", "导入完成。"]
    item = CertificateItem.objects.get()
    assert item.get_latest_revision().user == editor_a


def test_writing_needs_a_user_and_the_users_department(dept_a, dept_b, editor_b, sheet):
    path = sheet([row()])
    assert command("import_catalog", path, department="甲局")[1] == (
        "写入时请用 --user 指定操作用户（修订记录和审核流程需要记录是谁导入的）；"
        "只预览请加 --dry-run。"
    )
    assert command("import_catalog", path, department="甲局", user="editor_b")[1] == (
        "您没有权限导入“甲局”的证明事项。"
    )
    assert command("import_catalog", path, department="丁局", dry_run=True)[1] == (
        "没有名为“丁局”的实施机关。"
    )
    assert CertificateItem.objects.count() == 0


def test_a_refused_file_is_a_command_error(dept_a, tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"a,b,c\n1,2,3\n")
    assert command("import_catalog", str(path), department="甲局", dry_run=True)[1].startswith(
        "没有找到证明事项目录（附件4）的表头"
    )


def test_export_catalog_writes_a_department_a_revision_and_csv(
    editor_a, dept_a, editor_b, dept_b, reviewer, tmp_path
):
    publish(make_item(editor_a, dept_a, name="甲证明"), editor_a, reviewer)
    publish(make_item(editor_b, dept_b, name="乙证明"), editor_b, reviewer)
    revision = catalog_revision_publish(user=reviewer, year=2021)
    publish(make_item(editor_a, dept_a, name="后来的证明"), editor_a, reviewer)

    output = tmp_path / "甲局.xlsx"
    lines, error = command("export_catalog", output=str(output), department="甲局")
    assert (lines, error) == ([f"已导出 2 个证明事项到 {output}（xlsx）。"], None)
    sheet = open_xlsx(output.read_bytes())
    assert [sheet["B6"].value, sheet["B7"].value] == ["甲证明", "后来的证明"]

    output = tmp_path / "revision.csv"
    command("export_catalog", output=str(output), revision="2021年第1版")
    rows = csv_rows(output.read_bytes())
    assert rows[1][0] == "实行告知承诺制的证明事项目录（2021年第1版）"
    assert [r[1] or r[0] for r in rows[5:]] == [
        "实施机关：甲局",
        "甲证明",
        "实施机关：乙局",
        "乙证明",
    ]
    command("export_catalog", output=str(output), revision=str(revision.pk), format="csv")
    assert csv_rows(output.read_bytes())[1][0].endswith("（2021年第1版）")
    assert command("export_catalog", output=str(output), revision="2030-1")[1] == (
        "没有目录版本“2030-1”（可写编号，或如 2021-1、2021年第1版）。"
    )


def test_verbose_output_shows_each_change(editor_a, dept_a, sheet):
    make_item(editor_a, dept_a, name="甲证明", purpose="甲事项", remarks="旧")
    lines, error = command(
        "import_catalog",
        sheet([row(name="甲证明", purpose="甲事项", remarks="新")]),
        department="甲局",
        dry_run=True,
        verbosity=2,
    )
    assert error is None
    assert "第6行 备注: '旧' → '新'" in lines
    assert lines[-1] == "试运行（--dry-run）：没有写入任何内容。"
