"""The model contract's routes, added to the standards app's (namespace `standards`)."""

from django.urls import path

from insource.standards.model_contract import clause_views, views

urlpatterns = [
    path(
        "<str:code>/contracts/<int:pk>/model-contract/",
        views.model_contract,
        name="model-contract",
    ),
    path(
        "<str:code>/contracts/<int:pk>/model-contract/progress.json",
        views.generation_progress,
        name="model-contract-progress",
    ),
    path(
        "<str:code>/model-contracts/<int:pk>/verify/",
        views.verify,
        name="model-contract-verify",
    ),
    path(
        "<str:code>/model-contracts/<int:pk>/<str:fmt>/",
        views.download,
        name="model-contract-download",
    ),
    path("<str:code>/clauses/", clause_views.clauses, name="clauses"),
    path("<str:code>/clauses/new/", clause_views.clause_new, name="clause-new"),
    path(
        "<str:code>/clauses/versions/<int:pk>/", clause_views.clause_version, name="clause-version"
    ),
    path("<str:code>/clauses/<slug:key>/", clause_views.clause, name="clause"),
]
