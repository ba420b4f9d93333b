from django.apps import AppConfig


class NationalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "insource.national"
    verbose_name = "The national view of a service"

    def ready(self) -> None:
        from insource.national.panels import register_panels

        register_panels()
