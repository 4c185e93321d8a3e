from django.urls import path

from . import views

app_name = "changes"
urlpatterns = [
    path("", views.change_log, name="log"),
    path("new-action/", views.new_action_raise, name="new_action"),
    path("actions/<str:ref>/raise/", views.action_change_raise, name="raise"),
    path("<int:pk>/", views.request_detail, name="detail"),
    path("<int:pk>/decide/", views.request_decide, name="decide"),
    path("<int:pk>/complete/", views.request_complete, name="complete"),
    path("<int:pk>/withdraw/", views.request_withdraw, name="withdraw"),
]
