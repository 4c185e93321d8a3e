"""Keeping owner roles and each action's owners in step with the plan's owner cells."""

from collections import Counter, defaultdict

from django.db import transaction

from planwatch.accounts.models import ActionOwner, OwnerCapacity, OwnerRole
from planwatch.domain.owners import match_role, owner_key, split_owner_cell

from .models import Action, Plan

CELLS = (
    ("director_lead", OwnerCapacity.DIRECTOR_LEAD),
    ("cabinet_member", OwnerCapacity.CABINET_MEMBER),
    ("other_leads", OwnerCapacity.OTHER_LEAD),
    ("update_owner", OwnerCapacity.UPDATE_OWNER),
)


def _role_names(actions: list[Action]) -> dict[str, str]:
    """Every role the plan names, keyed, with its most common spelling as the display name."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for action in actions:
        for field, _ in CELLS:
            for name in split_owner_cell(getattr(action, field)):
                spellings[owner_key(name)][name] += 1
    names = {key: counts.most_common(1)[0][0] for key, counts in spellings.items() if key}
    # A name cut short ("Director - Business Strat") is the one full name it starts, if unique.
    full = {
        key: name for key, name in names.items() if match_role(key, _others(names, key)) is None
    }
    return full


def _others(names: dict[str, str], key: str) -> dict[str, str]:
    return {other: name for other, name in names.items() if other != key}


@transaction.atomic
def action_owners_sync(*, plan: Plan) -> int:
    """Create the plan's owner roles and link every action to the roles its cells name.

    Returns the number of action-owner links. People are attached to roles separately
    (admin or `planwatch assign-owner`), so re-running this never removes a holder.
    """
    actions = list(
        Action.objects.filter(plan=plan).only(
            "id", "director_lead", "cabinet_member", "other_leads", "update_owner"
        )
    )
    names = _role_names(actions)
    roles = {role.key: role for role in OwnerRole.objects.filter(plan=plan)}
    for key, name in names.items():
        if key not in roles:
            roles[key] = OwnerRole.objects.create(plan=plan, key=key, name=name)
    links = set()
    for action in actions:
        for field, capacity in CELLS:
            for written in split_owner_cell(getattr(action, field)):
                key = match_role(written, names)
                if key is not None:
                    links.add((action.pk, roles[key].pk, capacity.value))
    current = {
        (action_id, role_id, capacity): pk
        for pk, action_id, role_id, capacity in ActionOwner.objects.filter(
            action__plan=plan
        ).values_list("pk", "action_id", "owner_role_id", "capacity")
    }
    stale = [pk for link, pk in current.items() if link not in links]
    for start in range(0, len(stale), 500):
        ActionOwner.objects.filter(pk__in=stale[start : start + 500]).delete()
    ActionOwner.objects.bulk_create(
        [
            ActionOwner(action_id=a, owner_role_id=r, capacity=c)
            for a, r, c in links - current.keys()
        ],
        batch_size=1000,
    )
    return len(links)
