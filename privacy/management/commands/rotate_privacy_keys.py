"""Re-encrypt every registered personal-data column with the first key and recompute lookup hashes.

Operator procedure (docs/deployment.md, ADR 017): put the new Fernet key first in
PRIVACY_ENCRYPTION_KEYS (keep the old ones after it) and/or set the new PRIVACY_HASH_KEY with
the old one in PRIVACY_PREVIOUS_HASH_KEY, restart, run this command, then remove the old keys.
"""

from django.core.management.base import BaseCommand

from privacy.registry import historical_model, registered, rotate_model


class Command(BaseCommand):
    help = "用当前密钥重新加密全部个人信息字段并重新计算查找哈希（可重复执行）。"

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size, **options):
        total = 0
        for spec in registered():
            models = [spec.model]
            history = historical_model(spec.model)
            if history is not None:
                models.append(history)
            for model in models:
                count = rotate_model(model, spec, batch_size=batch_size)
                total += count
                self.stdout.write(f"{model._meta.label}: {count} 行已重新加密")
        self.stdout.write(self.style.SUCCESS(f"完成：共 {total} 行。"))
