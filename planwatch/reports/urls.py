from django.urls import path

from planwatch.reports import edition_views
from planwatch.reports.theme_summary import settings_views, views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("theme-summary/", views.theme_summary, name="theme_summary"),
    path("theme-summary/layout/", settings_views.layout_set, name="layout_set"),
    path("theme-summary/thresholds/", settings_views.thresholds_edit, name="thresholds"),
    path("editions/", edition_views.editions, name="editions"),
    path("editions/<int:pk>/public/", edition_views.edition_make_public, name="edition_public"),
    path("editions/<int:pk>/withdraw/", edition_views.edition_withdraw, name="edition_withdraw"),
    path("editions/<int:pk>/<str:fmt>/", edition_views.edition_file, name="edition_file"),
    path(
        "theme-summary/<str:code>/status/",
        settings_views.theme_status_edit,
        name="theme_status_edit",
    ),
    path(
        "theme-summary/<str:code>/cells/",
        settings_views.cell_texts_edit,
        name="cell_texts_edit",
    ),
    path(
        "theme-summary/<str:code>/narratives/",
        views.narratives_edit,
        name="narratives_edit",
    ),
]
