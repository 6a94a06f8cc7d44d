package org.saferpartnerships.partnership.dhr;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.Authenticated;

import org.saferpartnerships.partnership.partnerships.PartnershipAccess;
import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.api.PageRequest;
import org.saferpartnerships.platform.audit.AuditTrail;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.platform.partnership.ReviewStatus;

/**
 * Domestic Homicide Reviews. Restricted: anyone but the partnership's officers and platform admins
 * gets 404, as if there were none.
 */
@Path("/api/v1/partnerships/{partnershipId}/domestic-homicide-reviews")
@Tag(name = "Domestic Homicide Reviews", description = "Restricted to the partnership's officers and admins")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "domestic-homicide-review", id = "reviewId")
public class DomesticHomicideReviewResource {

    private static final String WHAT = "domestic homicide reviews";

    /** A review as the API returns it. */
    public record ReviewView(UUID id, String partnershipId, String caseReference, LocalDate notifiedOn,
            ReviewStatus status, List<DomesticHomicideReviewInput.PanelMeeting> panelMeetings,
            List<DomesticHomicideReviewInput.Recommendation> recommendations, long version) {
        static ReviewView of(DomesticHomicideReview r) {
            return new ReviewView(r.id, r.partnershipId, r.caseReference, r.notifiedOn, r.status, r.panelMeetings,
                    r.recommendations, r.version);
        }
    }

    private final DomesticHomicideReviewService reviews;
    private final PartnershipAccess access;
    private final AuditTrail audit;

    DomesticHomicideReviewResource(DomesticHomicideReviewService reviews, PartnershipAccess access, AuditTrail audit) {
        this.reviews = reviews;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Authenticated
    @Operation(summary = "The partnership's reviews, by case reference")
    public RestResponse<List<ReviewView>> list(@Valid @BeanParam PageRequest page,
            @PathParam("partnershipId") String partnershipId) {
        access.restricted(partnershipId, WHAT);
        return audit.listed(page.of(reviews.of(partnershipId).stream().map(ReviewView::of).toList()), ReviewView::id);
    }

    @GET
    @Path("{reviewId}")
    @Authenticated
    @Operation(summary = "Read one review")
    public Response get(@PathParam("partnershipId") String partnershipId, @PathParam("reviewId") UUID reviewId) {
        access.restricted(partnershipId, WHAT);
        DomesticHomicideReview review = reviews.find(partnershipId, reviewId);
        return EntityTags.tagged(ReviewView.of(review), review.version);
    }

    @POST
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Record a notified domestic homicide and its review")
    public Response open(@PathParam("partnershipId") String partnershipId,
            @NotNull @Valid DomesticHomicideReviewInput input) {
        access.restricted(partnershipId, WHAT);
        DomesticHomicideReview review = reviews.create(partnershipId, input);
        return EntityTags.created(UriBuilder.fromResource(DomesticHomicideReviewResource.class)
                .path(review.id.toString()).build(partnershipId), ReviewView.of(review), review.version);
    }

    @PUT
    @Path("{reviewId}")
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Update a review: stage, panel meetings, recommendations and their completion")
    public Response update(@PathParam("partnershipId") String partnershipId, @PathParam("reviewId") UUID reviewId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid DomesticHomicideReviewInput input) {
        access.restricted(partnershipId, WHAT);
        DomesticHomicideReview review = reviews.revise(partnershipId, reviewId, ifMatch, input);
        return EntityTags.tagged(ReviewView.of(review), review.version);
    }
}
