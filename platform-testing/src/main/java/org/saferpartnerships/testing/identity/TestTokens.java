package org.saferpartnerships.testing.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import org.saferpartnerships.platform.identity.Caller;
import org.saferpartnerships.platform.identity.Roles;

/**
 * Access tokens shaped like the csp realm's (roles in {@code realm_access.roles}, audience
 * {@code csp-api}, {@code agency_id} and {@code partnerships} claims), signed with the test key
 * that {@link IdentityTestResource} tells the service to trust.
 */
public final class TestTokens {

    public static final String ISSUER = "https://identity.test.saferpartnerships.invalid/realms/csp";
    public static final String AUDIENCE = "csp-api";

    private final String user;
    private String subject;
    private final Set<String> roles = new LinkedHashSet<>();
    /** Every caller of the realm but a platform admin works for an agency; {@code agency(null)} makes one who does not. */
    public static final String DEFAULT_AGENCY = "test-agency";

    private String agencyId = DEFAULT_AGENCY;
    private List<String> partnerships = List.of();
    private String audience = AUDIENCE;

    private TestTokens(String user) {
        this.user = user;
        this.subject = user;
    }

    public static TestTokens forUser(String user) {
        return new TestTokens(user);
    }

    public static String agencySubmitter(String agencyId, String... partnerships) {
        return forUser(agencyId + "-submitter").roles(Roles.AGENCY_SUBMITTER).agency(agencyId)
                .partnerships(partnerships).token();
    }

    public static String analyst(String... partnerships) {
        return forUser("analyst").roles(Roles.ANALYST).agency("essex-police").partnerships(partnerships).token();
    }

    public static String withRole(String role, String... partnerships) {
        return forUser(role + "-user").roles(role).partnerships(partnerships).token();
    }

    public TestTokens roles(String... names) {
        roles.addAll(List.of(names));
        return this;
    }

    public TestTokens agency(String id) {
        agencyId = id;
        return this;
    }

    public TestTokens partnerships(String... ids) {
        partnerships = List.of(ids);
        return this;
    }

    /** The account's id ({@code sub}), by default the username; Keycloak's is a UUID. */
    public TestTokens subject(String id) {
        subject = id;
        return this;
    }

    /** A token minted for another API, which every service must refuse. */
    public TestTokens audience(String value) {
        audience = value;
        return this;
    }

    public String token() {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(subject)
                .preferredUserName(user)
                .audience(audience)
                .claim("realm_access", Map.of("roles", List.copyOf(roles)))
                .claim(Caller.PARTNERSHIPS_CLAIM, partnerships)
                .expiresIn(600);
        if (agencyId != null) {
            claims.claim(Caller.AGENCY_CLAIM, agencyId);
        }
        return claims.jws().keyId("csp-test").sign(signingKey());
    }

    private static PrivateKey signingKey() {
        try {
            byte[] der = Base64.getDecoder().decode(pemBody("test-token-signing-key.pem"));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The test signing key is unreadable", e);
        }
    }

    static String pemBody(String resource) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from platform-testing");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
