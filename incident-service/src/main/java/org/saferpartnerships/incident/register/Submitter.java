package org.saferpartnerships.incident.register;

import java.util.Set;


import org.saferpartnerships.platform.domain.NotPermitted;
import org.saferpartnerships.platform.identity.Caller;

/** Who is posting: the agency from the token and the partnerships the token allows. */
public record Submitter(String agencyId, Set<String> partnerships) {

    /** @throws NotPermitted when the token names no agency: incidents are an agency's records */
    public static Submitter of(Caller caller) {
        String agencyId = caller.agencyId().orElseThrow(() -> new NotPermitted("The token names no agency (agency_id claim); incidents are recorded for an agency"));
        return new Submitter(agencyId, caller.partnerships());
    }
}
