from django.apps import AppConfig


class AlertsConfig(AppConfig):
    """News when something happens: the events residents can follow (an authority, a service,
    a contract), email alerts with double opt-in, Atom and iCalendar feeds (ADR 0037)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "insource.alerts"
    verbose_name = "Alerts"

    def ready(self):
        from insource.alerts import panels, receivers

        receivers.connect()
        panels.register()
