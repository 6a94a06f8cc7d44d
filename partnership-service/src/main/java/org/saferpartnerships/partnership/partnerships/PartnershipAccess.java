package org.saferpartnerships.partnership.partnerships;

import jakarta.enterprise.context.RequestScoped;

import org.saferpartnerships.partnership.partnerships.Partnership;
import org.saferpartnerships.platform.domain.NoSuchRecord;
import org.saferpartnerships.platform.domain.NotPermitted;
import org.saferpartnerships.platform.identity.Caller;
import org.saferpartnerships.platform.identity.Roles;

/**
 * Who may do what with a partnership's records. Every authenticated caller reads the
 * non-restricted records of any partnership (they are what councils publish); only the
 * partnership's own officers (its id in their {@code partnerships} claim) and platform admins
 * change them or see restricted ones (Domestic Homicide Reviews).
 */
@RequestScoped
public class PartnershipAccess {

    private final Caller caller;

    PartnershipAccess(Caller caller) {
        this.caller = caller;
    }

    /** @throws NoSuchRecord when there is no such partnership */
    public Partnership readable(String partnershipId) {
        return Partnership.<Partnership>findByIdOptional(partnershipId)
                .orElseThrow(() -> notFound("No partnership " + partnershipId));
    }

    /** @throws NoSuchRecord when there is none, NotPermitted when the caller may read but not change it */
    public Partnership manageable(String partnershipId) {
        Partnership partnership = readable(partnershipId);
        if (!managesPartnership(partnershipId)) {
            throw new NotPermitted("Only officers of " + partnershipId + " and platform admins change its records");
        }
        return partnership;
    }

    /**
     * For restricted records: only the partnership's officers and admins learn that they exist.
     *
     * @throws NoSuchRecord for everyone else, as for a partnership that does not exist
     */
    public Partnership restricted(String partnershipId, String what) {
        Partnership partnership = readable(partnershipId);
        if (!managesPartnership(partnershipId)) {
            throw notFound("No " + what + " of partnership " + partnershipId);
        }
        return partnership;
    }

    public boolean managesPartnership(String partnershipId) {
        return caller.isPlatformAdmin()
                || (caller.hasRole(Roles.PARTNERSHIP_OFFICER) && caller.partnerships().contains(partnershipId));
    }

    public static NoSuchRecord notFound(String detail) {
        return new NoSuchRecord(detail);
    }
}
