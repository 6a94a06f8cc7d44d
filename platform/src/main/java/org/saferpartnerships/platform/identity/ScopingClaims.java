package org.saferpartnerships.platform.identity;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import org.saferpartnerships.platform.api.HttpProblem;

/**
 * A signed-in caller must say whom they work for: every token but a platform admin's carries the
 * {@code agency_id} claim that object-level checks start from. A token of the realm without it (an
 * account set up without its agency) is refused with 403 before any operation looks at it, instead
 * of each operation deciding what a caller of no agency may see.
 */
public class ScopingClaims {

    private final CurrentIdentityAssociation identities;

    ScopingClaims(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> refuseUnscopedCallers(ContainerRequestContext request) {
        return identities.getDeferredIdentity().map(ScopingClaims::refusal);
    }

    private static Response refusal(SecurityIdentity identity) {
        if (identity.isAnonymous() || identity.hasRole(Roles.PLATFORM_ADMIN)
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        if (Caller.agencyOf(token).isPresent()) {
            return null;
        }
        return HttpProblem.valueOf(Response.Status.FORBIDDEN,
                "The token names no agency (agency_id claim): ask your administrator to set up your account")
                .toResponse();
    }
}
