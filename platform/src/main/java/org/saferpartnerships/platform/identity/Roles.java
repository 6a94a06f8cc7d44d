package org.saferpartnerships.platform.identity;

/** Realm roles of the {@code csp} Keycloak realm; the names are the ones tokens carry. */
public final class Roles {

    /** A partner agency's system or staff posting incidents and action updates. */
    public static final String AGENCY_SUBMITTER = "agency-submitter";
    /** A council community safety officer keeping a partnership's records. */
    public static final String PARTNERSHIP_OFFICER = "partnership-officer";
    /** A police or council analyst reading aggregated feeds. */
    public static final String ANALYST = "analyst";
    /** The PFCC office's grants officer. */
    public static final String FUNDING_OFFICER = "funding-officer";
    public static final String PLATFORM_ADMIN = "platform-admin";
    /** A committee member or member of the public: published, aggregated data only. */
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
