"""Risk levels as GOV.UK radios whose hints are the stored matrix's own definitions, so
whoever scores a risk reads the council's wording as they choose."""

from dataclasses import dataclass

from django import forms

from .errors import RiskError
from .matrix import Matrix

NOT_SCORED = ("", "Not scored yet")


@dataclass
class RadioOption:
    id: str
    value: str
    label: str
    hint: str
    checked: bool


@dataclass
class RadioGroup:
    field: forms.BoundField
    options: list[RadioOption]


def _impact_hint(matrix: Matrix, dimension: str, level: int) -> str:
    impact = matrix.impact[level]
    if dimension == "impact":
        return (
            f"Financial: {impact.financial}. Reputation: {impact.reputation}. "
            f"Service delivery: {impact.service_delivery}"
        )
    return getattr(impact, dimension)


def level_field(label: str, *, required: bool, help_text: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        required=required,
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
        error_messages={"required": f"Choose the {label.lower()}"},
    )


class LevelRadiosMixin:
    """Fills the level fields' choices from the stored matrix and builds their radios.

    `level_dimensions` maps a field name to the impact dimension it scores ("financial",
    "reputation", "service_delivery", "impact" for all three) or "likelihood"."""

    level_dimensions: dict[str, str] = {}

    def __init__(self, *args, matrix: Matrix, **kwargs):
        super().__init__(*args, **kwargs)
        self.levels_init(matrix)

    def levels_init(self, matrix: Matrix) -> None:
        self.matrix = matrix
        for name, dimension in self.level_dimensions.items():
            table = matrix.likelihood if dimension == "likelihood" else matrix.impact
            choices = [(str(level), f"{level} – {table[level].label}") for level in (1, 2, 3, 4)]
            field = self.fields[name]
            field.choices = choices if field.required else [NOT_SCORED, *choices]

    def _hint(self, dimension: str, level: int) -> str:
        if dimension == "likelihood":
            row = self.matrix.likelihood[level]
            return f"{row.definition} {row.chance}"
        return _impact_hint(self.matrix, dimension, level)

    @property
    def radios(self) -> dict[str, RadioGroup]:
        groups = {}
        for name, dimension in self.level_dimensions.items():
            bound = self[name]
            chosen = "" if bound.value() is None else str(bound.value())
            options = []
            for i, (value, label) in enumerate(bound.field.choices):
                options.append(
                    RadioOption(
                        id=bound.auto_id if i == 0 else f"{bound.auto_id}_{i}",
                        value=value,
                        label=label,
                        hint=self._hint(dimension, int(value)) if value else "",
                        checked=chosen == value,
                    )
                )
            groups[name] = RadioGroup(bound, options)
        return groups

    def add_service_error(self, error: RiskError) -> None:
        self.add_error(error.field if error.field in self.fields else None, error.message)
