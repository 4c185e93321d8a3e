from django.urls import path

from . import views

app_name = "evidence"
urlpatterns = [
    path("actions/<str:ref>/add/", views.evidence_add, name="add"),
    path("<int:pk>/download/", views.evidence_download, name="download"),
]
