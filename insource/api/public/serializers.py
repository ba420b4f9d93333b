"""Public serializers: every field listed explicitly, nothing an officer alone may see.

No email address, no officer's correction notes, no provenance or data-quality flags; for a
decision, what its published pack shows (the signer's name is public by law), with links to
the pack, its PDF and its trace.
"""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from insource.authorities.models import Authority
from insource.policy.outcomes import OUTCOMES
from insource.policy.reasons import decided_sentence, ground_sentences, outcome_sentence
from insource.register.columns import api_fields, authority_code, supplier_id
from insource.register.models import Contract, Supplier
from insource.reviews.models import Decision
from insource.reviews.presenters import STATUS_LABELS, standards_rows


class AuthorityRefSerializer(serializers.Serializer):
    code = serializers.SerializerMethodField()
    name = serializers.CharField()

    @extend_schema_field(OpenApiTypes.STR)
    def get_code(self, authority) -> str:
        return authority_code(authority)


class SupplierSerializer(serializers.ModelSerializer):
    identifier = serializers.SerializerMethodField()

    class Meta:
        model = Supplier
        fields = ["name", "identifier", "company_number", "is_sme", "is_vcse"]

    @extend_schema_field({"type": "string", "nullable": True})
    def get_identifier(self, supplier) -> str | None:
        return supplier_id(supplier) or None


class ContractSerializer(serializers.ModelSerializer):
    buyer = AuthorityRefSerializer()
    reviewing_authority = AuthorityRefSerializer()
    suppliers = SupplierSerializer(many=True)
    decisions = serializers.SerializerMethodField(help_text="Ids of its published decisions")
    url = serializers.SerializerMethodField()

    class Meta:
        model = Contract
        fields = api_fields()  # in order, defined once in register/columns.py (ADR 0024)

    @extend_schema_field({"type": "array", "items": {"type": "integer"}})
    def get_decisions(self, contract) -> list[int]:
        return [d.pk for d in getattr(contract, "published", [])]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, contract) -> str:
        return _absolute(self, "api-public:contract-detail", contract.pk)


class GroundSerializer(serializers.Serializer):
    ground = serializers.CharField()
    rule = serializers.CharField()
    text = serializers.CharField()


class VerificationSerializer(serializers.Serializer):
    """Whether a decision reproduces under its stored policy version, and what differs."""

    decision = serializers.IntegerField()
    reproduced = serializers.BooleanField()
    policy_version = serializers.DictField()
    differences = serializers.DictField(
        child=serializers.DictField(),
        help_text="Each field that differs (outcome, status, grounds, trace_hash, "
        "recommended_outcome, engine_status, policy_version, evaluation): "
        "{stored, reproduced}; for trace_hash also the rules whose findings differ.",
    )


class StandardSerializer(serializers.Serializer):
    id = serializers.CharField()
    label = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    reason = serializers.CharField(allow_blank=True)
    mandatory = serializers.BooleanField()


class LinksSerializer(serializers.Serializer):
    pack = serializers.URLField()
    pdf = serializers.URLField()
    trace = serializers.URLField()


class DecisionSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    authority = AuthorityRefSerializer()
    contract = serializers.IntegerField(source="contract_id")
    contract_title = serializers.CharField(source="contract.title")
    outcome_text = serializers.SerializerMethodField()
    recommended_outcome_text = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField(help_text="The engine's status for the review")
    explanation = serializers.SerializerMethodField(help_text="Plain English, from the trace")
    grounds = serializers.SerializerMethodField()
    standards = serializers.SerializerMethodField(help_text="Minimum standards MS1 to MS13")
    replaces = serializers.IntegerField(source="replaces_id", allow_null=True)
    published_on = serializers.DateField(source="publication.published_on")
    links = serializers.SerializerMethodField()

    class Meta:
        model = Decision
        fields = [
            "id",
            "url",
            "authority",
            "contract",
            "contract_title",
            "decided_on",
            "outcome",
            "outcome_text",
            "recommended_outcome",
            "recommended_outcome_text",
            "departs",
            "reason",
            "status",
            "explanation",
            "grounds",
            "standards",
            "signer_name",
            "policy_version",
            "replaces",
            "published_on",
            "links",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, decision) -> str:
        return _absolute(self, "api-public:decision-detail", decision.pk)

    @extend_schema_field(OpenApiTypes.STR)
    def get_outcome_text(self, decision) -> str:
        return decided_sentence(decision.outcome, decision.result)

    @extend_schema_field(OpenApiTypes.STR)
    def get_recommended_outcome_text(self, decision) -> str:
        return outcome_sentence(decision.result) or OUTCOMES.get(decision.recommended_outcome, "")

    @extend_schema_field(OpenApiTypes.STR)
    def get_status(self, decision) -> str:
        status = decision.status or decision.engine_status  # a departure's own (ADR 0019)
        return str(STATUS_LABELS.get(status, status))

    @extend_schema_field(OpenApiTypes.STR)
    def get_explanation(self, decision) -> str:
        return str(decision.result.get("explanation", ""))

    @extend_schema_field(GroundSerializer(many=True))
    def get_grounds(self, decision) -> list[dict]:
        grounds = decision.result.get("grounds", [])
        texts = ground_sentences(decision.result)
        return [
            {"ground": g["ground"], "rule": g["rule"], "text": text}
            for g, text in zip(grounds, texts, strict=True)
        ]

    @extend_schema_field(StandardSerializer(many=True))
    def get_standards(self, decision) -> list[dict]:
        rows = standards_rows({"standards": decision.standards_applied})
        return [{**row, "status_label": str(row["status_label"])} for row in rows]

    @extend_schema_field(LinksSerializer)
    def get_links(self, decision) -> dict:
        return {
            "pack": _absolute(self, "public:decision", decision.pk),
            "pdf": _absolute(self, "public:decision-pdf", decision.pk),
            "trace": _absolute(self, "public:decision-trace", decision.pk),
        }


class AuthoritySerializer(serializers.ModelSerializer):
    code = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    num_contracts = serializers.IntegerField(help_text="Contracts it reviews")
    num_published_decisions = serializers.IntegerField()

    class Meta:
        model = Authority
        fields = [
            "code",
            "url",
            "name",
            "nice_name",
            "kind",
            "nation",
            "gss_code",
            "policy_preset",
            "policy_adopted_on",
            "num_contracts",
            "num_published_decisions",
        ]

    @extend_schema_field(OpenApiTypes.STR)
    def get_code(self, authority) -> str:
        return authority_code(authority)

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, authority) -> str:
        return _absolute(self, "api-public:authority-detail", authority_code(authority))


def _absolute(serializer, name: str, *args) -> str:
    path = reverse(name, args=args)
    request = serializer.context.get("request")
    return request.build_absolute_uri(path) if request is not None else path
