"""Cell values as clerks type them: spaces, full-width digits, marks, legal bases, headers."""

import pytest

from catalog.enums import LegalLevel, MatterType
from catalog.spreadsheets.bases import Basis, parse_bases, render_bases
from catalog.spreadsheets.cleaning import clean_line, clean_text, neutralise, text_key
from catalog.spreadsheets.layout import ANNEX4, LayoutError, find_header, section_department
from catalog.spreadsheets.widgets import ChoiceWidget, LegalLevelsWidget, MarkWidget

from .sheets import SUB, TOP


def test_stray_and_full_width_spaces_are_removed_around_chinese_text():
    assert clean_line("\u3000律师 事务所  申请设立分所 ") == "律师事务所申请设立分所"
    assert clean_line("ISO  9001 认证") == "ISO 9001认证"


def test_full_width_digits_and_letters_become_ascii_but_chinese_punctuation_stays():
    assert clean_line("司法部令第１４２号（ＡＢ）：") == "司法部令第142号（AB）："


def test_numbers_from_excel_lose_the_trailing_point_zero():
    assert clean_line(3.0) == "3"
    assert clean_line(19904830000.0) == "19904830000"


def test_line_breaks_inside_a_one_line_field_are_dropped():
    assert clean_line("律师事务所申请\n设立分所") == "律师事务所申请设立分所"


def test_multiline_text_keeps_its_lines_without_padding():
    assert clean_text(" 第一行 \r\n\n\n\n 第二行　") == "第一行\n\n第二行"


def test_natural_key_ignores_spaces_bracket_style_and_case():
    assert text_key("律师 事务所(分所)") == text_key("律师事务所（分所）")
    assert text_key("ISO证明") == text_key("iso证明")


@pytest.mark.parametrize("text", ["=1+1", "+86", "-限于", "@SUM(A1)"])
def test_text_a_spreadsheet_would_evaluate_is_prefixed_and_read_back_unchanged(text):
    assert neutralise(text) == "'" + text
    assert clean_line(neutralise(text)) == text


def test_several_legal_bases_on_numbered_lines_are_read_with_document_numbers():
    cell = (
        "1.《中华人民共和国律师法》（中华人民共和国主席令第七十六号）第十九条：成立三年以上的合伙所，可以设立分所。\n"
        "2.《律师事务所管理办法》（司法部令第１４２号）第三十五条第五款：应当提交执业经历证明。"
    )
    assert parse_bases(cell) == [
        Basis(
            "《中华人民共和国律师法》",
            "中华人民共和国主席令第七十六号",
            "第十九条",
            "成立三年以上的合伙所，可以设立分所。",
        ),
        Basis(
            "《律师事务所管理办法》",
            "司法部令第142号",
            "第三十五条第五款",
            "应当提交执业经历证明。",
        ),
    ]


def test_article_text_may_run_over_several_lines():
    cell = (
        "《中华人民共和国律师法》第七条：有下列情形之一的，不予颁发：\n"
        "（一）无民事行为能力的；\n（二）受过刑事处罚的。"
    )
    (basis,) = parse_bases(cell)
    assert basis.article == "第七条"
    assert (
        basis.article_text
        == "有下列情形之一的，不予颁发：\n（一）无民事行为能力的；\n（二）受过刑事处罚的。"
    )


def test_a_list_of_citations_without_article_text_is_read_as_written():
    assert parse_bases("《律师法》第十九条、《律师事务所管理办法》第三十五条第五款") == [
        Basis("《律师法》", "", "第十九条", ""),
        Basis("《律师事务所管理办法》", "", "第三十五条第五款", ""),
    ]


def test_a_basis_without_an_article_is_the_whole_document():
    assert parse_bases(
        "《国务院关于进一步做好新形势下就业创业工作的意见》（国发〔2015〕23号）"
    ) == [Basis("《国务院关于进一步做好新形势下就业创业工作的意见》", "国发〔2015〕23号", "", "")]


