"""GOV.UK components rendered from one Jinja environment per process, compiled once.

govuk-frontend-django renders each component by building a new `jinja2.Environment` and
compiling a small template that imports the component's macro, every time: about 80 % of the
action page's server time went on compiling the same few templates again. The package has no
hook for its environment, so `install()` replaces `GovUKComponent.render` with this one, which
does exactly what the package's does (same loader, autoescaping, data cleaning, markup) but
from a shared environment and a cache of compiled templates. The package's templates never
change while the process runs, so the environment does not check their files for changes.

Pinned against govuk-frontend-django 0.22.0; `tests/plans/test_govuk_components.py` fails if
the package's own render stops matching this one's output, and the recorded pages in
`tests/project/test_page_html_unchanged.py` prove no page changed.
"""

from functools import cache
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from govuk_frontend_django.components.base import GovUKComponent
from jinja2 import (
    ChoiceLoader,
    Environment,
    PackageLoader,
    PrefixLoader,
    Template,
    select_autoescape,
)

PACKAGE_RENDER = GovUKComponent.render


@cache
def environment() -> Environment:
    loader = ChoiceLoader(
        [PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")})]
    )
    return Environment(loader=loader, autoescape=select_autoescape(), auto_reload=False)


@cache
def compiled(source: str) -> Template:
    return environment().from_string(source)


def _none_removed(data: Any) -> None:
    # The macros test "is defined", so a key holding None must be absent, as the package does.
    if isinstance(data, list):
        for item in data:
            _none_removed(item)
    elif isinstance(data, dict):
        for key, value in list(data.items()):
            if value is None:
                del data[key]
            elif isinstance(value, dict | list):
                _none_removed(value)


def render(
    self: GovUKComponent,
    template_name: str | None = None,
    context: Any = None,
    renderer: Any = None,
    component_data: dict | None = None,
) -> SafeString:
    data = self.__dict__.copy()
    if component_data:
        data.update(component_data)
    _none_removed(data)
    return mark_safe(compiled(self.build_jinja_template()).render(data=data))


def install() -> None:
    GovUKComponent.render = render
    GovUKComponent.__str__ = render
    GovUKComponent.__html__ = render
