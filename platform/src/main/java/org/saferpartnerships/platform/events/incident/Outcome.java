package org.saferpartnerships.platform.events.incident;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.platform.vocabulary.Term;

/**
 * data.police.uk outcome categories ("Last outcome category" in the street-level files), by slug (the
 * value an incident's {@code outcome} carries) and name (the one police.uk prints).
 */
public enum Outcome implements Term {
    INVESTIGATION_COMPLETE_NO_SUSPECT_IDENTIFIED("investigation-complete-no-suspect-identified", "Investigation complete; no suspect identified"),
    UNDER_INVESTIGATION("under-investigation", "Under investigation"),
    UNABLE_TO_PROSECUTE_SUSPECT("unable-to-prosecute-suspect", "Unable to prosecute suspect"),
    AWAITING_COURT_OUTCOME("awaiting-court-outcome", "Awaiting court outcome"),
    STATUS_UPDATE_UNAVAILABLE("status-update-unavailable", "Status update unavailable"),
    FORMAL_ACTION_IS_NOT_IN_THE_PUBLIC_INTEREST("formal-action-is-not-in-the-public-interest", "Formal action is not in the public interest"),
    LOCAL_RESOLUTION("local-resolution", "Local resolution"),
    OFFENDER_GIVEN_A_CAUTION("offender-given-a-caution", "Offender given a caution"),
    OFFENDER_GIVEN_A_DRUGS_POSSESSION_WARNING("offender-given-a-drugs-possession-warning", "Offender given a drugs possession warning"),
    OFFENDER_SENT_TO_PRISON("offender-sent-to-prison", "Offender sent to prison"),
    OFFENDER_GIVEN_PENALTY_NOTICE("offender-given-penalty-notice", "Offender given penalty notice"),
    OFFENDER_GIVEN_COMMUNITY_SENTENCE("offender-given-community-sentence", "Offender given community sentence"),
    ACTION_TO_BE_TAKEN_BY_ANOTHER_ORGANISATION("action-to-be-taken-by-another-organisation", "Action to be taken by another organisation"),
    OFFENDER_GIVEN_SUSPENDED_PRISON_SENTENCE("offender-given-suspended-prison-sentence", "Offender given suspended prison sentence"),
    OFFENDER_FINED("offender-fined", "Offender fined"),
    COURT_CASE_UNABLE_TO_PROCEED("court-case-unable-to-proceed", "Court case unable to proceed"),
    OFFENDER_GIVEN_CONDITIONAL_DISCHARGE("offender-given-conditional-discharge", "Offender given conditional discharge"),
    DEFENDANT_FOUND_NOT_GUILTY("defendant-found-not-guilty", "Defendant found not guilty"),
    OFFENDER_ORDERED_TO_PAY_COMPENSATION("offender-ordered-to-pay-compensation", "Offender ordered to pay compensation"),
    OFFENDER_OTHERWISE_DEALT_WITH("offender-otherwise-dealt-with", "Offender otherwise dealt with"),
    DEFENDANT_SENT_TO_CROWN_COURT("defendant-sent-to-crown-court", "Defendant sent to Crown Court"),
    FURTHER_INVESTIGATION_IS_NOT_IN_THE_PUBLIC_INTEREST("further-investigation-is-not-in-the-public-interest", "Further investigation is not in the public interest"),
    SUSPECT_CHARGED_AS_PART_OF_ANOTHER_CASE("suspect-charged-as-part-of-another-case", "Suspect charged as part of another case"),
    OFFENDER_DEPRIVED_OF_PROPERTY("offender-deprived-of-property", "Offender deprived of property"),
    OFFENDER_GIVEN_ABSOLUTE_DISCHARGE("offender-given-absolute-discharge", "Offender given absolute discharge"),
    COURT_RESULT_UNAVAILABLE("court-result-unavailable", "Court result unavailable"),
    FURTHER_ACTION_IS_NOT_IN_THE_PUBLIC_INTEREST("further-action-is-not-in-the-public-interest", "Further action is not in the public interest");

    private final String slug;
    private final String displayName;

    Outcome(String slug, String displayName) {
        this.slug = slug;
        this.displayName = displayName;
    }

    @JsonValue
    @Override
    public String slug() {
        return slug;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
