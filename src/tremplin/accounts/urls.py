from django.urls import path

from tremplin.accounts.views import business, data, follow, myspace

app_name = "accounts"

urlpatterns = [
    path("mon-espace/", myspace.myspace, name="myspace"),
    path("mon-espace/entreprises/nouvelle/", business.business_create, name="business_create"),
    path("mon-espace/entreprises/<int:pk>/modifier/", business.business_edit, name="business_edit"),
    path(
        "mon-espace/entreprises/<int:pk>/inviter/", business.business_invite, name="business_invite"
    ),
    path(
        "mon-espace/entreprises/<int:pk>/quitter/", business.business_leave, name="business_leave"
    ),
    path("invitation/<str:token>/", business.invitation_accept, name="invitation_accept"),
    path("mon-espace/mes-donnees/", data.my_data, name="my_data"),
    path("mon-espace/mes-donnees/telecharger/", data.my_data_download, name="my_data_download"),
    path("mon-espace/supprimer-mon-compte/", data.account_delete, name="account_delete"),
    path("accompagnements/", follow.follow_list, name="follow_list"),
    path(
        "accompagnements/entreprises/<int:pk>/", follow.followed_business, name="followed_business"
    ),
    path("accompagnements/<int:pk>/<str:action>/", follow.follow_answer, name="follow_answer"),
    path("donnees-personnelles/", data.data_register, name="data_register"),
]
