"""The Theme Progress Summary laid out as the council's (seeds 000, 003, 001), one theme after
another: summary statement, achievements, milestones due, Focus 1 narratives, Focus 2
exceptions and the theme status with its reasons. Text only from the report's figures."""

from planwatch.domain.statuses import Status
from planwatch.domain.theme_summary import (
    BAND_LABELS,
    Band,
    Group,
    MilestoneLine,
    add_months,
    month_label,
)
from planwatch.domain.theme_summary_prose import achievement_note, named_groups
from planwatch.reports.rendering.document import (
    Bullets,
    Cell,
    Document,
    Figure,
    Paragraph,
    Section,
    Table,
)
from planwatch.reports.theme_summary.build import (
    ThemePart,
    ThemeSummaryReport,
    report_definitions,
)

_STATUS_TONE = {
    Status.ON_TRACK: "green",
    Status.MEDIUM_PROGRESS: "amber",
    Status.SIGNIFICANT_ISSUES: "red",
    Status.COMPLETE: "green",
    Status.CLOSED: "green",
}
_BAND_TONE = {Band.RED: "red", Band.AMBER: "amber", Band.GREEN: "green", Band.UNRATED: "grey"}
_HEADLINE = (
    Group.ON_TRACK,
    Group.NOT_DUE_TO_START,
    Group.COMPLETED_THIS_MONTH,
    Group.SIGNIFICANT,
    Group.MEDIUM,
)


def _rag(rag: str, report: ThemeSummaryReport) -> Cell:
    # A month nobody has reported on yet has no colour to give (MonthStanding).
    if not report.standing.has_updates:
        return Cell("No updates yet", "grey")
    return Cell(rag.capitalize(), rag)


def _named(line: MilestoneLine) -> str:
    return f"{line.ref} {line.title}"


def _overview(report: ThemeSummaryReport) -> Section:
    rows = []
    for part in report.themes:
        f = part.figures
        bands = dict(f.main_actions_by_band)
        rows.append(
            (
                part.name,
                str(f.main_actions),
                *(Cell(str(bands[b]), _BAND_TONE[b]) for b in Band),
                str(f.milestones),
                *(str(f.count(g)) for g in _HEADLINE),
                str(len(f.exceptions)),
                _rag(part.rag, report),
            )
        )
    headers = ("Theme", "Main actions", "Red risk", "Amber risk", "Green risk", "Not rated")
    headers += ("Sub-actions", "On track", "Not yet due", "Completed this month")
    headers += ("Significant issues", "Medium issues", "Exceptions", "Theme status")
    table = Table(f"Themes at a glance, {month_label(report.month)}", headers, tuple(rows))
    blocks: list = [table]
    if not report.has_updates:
        blocks.insert(
            0,
            Paragraph(
                f"No updates are recorded for {month_label(report.month)}: every sub-action "
                "below is counted as having no status for the month."
            ),
        )
    return Section("Overview", tuple(blocks))


def _summary(part: ThemePart) -> Section:
    f = part.figures
    rows = tuple(
        (
            Cell(BAND_LABELS[b.band].capitalize(), _BAND_TONE[b.band]),
            str(b.main_actions),
            *(str(dict(b.groups)[g]) for g in _HEADLINE),
            str(b.milestones - sum(dict(b.groups)[g] for g in _HEADLINE)),
            str(b.milestones),
        )
        for b in f.by_band
    )
    headers = ("Main action risk", "Main actions", "On track", "Not yet due to commence")
    headers += ("Completed this month", "Significant issues", "Medium issues", "Other", "Total")
    named = named_groups(f)
    # The named groups' sentences are shown as lists, one item per main action.
    blocks: list = [
        Paragraph(sentence) for sentence in part.summary[: len(part.summary) - len(named)]
    ]
    for intro, items in named:
        blocks += [Paragraph(intro), Bullets(items)]
    blocks.append(Table(f"{part.name}: sub-actions by main action risk", headers, rows))
    return Section("Summary statement", tuple(blocks), level=3)


def _achievements(part: ThemePart) -> Section:
    blocks: list = []
    for achievement in part.figures.achievements:
        label = month_label(achievement.month)
        if achievement.completed:
            blocks.append(Paragraph("", label=f"{label}:"))
            blocks.append(Bullets(tuple(_named(x) for x in achievement.completed)))
        else:
            blocks.append(Paragraph("No sub-action was completed.", label=f"{label}:"))
        if note := achievement_note(achievement):
            blocks.append(Paragraph(note))
    month = part.figures.month
    heading = (
        f"Achievements this period ({month_label(add_months(month, -1))} to {month_label(month)})"
    )
    return Section(heading, tuple(blocks), level=3)


def _milestones(part: ThemePart) -> Section:
    month = part.figures.month
    rows = tuple(
        (
            m.line.ref,
            m.line.title,
            m.due_text or "No date",
            m.baseline_due_text or "No date",
            Cell(m.phrase, _STATUS_TONE.get(m.status) if m.status else None),
        )
        for m in part.figures.milestones_due
    )
    window = f"{month_label(month)} to {month_label(add_months(month, 2))}"
    headers = ("Ref", "Milestone", "Due", "Baseline due", "Status")
    blocks = (Table(f"{part.name}: milestones due {window}", headers, rows),)
    return Section(f"Milestones due (rolling 3 months: {window})", blocks, level=3)


