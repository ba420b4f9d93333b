from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Officer sign-in: throttled passwords, authenticator codes, the pages around them."""

    name = "insource.accounts"
    label = "accounts"
    verbose_name = "Accounts"
