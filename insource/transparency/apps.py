from django.apps import AppConfig


class TransparencyConfig(AppConfig):
    """The public side: the portal, information requests and their statutory clock."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "insource.transparency"
    verbose_name = "Transparency"

    def ready(self):
        from insource.transparency.exports.receivers import connect as connect_exports
        from insource.transparency.panels import register_panels
        from insource.transparency.receivers import connect

        register_panels()
        connect()
        connect_exports()
