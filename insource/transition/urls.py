"""Transition pages, mounted at /transition/."""

from django.urls import path

from insource.transition.views import milestone_templates as template_views
from insource.transition.views import plans as views
from insource.transition.views import workforce as workforce_views

app_name = "transition"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("<str:code>/", views.plans, name="plans"),
    path("<str:code>/grades/", workforce_views.grades, name="grades"),
    path("<str:code>/templates/", template_views.templates, name="templates"),
    path(
        "<str:code>/templates/<slug:service_type>/",
        template_views.template_edit,
        name="template-edit",
    ),
    path("<str:code>/plans/<int:pk>/", views.plan, name="plan"),
    path("<str:code>/plans/<int:pk>/transfer-date/", views.transfer, name="transfer"),
    path("<str:code>/plans/<int:pk>/milestones/new/", views.milestone_new, name="milestone-new"),
    path("<str:code>/plans/<int:pk>/milestones/<int:mid>/", views.milestone, name="milestone"),
    path("<str:code>/plans/<int:pk>/workforce/", workforce_views.workforce, name="workforce"),
    path(
        "<str:code>/plans/<int:pk>/consultation/",
        workforce_views.consultation,
        name="consultation",
    ),
]
