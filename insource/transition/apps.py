from django.apps import AppConfig


class TransitionConfig(AppConfig):
    """Bringing a service home: the transition plan made when an in-house decision is signed,
    its milestones, the transferring workforce and the consultation log (issue 16)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "insource.transition"
    verbose_name = "Transition"

    def ready(self) -> None:
        from insource.reviews.signals import decision_signed
        from insource.transition import receivers
        from insource.transition.panels import register_panels

        register_panels()
        decision_signed.connect(receivers.plan_open_on_signing, dispatch_uid="transition.plan")
