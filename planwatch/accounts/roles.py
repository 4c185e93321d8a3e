"""The roles people hold in running the plan, as Django groups.

PMO officers run the cycle and edit the plan (and so get the admin site); approvers decide
change control; update owners report on their actions; viewers (Cabinet members,
Commissioners, auditors) only read.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

PMO = "PMO officer"
APPROVER = "Approver"
UPDATE_OWNER = "Update owner"
VIEWER = "Viewer"
ROLES = (PMO, APPROVER, UPDATE_OWNER, VIEWER)

# What each role may change through Django's admin, by app label; everything else is read-only.
# PMO officers keep the corporate risk matrix (its definitions and bands) in the admin site.
EDITABLE_APPS = {PMO: ("plans", "imports", "risks")}


@transaction.atomic
def roles_ensure() -> dict[str, Group]:
    groups = {}
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        apps = EDITABLE_APPS.get(role, ())
        group.permissions.set(Permission.objects.filter(content_type__app_label__in=apps))
        groups[role] = group
    return groups
