from django.apps import AppConfig


class AppraisalConfig(AppConfig):
    """Options appraisal: the in-house comparator with its uncertainty (issue 7)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "insource.appraisal"
    verbose_name = "Options appraisal"

    def ready(self):
        from insource.appraisal.panels import register_panels

        register_panels()
