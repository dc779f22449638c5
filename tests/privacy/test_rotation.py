"""`manage.py rotate_privacy_keys` re-encrypts every registered column (tables and their
history) under the first key and recomputes the lookup hashes under the current hash key."""

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command

from commitments.letters.services import letter_register
from commitments.models import CommitmentLetter
from complaints.models import Complaint
from privacy.crypto import lookup_hash
from privacy.registry import filter_equal

from ..complaints.helpers import file_complaint
from ..letters.helpers import AGENT_ID, MOBILE, PERSON_ID, TODAY, agent, disclosed_item, person
from .helpers import NEW_HASH_KEY, NEW_KEY, raw_column, raw_text

LETTERS = "publishing_commitmentletter"
LETTER_HISTORY = "publishing_historicalcommitmentletter"


@pytest.fixture
def stored(editor_a, dept_a, reviewer):
    item = disclosed_item(editor_a, dept_a, reviewer)
    letter = letter_register(
        user=editor_a,
        item=item,
        fields=person(**agent()),
        disclose=item.letters_disclosed,
        today=TODAY,
    )
    return letter, file_complaint(dept_a)[0]


def rotate(settings):
    old_key, old_hash_key = settings.PRIVACY_ENCRYPTION_KEYS[0], settings.PRIVACY_HASH_KEY
    settings.PRIVACY_ENCRYPTION_KEYS = [NEW_KEY, old_key]
    settings.PRIVACY_HASH_KEY = NEW_HASH_KEY
    settings.PRIVACY_PREVIOUS_HASH_KEY = old_hash_key
    call_command("rotate_privacy_keys", "--batch-size", "1", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_rotation_re_encrypts_everything_with_the_new_key(settings, stored):
    letter, complaint = stored
    old_token = raw_column(LETTERS, "person_id_number", letter.pk)
    rotate(settings)
    new = Fernet(NEW_KEY)
    for table, column, pk, expected in (
        (LETTERS, "person_id_number", letter.pk, PERSON_ID),
        (LETTERS, "agent_id_number", letter.pk, AGENT_ID),
        (LETTERS, "person_phone", letter.pk, MOBILE),
        (LETTER_HISTORY, "person_id_number", letter.pk, PERSON_ID),
        ("complaints_complaint", "contact_phone", complaint.pk, "13800001111"),
        ("complaints_historicalcomplaint", "contact_email", complaint.pk, "wang@example.com"),
    ):
        token = raw_column(table, column, pk, "id")
        assert new.decrypt(token.encode()).decode() == expected, (table, column)
    assert raw_column(LETTERS, "person_id_number", letter.pk) != old_token
    assert PERSON_ID not in raw_text(LETTERS) + raw_text(LETTER_HISTORY)


def test_rotation_rehashes_with_the_new_hash_key_and_everything_is_still_found(settings, stored):
    letter, complaint = stored
    rotate(settings)
    letter.refresh_from_db()
    assert letter.person_id_hash == lookup_hash(PERSON_ID, kind="id")
    assert letter.history.get().person_id_hash == letter.person_id_hash
    # The old keys are removed once the command has run: everything still reads and is found.
    settings.PRIVACY_ENCRYPTION_KEYS = [NEW_KEY]
    settings.PRIVACY_PREVIOUS_HASH_KEY = ""
    found = filter_equal(CommitmentLetter.objects.all(), "person_id_number", PERSON_ID.lower())
    assert list(found) == [letter]
    assert found.get().agent_id_number == AGENT_ID
    assert letter.history.get().person_phone == MOBILE
    complaint = filter_equal(Complaint.objects.all(), "contact_phone", "13800001111").get()
    assert complaint.contact_email == "wang@example.com"
    assert complaint.history.get().contact_phone == "13800001111"


def test_rotation_can_be_run_again_without_harm(settings, stored):
    letter, _ = stored
    rotate(settings)
    rotate(settings)  # interrupted or repeated: the same result
    settings.PRIVACY_ENCRYPTION_KEYS = [NEW_KEY]
    letter = CommitmentLetter.objects.get(pk=letter.pk)
    assert letter.person_id_number == PERSON_ID
    assert letter.person_id_hash == lookup_hash(PERSON_ID, kind="id")
