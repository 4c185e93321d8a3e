"""The period report pages: everyone with a role may read them."""

from tests.accounts.url_roles import EVERYONE

EXPECTED = {
    "period_reports:cabinet": ({}, EVERYONE, "page"),
    "period_reports:commissioners": ({}, EVERYONE, "page"),
}
