"""Internal API serializers: a review as the authority's officers see it (no evidence files,
no comments, no answers: this issue's API is read-only and minimal)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from insource.reviews.models import Review
from insource.reviews.workflow.timing import lateness


class ReviewContractSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    supplier_names = serializers.CharField()
    end_on = serializers.DateField(allow_null=True)
    max_end_on = serializers.DateField(allow_null=True)


class EvaluationSerializer(serializers.Serializer):
    outcome = serializers.CharField(allow_null=True)
    status = serializers.CharField(allow_null=True)
    missing_evidence = serializers.ListField(child=serializers.CharField())
    evaluated_at = serializers.DateTimeField(allow_null=True)


class ReviewSerializer(serializers.ModelSerializer):
    contract = ReviewContractSerializer()
    lateness = serializers.SerializerMethodField(help_text="late, at-risk or null")
    evaluation = serializers.SerializerMethodField(help_text="The latest engine evaluation")

    class Meta:
        model = Review
        fields = [
            "id",
            "contract",
            "state",
            "trigger",
            "decision_point_on",
            "is_signed",
            "opened_on",
            "version",
            "lateness",
            "evaluation",
        ]

    @extend_schema_field({"type": "string", "enum": ["late", "at-risk"], "nullable": True})
    def get_lateness(self, review) -> str | None:
        on = self.context["on"]
        return lateness(point_on=review.decision_point_on, is_signed=review.is_signed, on=on)

    @extend_schema_field(EvaluationSerializer)
    def get_evaluation(self, review) -> dict:
        result = (review.evaluation or {}).get("result") or {}
        return {
            "outcome": result.get("outcome"),
            "status": result.get("status"),
            "missing_evidence": list(result.get("missing_evidence") or []),
            "evaluated_at": review.evaluated_at,
        }
