from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The real demonstration register shipped with Insource, and the `insource demo` command."""

    name = "insource.demo"
    label = "demo"
    verbose_name = "Demo"
