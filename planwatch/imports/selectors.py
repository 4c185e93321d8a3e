"""Reads of what the tracker imports brought in and the data-quality warnings they raised."""

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Subquery

from planwatch.plans.models import Action, Plan

from .models import OPEN_UPLOAD_STATES, DataQualityWarning, ImportRun, TrackerUpload


def import_run_latest(*, plan: Plan) -> ImportRun | None:
    return plan.import_runs.select_related("imported_by").first()


def import_runs_list(*, plan: Plan, limit: int = 24) -> list[ImportRun]:
    """The plan's imports, newest first, with the name and size of each original file."""
    return list(
        plan.import_runs.select_related("imported_by", "original").defer("original__content")[
            :limit
        ]
    )


def import_run_original(*, plan: Plan, pk: int) -> ImportRun | None:
    """One import run with its original file's bytes, for download."""
    return plan.import_runs.select_related("original").filter(pk=pk).first()


def _uploads(plan: Plan):
    return plan.tracker_uploads.select_related(
        "file", "uploaded_by", "decided_by", "import_run"
    ).defer("file__content")


def tracker_upload_open(*, plan: Plan) -> TrackerUpload | None:
    """The upload holding the plan now, if any (at most one: a unique index sees to it)."""
    return _uploads(plan).filter(state__in=OPEN_UPLOAD_STATES).first()


def tracker_upload_get(*, plan: Plan, pk: int) -> TrackerUpload | None:
    return _uploads(plan).filter(pk=pk).first()


@dataclass
class WarningGroup:
    category: str
    warnings: list[DataQualityWarning] = field(default_factory=list)


@dataclass
class DataQualityReport:
    import_run: ImportRun
    categories: list[tuple[str, int]]  # every category of the run, with its count
    groups: list[WarningGroup]  # only the chosen category, when one is chosen
    refs_in_plan: frozenset[str]  # warnings whose ref is a real action link to it

    @property
    def total(self) -> int:
        return sum(n for _, n in self.categories)

    @property
    def shown(self) -> int:
        return sum(len(group.warnings) for group in self.groups)


def data_quality_report(*, import_run: ImportRun, category: str = "") -> DataQualityReport:
    """The run's warnings grouped by category, in workbook order within each group."""
    categories = list(
        import_run.warnings.values_list("category").annotate(n=Count("id")).order_by("category")
    )
    warnings = import_run.warnings.order_by("category", "sheet", "row", "id")
    if category:
        warnings = warnings.filter(category=category)
    groups: dict[str, WarningGroup] = {}
    for warning in warnings:
        groups.setdefault(warning.category, WarningGroup(warning.category)).warnings.append(warning)
    refs = {w.ref for group in groups.values() for w in group.warnings if w.ref}
    refs_in_plan = frozenset(
        Action.objects.filter(plan_id=import_run.plan_id, ref__in=refs).values_list(
            "ref", flat=True
        )
    )
    return DataQualityReport(import_run, categories, list(groups.values()), refs_in_plan)


def warning_list_for_ref(*, plan: Plan, ref: str) -> list[DataQualityWarning]:
    """The warnings the plan's most recent import raised about one action."""
    latest_run = ImportRun.objects.filter(plan=OuterRef("plan")).order_by("-imported_at", "-id")
    return list(
        DataQualityWarning.objects.filter(
            plan=plan, ref=ref, import_run=Subquery(latest_run.values("id")[:1])
        ).order_by("sheet", "row", "id")
    )
