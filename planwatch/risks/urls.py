from django.urls import path

from . import edit_views, views

app_name = "risks"
urlpatterns = [
    path("", views.register, name="register"),
    path("new/", edit_views.risk_create, name="create"),
    path("<int:pk>/", views.risk_detail, name="detail"),
    path("<int:pk>/edit/", edit_views.risk_edit, name="edit"),
    path("<int:pk>/review/", edit_views.risk_review, name="review"),
    path("heatmap/", views.heatmap, name="heatmap"),
    path("matrix/", views.matrix, name="matrix"),
    path("actions/", views.action_scores, name="action_scores"),
    path("actions/<str:ref>/score/", edit_views.action_score, name="action_score"),
]
