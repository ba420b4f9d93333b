from django.apps import AppConfig


class OversightConfig(AppConfig):
    """The audit committee: what is late or blocked across reviews, standards, information
    requests and transition plans, on one page per authority."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "insource.oversight"
    verbose_name = "Oversight"

    def ready(self) -> None:
        from insource.oversight.panels import register_panels

        register_panels()
