package org.saferpartnerships.reporting.feeds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.saferpartnerships.platform.api.MonthRange;
import org.saferpartnerships.platform.identity.Roles;

@Path("/api/v1/feeds/hotspots")
@Tag(name = "Feeds")
public class HotspotResource {

    static final String GEOJSON = "application/geo+json";

    /** The places with most incidents, where Joint Action Group and hub tasking start. */
    public record Hotspots(String partnership, String from, String to, String category,
            IncidentCountFeed.Freshness freshness, IncidentCountFeed.Disclosure disclosure,
            List<FeedQueries.Place> places) {
    }

    private final FeedQueries queries;
    private final FeedAccess access;
    private final IncidentCountFeedService feeds;

    HotspotResource(FeedQueries queries, FeedAccess access, IncidentCountFeedService feeds) {
        this.queries = queries;
        this.access = access;
        this.feeds = feeds;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, GEOJSON })
    @RolesAllowed({ Roles.ANALYST, Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN, Roles.VIEWER })
    @Operation(summary = "The places with most incidents", description = "Location descriptions and their points "
            + "as data.police.uk publishes them. format=geojson (or Accept: application/geo+json) gives a GeoJSON "
            + "FeatureCollection a map library draws directly. Viewers see only places at or above the "
            + "disclosure threshold, with counts rounded.")
    public Response hotspots(
            @QueryParam("partnership") @NotBlank String partnership,
            @Valid @BeanParam MonthRange period,
            @QueryParam("category") String category,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(500) int limit,
            @QueryParam("format") @Pattern(regexp = "json|geojson", message = "must be json or geojson") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        List<String> partnerships = access.partnerships(partnership);
        period.checked();
        Audience audience = access.audience();
        List<FeedQueries.Place> places = queries.hotspots(partnerships, period.first(), period.last(), category, limit).stream()
                .map(p -> p.withCount(audience.disclose(p.count()))).filter(p -> p.count() != null).toList();
        if ("geojson".equals(format) || (format == null && accept != null && accept.startsWith(GEOJSON))) {
            return Response.ok(featureCollection(places), GEOJSON).build();
        }
        return Response.ok(new Hotspots(partnership, period.from(), period.to(), category, feeds.freshness(),
                audience.statement("Places with fewer than " + audience.threshold() + " incidents are left out; "
                        + "the others' counts are rounded to the nearest " + audience.roundingBase() + "."),
                places), MediaType.APPLICATION_JSON).build();
    }

    /** RFC 7946: points as [longitude, latitude]; places without a point are left out of the map. */
    private static Map<String, Object> featureCollection(List<FeedQueries.Place> places) {
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", places.stream().filter(p -> p.latitude() != null).map(p -> {
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(p.longitude(), p.latitude())));
            feature.put("properties", Map.of("partnership", p.partnership(),
                    "locationDescription", p.locationDescription(), "count", p.count()));
            return feature;
        }).toList());
        return collection;
    }
}
