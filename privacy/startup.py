"""Key settings read from the environment; production refuses to start without valid keys.

Imported by cms/settings/production.py (no Django models here)."""

from collections.abc import Mapping

from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

# Published in the repository for development and tests only; production refuses them.
DEV_ENCRYPTION_KEY = "ZGV2LW9ubHktcHJpdmFjeS1rZXktbm90LXNlY3JldCE="
DEV_HASH_KEY = "dev-only-privacy-hash-key-not-secret-0123456789"
TEST_ENCRYPTION_KEY = "dGVzdC1vbmx5LXByaXZhY3kta2V5LW5vdC1zZWNyZXQ="
TEST_HASH_KEY = "test-only-privacy-hash-key-not-secret-0123456789"
PUBLISHED_KEYS = {DEV_ENCRYPTION_KEY, DEV_HASH_KEY, TEST_ENCRYPTION_KEY, TEST_HASH_KEY}
MIN_HASH_KEY_LENGTH = 32


def key_problems(encryption_keys, hash_key: str, previous_hash_key: str = "") -> list[str]:
    """What is wrong with these keys for production (in Chinese); [] when they may be used."""
    problems = []
    if not encryption_keys:
        problems.append("未设置 PRIVACY_ENCRYPTION_KEYS（逗号分隔的 Fernet 密钥）。")
    for position, key in enumerate(encryption_keys, start=1):
        try:
            Fernet(key)
        except (ValueError, TypeError):
            problems.append(f"PRIVACY_ENCRYPTION_KEYS 第 {position} 个密钥不是有效的 Fernet 密钥。")
        if key in PUBLISHED_KEYS:
            problems.append(
                f"PRIVACY_ENCRYPTION_KEYS 第 {position} 个密钥是仓库中公开的开发/测试密钥。"
            )
    if len(set(encryption_keys)) != len(encryption_keys):
        problems.append("PRIVACY_ENCRYPTION_KEYS 中有重复的密钥。")
    if not hash_key:
        problems.append("未设置 PRIVACY_HASH_KEY（查找哈希密钥）。")
    elif len(hash_key) < MIN_HASH_KEY_LENGTH:
        problems.append(f"PRIVACY_HASH_KEY 至少需要 {MIN_HASH_KEY_LENGTH} 个字符。")
    elif hash_key in PUBLISHED_KEYS:
        problems.append("PRIVACY_HASH_KEY 是仓库中公开的开发/测试密钥。")
    if previous_hash_key and previous_hash_key == hash_key:
        problems.append("PRIVACY_PREVIOUS_HASH_KEY 与 PRIVACY_HASH_KEY 相同。")
    return problems


def keys_from_environment(environ: Mapping[str, str]) -> dict:
    """The PRIVACY_* settings from the environment; raises ImproperlyConfigured when unusable."""
    keys = [k.strip() for k in environ.get("PRIVACY_ENCRYPTION_KEYS", "").split(",") if k.strip()]
    hash_key = environ.get("PRIVACY_HASH_KEY", "").strip()
    previous = environ.get("PRIVACY_PREVIOUS_HASH_KEY", "").strip()
    problems = key_problems(keys, hash_key, previous)
    if problems:
        raise ImproperlyConfigured(
            "生产环境拒绝启动：个人信息加密密钥配置有误。"
            + " ".join(problems)
            + " 生成方法见 docs/deployment.md。"
        )
    return {
        "PRIVACY_ENCRYPTION_KEYS": keys,
        "PRIVACY_HASH_KEY": hash_key,
        "PRIVACY_PREVIOUS_HASH_KEY": previous,
    }
