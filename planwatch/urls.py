from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

admin.site.site_header = "planwatch administration"
admin.site.site_title = "planwatch"

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="accounts/login.html"),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("imports/", include("planwatch.imports.urls")),
    path("cycles/", include("planwatch.updates.urls")),
    path("changes/", include("planwatch.changes.urls")),
    path("evidence/", include("planwatch.evidence.urls")),
    path("audit/", include("planwatch.audit.urls")),
    path("public/reports/", include("planwatch.reports.public_urls")),
    path("reports/period/", include("planwatch.reports.period.urls")),
    path("reports/", include("planwatch.reports.urls")),
    path("dashboards/", include("planwatch.dashboards.urls")),
    path("traceability/", include("planwatch.traceability.urls")),
    path("risks/", include("planwatch.risks.urls")),
    path("assurance/", include("planwatch.assurance.urls")),
    path("charters/", include("planwatch.charters.urls")),
    path("", include("planwatch.plans.urls")),
]
