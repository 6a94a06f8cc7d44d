package org.saferpartnerships.funding.partnerships;

import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.RequestScoped;

import org.saferpartnerships.platform.domain.NoSuchRecord;
import org.saferpartnerships.platform.domain.NotPermitted;
import org.saferpartnerships.platform.identity.Caller;
import org.saferpartnerships.platform.identity.Roles;

/**
 * Who may see and change which partnership's money. A partnership outside the caller's token is
 * one the caller may not know of (404), as is one partnership-service has not registered.
 * Funding officers manage what their own funder (the funder whose id is their agency) gives the
 * partnerships of their area; partnership officers commit and spend their own partnership's money.
 */
@RequestScoped
public class FundingAccess {

    private final Caller caller;
    private final PartnershipReplica partnerships;

    FundingAccess(Caller caller, PartnershipReplica partnerships) {
        this.caller = caller;
        this.partnerships = partnerships;
    }

    /** Funding officers, partnership officers and analysts of the partnership, and admins, read its figures. */
    public void readable(String partnershipId) {
        known(partnershipId);
        if (!caller.isPlatformAdmin() && !(inToken(partnershipId) && (caller.hasRole(Roles.FUNDING_OFFICER)
                || caller.hasRole(Roles.PARTNERSHIP_OFFICER) || caller.hasRole(Roles.ANALYST)))) {
            throw noSuchPartnership(partnershipId);
        }
    }

    /**
     * As {@link #readable}, and viewers of the partnership too.
     *
     * @return whether the caller reads as a viewer, and so may be shown only what is published
     */
    public boolean readableByViewer(String partnershipId) {
        known(partnershipId);
        if (caller.hasRole(Roles.VIEWER) && inToken(partnershipId)) {
            return true;
        }
        readable(partnershipId);
        return false;
    }

    /** The funder's own funding officers, for the partnerships of their area, and admins. */
    public void fundsFor(String partnershipId, String funderId) {
        known(partnershipId);
        if (caller.isPlatformAdmin()) {
            return;
        }
        if (!inToken(partnershipId)) {
            throw noSuchPartnership(partnershipId);
        }
        if (!caller.hasRole(Roles.FUNDING_OFFICER) || !caller.agencyId().map(funderId::equals).orElse(false)) {
            throw new NotPermitted("Only " + funderId + "'s funding officers and platform admins decide its money");
        }
    }

    /** The partnership's own officers, and admins. */
    public void manages(String partnershipId) {
        known(partnershipId);
        if (caller.isPlatformAdmin()) {
            return;
        }
        if (!inToken(partnershipId)) {
            throw noSuchPartnership(partnershipId);
        }
        if (!caller.hasRole(Roles.PARTNERSHIP_OFFICER)) {
            throw new NotPermitted("Only officers of " + partnershipId + " and platform admins commit its money");
        }
    }

    /**
     * Publishing a year's budget to the partnership's viewers: its own officers, the funding officers
     * (of its area) of a funder that funds it that year, and admins. An officer of a funder that
     * gives it nothing that year has no say over its budget.
     */
    public void publishes(String partnershipId, Set<String> fundersOfTheYear) {
        known(partnershipId);
        if (caller.isPlatformAdmin()) {
            return;
        }
        if (!inToken(partnershipId)) {
            throw noSuchPartnership(partnershipId);
        }
        boolean fundsIt = caller.hasRole(Roles.FUNDING_OFFICER)
                && caller.agencyId().map(fundersOfTheYear::contains).orElse(false);
        if (!caller.hasRole(Roles.PARTNERSHIP_OFFICER) && !fundsIt) {
            throw new NotPermitted("Only officers of " + partnershipId + ", funding officers of a funder that funds it "
                    + "that year and platform admins publish its budget");
        }
    }

    /** Funders' own records (their streams): their funding officers, and admins. */
    public void speaksFor(String funderId) {
        if (!caller.isPlatformAdmin() && !(caller.hasRole(Roles.FUNDING_OFFICER)
                && caller.agencyId().map(funderId::equals).orElse(false))) {
            throw new NotPermitted("Only " + funderId + "'s funding officers and platform admins act for it");
        }
    }

    /**
     * Which partnerships' grants of the funder the caller may see: the funder's own funding officers
     * see those to the partnerships of their area (their token), as they do everywhere else, so a
     * funder that funds across areas tells none of them another area's figures; admins see all.
     */
    public Predicate<String> grantsSeenOf(String funderId) {
        speaksFor(funderId);
        if (caller.isPlatformAdmin()) {
            return partnershipId -> true;
        }
        Set<String> area = Set.copyOf(caller.partnerships());
        return area::contains;
    }

    public boolean isPlatformAdmin() {
        return caller.isPlatformAdmin();
    }

    public String who() {
        return caller.subject().orElse(caller.name());
    }

    private void known(String partnershipId) {
        if (partnerships.nameOf(partnershipId).isEmpty()) {
            throw noSuchPartnership(partnershipId);
        }
    }

    private boolean inToken(String partnershipId) {
        return caller.partnerships().contains(partnershipId);
    }

    private static NoSuchRecord noSuchPartnership(String partnershipId) {
        return new NoSuchRecord("No partnership " + partnershipId);
    }
}
