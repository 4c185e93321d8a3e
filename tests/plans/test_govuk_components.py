"""GOV.UK components render from one cached Jinja environment, exactly as the package would."""

import jinja2
import pytest
from django.template import Context, Template
from govuk_frontend_django.components.base import GovUKComponent
from govuk_frontend_django.components.button import GovUKButton
from govuk_frontend_django.components.details import GovUKDetails
from govuk_frontend_django.components.error_summary import (
    ErrorSummaryErrorlist,
    GovUKErrorSummary,
)
from govuk_frontend_django.components.pagination import GovUKPagination, PaginationNext

from planwatch.plans import govuk_components


def _components() -> list[GovUKComponent]:
    return [
        GovUKButton(text="Save <draft>", preventDoubleClick=True, attributes={"data-x": "1"}),
        GovUKDetails(summaryText="What the ratings mean", html="<p>Complete</p>", open=None),
        GovUKErrorSummary(
            titleText="There is a problem",
            errorList=[ErrorSummaryErrorlist(text="Enter a status", href="#id_status")],
        ),
        GovUKPagination(next=PaginationNext(href="?page=2"), landmarkLabel="results"),
    ]


@pytest.fixture
def compiles(monkeypatch) -> list[int]:
    calls = [0]
    original = jinja2.Environment.compile

    def counting(self, *args, **kwargs):
        calls[0] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return calls


def test_planwatch_renders_every_component_exactly_as_the_package_does():
    for component in _components():
        assert str(component) == govuk_components.PACKAGE_RENDER(component), component


def test_the_package_render_is_replaced_once_the_app_has_loaded():
    assert GovUKComponent.render is govuk_components.render
    assert GovUKButton(text="Go").__html__() == govuk_components.render(GovUKButton(text="Go"))


def test_a_component_rendered_again_compiles_no_template(compiles):
    for component in _components():
        str(component)
    first = compiles[0]

    for component in _components():
        str(component)

    assert compiles[0] == first


def test_a_django_template_tag_component_is_compiled_once_per_process(compiles):
    page = Template(
        "{% load govuk_frontend_django %}"
        '{% gds_details summaryText="Why" text="Because" %}{% endgds_details %}'
    )
    page.render(Context())
    first = compiles[0]

    html = page.render(Context())

    assert compiles[0] == first
    assert 'class="govuk-details"' in html


def test_one_environment_serves_every_component():
    assert govuk_components.environment() is govuk_components.environment()
    assert govuk_components.environment().auto_reload is False
