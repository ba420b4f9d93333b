from django.apps import AppConfig


class SharingConfig(AppConfig):
    """Sharing work (issue 20, ADR 0045): an authority publishes its options appraisal (cost
    lines without personal data) or a clause version as a template; another authority starts
    its own from it, crediting the source; every reuse is recorded and counted."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "insource.sharing"
    verbose_name = "Sharing work"

    def ready(self):
        from insource.sharing.panels import register_panels

        register_panels()
