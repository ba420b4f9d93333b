"""Values every page needs: service name and the demonstration-data notice."""

from django.conf import settings


def site(request):
    return {
        "service_name": settings.INSOURCE_SERVICE_NAME,
        "is_demo": settings.INSOURCE_DEMO,
    }
