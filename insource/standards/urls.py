"""Contract managers' pages, mounted at /standards/."""

from django.urls import path

from insource.standards.model_contract.urls import urlpatterns as model_contract_urls
from insource.standards.monitoring import views as monitoring_views
from insource.standards.notices import views as notice_views
from insource.standards.payroll import views

app_name = "standards"
urlpatterns = [
    path("", monitoring_views.mine, name="mine"),
    path("<str:code>/", monitoring_views.authority_list, name="authority"),
    path("<str:code>/contracts/<int:pk>/", monitoring_views.contract_page, name="contract"),
    path("<str:code>/contracts/<int:pk>/record/", monitoring_views.record, name="record"),
    path("<str:code>/contracts/<int:pk>/payroll/", views.payroll, name="payroll"),
    path("<str:code>/payroll/<int:pk>/", views.payroll_return, name="payroll-return"),
    path("<str:code>/notices/pipeline/", notice_views.pipeline_notice, name="pipeline-notice"),
    path("<str:code>/contracts/<int:pk>/notices/", notice_views.contract_notices, name="notices"),
    path(
        "<str:code>/contracts/<int:pk>/notices/<str:kind>/",
        notice_views.contract_notice,
        name="notice",
    ),
    *model_contract_urls,
]
