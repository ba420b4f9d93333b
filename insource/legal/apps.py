from django.apps import AppConfig


class LegalConfig(AppConfig):
    """Legal support referrals (issue 19): an officer refers a matter about a continuing contract
    or a review to the legal support team, which advises; the outcome is recorded."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "insource.legal"
    verbose_name = "Legal support"

    def ready(self):
        from insource.legal.panels import register_panels

        register_panels()
