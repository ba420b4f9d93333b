"""Sharing's officer pages, mounted at /sharing/; the public library under /public/
(`public_urlpatterns`, namespace `shared-work`)."""

from django.urls import path

from insource.sharing import views

app_name = "sharing"
urlpatterns = [
    path("<str:code>/", views.authority, name="authority"),
    path("<str:code>/appraisal/<int:pk>/share/", views.appraisal_publish, name="appraisal-publish"),
    path(
        "<str:code>/appraisal/<int:pk>/from-template/",
        views.appraisal_reuse,
        name="appraisal-reuse",
    ),
    path(
        "<str:code>/clauses/versions/<int:pk>/share/", views.clause_publish, name="clause-publish"
    ),
    path("<str:code>/clauses/from-template/", views.clause_reuse, name="clause-reuse"),
    path("<str:code>/templates/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
]

public_urlpatterns = [
    path("shared-work/", views.library, name="library"),
    path("shared-work/templates.csv", views.library_csv, name="library-csv"),
    path("shared-work/<int:pk>/", views.template_page, name="template"),
]
