"""Normal forms, encryption and keyed lookup hashes (privacy, ADR 017)."""

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from privacy import normalize
from privacy.crypto import DecryptionError, decrypt, encrypt, lookup_hash, lookup_hashes

PERSON_ID = "15292219850101002X"


@pytest.mark.parametrize(
    "typed",
    [
        "15292219850101002x",
        "15292219850101002X",
        " 152922 19850101 002x ",
        "152922-19850101-002X",
        "１５２９２２１９８５０１０１００２ｘ",
        "１５２９２２\u300019850101００２Ｘ",
    ],
)
def test_identity_numbers_typed_any_way_give_the_same_hash(typed):
    assert normalize.identity_number(typed) == PERSON_ID
    assert lookup_hash(typed, kind="id") == lookup_hash(PERSON_ID, kind="id")


@pytest.mark.parametrize(
    "typed",
    [
        "19904831234",
        "199 0483 1234",
        "199-0483-1234",
        "+86 199 0483 1234",
        "0086 19904831234",
        "１９９０４８３１２３４",
    ],
)
def test_phone_numbers_typed_any_way_give_the_same_hash(typed):
    assert normalize.phone(typed) == "19904831234"
    assert lookup_hash(typed, kind="phone") == lookup_hash("19904831234", kind="phone")


def test_a_landline_keeps_its_area_code():
    assert normalize.phone("0483-6029999") == "04836029999"


def test_hashes_differ_by_value_and_by_kind_and_empty_gives_empty():
    assert lookup_hash("152922198001010007", kind="id") != lookup_hash(
        "152922198001010008", kind="id"
    )
    assert lookup_hash("19904831234", kind="id") != lookup_hash("19904831234", kind="phone")
    assert lookup_hash("", kind="id") == lookup_hash(" ", kind="phone") == ""
    assert len(lookup_hash(PERSON_ID, kind="id")) == 64


def test_the_hash_depends_on_the_key(settings):
    before = lookup_hash(PERSON_ID, kind="id")
    settings.PRIVACY_HASH_KEY = "another-hash-key-for-this-test-only-0123456789"
    assert lookup_hash(PERSON_ID, kind="id") != before


def test_during_a_hash_key_rotation_lookups_try_the_previous_key_too(settings):
    old = lookup_hash(PERSON_ID, kind="id")
    settings.PRIVACY_PREVIOUS_HASH_KEY = settings.PRIVACY_HASH_KEY
    settings.PRIVACY_HASH_KEY = "another-hash-key-for-this-test-only-0123456789"
    assert lookup_hashes(PERSON_ID, kind="id") == [lookup_hash(PERSON_ID, kind="id"), old]


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown"):
        lookup_hash(PERSON_ID, kind="passport")


def test_encryption_round_trips_and_never_shows_the_plain_text():
    token = encrypt(PERSON_ID)
    assert PERSON_ID not in token and token != encrypt(PERSON_ID)  # random IV per value
    assert decrypt(token) == PERSON_ID
    assert encrypt("") == "" and decrypt("") == ""
    assert decrypt(encrypt("王女士 wang@example.com")) == "王女士 wang@example.com"


def test_the_first_key_encrypts_and_every_listed_key_decrypts(settings):
    old_token = encrypt(PERSON_ID)
    new_key = Fernet.generate_key().decode()
    settings.PRIVACY_ENCRYPTION_KEYS = [new_key, *settings.PRIVACY_ENCRYPTION_KEYS]
    assert decrypt(old_token) == PERSON_ID
    assert Fernet(new_key).decrypt(encrypt(PERSON_ID).encode()).decode() == PERSON_ID


def test_a_token_of_a_removed_key_is_refused_clearly(settings):
    token = encrypt(PERSON_ID)
    settings.PRIVACY_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(DecryptionError, match="无法解密"):
        decrypt(token)


def test_without_keys_nothing_is_encrypted_or_hashed(settings):
    settings.PRIVACY_ENCRYPTION_KEYS = []
    with pytest.raises(ImproperlyConfigured, match="PRIVACY_ENCRYPTION_KEYS"):
        encrypt(PERSON_ID)
    settings.PRIVACY_HASH_KEY = ""
    with pytest.raises(ImproperlyConfigured, match="PRIVACY_HASH_KEY"):
        lookup_hash(PERSON_ID, kind="id")
