from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "supervision"
    verbose_name = "监督检查"
    default_auto_field = "django.db.models.BigAutoField"
