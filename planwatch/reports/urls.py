from django.urls import path

from planwatch.reports.theme_summary import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("theme-summary/", views.theme_summary, name="theme_summary"),
    path(
        "theme-summary/<str:code>/narratives/",
        views.narratives_edit,
        name="narratives_edit",
    ),
]
