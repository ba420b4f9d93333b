from django.apps import AppConfig


class AuthoritiesConfig(AppConfig):
    """Public bodies that buy: local authorities and every other buyer found in the data."""

    name = "insource.authorities"
    label = "authorities"
    verbose_name = "Authorities"
