"""Whether a report month's figures are final: "Provisional" while its cycle is open or any
owed update is not yet accepted, with "N of M updates in"; and "no updates" never coloured.

A month is read while it happens: in November, with the cycle open and 0 of 58 updates in,
a theme shown Green would be a claim nobody has made.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class MonthStanding:
    owed: int  # milestones owed an update for the month (counted in its figures)
    received: int  # of those, with an update submitted or accepted
    accepted: int  # of those, with an update the PMO has accepted
    cycle_open: bool  # the month's update cycle is open (not yet closed by the PMO)

    @property
    def has_updates(self) -> bool:
        return self.received > 0

    @property
    def provisional(self) -> bool:
        return self.cycle_open or self.accepted < self.owed

    @property
    def label(self) -> str:
        """The words every page and file prints by the month's figures."""
        if not self.has_updates:
            return f"No updates in yet: 0 of {self.owed} updates in"
        if self.provisional:
            waiting = self.received - self.accepted
            review = f", {waiting} awaiting PMO review" if waiting else ""
            return f"Provisional: {self.received} of {self.owed} updates in{review}"
        return f"Final: all {self.owed} updates in and accepted"
