"""/api/v1/: the internal API, token-authenticated (`Authorization: Token <key>`)."""

from rest_framework.routers import SimpleRouter

from insource.api.internal import views

router = SimpleRouter()
router.register(r"authorities/(?P<code>[^/]+)/reviews", views.ReviewViewSet, basename="review")
urlpatterns = router.urls
