"""WSGI entry point (gunicorn insource.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insource.settings")
application = get_wsgi_application()
