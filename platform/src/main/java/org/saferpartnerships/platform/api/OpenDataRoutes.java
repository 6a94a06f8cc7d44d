package org.saferpartnerships.platform.api;

/**
 * The open-data routes: records of data.police.uk's publications (Open Government Licence v3.0)
 * served again to anyone, without a token, as police.uk serves them. They hold nobody's records
 * but what is already public, so they have a rate limit of their own and are not audited.
 */
public final class OpenDataRoutes {

    public static final String PREFIX = "/police-uk/api/";

    private OpenDataRoutes() {
    }

    public static boolean isOpenData(String path) {
        return path != null && path.startsWith(PREFIX);
    }
}
