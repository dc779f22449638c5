"""A term field: the form offers the active terms (and the record's own retired one), the
label comes from the terms, validation refuses codes the vocabulary lacks; codes never
change; every field holding terms is known, historical models included."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from catalog.enums import FocusArea, MatterType
from catalog.models import CertificateItem, LegalBasis
from catalog.services import item_update
from complaints.models import Complaint
from credit.models import CreditRecord
from vocabularies.enums import Vocabulary
from vocabularies.models import Term
from vocabularies.registry import registry

from ..factories import make_item
from ..test_admin_forms import NS, form_data
from .conftest import add_term, relabel, retire

pytestmark = pytest.mark.django_db


def item_form_choices(client, url, name) -> list[str]:
    form = client.get(url).context["form"]
    return [str(code) for code, _label in form.fields[name].choices]


def test_a_new_matter_type_is_offered_and_saved_through_the_item_form(client, editor_a, dept_a):
    add_term(Vocabulary.MATTER_TYPE, "filing", "行政备案", order=65)  # before 公共服务 (70)
    client.force_login(editor_a)
    choices = item_form_choices(client, reverse(f"{NS}:add"), "matter_type")
    assert choices[-2:] == ["filing", "public_service"]  # in the terms' order
    response = client.post(
        reverse(f"{NS}:add"), form_data(department=dept_a, name="备案证明", matter_type="filing")
    )
    assert response.status_code == 302
    item = CertificateItem.objects.get(name="备案证明")
    assert item.matter_type == "filing"
    assert item.get_matter_type_display() == "行政备案"


def test_a_retired_term_is_not_offered_for_new_records_and_refused(client, editor_a, dept_a):
    retire(Vocabulary.FOCUS_AREA, FocusArea.HEALTH_CHECK)
    client.force_login(editor_a)
    assert FocusArea.HEALTH_CHECK not in item_form_choices(
        client, reverse(f"{NS}:add"), "focus_area"
    )
    response = client.post(
        reverse(f"{NS}:add"),
        form_data(department=dept_a, name="体检证明", focus_area=FocusArea.HEALTH_CHECK),
    )
    assert response.status_code == 200
    assert not CertificateItem.objects.filter(name="体检证明").exists()


def test_a_record_keeping_a_retired_term_shows_it_and_can_still_be_saved(client, editor_a, dept_a):
    item = make_item(editor_a, dept_a, focus_area=FocusArea.HEALTH_CHECK)
    retire(Vocabulary.FOCUS_AREA, FocusArea.HEALTH_CHECK)
    client.force_login(editor_a)
    url = reverse(f"{NS}:edit", args=[item.pk])
    form = client.get(url).context["form"]
    assert (FocusArea.HEALTH_CHECK, "健康体检（已停用）") in list(form.fields["focus_area"].choices)
    data = form_data(item, name="改名后", focus_area=FocusArea.HEALTH_CHECK)
    assert client.post(url, data).status_code == 302
    latest = CertificateItem.objects.get(pk=item.pk).get_latest_revision_as_object()
    assert (latest.name, latest.focus_area) == ("改名后", FocusArea.HEALTH_CHECK)
    assert latest.get_focus_area_display() == "健康体检"
    history = item.history.first()
    assert history.get_focus_area_display() == "健康体检"


def test_the_label_follows_the_term_and_an_unknown_code_reads_as_itself(editor_a, dept_a):
    item = make_item(editor_a, dept_a)
    relabel(Vocabulary.MATTER_TYPE, MatterType.LICENSING, "行政许可事项")
    assert item.get_matter_type_display() == "行政许可事项"
    item.matter_type = "gone"
    assert item.get_matter_type_display() == "gone"


def test_model_validation_refuses_a_code_outside_the_vocabulary(editor_a, dept_a):
    item = make_item(editor_a, dept_a)
    item.matter_type = "gone"
    with pytest.raises(ValidationError) as excinfo:
        item.full_clean()
    assert "matter_type" in excinfo.value.message_dict
    basis = LegalBasis(item=item, name="《某法》", legal_level="constitution")
    with pytest.raises(ValidationError) as excinfo:
        basis.full_clean(exclude=["item", "sort_order"])
    assert "legal_level" in excinfo.value.message_dict


def test_a_services_write_with_a_code_outside_the_vocabulary_is_refused(editor_a, dept_a):
    item = make_item(editor_a, dept_a)
    with pytest.raises(ValidationError):
        item_update(user=editor_a, item=item, fields={"focus_area": "gone"})


def test_a_code_never_changes_and_a_term_never_moves_to_another_vocabulary():
    term = Term.objects.get(vocabulary=Vocabulary.FOCUS_AREA, code="household")
    term.code = "households"
    with pytest.raises(ValidationError) as excinfo:
        term.full_clean()
    assert excinfo.value.message_dict["code"] == ["代码创建后不能修改：记录中保存的是代码。"]
    term.refresh_from_db()
    term.vocabulary = Vocabulary.MATTER_TYPE
    with pytest.raises(ValidationError) as excinfo:
        term.full_clean()
    assert "vocabulary" in excinfo.value.message_dict


@pytest.mark.parametrize(
    ("code", "label", "field", "message"),
    [
        ("Bad-Code", "新领域", "code", "代码只能使用小写英文字母"),
        ("household", "新领域", None, "该词表中已有相同代码的词条。"),
        ("new_area", "户籍管理", None, "该词表中已有相同名称的词条。"),
    ],
)
def test_a_new_term_needs_a_clean_code_and_a_label_unique_in_its_vocabulary(
    code, label, field, message
):
    term = Term(vocabulary=Vocabulary.FOCUS_AREA, code=code, label=label)
    with pytest.raises(ValidationError) as excinfo:
        term.full_clean()
    assert message in str(excinfo.value)


def test_a_new_code_must_fit_the_shortest_column_holding_the_vocabulary():
    term = Term(vocabulary=Vocabulary.VERIFICATION_METHOD, code="a" * 20, label="远程视频核查")
    with pytest.raises(ValidationError) as excinfo:
        term.full_clean()
    assert excinfo.value.message_dict["code"] == ["该词表的代码最长 16 个字符。"]


def test_every_field_holding_terms_is_registered_historical_models_included():
    registered = {
        (u.model._meta.label, u.field_name) for v in Vocabulary for u in registry.for_vocabulary(v)
    }
    assert {
        ("catalog.CertificateItem", "matter_type"),
        ("catalog.HistoricalCertificateItem", "matter_type"),
        ("catalog.LegalBasis", "legal_level"),
        ("catalog.LegalDocument", "legal_level"),
        ("catalog.ServiceGuide", "matter_type"),
        ("catalog.Department", "kind"),
        ("catalog.HistoricalDepartment", "kind"),
        ("commitments.CommitmentLetter", "disclosure_scope"),
        ("commitments.VerificationTask", "method"),
        ("complaints.Complaint", "kind"),
        ("complaints.HistoricalComplaint", "kind"),
        ("credit.CreditRecord", "behaviour"),
        ("credit.GradingRule", "behaviour"),
    } <= registered
    assert Complaint._meta.get_field("kind").vocabulary == Vocabulary.COMPLAINT_KIND
    assert CreditRecord._meta.get_field("behaviour").vocabulary == Vocabulary.CREDIT_BEHAVIOUR
    # migration states and other app registries never register
    assert all(u.model._meta.apps.ready for v in Vocabulary for u in registry.for_vocabulary(v))
