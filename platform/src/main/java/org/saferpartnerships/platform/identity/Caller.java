package org.saferpartnerships.platform.identity;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, from the verified access token: realm roles, the agency the caller works for
 * ({@code agency_id} claim) and the partnerships the caller may act for ({@code partnerships}
 * claim, multivalued). Object-level checks in every service start here.
 */
@RequestScoped
public class Caller {

    public static final String AGENCY_CLAIM = "agency_id";
    public static final String PARTNERSHIPS_CLAIM = "partnerships";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The token's {@code sub}: the account, which stays when a username is changed or reused. */
    public Optional<String> subject() {
        return identity.isAnonymous() ? Optional.empty() : Optional.ofNullable(token.getSubject());
    }

    public Set<String> roles() {
        return Set.copyOf(identity.getRoles());
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isPlatformAdmin() {
        return hasRole(Roles.PLATFORM_ADMIN);
    }

    public Optional<String> agencyId() {
        return agencyOf(token);
    }

    /** The agency a token names, for code that has the token but not a request's Caller. */
    public static Optional<String> agencyOf(JsonWebToken token) {
        Object claim = token.getClaim(AGENCY_CLAIM);
        if (claim instanceof JsonString value) {
            return Optional.of(value.getString()).filter(s -> !s.isBlank());
        }
        return Optional.ofNullable(claim).map(Object::toString).filter(s -> !s.isBlank());
    }

    public Set<String> partnerships() {
        Object claim = token.getClaim(PARTNERSHIPS_CLAIM);
        if (claim instanceof JsonArray values) {
            return Set.copyOf(values.getValuesAs(JsonString::getString));
        }
        if (claim instanceof JsonString value) {
            return Set.of(value.getString());
        }
        return Set.of();
    }

    /** Platform admins act for every partnership; everyone else for those in their token. */
    public boolean mayActFor(String partnershipId) {
        return isPlatformAdmin() || partnerships().contains(partnershipId);
    }
}
