package org.saferpartnerships.incident.register;

import java.util.Set;

import jakarta.ws.rs.core.Response;

import org.saferpartnerships.platform.api.HttpProblem;
import org.saferpartnerships.platform.identity.Caller;

/** Who is posting: the agency from the token and the partnerships the token allows. */
public record Submitter(String agencyId, Set<String> partnerships) {

    /** @throws HttpProblem 403 when the token names no agency: incidents are an agency's records */
    public static Submitter of(Caller caller) {
        String agencyId = caller.agencyId().orElseThrow(() -> HttpProblem.valueOf(Response.Status.FORBIDDEN,
                "The token names no agency (agency_id claim); incidents are recorded for an agency"));
        return new Submitter(agencyId, caller.partnerships());
    }
}
