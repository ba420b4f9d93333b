from django.apps import AppConfig


class PlacesConfig(AppConfig):
    """Total Place (issue 20, ADR 0043): a saved set of local authority areas and every public
    body in the register that is in or serves it, their contracts side by side, and an
    estimate of what joining up could save, as a range with its cited assumptions."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "insource.places"
    verbose_name = "Places"
