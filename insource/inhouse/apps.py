from django.apps import AppConfig


class InhouseConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "insource.inhouse"
    verbose_name = "In-house services"

    def ready(self) -> None:
        from insource.inhouse import receivers
        from insource.inhouse.panels import register_panels
        from insource.transition.signals import plan_went_live

        register_panels()
        plan_went_live.connect(receivers.service_start_on_go_live, dispatch_uid="inhouse.go_live")
