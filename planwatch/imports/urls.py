from django.urls import path

from . import views

app_name = "imports"
urlpatterns = [
    path("data-quality/", views.data_quality, name="data_quality"),
    path("tracker.xlsx", views.tracker_export, name="tracker_export"),
]
