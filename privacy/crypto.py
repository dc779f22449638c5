"""Encryption at rest and keyed lookup hashes (ADR 017).

`encrypt` / `decrypt` use `cryptography`'s MultiFernet over settings.PRIVACY_ENCRYPTION_KEYS: the
first key encrypts, every listed key decrypts, so a new key can be put in front while the rows
still encrypted with the old one are re-encrypted (`manage.py rotate_privacy_keys`).

`lookup_hash` is an HMAC-SHA256 keyed by settings.PRIVACY_HASH_KEY over "kind:normalized value":
equal values give equal hashes, so a column of hashes can be searched exactly, and without the
key nobody can test guessed ID numbers against it.
"""

import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from . import normalize

NORMALIZERS = {
    "id": normalize.identity_number,
    "phone": normalize.phone,
    "email": normalize.email,
}


class DecryptionError(ValueError):
    """A stored token that none of the configured keys opens."""


def _encryption_keys() -> tuple[str, ...]:
    keys = getattr(settings, "PRIVACY_ENCRYPTION_KEYS", None) or []
    if isinstance(keys, str):
        keys = keys.split(",")
    keys = tuple(k.strip() for k in keys if k and k.strip())
    if not keys:
        raise ImproperlyConfigured("未配置 PRIVACY_ENCRYPTION_KEYS（个人信息加密密钥）。")
    return keys


@lru_cache(maxsize=8)
def _multifernet(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured(
            "PRIVACY_ENCRYPTION_KEYS 中有无效的 Fernet 密钥"
            "（应为 32 字节的 URL 安全 Base64 编码）。"
        ) from error


def fernet() -> MultiFernet:
    return _multifernet(_encryption_keys())


def encrypt(text: str) -> str:
    """The Fernet token of `text` under the first key; "" stays ""."""
    if text is None or text == "":
        return text
    return fernet().encrypt(str(text).encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    """The plain text of a token made by any configured key; "" stays ""."""
    if token is None or token == "":
        return token
    try:
        return fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeEncodeError) as error:
        raise DecryptionError(
            "无法解密已存储的个人信息：没有任何已配置的 PRIVACY_ENCRYPTION_KEYS 能打开它"
            "（是否在轮换完成前移除了旧密钥？）"
        ) from error


def is_current(token: str) -> bool:
    """Whether `token` was made by the first (current) key."""
    if not token:
        return True
    try:
        Fernet(_encryption_keys()[0]).decrypt(token.encode("ascii"))
    except InvalidToken:
        return False
    return True


def _hash_with(key: str, value: str, kind: str) -> str:
    try:
        normalizer = NORMALIZERS[kind]
    except KeyError:
        raise ValueError(
            f"unknown lookup hash kind {kind!r}; one of {sorted(NORMALIZERS)}"
        ) from None
    normalized = normalizer(value or "")
    if not normalized:
        return ""
    message = f"{kind}:{normalized}".encode()
    return hmac.new(key.encode("utf-8"), message, hashlib.sha256).hexdigest()


def _hash_key() -> str:
    key = getattr(settings, "PRIVACY_HASH_KEY", "") or ""
    if not key:
        raise ImproperlyConfigured("未配置 PRIVACY_HASH_KEY（个人信息查找哈希密钥）。")
    return key


def lookup_hash(value: str, *, kind: str) -> str:
    """Hex HMAC-SHA256 of f"{kind}:{normalized value}" under PRIVACY_HASH_KEY; "" for empty."""
    return _hash_with(_hash_key(), value, kind)


def lookup_hashes(value: str, *, kind: str) -> list[str]:
    """The hashes a stored row may carry for `value`: under the current key and, while a hash-key
    rotation is under way, under PRIVACY_PREVIOUS_HASH_KEY. Filter with `<column>__in`."""
    hashes = [lookup_hash(value, kind=kind)]
    previous = getattr(settings, "PRIVACY_PREVIOUS_HASH_KEY", "") or ""
    if previous and previous != _hash_key():
        hashes.append(_hash_with(previous, value, kind))
    return [h for h in hashes if h]
