from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared plumbing: actors, audit, base templates, static assets."""

    name = "insource.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from insource.core import page_cache

        page_cache.connect()
