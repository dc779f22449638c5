"""The default terms keep every stored value of the enums they replace, with the same labels
and order; a flushed table gets them back, a table with terms is left alone."""

import pytest

from catalog.enums import (
    DepartmentKind,
    DisclosureScope,
    ExcludedCategory,
    FocusArea,
    LegalLevel,
    MatterType,
    VerificationMethod,
)
from complaints.enums import ComplaintKind
from credit.enums import Behaviour
from vocabularies import reader
from vocabularies.enums import Vocabulary
from vocabularies.models import Term
from vocabularies.signal_handlers import seed_defaults

from ..factories import make_item

pytestmark = pytest.mark.django_db

ENUMS = {
    Vocabulary.FOCUS_AREA: FocusArea,
    Vocabulary.MATTER_TYPE: MatterType,
    Vocabulary.LEGAL_LEVEL: LegalLevel,
    Vocabulary.DEPARTMENT_KIND: DepartmentKind,
    Vocabulary.VERIFICATION_METHOD: VerificationMethod,
    Vocabulary.DISCLOSURE_SCOPE: DisclosureScope,
    Vocabulary.EXCLUDED_CATEGORY: ExcludedCategory,
    Vocabulary.COMPLAINT_KIND: ComplaintKind,
    Vocabulary.CREDIT_BEHAVIOUR: Behaviour,
}


@pytest.mark.parametrize("vocabulary", list(ENUMS))
def test_every_enum_value_is_a_term_with_its_label_in_its_order(vocabulary):
    expected = [(v, str(label)) for v, label in ENUMS[vocabulary].choices if v != ""]
    assert reader.choices(vocabulary) == expected
    assert all(row.active for row in reader.terms(vocabulary, include_retired=True))


def test_a_record_saved_with_each_old_value_reads_the_same_label(editor_a, dept_a):
    for value, label in MatterType.choices:
        item = make_item(editor_a, dept_a, matter_type=value)
        assert item.get_matter_type_display() == label
    for value, label in FocusArea.choices:
        assert make_item(editor_a, dept_a, focus_area=value).get_focus_area_display() == label
    for value, label in ExcludedCategory.choices:
        item = make_item(editor_a, dept_a, excluded_category=value)
        assert item.get_excluded_category_display() == label  # "" reads 不属于排除情形
    for value, label in VerificationMethod.choices:
        item = make_item(editor_a, dept_a, verification_method=value)
        assert item.get_verification_method_display() == label
    for value, label in LegalLevel.choices:
        bases = [{"name": "《某法》", "legal_level": value}]
        basis = make_item(editor_a, dept_a, legal_bases=bases).legal_bases.get()
        assert basis.get_legal_level_display() == label
    assert dept_a.get_kind_display() == DepartmentKind(dept_a.kind).label


def test_the_legal_precedence_is_the_order_of_the_legal_levels():
    ranks = [reader.precedence(Vocabulary.LEGAL_LEVEL, level) for level in LegalLevel.values]
    assert ranks == sorted(ranks)
    assert reader.precedence(Vocabulary.LEGAL_LEVEL, "") == len(LegalLevel.values)


def test_an_emptied_table_gets_the_default_terms_back_after_migrate():
    Term.objects.all().delete()
    seed_defaults(using="default")
    assert reader.label(Vocabulary.FOCUS_AREA, "household") == "户籍管理"
    assert Term.objects.count() == sum(
        len([v for v in enum.values if v != ""]) for enum in ENUMS.values()
    )


def test_deleted_terms_stay_deleted_when_the_table_still_holds_terms():
    Term.objects.filter(vocabulary=Vocabulary.MATTER_TYPE, code="award").delete()
    seed_defaults(using="default")
    assert not Term.objects.filter(vocabulary=Vocabulary.MATTER_TYPE, code="award").exists()
