"""Every rating-check flag expected for October 2022 on the sample tracker, read off its rows.

Each entry is (ref, kind, implied, rated) and says why, from the row in
demo/improvement-plan-tracker-2022-10.xlsx (text in seed 004). The workbook holds only
September and October 2022, every action is live, and every due date is still its baseline,
so neither "same commentary 3+ months" nor "re-baselined 2+ times" can be raised, and every
sub-action has an October row, so "due passed with no update" cannot be raised either. The
sample comes with no evidence, so every Closed rating is without evidence of success.

Rows checked and NOT flagged, for the record of the judgement calls:
- Worse-than-dates ratings are the owner's right (projected slippage, dependencies): CO.D3.3,
  DM.B1.3, DM.B1.6, DM.C1.1, OC.A1.3, SD.B1.5, SD.A1.3, CO.E1.4, SD.A5.1, SD.A5.2, SD.D1.2,
  OC.A2.1 (Medium progress, due Oct 2022 or later); SD.B1.9, SD.B1.10 (Significant issues,
  due Autumn 2022); PC.C1.1 (Significant issues, due Sep-22: 1 month implies Medium).
- Ratings that match the dates: CO.D2.3, DM.B1.1, OC.B1.3, OC.D2.2, SD.A2.11 (Medium
  progress, due Sep-22, 1 month late); PR.A1.2, PR.A1.3 (Medium progress, due Summer 2022,
  2 months late); DM.B1.4, OC.D4.0 (Significant issues, due Jul-22, 3 months late).
- On Track rated for an action whose start is still ahead (PR.D1.2 starts 2023, SD.B1.11
  starts Early 2023) is not rosier than "Not due to start", so not flagged.
- Statuses that are not ratings are never compared: SD.C1.2 "Action on Hold" (due Summer
  2022), SD.A2.5 "Duplicate/ link to another action" (due Sep-22), New Action Added,
  Assurance Action and N/A rows.
- Due dates that cannot imply a rating ("Ongoing", "In place", "In progress", "TBC", "x",
  recurring, blank, "(specific timescale ... once review concluded)"): OC.D3.2, SD.A1.2,
  SD.B1.1, SD.B1.3, PR.C1.1, PC.D1.4, DM.A1.2, DM.C1.3 are On Track / Medium progress
  against such dates and raise nothing.
- Not due to start with no start date: PC.A2.4 (due Jan-23), PC.A4.2 (due Mar-23), CO.B2.1,
  OC.A2.2, PC.A2.5, PC.C1.2 (TBC or blank dates).
"""

from planwatch.domain.rating_checks import FlagKind
from planwatch.domain.statuses import Status

RATING = FlagKind.RATING_DISAGREES
STARTED = FlagKind.STARTED_BUT_NOT_DUE_TO_START
CLOSED = FlagKind.CLOSED_WITHOUT_EVIDENCE

OCTOBER_2022_FLAGS: set[tuple[str, FlagKind, Status | None, Status | None]] = {
    # CO.D3.5 "Implementation of Recommendations from CIPFa in relation to internal charges":
    # start Aug-22, due Oct-22; On Track in September, then "Not due to start" in October
    # although its start month has passed. The commentary asks change control to move the
    # start to October, but until that is approved the plan says it started in August.
    # (Due Oct-22 and not late yet, so the dates imply On Track: no rating flag.)
    ("CO.D3.5", STARTED, Status.ON_TRACK, Status.NOT_DUE_TO_START),
    # DM.C2.1 "SEND Transport recommendations relating to procurement concluded": due Sep-22,
    # On Track in October with no completion ("are being monitored and will be updated at
    # the next Scrutiny Board in XX"): a month past due implies Medium progress.
    ("DM.C2.1", RATING, Status.MEDIUM_PROGRESS, Status.ON_TRACK),
    # OC.C1.1 "Regular meetings of Commissioners ... and Chief Whips commence": due May 2022,
    # rated Medium progress (1-2 months) in October; five months past due implies
    # Significant issues. The commentary itself asks to move the date to November.
    ("OC.C1.1", RATING, Status.SIGNIFICANT_ISSUES, Status.MEDIUM_PROGRESS),
    # OC.D2.5 "Annual Refresher and inclusion in new Member induction": start Sep-22, due
    # Nov-22; On Track in September, "Not due to start" in October after the September
    # start. Change control is only proposed in the commentary (start March 2023).
    ("OC.D2.5", STARTED, Status.ON_TRACK, Status.NOT_DUE_TO_START),
    # PC.B1.6 "Contract Monitoring Arrangements in Place": due Sep-22, On Track in October
    # while the commentary says arrangements are "to be confirmed in Jan 23": at least a
    # month late implies Medium progress.
    ("PC.B1.6", RATING, Status.MEDIUM_PROGRESS, Status.ON_TRACK),
    # SD.A2.10 "Maximising Value out of surplus assets portfolio – Cabinet report": rated
    # Closed in October ("incorporated within the Corporate Asset Management Strategy"),
    # with no evidence the measures of success were met. Closed implies Complete.
    ("SD.A2.10", CLOSED, Status.COMPLETE, Status.CLOSED),
    # SD.A6.1 "Review of compliance and stock data": "closed" in both months, commentary just
    # "closed", no evidence of success. First marked Closed in September: implies Complete.
    ("SD.A6.1", CLOSED, Status.COMPLETE, Status.CLOSED),
    # SD.C1.3 "Customer Access Strategy Development Commences ...": start and due Sep-22, no
    # September update, On Track in October and not marked complete (the commentary says
    # development has commenced and the action is to become main action SD.F1.0): a month
    # past due implies Medium progress; the PMO should ask whether it is in fact Complete.
    ("SD.C1.3", RATING, Status.MEDIUM_PROGRESS, Status.ON_TRACK),
}
