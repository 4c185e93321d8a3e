from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("themes/<str:code>/", views.theme_detail, name="theme"),
    path("actions/", views.action_list, name="action_list"),
    path("actions/<str:ref>/", views.action_detail, name="action_detail"),
]
