from django.apps import AppConfig


class InhouseConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "insource.inhouse"
    verbose_name = "In-house services"

    def ready(self):
        from insource.inhouse.panels import register_panels

        register_panels()
