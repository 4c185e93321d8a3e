from django.urls import path

from . import period_views

app_name = "period_reports"
urlpatterns = [
    path("cabinet/", period_views.cabinet, name="cabinet"),
    path("commissioners/", period_views.commissioners, name="commissioners"),
]
