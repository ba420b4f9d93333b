"""`insource api token USERNAME [--reset]`: create or show a user's internal API token."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insource.api.services import api_token_issue
from insource.core.audit import Actor


class Command(BaseCommand):
    help = "The internal API: create or show a user's token (read-only access to /api/v1/)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        token = sub.add_parser("token", help="create (or show) the user's token")
        token.add_argument("username")
        token.add_argument("--reset", action="store_true", help="replace an existing token")

    def handle(self, *args, **opts):
        user = get_user_model().objects.filter(username=opts["username"]).first()
        if user is None:
            raise CommandError(f"No user called {opts['username']!r}: check the username.")
        if not user.is_active:
            raise CommandError(f"{user.username} is not active: a token would not work.")
        token, created = api_token_issue(
            user=user, reset=opts["reset"], by=Actor.system("api-token"), at=timezone.now()
        )
        self.stderr.write(
            f"{'Created' if created else 'Existing'} token for {user.username}; send it as "
            "'Authorization: Token <key>' to /api/v1/. It reaches only the authorities the user "
            "is a member of."
        )
        self.stdout.write(token.key)
