"""Precision and recall of the commentary checks against the hand-labelled months.

    .venv/bin/python -m tests.assurance.labelled.score september|october

Reads the sample workbook's rows for the month, runs `domain.commentary_checks` on each
row's status, due date and commentary, and compares with the labels that say the
commentary contradicts the rating (kinds commentary_implies_slippage,
completion_contradicted, closure_not_delivery). Prints the confusion table, the false
positives and the false negatives. A figure, not a test: the issue's goal (precision 0.9,
recall 0.85) becomes a test once the checks reach it.
"""

import csv
import sys
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from planwatch.domain.commentary_checks import commentary_findings
from planwatch.domain.fuzzy_dates import parse_fuzzy_date
from planwatch.domain.rating_checks import month_end
from planwatch.domain.statuses import read_status

HERE = Path(__file__).resolve().parent
WORKBOOK = HERE.parents[2] / "demo" / "improvement-plan-tracker-2022-10.xlsx"
COMMENTARY_KINDS = {
    "commentary_implies_slippage",
    "completion_contradicted",
    "closure_not_delivery",
}
# Columns of the sample's theme sheets: status and commentary per month, due date.
MONTHS = {"september": (date(2022, 9, 1), 11, 12), "october": (date(2022, 10, 1), 13, 14)}
DUE = 8


def score(which: str) -> dict[str, object]:
    month, status_col, commentary_col = MONTHS[which]
    with (HERE / f"{which}_2022.csv").open(encoding="utf-8") as handle:
        labels = {(r["sheet"], int(r["row"])): r for r in csv.DictReader(handle)}
    tp, fp, fn, tn = [], [], [], 0
    for sheet in load_workbook(WORKBOOK).worksheets[1:]:
        for number, row in enumerate(sheet.iter_rows(min_row=3), start=3):
            label = labels.get((sheet.title, number))
            if label is None:
                continue
            rated = read_status(row[status_col].value).status
            due = parse_fuzzy_date(row[DUE].value, number_format=row[DUE].number_format)
            found = (
                commentary_findings(
                    commentary=str(row[commentary_col].value or ""),
                    rated=rated,
                    due=due,
                    report_month=month,
                    month_end=month_end(month),
                )
                if rated is not None
                else []
            )
            wanted = label["query"] == "yes" and label["kind"] in COMMENTARY_KINDS
            line = (label["ref"], label["status"], found[0].phrase if found else label["phrase"])
            if found and wanted:
                tp.append(line)
            elif found:
                fp.append(line)
            elif wanted:
                fn.append(line)
            else:
                tn += 1
    precision = len(tp) / (len(tp) + len(fp)) if tp or fp else 0.0
    recall = len(tp) / (len(tp) + len(fn)) if tp or fn else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": precision, "recall": recall}


def main(argv: list[str]) -> int:
    for which in argv or list(MONTHS):
        result = score(which)
        tp, fp, fn = result["tp"], result["fp"], result["fn"]
        print(
            f"{which}: flagged and labelled {len(tp)}, flagged only {len(fp)}, labelled only "
            f"{len(fn)}, neither {result['tn']}; precision {result['precision']:.2f}, "
            f"recall {result['recall']:.2f}"
        )
        for name, lines in (("false positive", fp), ("false negative", fn)):
            for ref, status, phrase in lines:
                print(f"  {name}: {ref} ({status}): {phrase}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
