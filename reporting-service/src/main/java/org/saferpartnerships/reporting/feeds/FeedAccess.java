package org.saferpartnerships.reporting.feeds;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;

import org.saferpartnerships.platform.domain.NoSuchRecord;
import org.saferpartnerships.platform.domain.RuleViolated;
import org.saferpartnerships.platform.identity.Caller;
import org.saferpartnerships.platform.identity.Roles;

/**
 * Which partnerships' figures a caller may have, and how exact. Analysts and officers get exact
 * counts for the partnerships in their token (a force analyst lists many); viewers get the same
 * feeds under disclosure control; admins everything. A partnership outside the token is 404.
 */
@RequestScoped
public class FeedAccess {

    private final Caller caller;
    private final DisclosureControl disclosure;

    FeedAccess(Caller caller, DisclosureControl disclosure) {
        this.caller = caller;
        this.disclosure = disclosure;
    }

    /** @param requested one id, or several separated by commas */
    public List<String> partnerships(String requested) {
        List<String> ids = Arrays.stream(requested.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .distinct().toList();
        if (ids.isEmpty()) {
            throw new RuleViolated("partnership: name at least one partnership");
        }
        for (String id : ids) {
            if (!caller.mayActFor(id)) {
                throw new NoSuchRecord("No partnership " + id);
            }
        }
        return ids;
    }

    /** Viewers see suppressed small counts; everyone else allowed here sees exact ones. */
    public Audience audience() {
        return new Audience(caller.isPlatformAdmin() || caller.hasRole(Roles.ANALYST)
                || caller.hasRole(Roles.PARTNERSHIP_OFFICER), disclosure);
    }
}
