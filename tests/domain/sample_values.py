"""Every distinct status in the October 2022 sample tracker.

Kept apart from the tests so the workbook guard can check that this list stays complete; the
Start/Due values are in seed_dates.
"""

WORKBOOK_STATUSES = (
    "Complete",
    "N/A",
    "On Track- little or no slippage",
    "Medium Progress- actual/ projected slippage of 1-2 months",
    "Not due to start",
    "New Action Added",
    "Medium Progress- actual/projected slippage of 1-2 months",
    "Significant issues / actual/projected slippage- more than 2 months",
    "N/a",
    "Assurance Action",
    "Duplicate/ link to another action",
    "closed",
    "Action on Hold",
    "Closed",
)
