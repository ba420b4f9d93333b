"""Contract managers' pages, mounted at /standards/."""

from django.urls import path

from insource.standards import views

app_name = "standards"
urlpatterns = [
    path("<str:code>/contracts/<int:pk>/payroll/", views.payroll, name="payroll"),
    path("<str:code>/payroll/<int:pk>/", views.payroll_return, name="payroll-return"),
]
