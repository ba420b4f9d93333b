from django.apps import AppConfig


class WealthConfig(AppConfig):
    """Community wealth: local, SME and VCSE shares of spend, local jobs, an LM3 estimate
    (issue 7)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "insource.wealth"
    verbose_name = "Community wealth"

    def ready(self):
        from insource.wealth.panels import register_panels

        register_panels()
