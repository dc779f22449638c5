"""`manage.py check`: the privacy keys are configured and usable (published keys in production)."""

from django.core import checks


@checks.register(checks.Tags.security)
def privacy_keys_check(app_configs, **kwargs):
    from django.conf import settings

    from .startup import key_problems

    keys = list(getattr(settings, "PRIVACY_ENCRYPTION_KEYS", None) or [])
    hash_key = getattr(settings, "PRIVACY_HASH_KEY", "") or ""
    previous = getattr(settings, "PRIVACY_PREVIOUS_HASH_KEY", "") or ""
    problems = key_problems(keys, hash_key, previous)
    if not getattr(settings, "PRIVACY_REFUSE_PUBLISHED_KEYS", False):
        # Development and tests use the published keys on purpose.
        problems = [p for p in problems if "公开的" not in p]
    return [
        checks.Error(problem, hint="见 docs/deployment.md「个人信息加密密钥」。", id="privacy.E001")
        for problem in problems
    ]
