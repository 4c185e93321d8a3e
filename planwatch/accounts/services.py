from django.contrib.auth import get_user_model
from django.db import transaction

from .roles import PMO, roles_ensure


@transaction.atomic
def user_create_or_reset(
    *, username: str, password: str, role: str | None, full_name: str = "", superuser: bool = False
):
    """Create the user, or reset an existing one to exactly this role and password."""
    groups = roles_ensure()
    user_model = get_user_model()
    user, _ = user_model.objects.get_or_create(username=username)
    first, _, last = full_name.partition(" ")
    user.first_name, user.last_name = first, last
    user.is_superuser = superuser
    user.is_staff = superuser or role == PMO
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    user.groups.set([groups[role]] if role else [])
    return user


@transaction.atomic
def owner_role_assign(*, user, owner_role, is_delegate: bool = False):
    """Let `user` act for an owner role named in the plan (a delegate writes for its holder)."""
    from .models import OwnerRoleHolder

    holding, _ = OwnerRoleHolder.objects.update_or_create(
        owner_role=owner_role, user=user, defaults={"is_delegate": is_delegate}
    )
    return holding
