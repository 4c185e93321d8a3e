from django.urls import path

from . import edits, milestone_edits, views, workstream_edits

app_name = "charters"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:code>/", views.detail, name="detail"),
    path("<str:code>/edit/", edits.charter_edit, name="edit"),
    path("<str:code>/workstreams/add/", workstream_edits.workstream_add, name="workstream_add"),
    path(
        "<str:code>/workstreams/<int:pk>/edit/",
        workstream_edits.workstream_edit,
        name="workstream_edit",
    ),
    path(
        "<str:code>/workstreams/<int:pk>/remove/",
        workstream_edits.workstream_remove,
        name="workstream_remove",
    ),
    path("<str:code>/milestones/add/", milestone_edits.milestone_add, name="milestone_add"),
    path(
        "<str:code>/milestones/<int:pk>/edit/",
        milestone_edits.milestone_edit,
        name="milestone_edit",
    ),
    path(
        "<str:code>/milestones/<int:pk>/remove/",
        milestone_edits.milestone_remove,
        name="milestone_remove",
    ),
    # Key deliverables and evidence-of-success measures: kind is "deliverables" or "measures".
    path("<str:code>/<str:kind>/add/", edits.item_add, name="item_add"),
    path("<str:code>/<str:kind>/<int:pk>/edit/", edits.item_edit, name="item_edit"),
    path("<str:code>/<str:kind>/<int:pk>/remove/", edits.item_remove, name="item_remove"),
]
