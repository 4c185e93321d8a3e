"""Forms for PMO's charter edits; the services do the real validation (errors come back here)."""

from django import forms


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)


class CharterForm(VersionedForm):
    objectives = forms.CharField(
        label="Objectives",
        help_text="One objective a line, worded as in the plan document.",
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
    )
    success_intro = forms.CharField(
        label="Introduction to the evidence of success (optional)",
        help_text='For example "When we have made progress towards …, there will be evidence of:"',
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class MilestoneForm(VersionedForm):
    text = forms.CharField(
        label="Key milestone", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    due_text = forms.CharField(
        label="Due (optional)",
        help_text='As the plan words it, for example "Autumn 2022" or "By early 2023".',
        required=False,
    )
    action_refs = forms.CharField(
        label="Actions that deliver it (optional)",
        help_text="Tracker refs separated by commas, for example OC.B1.4, OC.D2.3. "
        "The milestone's status is worked out from their latest statuses.",
        required=False,
    )


class WorkstreamForm(VersionedForm):
    name = forms.CharField(label="Workstream", required=False)
    aim = forms.CharField(
        label="Aim (optional)", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    workstream = forms.TypedChoiceField(
        label="The tracker's workstream (optional)",
        help_text="The workstream of this theme in the tracker that this one is, if any.",
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args, workstreams=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workstream"].choices = [("", "None"), *((w.pk, w.name) for w in workstreams)]


class ItemForm(VersionedForm):
    text = forms.CharField(label="Text", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    nested = forms.BooleanField(
        label="Part of the deliverable above",
        help_text='As the plan lists each strategy under "Strategies:".',
        required=False,
    )

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        # Only key deliverables are nested in the plan document.
        if kind != "deliverables":
            del self.fields["nested"]


class RemoveForm(VersionedForm):
    pass
