from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home pages: the start page that leads residents to the portal and officers to the
    register."""

    name = "insource.home"
    label = "home"
    verbose_name = "Home"
