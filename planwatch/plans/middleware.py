"""Each request's figures are counted for the person asking (`plans.counting.figures_for`).

The PMO reviews what owners submit, so its figures count submitted updates as well as
accepted ones; everyone else (viewers, approvers, owners looking at the plan's reports and
dashboards) sees only what the PMO has accepted, so an unreviewed claim never reaches them.
"""

from planwatch.accounts.permissions import Perm, user_can
from planwatch.domain.counting import Audience

from .counting import figures_for


class FiguresAudienceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        reviews = user is not None and user_can(user, Perm.REVIEW_UPDATES)
        with figures_for(Audience.PMO if reviews else Audience.PUBLISHED):
            return self.get_response(request)
