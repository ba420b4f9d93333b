from django.apps import AppConfig


class RegisterConfig(AppConfig):
    """The contract register: suppliers, contracts, their history and the imports that fed them."""

    name = "insource.register"
    label = "register"
    verbose_name = "Register"

    def ready(self):
        from insource.register import receivers

        receivers.connect()
