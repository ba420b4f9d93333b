from django.apps import AppConfig


class StandardsConfig(AppConfig):
    """Minimum standards for contracts that stay outsourced: payroll returns, fair wage, gender
    pay audits, monitoring, the model contract."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "insource.standards"
    verbose_name = "Minimum standards"

    def ready(self):
        from insource.standards.panels import register_panels

        register_panels()
