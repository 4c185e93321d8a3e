from django.urls import path

from . import upload_views, views

app_name = "imports"
urlpatterns = [
    path("data-quality/", views.data_quality, name="data_quality"),
    path("tracker.xlsx", views.tracker_export, name="tracker_export"),
    path("upload/", upload_views.tracker_upload, name="tracker_upload"),
    path("uploads/<int:pk>/", upload_views.tracker_upload_detail, name="tracker_upload_detail"),
    path(
        "uploads/<int:pk>/confirm/",
        upload_views.tracker_upload_confirm,
        name="tracker_upload_confirm",
    ),
    path(
        "uploads/<int:pk>/cancel/", upload_views.tracker_upload_cancel, name="tracker_upload_cancel"
    ),
    path("runs/<int:pk>/original/", upload_views.import_run_original, name="import_run_original"),
]
