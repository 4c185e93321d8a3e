from django.urls import path

from . import views

app_name = "updates"
urlpatterns = [
    path("", views.cycle_list, name="cycle_list"),
    path("open/", views.cycle_open, name="cycle_open"),
    path("mine/", views.my_updates, name="my_updates"),
    path("<int:pk>/", views.cycle_review, name="cycle_review"),
    path("<int:pk>/late/", views.cycle_late, name="cycle_late"),
    path("<int:pk>/close/", views.cycle_close, name="cycle_close"),
    path("<int:pk>/actions/<str:ref>/", views.update_edit, name="update_edit"),
    path("<int:pk>/review/<int:update_pk>/", views.update_review, name="update_review"),
]
