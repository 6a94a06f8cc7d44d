package org.saferpartnerships.reporting.reports;

import jakarta.enterprise.context.RequestScoped;

import org.saferpartnerships.platform.domain.NoSuchRecord;
import org.saferpartnerships.platform.domain.NotPermitted;
import org.saferpartnerships.platform.identity.Caller;
import org.saferpartnerships.platform.identity.Roles;

/**
 * Who may do what with a partnership's reports: its officers (and platform admins) draft, read
 * drafts and publish; anyone who may act for the partnership, viewers included, reads what was
 * published. A draft is not there for anyone else (404), like a partnership outside the token.
 */
@RequestScoped
public class ReportAccess {

    private final Caller caller;

    ReportAccess(Caller caller) {
        this.caller = caller;
    }

    String author() {
        return caller.subject().orElse(caller.name());
    }

    boolean draftsOf(String partnershipId) {
        return caller.isPlatformAdmin()
                || (caller.hasRole(Roles.PARTNERSHIP_OFFICER) && caller.mayActFor(partnershipId));
    }

    void readsPublished(String partnershipId) {
        if (!caller.mayActFor(partnershipId)) {
            throw new NoSuchRecord("No partnership " + partnershipId);
        }
    }

    void manages(String partnershipId) {
        readsPublished(partnershipId);
        if (!draftsOf(partnershipId)) {
            throw new NotPermitted("Only the partnership's officers draft and publish its reports");
        }
    }

    /** A report the caller may read: published for the partnership's readers, a draft for its officers. */
    Report readable(Report report) {
        if (!caller.mayActFor(report.partnershipId) || (!report.published() && !draftsOf(report.partnershipId))) {
            throw new NoSuchRecord("No report " + report.id);
        }
        return report;
    }
}
