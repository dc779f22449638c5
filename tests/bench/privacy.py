"""Cost of the personal-data protection (ADR 017), per field.

Run ``python -m tests.bench.privacy`` (``make bench``). No database: it times the three
operations a letter's registration adds for each of its identity numbers and phones, with the
test settings' keys, and prints one ``name value unit`` line per figure on stdout:

- ``privacy_encrypt_field_us``: ``privacy.crypto.encrypt`` of an 18-character ID number
  (Fernet: AES-128-CBC + HMAC-SHA256, base64), mean over ``N`` calls.
- ``privacy_decrypt_field_us``: ``privacy.crypto.decrypt`` of that token.
- ``privacy_lookup_hash_us``: ``privacy.crypto.lookup_hash(kind="id")`` (normalisation + HMAC).
- ``privacy_decrypt_field_two_keys_us``: decrypting a token of the second key while a rotation
  is under way (MultiFernet tries the first key, then the second).

A letter has up to six encrypted fields and six hashes, so its registration pays about
6 × (encrypt + hash); reading a letter's detail page pays up to 6 × decrypt. The lookup over a
large register (``credit_lookup_p95_ms``) is measured by the credit register's own bench.
"""

import os
import sys
import time

N = 20_000


def log(message):
    print(message, file=sys.stderr, flush=True)


def mean_us(function, argument, n=N) -> float:
    start = time.perf_counter()
    for _ in range(n):
        function(argument)
    return (time.perf_counter() - start) / n * 1e6


def main():
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    import django

    django.setup()
    from cryptography.fernet import Fernet
    from django.conf import settings

    from privacy.crypto import decrypt, encrypt, lookup_hash

    number = "152922198001010007"
    token = encrypt(number)
    log(f"timing {N} calls each")
    figures = {
        "privacy_encrypt_field_us": mean_us(encrypt, number),
        "privacy_decrypt_field_us": mean_us(decrypt, token),
        "privacy_lookup_hash_us": mean_us(lambda v: lookup_hash(v, kind="id"), number),
    }
    settings.PRIVACY_ENCRYPTION_KEYS = [
        Fernet.generate_key().decode(),
        *settings.PRIVACY_ENCRYPTION_KEYS,
    ]
    figures["privacy_decrypt_field_two_keys_us"] = mean_us(decrypt, token)
    for name, value in figures.items():
        print(f"{name} {value:.1f} us", flush=True)


if __name__ == "__main__":
    main()
