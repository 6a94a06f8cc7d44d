package org.saferpartnerships.partnership.dhr;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.saferpartnerships.partnership.common.PartnershipRecords;
import org.saferpartnerships.partnership.partnerships.PartnershipAccess;
import org.saferpartnerships.platform.events.DomainEvent;
import org.saferpartnerships.platform.events.partnership.DomesticHomicideReviewChanged;
import org.saferpartnerships.platform.vocabulary.Term;

/** Callers have checked with {@link PartnershipAccess#restricted} that the caller may see reviews. */
@ApplicationScoped
public class DomesticHomicideReviewService
        extends PartnershipRecords<DomesticHomicideReview, DomesticHomicideReviewInput> {

    DomesticHomicideReviewService() {
        super(DomesticHomicideReview.class, "review");
    }

    public List<DomesticHomicideReview> of(String partnershipId) {
        return DomesticHomicideReview.list("partnershipId = ?1 order by caseReference", partnershipId);
    }

    @Override
    protected DomesticHomicideReview newRecord() {
        return new DomesticHomicideReview();
    }

    @Override
    protected void apply(DomesticHomicideReview review, DomesticHomicideReviewInput input) {
        review.caseReference = input.caseReference().strip();
        review.notifiedOn = input.notifiedOn();
        review.status = input.status();
        review.panelMeetings = input.panelMeetings() == null ? List.of() : List.copyOf(input.panelMeetings());
        review.recommendations = input.recommendations() == null ? List.of() : input.recommendations().stream()
                .map(r -> r.id() != null ? r : new DomesticHomicideReviewInput.Recommendation(UUID.randomUUID(),
                        r.text(), r.ownerAgencyId(), r.dueOn(), r.completedOn()))
                .toList();
    }

    /** No case details: only that a review of this partnership is at this stage. */
    @Override
    protected DomainEvent event(DomesticHomicideReview review, boolean created) {
        return new DomesticHomicideReviewChanged(review.id, review.partnershipId, Term.slugOf(review.status),
                review.version);
    }
}
