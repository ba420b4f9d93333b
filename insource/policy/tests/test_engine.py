"""Engine behaviour beyond the golden table: tracks, claims, standards, flags, trace."""

from insource.policy import evaluate
from insource.testing.policy import COMPLIANT_TERMS, PIT_PASS, refuse


def capacity(**changes):
    claim = {
        "claimed": True,
        "insufficient_after_support": True,
        "support_measures_considered": True,
        "capacity_plan": True,
        "re_review_on": "2028-09-30",
        "evidence": ["plan.pdf"],
    }
    return {"capacity": claim | changes}


def codes(decision):
    return {f["code"] for f in decision.flags}


def test_same_facts_give_byte_identical_decisions():
    facts = refuse(good_reasons=capacity(), proposed_terms=COMPLIANT_TERMS)
    assert evaluate(facts).to_json() == evaluate(facts).to_json()
    assert '"value_inc_vat":"12000000"' in evaluate(facts).to_json()


def test_precautionary_at_risk_path_is_incomplete():
    facts = refuse()
    facts["at_risk"] = {"significant_contact": False}
    decision = evaluate(facts)
    assert (decision.outcome, decision.status) == ("INSOURCE_AT_RISK_GUIDANCE", "incomplete")
    assert decision.missing_evidence == ["at_risk.coercive_powers", "at_risk.rights_risk"]
    assert decision.precautionary_at_risk


def test_capacity_re_review_too_late():
    decision = evaluate(
        refuse(good_reasons=capacity(re_review_on="2029-06-02"), proposed_terms=COMPLIANT_TERMS)
    )
    assert decision.outcome == "INSOURCE_STATUTORY_PRESUMPTION"
    assert decision.status == "incomplete"
    assert "RE_REVIEW_TOO_LATE" in codes(decision)
    assert decision.incomplete_claims[0]["rule"] == "track.capacity"


def test_capacity_term_over_36_months_blocks():
    terms = COMPLIANT_TERMS | {"max_term_months": 48}
    decision = evaluate(refuse(good_reasons=capacity(), proposed_terms=terms))
    assert decision.outcome == "OUTSOURCE_GOOD_REASON_CAPACITY"
    assert decision.status == "blocked_until_standards_met"
    assert decision.unmet_standards == ["MS5"]


def test_capacity_as_additional_ground_still_caps_the_term():
    facts = refuse(
        good_reasons=capacity(),
        public_interest_test=PIT_PASS,
        proposed_terms=COMPLIANT_TERMS | {"max_term_months": 48},
    )
    decision = evaluate(facts)
    assert [g["ground"] for g in decision.grounds] == [
        "OUTSOURCE_PUBLIC_INTEREST_TEST_MET",
        "OUTSOURCE_GOOD_REASON_CAPACITY",
    ]
    assert decision.status == "blocked_until_standards_met"


def test_specialist_care_carve_out_only_off_the_at_risk_track():
    facts = refuse(contract={"is_specialist_social_care": True, "cpv": ["85311000"]})
    assert evaluate(facts).outcome == "OUTSIDE_PRESUMPTION_SPECIALIST_CARE"
    facts["at_risk"] = {"significant_contact": True}
    assert evaluate(facts).outcome == "INSOURCE_AT_RISK_GUIDANCE"


def test_public_interest_unknown_criterion_is_missing_evidence():
    decision = evaluate(
        refuse(public_interest_test=PIT_PASS | {"T3": None}, proposed_terms=COMPLIANT_TERMS)
    )
    assert decision.outcome == "INSOURCE_STATUTORY_PRESUMPTION"
    assert decision.missing_evidence == ["public_interest_test.T3"]


def test_t4_from_the_appraisal():
    pit = PIT_PASS | {"T4": None, "appraisal": {"p_inhouse_cheaper": "0.3"}}
    assert (
        evaluate(refuse(public_interest_test=pit, proposed_terms=COMPLIANT_TERMS)).outcome
        == "OUTSOURCE_PUBLIC_INTEREST_TEST_MET"
    )
    pit["appraisal"] = {"p_inhouse_cheaper": "0.5"}
    assert evaluate(refuse(public_interest_test=pit)).outcome == "INSOURCE_STATUTORY_PRESUMPTION"


def test_legal_requirement_unless_public_public():
    assert (
        evaluate(refuse(contract={"can_be_contracted_out": False})).outcome
        == "INSOURCE_LEGAL_REQUIREMENT"
    )
    facts = refuse(contract={"can_be_contracted_out": False, "counterparty": "public-authority"})
    assert evaluate(facts).outcome == "EXEMPT_PUBLIC_PUBLIC"


