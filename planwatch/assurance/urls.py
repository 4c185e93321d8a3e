from django.urls import path

from . import views

app_name = "assurance"
urlpatterns = [
    path("", views.index, name="index"),
    path("flags.csv", views.export_csv, name="export"),
    path("dismiss/", views.dismiss, name="dismiss"),
    path("dismissals/<int:pk>/undo/", views.undo, name="undo"),
]
