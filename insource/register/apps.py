from django.apps import AppConfig


class RegisterConfig(AppConfig):
    """The contract register: suppliers, contracts, their history and the imports that fed them."""

    name = "insource.register"
    label = "register"
    verbose_name = "Register"

    def ready(self):
        from insource.core import jobs
        from insource.register import receivers
        from insource.register.feeds.jobs import feed_pulls_lost
        from insource.register.uploads.services import uploads_lost

        receivers.connect()
        jobs.on_lost(uploads_lost)  # tasks whose worker died (ADR 0054)
        jobs.on_lost(feed_pulls_lost)
