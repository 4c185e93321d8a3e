from django.urls import path

from planwatch.reports import edition_views
from planwatch.reports.theme_summary import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("theme-summary/", views.theme_summary, name="theme_summary"),
    path("editions/", edition_views.editions, name="editions"),
    path("editions/<int:pk>/<str:fmt>/", edition_views.edition_file, name="edition_file"),
    path(
        "theme-summary/<str:code>/narratives/",
        views.narratives_edit,
        name="narratives_edit",
    ),
]
