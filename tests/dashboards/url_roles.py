from tests.accounts.url_roles import EVERYONE

EXPECTED = {
    "dashboards:index": ({}, EVERYONE, "page"),
}
