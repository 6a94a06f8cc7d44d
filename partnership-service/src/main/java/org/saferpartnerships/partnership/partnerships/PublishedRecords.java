package org.saferpartnerships.partnership.partnerships;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Marks in the API document the reads of what councils publish — partnerships, agencies and a
 * partnership's records except the restricted ones ({@link PartnershipAccess}: Domestic Homicide
 * Reviews) — with {@code x-csp-published: true}: every signed-in caller may read them, whichever
 * partnerships the token names. Clients and the security suite read the rule from there.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class PublishedRecords implements OASFilter {

    public static final String EXTENSION = "x-csp-published";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (path.getValue().getGET() != null && isPublished(path.getKey())) {
                path.getValue().getGET().addExtension(EXTENSION, true);
            }
        }
    }

    static boolean isPublished(String path) {
        return (path.startsWith("/api/v1/partnerships") || path.startsWith("/api/v1/agencies"))
                && !path.contains("/domestic-homicide-reviews");
    }
}