def test_vertical_company_needs_over_80_percent():
    company = {"counterparty": "authority-controlled", "is_vertical_control": True}
    assert (
        evaluate(refuse(contract=company | {"controller_activity_share_pct": "80.01"})).outcome
        == "EXEMPT_PUBLIC_PUBLIC"
    )
    assert (
        evaluate(refuse(contract=company | {"controller_activity_share_pct": "80"})).outcome
        == "INSOURCE_STATUTORY_PRESUMPTION"
    )


def test_works_are_relevant_only_when_repair_or_maintenance():
    works = {"cpv": ["45210000"], "nature": "works", "value_inc_vat": "6000000"}
    decision = evaluate(refuse(contract=works))
    assert "contract.is_repair_or_maintenance" in decision.missing_evidence
    assert (
        evaluate(refuse(contract=works | {"is_repair_or_maintenance": False})).outcome
        == "EXEMPT_NOT_RELEVANT_CONTRACT"
    )
    assert (
        evaluate(refuse(contract=works | {"cpv": ["45453000"]})).outcome
        == "INSOURCE_STATUTORY_PRESUMPTION"
    )


def test_london_fair_wage_and_uplift_due():
    facts = refuse(
        public_interest_test=PIT_PASS, proposed_terms=COMPLIANT_TERMS, contract={"is_london": True}
    )
    assert evaluate(facts).standards["MS1"]["status"] == "unmet"
    facts["decision_on"], facts["procurement_start_on"] = "2026-01-10", "2026-01-05"
    ms1 = evaluate(facts | {"contract": facts["contract"] | {"is_london": False}}).standards["MS1"]
    assert ms1["status"] == "met" and "uplift due" in ms1["reason"]


def test_unknown_mandatory_standard_is_incomplete_and_listed():
    terms = dict(COMPLIANT_TERMS)
    del terms["hra_clause"]
    decision = evaluate(refuse(public_interest_test=PIT_PASS, proposed_terms=terms))
    assert decision.status == "incomplete"
    assert decision.missing_evidence == ["proposed_terms.hra_clause"]


def test_ms11_due_at_award_never_blocks():
    terms = dict(COMPLIANT_TERMS, provider_excluded=None)
    decision = evaluate(refuse(public_interest_test=PIT_PASS, proposed_terms=terms))
    assert decision.standards["MS11"]["status"] == "due_at_award"
    assert decision.status == "decided"


def test_flags_timeline_and_right_to_challenge():
    facts = refuse(contract={"ends_on": "2026-03-31", "right_to_challenge_eoi": True})
    assert {"LATE_REVIEW", "PROCUREMENT_STARTED", "STAFF_TRANSFER", "RIGHT_TO_CHALLENGE"} <= codes(
        evaluate(facts)
    )


def test_voluntary_review_below_threshold_when_at_risk():
    facts = refuse(contract={"value_inc_vat": "100000"})
    facts["at_risk"] = {"significant_contact": True}
    decision = evaluate(facts)
    assert (decision.outcome, decision.status) == ("EXEMPT_BELOW_THRESHOLD", "decided")
    assert "VOLUNTARY_REVIEW_RECOMMENDED" in codes(decision)


def test_prerequisites_never_change_status():
    decision = evaluate(refuse(is_key_decision=True, key_decision_notice_on="2026-05-10"))
    assert decision.status == "decided"
    assert [p["fact"] for p in decision.prerequisites] == [
        "consultation_done",
        "equality_impact_assessment_done",
        "decision_maker",
        "key_decision_notice_on",
    ]
    done = refuse(
        consultation_done=True,
        equality_impact_assessment_done=True,
        decision_maker="Cllr A. Person",
        is_key_decision=True,
        key_decision_notice_on="2026-05-03",
    )
    assert evaluate(done).prerequisites == []


def test_trace_records_rules_parameters_and_exceptions():
    decision = evaluate(refuse(good_reasons=capacity(), proposed_terms=COMPLIANT_TERMS))
    ids = [e["id"] for e in decision.trace]
    assert {
        "gateway.below_threshold",
        "track.public_interest_test",
        "track.capacity",
        "standards.ms1_fair_wage",
    } <= set(ids)
    for entry in decision.trace:
        assert {
            "id",
            "label",
            "citation",
            "inputs",
            "parameters",
            "result",
            "held",
            "failed",
            "unknown",
        } <= set(entry)
    threshold = next(e for e in decision.trace if e["id"] == "value.threshold")
    read = threshold["parameters"][0]
    assert read == {
        "name": "thresholds.procurement_act_2023.uk.sub_central.supplies_services",
        "value": "207720",
        "from": "2026-01-01",
        "citation": read["citation"],
    }
    assert "SI 2025/1200" in read["citation"]
