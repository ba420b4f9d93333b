from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "insource.api"
    label = "api"
    verbose_name = "APIs"
