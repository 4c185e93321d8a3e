from django.urls import path

from planwatch.reports.period import views

app_name = "period_reports"
urlpatterns = [
    path("cabinet/", views.cabinet, name="cabinet"),
    path("commissioners/", views.commissioners, name="commissioners"),
]
