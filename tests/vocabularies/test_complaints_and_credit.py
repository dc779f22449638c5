"""Complaint kinds and credit behaviours follow their terms: the public complaint form offers
the active kinds by their labels and refuses a retired one; the credit form offers the active
behaviours; a record reads its behaviour's current label. And every process sees a change made
in another one once it compares generations."""

import pytest
from django.core.cache import cache

from catalog.models import Department
from complaints.enums import ComplaintKind
from complaints.models import Complaint
from credit.enums import Behaviour
from credit.forms import RecordForm
from vocabularies import reader
from vocabularies.enums import Vocabulary
from vocabularies.models import Term

from ..complaints.test_public_form import FORM, post_data
from ..factories import make_department
from .conftest import add_term, relabel, retire

pytestmark = pytest.mark.django_db


def test_the_public_complaint_form_offers_the_active_kinds_by_their_labels(client):
    relabel(Vocabulary.COMPLAINT_KIND, ComplaintKind.CIRCULAR_PROOF, "重复证明、循环证明")
    retire(Vocabulary.COMPLAINT_KIND, ComplaintKind.FORM_NOT_SENT)
    add_term(Vocabulary.COMPLAINT_KIND, "fee_demanded", "违规收费")
    page = client.get(FORM).content.decode()
    assert "重复证明、循环证明" in page and "循环证明、重复证明" not in page
    assert "未按期送达告知承诺书" not in page
    assert 'value="fee_demanded"' in page


def test_a_retired_complaint_kind_is_refused_and_a_new_one_filed(client):
    department = make_department("公安局")
    retire(Vocabulary.COMPLAINT_KIND, ComplaintKind.FORM_NOT_SENT)
    add_term(Vocabulary.COMPLAINT_KIND, "fee_demanded", "违规收费")
    refused = client.post(FORM, post_data(department, kind=ComplaintKind.FORM_NOT_SENT))
    assert refused.status_code == 400  # the form again, with the error
    assert "请选择投诉举报的类型" in refused.content.decode() or "选择一个有效的选项" in (
        refused.content.decode()
    )
    assert not Complaint.objects.exists()
    filed = client.post(FORM, post_data(department, kind="fee_demanded"))
    assert filed.status_code == 302
    assert Complaint.objects.get().get_kind_display() == "违规收费"


def test_the_credit_form_offers_the_active_behaviours_and_records_read_the_label():
    retire(Vocabulary.CREDIT_BEHAVIOUR, Behaviour.UNFULFILLED)
    relabel(Vocabulary.CREDIT_BEHAVIOUR, Behaviour.FALSE_COMMITMENT, "提供虚假承诺")
    form = RecordForm(departments=Department.objects.none())
    offered = dict(form.fields["behaviour"].choices)
    assert offered == {
        "": "请选择",
        "false_commitment": "提供虚假承诺",
        "seriously_untrue": "承诺严重不实",
    }


def test_another_process_sees_a_change_once_it_compares_generations():
    assert reader.label(Vocabulary.MATTER_TYPE, "award") == "行政奖励"
    # another process relabels (no signal here) and bumps the generation on commit
    Term.objects.filter(vocabulary=Vocabulary.MATTER_TYPE, code="award").update(label="奖励")
    assert reader.label(Vocabulary.MATTER_TYPE, "award") == "行政奖励"  # within the second
    cache.set(reader.GENERATION_KEY, cache.get(reader.GENERATION_KEY, 0) + 1, None)
    reader._snapshot.checked -= reader.CHECK_SECONDS  # a second later
    assert reader.label(Vocabulary.MATTER_TYPE, "award") == "奖励"
