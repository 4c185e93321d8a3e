import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Evidence files go to a throwaway folder, never the real data directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def retitled(sample_plan, role_users):
    """OC.A1.3 reworded by the PMO after the import, through the versioned save."""
    from planwatch.plans.concurrency import save_versioned
    from planwatch.plans.models import Action

    action = Action.objects.get(ref="OC.A1.3")
    action.title = "Approve the culture document"
    save_versioned(
        action,
        expected_version=action.version,
        fields=["title"],
        user=role_users["pmo"],
        reason="Rewording approved by Leadership Team",
    )
    return action
