"""Plans built straight into the database, any size, for tests that need no workbook."""

from datetime import date

from planwatch.domain.fuzzy_dates import parse_fuzzy_date
from planwatch.domain.statuses import Status
from planwatch.imports.models import DataQualityWarning, ImportRun
from planwatch.plans.models import (
    Action,
    Plan,
    ProgressUpdate,
    Recommendation,
    RiskLevel,
    Theme,
    Workstream,
)

STATUS_CYCLE = [
    Status.ON_TRACK,
    Status.MEDIUM_PROGRESS,
    Status.SIGNIFICANT_ISSUES,
    Status.COMPLETE,
    Status.NOT_DUE_TO_START,
]
RISK_CYCLE = [RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW, RiskLevel.UNRATED]
MONTHS = [date(2022, 8, 1), date(2022, 9, 1), date(2022, 10, 1)]


def plan_build(
    *,
    name: str = "Built plan",
    themes: int = 1,
    workstreams: int = 1,
    main_actions: int = 1,
    sub_actions: int = 1,
    months: int = 1,
    warnings: int = 1,
) -> Plan:
    """A plan with `themes` x `workstreams` x `main_actions` main actions, each with
    `sub_actions` sub-actions; every action gets `months` updates and one recommendation."""
    plan = Plan.objects.create(name=name, organisation="Test Council")
    run = ImportRun.objects.create(plan=plan, filename=f"{name}.xlsx", sha256="0" * 64)
    recommendation = Recommendation.objects.create(
        plan=plan, source="Grant Thornton", kind="Statutory", number="1", text="Do better"
    )
    serial = 0
    for t in range(themes):
        code = "T" + chr(ord("A") + t)
        theme = Theme.objects.create(plan=plan, code=code, name=f"Theme {code}", order=t)
        for w in range(workstreams):
            workstream = Workstream.objects.create(theme=theme, name=f"Workstream {w}", order=w)
            letter = chr(ord("A") + w)
            for m in range(1, main_actions + 1):
                main = _action(
                    plan, theme, workstream, f"{code}.{letter}{m}.0", serial, parent=None
                )
                serial += 1
                _extras(main, recommendation, months)
                for s in range(1, sub_actions + 1):
                    sub = _action(
                        plan, theme, workstream, f"{code}.{letter}{m}.{s}", serial, parent=main
                    )
                    serial += 1
                    _extras(sub, recommendation, months)
                for n in range(warnings):
                    DataQualityWarning.objects.create(
                        import_run=run,
                        plan=plan,
                        sheet=f"Theme {code}",
                        row=serial,
                        column="Due date",
                        ref=main.ref,
                        category=["date", "markup"][n % 2],
                        message="could not read due date 'x'",
                        value="x",
                    )
    return plan


def _action(plan, theme, workstream, ref, serial, *, parent) -> Action:
    _, letter_action, part = ref.split(".")
    status = STATUS_CYCLE[serial % len(STATUS_CYCLE)]
    action = Action(
        plan=plan,
        theme=theme,
        workstream=workstream,
        parent=parent,
        ref=ref,
        is_main=parent is None,
        sort_key=f"{theme.code}.{letter_action[0]}.{int(letter_action[1:]):05d}.{int(part):05d}",
        title=f"Action {ref}",
        director_lead="Director - Finance",
        cabinet_member="Leader of the Council",
        other_leads="Head of HR\nHead of Audit",
        update_owner="Finance Improvement Manager",
        risk_level=RISK_CYCLE[serial % len(RISK_CYCLE)]
        if parent is None
        else RiskLevel.NOT_APPLICABLE,
        risk_description="Might slip" if parent is None else "",
        latest_status=status,
        latest_month=MONTHS[-1],
        source_sheet=f"Theme {theme.code}",
        source_row=serial + 3,
        source_cells=[["Ref", ref], ["Due date", "Autumn 22"]],
    )
    action.set_start(parse_fuzzy_date("May-22"))
    action.set_due(parse_fuzzy_date("Autumn 22"))
    action.save()
    return action


def _extras(action: Action, recommendation: Recommendation, months: int) -> None:
    recommendation.actions.add(action)
    for month in MONTHS[-months:] if months else []:
        ProgressUpdate.objects.create(
            action=action,
            month=month,
            status=action.latest_status,
            status_text="On Track- little or no slippage",
            commentary="Going well (DS 17.10.22)",
            author_initials="DS",
            author_date_text="17.10.22",
        )
