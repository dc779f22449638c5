"""The one text analysis every backend shares (no database needed)."""

import pytest

from search.analysis import (
    MAX_QUERY_LENGTH,
    TOKEN_RE,
    analyze_text,
    analyze_texts,
    clean_query,
    normalize,
    parse_query,
    pinyin_segmentations,
    run_syllables,
    synonym_map,
)
from search.highlight import highlight, snippet
from search.ranking import plan

NASTY = [
    "",
    "   ",
    "\x00\x01\x1f\x7f",
    "<script>alert(1)</script>",
    "'; DROP TABLE catalog_certificateitem; --",
    '"',
    '"无犯罪',
    "律师*",
    "NEAR(律师 分所)",
    "律师 OR 分所",
    "律师 AND NOT 分所",
    "{name_tokens}: 律师",
    "name_tokens:律师",
    "^律师",
    "'律师' <-> '分所' | !x",
    "😀🚀 律师 🎉",
    "\u202e律师\u200b\u2028",
    "ｌｖｓｈｉ（律师）",
    "律" * 500,
    "a" * 500,
    "%_\\",
]


def test_normalize_folds_width_case_and_traditional_characters():
    assert normalize("無犯罪記錄證明") == "无犯罪记录证明"
    assert normalize("ＬｖＳｈｉ　２５米") == "lvshi 25米"
    assert normalize("戶口") == "户口"


def test_text_is_cut_into_bigrams_characters_words_and_pinyin():
    tokens = analyze_text("律师事务所（2021年）")
    assert tokens.bi == "律师 师事 事务 务所 2021"
    assert tokens.uni == "律 师 事 务 所 年"
    assert tokens.py == "lvshi shishi shiwu wusuo nian"
    assert tokens.pyi == "ls ss sw ws"


def test_polyphonic_characters_are_read_from_the_word_they_are_in():
    assert run_syllables("银行") == ("yin", "hang")
    assert run_syllables("行政许可") == ("xing", "zheng", "xu", "ke")
    assert run_syllables("长期居住") == ("chang", "qi", "ju", "zhu")


def test_separate_texts_never_form_a_phrase_across_their_boundary():
    tokens = analyze_texts(["户籍", "证明"])
    assert tokens.bi == "户籍 证明"  # no 籍证 bigram: "户籍证明" is not an exact phrase here
    assert "jizheng" not in tokens.py.split()


def test_latin_words_are_read_as_pinyin_syllables_and_initials():
    assert pinyin_segmentations("lvshi") == [("lv", "shi")]
    assert pinyin_segmentations("xian") == [("xian",), ("xi", "an")]
    assert pinyin_segmentations("wfzjl") == []
    kinds = {alt.kind: alt for alt in parse_query("wfzjl").terms[0].alternatives}
    assert set(kinds) == {"word", "initials"}
    assert kinds["initials"].exact_phrase == ("wf", "fz", "zj", "jl")
    kinds = {alt.kind: alt for alt in parse_query("lvshi").terms[0].alternatives}
    assert set(kinds) == {"word", "pinyin"}
    assert kinds["pinyin"].exact_phrase == ("lvshi",)


def test_query_terms_split_at_spaces_and_between_scripts():
    query = parse_query("律师 分所 lvshi事务所")
    assert [t.alternatives[0].text for t in query.terms] == ["律师", "分所", "lvshi", "事务所"]


def test_synonyms_work_in_both_directions_and_inside_longer_words():
    synonyms = synonym_map([("户口", "户籍"), ("無犯罪", "无违法犯罪记录")])
    assert synonyms == {
        "户口": ("户籍",),
        "户籍": ("户口",),
        "无犯罪": ("无违法犯罪记录",),
        "无违法犯罪记录": ("无犯罪",),
    }
    texts = [a.text for a in parse_query("户口迁移", synonyms).terms[0].alternatives]
    assert texts == ["户口迁移", "户籍迁移"]
    texts = [a.text for a in parse_query("户籍", synonyms).terms[0].alternatives]
    assert texts == ["户籍", "户口"]


def test_query_is_cleaned_of_control_characters_and_cut():
    assert clean_query("  律师\x00\x1b[31m  分所\n") == "律师 [31m 分所"
    assert len(clean_query("律" * 500)) == MAX_QUERY_LENGTH
    assert parse_query("😀🎉").terms == ()
    assert not parse_query("   ")


@pytest.mark.parametrize("text", NASTY)
def test_no_input_produces_a_token_outside_the_safe_alphabet(text):
    query = parse_query(text)
    for term in plan(query):
        starts = [tokens for _stream, tokens in term.starts]
        for tokens in (*term.phrases, *starts, *term.scattered, term.singles):
            assert all(TOKEN_RE.match(t) for t in tokens), tokens
    assert len(query.text) <= MAX_QUERY_LENGTH


def test_highlight_marks_exact_hits_and_escapes_everything_else():
    query = parse_query("律师")
    assert highlight("<b>律师</b>事务所", query) == "&lt;b&gt;<mark>律师</mark>&lt;/b&gt;事务所"
    assert highlight("律师事务所", parse_query("lvshi")) == "<mark>律师</mark>事务所"
    assert highlight("无犯罪记录证明", parse_query("wfzjl")) == "<mark>无犯罪记录</mark>证明"
    assert highlight("無犯罪記錄", parse_query("犯罪")) == "無<mark>犯罪</mark>記錄"


def test_scattered_characters_are_highlighted_only_without_an_exact_hit():
    query = parse_query("居住证明")
    assert highlight("居住地住址证明", query) == (
        "<mark>居住</mark>地<mark>住</mark>址<mark>证明</mark>"
    )
    assert highlight("居住地住址证明", query, scattered=False) == "居住地住址证明"


def test_snippet_is_a_window_around_the_first_exact_hit():
    parts = [("证明的内容", "甲" * 40 + "污水池" + "乙" * 40)]
    label, html = snippet(parts, parse_query("污水池"))
    assert label == "证明的内容"
    assert html == "…" + "甲" * 24 + "<mark>污水池</mark>" + "乙" * 24 + "…"
    assert snippet(parts, parse_query("不相干")) is None
