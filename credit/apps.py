from django.apps import AppConfig


class CreditConfig(AppConfig):
    name = "credit"
    verbose_name = "信用记录"

    def ready(self):
        from commitments.letters import eligibility
        from commitments.verification import tasks
        from privacy import registry

        from . import exclusion, stricter
        from .models import CreditRecord

        registry.register(
            CreditRecord, encrypted=["id_number"], hashed={"id_hash": ("id_number", "id")}
        )

        eligibility.register(exclusion.credit_refusal)
        tasks.register_method_rule(stricter.stricter_method)