def _focus1(part: ThemePart) -> Section:
    month = month_label(part.figures.month)
    sections = []
    for workstream in part.workstreams:
        n = workstream.narrative
        if n is None:
            blocks: tuple = (Paragraph(f"No narrative written for {month}."),)
        else:
            blocks = tuple(
                Paragraph(text or "Nothing written.", label=label)
                for label, text in (
                    ("Summary:", n.summary),
                    ("Progress this month:", n.progress_this_month),
                    ("Next steps:", n.next_steps),
                    ("Issues raised:", n.issues_raised),
                )
            )
        sections.append(Section(workstream.name, blocks, level=4))
    if not sections:
        sections.append(Paragraph("This theme has no workstreams."))
    return Section("Focus 1: workstream updates", tuple(sections), level=3)


def _focus2(part: ThemePart) -> Section:
    exceptions = part.figures.exceptions
    if not exceptions:
        return Section("Focus 2: exceptions", (Paragraph("No exceptions to report."),), level=3)
    rows = tuple(
        (
            e.line.ref,
            e.line.title,
            Cell(f"{e.rating} rated", e.rating.lower()),
            e.baseline_due_text or "No date",
            part.due_after_change.get(e.line.ref) or e.due_text,
            e.commentary or "No commentary given.",
        )
        for e in exceptions
    )
    headers = ("Ref", "Action", "Rating", "Due (original)", "Due after change control")
    headers += ("Progress commentary",)
    return Section(
        "Focus 2: exceptions",
        (Table(f"{part.name}: amber- and red-rated sub-actions", headers, rows),),
        level=3,
    )


def _status(part: ThemePart, report: ThemeSummaryReport) -> Section:
    reasons = part.status_reasons if report.standing.has_updates else (report.standing.label,)
    return Section(
        "Theme status",
        (
            Table(
                f"{part.name}: theme status",
                ("Theme", "Status"),
                ((part.name, _rag(part.rag, report)),),
            ),
            Bullets(reasons),
        ),
        level=3,
    )


def _definitions(report: ThemeSummaryReport) -> Section:
    return Section(
        "How the figures are counted",
        (
            Bullets(
                tuple(
                    f"{k.replace('_', ' ').capitalize()}: {v}"
                    for k, v in report_definitions(report).items()
                )
            ),
        ),
    )


def _assurance(theme_flags) -> Section:
    if theme_flags is None or not theme_flags.flags:
        blocks: tuple = (
            Paragraph(
                "No rating disagrees with the council's status definitions this month "
                "(flags PMO dismissed with a reason are not shown)."
            ),
        )
    else:
        rows = tuple((flag.ref, flag.kind_label, flag.reason) for flag in theme_flags.flags)
        blocks = (
            Paragraph(
                "Ratings that the action's own dates or history call into question, by the "
                "tracker's definitions (On Track: under 1 month's slippage; Medium progress: "
                "1-2 months; Significant issues: over 2 months). Each is a question for the "
                "update owner, not a correction."
            ),
            Table(f"{theme_flags.name}: assurance flags", ("Ref", "Check", "Reason"), rows),
        )
    return Section("Assurance: ratings to question", blocks, level=3)


def _theme(part: ThemePart, index: int, extras, report: ThemeSummaryReport) -> Section:
    blocks: list = [_summary(part)]
    chart = extras.theme_chart(index) if extras else None
    if chart is not None:
        blocks.append(Section("Progress over the months", (Figure(chart),), level=3))
    blocks += [_achievements(part), _milestones(part), _focus1(part), _focus2(part)]
    blocks.append(_status(part, report))
    if extras is not None and extras.assurance is not None:
        blocks.append(_assurance(extras.assurance_for(part.code)))
    return Section(f"{part.name} ({part.code})", tuple(blocks))


def extra_sections(extras, themes: tuple[ThemePart, ...]) -> list[Section]:
    """The sections a reader asked for on top of a council layout: the assurance flags, theme
    by theme, and the risk register."""
    if extras is None:
        return []
    sections = []
    if extras.assurance is not None:
        per_theme = tuple(
            Section(part.name, _assurance(extras.assurance_for(part.code)).blocks, level=3)
            for part in themes
        )
        sections.append(Section("Assurance: ratings to question", per_theme))
    if extras.risks is not None:
        sections.append(Section("Risk register and heatmap", extras.risks.blocks))
    return sections


def document_for(report: ThemeSummaryReport, extras=None) -> Document:
    """The report as a Document; `extras` (theme_summary_extras) adds its charts and, when
    asked for, the assurance flags and the risk register."""
    sections: list = [_overview(report)]
    if extras is not None:
        sections.append(
            Section(
                "Plan progress over the months",
                tuple(Figure(chart) for chart in extras.plan_charts),
            )
        )
    sections += [_theme(part, index, extras, report) for index, part in enumerate(report.themes)]
    if extras is not None and extras.risks is not None:
        sections.append(Section("Risk register and heatmap", extras.risks.blocks))
    sections.append(_definitions(report))
    return summary_document(report, sections)


def summary_document(report: ThemeSummaryReport, sections: list[Section]) -> Document:
    """The report's sections under its title, plan and, for a provisional month, its note:
    the same frame in every layout."""
    subtitle = f"{report.plan}{', ' + report.organisation if report.organisation else ''}"
    return Document(
        title=report.title,
        subtitle=subtitle,
        sections=tuple(sections),
        landscape=True,
        status_note=report.standing.label if report.standing.provisional else "",
    )
