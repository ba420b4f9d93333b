"""Officer pages of the review workflow, mounted at /reviews/."""

from django.urls import path

from insource.reviews import views
from insource.reviews.comments import officer_views as say_views
from insource.reviews.comments import views as comment_views
from insource.reviews.decisions import departure_views, verification_views
from insource.reviews.decisions import views as decision_views
from insource.reviews.pipeline import views as pipeline_views

app_name = "reviews"
urlpatterns = [
    path("", views.my_authorities, name="mine"),
    path("<str:code>/", views.authority_reviews, name="authority"),
    path("<str:code>/policy/", decision_views.policy_adoption, name="adopt"),
    path(
        "<str:code>/contracts/<int:contract_pk>/open/",
        decision_views.review_open_view,
        name="open",
    ),
    path("<str:code>/<int:pk>/", views.review_detail, name="review"),
    path("<str:code>/<int:pk>/topics/<slug:slug>/", views.review_topic, name="topic"),
    path(
        "<str:code>/<int:pk>/topics/<slug:slug>/evidence/",
        views.evidence_upload,
        name="evidence-upload",
    ),
    path(
        "<str:code>/<int:pk>/evidence/<int:evidence_pk>/",
        views.evidence_download,
        name="evidence-download",
    ),
    path("<str:code>/<int:pk>/comments/", views.comment_add, name="comment"),
    path("<str:code>/<int:pk>/history/", views.review_history, name="history"),
    path("<str:code>/<int:pk>/submit/", decision_views.review_submit_view, name="submit"),
    path("<str:code>/<int:pk>/sign/", decision_views.decision_sign_view, name="sign"),
    path("<str:code>/<int:pk>/return/", departure_views.review_return_view, name="return"),
    path("<str:code>/<int:pk>/publish/", decision_views.decision_publish_view, name="publish"),
    path(
        "<str:code>/<int:pk>/publish/pdf-again/",
        decision_views.decision_pack_remake_view,
        name="pack-remake",
    ),
    path("<str:code>/<int:pk>/advice/", departure_views.departure_advice_view, name="advice"),
    # A say before the decision (ADR 0036): the public's comments on the draft
    path("<str:code>/<int:pk>/public-comments/", say_views.say_page, name="say"),
    path("<str:code>/<int:pk>/public-comments/open/", say_views.say_open, name="say-open"),
    path(
        "<str:code>/<int:pk>/public-comments/considered/",
        say_views.say_considered,
        name="say-considered",
    ),
    path(
        "<str:code>/<int:pk>/public-comments/<int:comment_pk>/",
        say_views.say_moderate,
        name="say-moderate",
    ),
]

public_urlpatterns = [
    path("comments/", comment_views.drafts_open, name="comments"),
    path("comments/<int:pk>/", comment_views.draft, name="comments-draft"),
    path("comments/<int:pk>/sent/", comment_views.comment_sent, name="comments-sent"),
    path("comments/confirm/<str:token>/", comment_views.comment_confirm, name="comment-confirm"),
    path("policy-adoptions/", decision_views.published_adoptions, name="adoptions"),
    path("decisions/<int:pk>/", decision_views.published_decision, name="decision"),
    path("decisions/<int:pk>/pack.pdf", decision_views.published_decision_pdf, name="decision-pdf"),
    path(
        "decisions/<int:pk>/check/",
        verification_views.published_decision_check,
        name="decision-check",
    ),
    path(
        "decisions/<int:pk>/trace.json",
        decision_views.published_decision_trace,
        name="decision-trace",
    ),
]

# The expiry pipeline, mounted with the register's pages at /register/ under the `register`
# namespace (`register:pipeline`): see insource/urls.py.
register_urlpatterns = [
    path("pipeline/", pipeline_views.pipeline, name="pipeline"),
    path("pipeline/results.csv", pipeline_views.pipeline_csv, name="pipeline-csv"),
    path("pipeline/results.xlsx", pipeline_views.pipeline_xlsx, name="pipeline-xlsx"),
]