def test_a_cell_that_cannot_be_understood_says_what_was_read():
    with pytest.raises(ValueError) as excinfo:
        parse_bases("《律师法》第十九条\n第三十五条第五款：律师事务所申请设立分所，应当提交……")
    assert str(excinfo.value) == (
        "读出 2 个依据；第 2 个缺少依据名称（“第三十五条第五款”）。"
        "每个依据请写明名称（可加书名号），如：《中华人民共和国律师法》第十九条：成立三年以上……"
    )


def test_rendered_bases_read_back_as_the_same_bases():
    bases = [
        Basis("《律师事务所管理办法》", "司法部令第142号", "第三十五条第五款", "第一行\n第二行"),
        Basis("《中华人民共和国律师法》", "", "第十九条之一", "可以设立分所。"),
    ]
    assert parse_bases(render_bases(bases)) == bases


@pytest.mark.parametrize("mark", ["✓", "√", "✔", " √ ", "是", "Y", "1", True])
def test_tick_marks_mean_the_level_applies(mark):
    assert MarkWidget().clean(mark) is True


@pytest.mark.parametrize("mark", [None, "", "　", "×", "否", False])
def test_empty_cells_and_crosses_mean_it_does_not(mark):
    assert MarkWidget().clean(mark) is False


def test_an_unknown_mark_is_an_error_that_says_what_to_write():
    with pytest.raises(ValueError) as excinfo:
        MarkWidget().clean("X")
    assert str(excinfo.value) == "无法识别的标记“X”：适用的请填✓或√，不适用的留空。"


def test_matter_type_is_read_by_its_chinese_label_with_stray_spaces():
    assert ChoiceWidget(MatterType, what="事项类型").clean(" 行政 许可 ") == MatterType.LICENSING


def test_an_unknown_matter_type_lists_the_valid_ones():
    with pytest.raises(ValueError) as excinfo:
        ChoiceWidget(MatterType, what="事项类型").clean("审批")
    assert str(excinfo.value) == (
        "“审批”不是有效的事项类型，应为：行政许可、行政确认、行政给付、行政奖励、行政裁决、"
        "其他行政权力、公共服务之一。"
    )


def test_legal_levels_are_read_one_per_line_or_separated_by_commas():
    widget = LegalLevelsWidget(LegalLevel)
    assert widget.clean("法律\n部门规章") == [LegalLevel.LAW, LegalLevel.DEPARTMENTAL_RULE]
    assert widget.clean("法 律、行政法规") == [LegalLevel.LAW, LegalLevel.ADMINISTRATIVE_REGULATION]


def test_the_two_row_header_is_found_below_title_and_unit_lines():
    rows = [
        ["附件4"],
        ["实行告知承诺制的证明事项目录"],
        ["单位（盖章）：", "司法局", None, None, "填表人：李娜"],
        TOP,
        SUB,
        [1, "无犯罪记录证明"],
    ]
    header = find_header(ANNEX4, rows)
    assert header.data_start == 5
    assert header.unit == "司法局"
    assert header.columns == {c.key: i for i, c in enumerate(ANNEX4.columns)}


def test_a_flattened_one_row_header_is_accepted():
    labels = ["序号", "证明名称", "证明用途", "设定依据", "效力层级", "索要单位", "开具单位"]
    labels += ["省部级", "市级", "县级", "乡级及其他", "事项类型", "备注"]
    header = find_header(ANNEX4, [labels, [1, "无犯罪记录证明"]])
    assert header.data_start == 1
    assert header.columns["legal_bases"] == 3


def test_a_header_without_the_level_columns_names_what_is_missing():
    with pytest.raises(LayoutError) as excinfo:
        find_header(ANNEX4, [TOP[:7], SUB[:7]])
    assert str(excinfo.value) == (
        "第1行的表头不是证明事项目录（附件4）的格式：缺少“行使层级·省部级”、“行使层级·市级”、"
        "“行使层级·县级”、“行使层级·乡级及其他”、“事项类型”列。请使用附件4的表头（可先导出一份作为模板）。"
    )


def test_a_department_section_row_names_its_department():
    assert section_department(["实施机关：公安局", None, ""]) == "公安局"
    assert section_department(["实施机关：公安局（共3项）"]) == "公安局"
    assert section_department(["实施机关：公安局", "x"]) is None
