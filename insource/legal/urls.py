"""Legal support referrals: the team's queue, an authority's referrals, a referral's pages."""

from django.urls import path

from insource.legal import views

app_name = "legal"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("<str:code>/", views.authority_referrals, name="authority"),
    path("<str:code>/contracts/<int:pk>/refer/", views.refer, name="refer"),
    path("<str:code>/<int:pk>/", views.referral, name="referral"),
    path("<str:code>/<int:pk>/accept/", views.accept, name="accept"),
    path("<str:code>/<int:pk>/advise/", views.advise, name="advise"),
    path("<str:code>/<int:pk>/outcome/", views.outcome, name="outcome"),
    path("<str:code>/<int:pk>/documents/<int:doc>/", views.document, name="document"),
]
