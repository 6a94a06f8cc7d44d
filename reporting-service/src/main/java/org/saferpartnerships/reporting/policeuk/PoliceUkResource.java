package org.saferpartnerships.reporting.policeuk;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.smallrye.common.annotation.Blocking;

import org.saferpartnerships.platform.api.CalendarMonth;
import org.saferpartnerships.platform.api.HttpProblem;
import org.saferpartnerships.platform.domain.NoSuchRecord;

/**
 * data.police.uk's API over our archive of its street-level files: the same paths under
 * {@code /police-uk/api/}, the same shapes, so that analysts' scripts and R and Python clients work by
 * changing the base URL. Only records imported from a data.police.uk publication are served. Open
 * data: no token, read-only, limited per address as police.uk limits (platform {@code RateLimit}).
 */
@Path("/police-uk/api")
@Tag(name = "police.uk-compatible open data", description = "data.police.uk's methods over every month of its "
        + "files we hold (Open Government Licence v3.0); no token needed, 15 requests a second per address")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
// Declared open in the document as it is in the code: security [] on every operation.
@SecurityRequirements
@Blocking
public class PoliceUkResource {

    /** A force as {@code forces} lists it. */
    public record ForceEntry(String id, String name) {
    }

    /** A force as {@code forces/{id}} gives it; what police.uk's file of it would add, we do not hold. */
    @JsonPropertyOrder({ "description", "url", "engagement_methods", "telephone", "id", "name" })
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ForceDetail(String description, String url,
            @JsonProperty("engagement_methods") List<Object> engagementMethods, String telephone, String id,
            String name) {
    }

    private final PoliceUkArchive archive;

    PoliceUkResource(PoliceUkArchive archive) {
        this.archive = archive;
    }

    @GET
    @Path("crime-categories")
    @Operation(summary = "The crime categories of a month", description = "As police.uk had them in that month "
            + "(the set changed in September 2011 and May 2013), all-crime first; the latest month held by default.")
    public List<PoliceUkCategories.Category> crimeCategories(@QueryParam("date") @CalendarMonth String date) {
        return archive.categories(month(date));
    }

    @GET
    @Path("crimes-street-dates")
    @Operation(summary = "Every month held, newest first", description = "Including months data.police.uk no "
            + "longer serves. We hold no stop and search: its list is always empty.")
    public List<PoliceUkArchive.StreetDate> crimesStreetDates() {
        return archive.streetDates();
    }

    @GET
    @Path("crimes-street/{category}")
    @Operation(summary = "Street-level crimes within a mile of a point, or inside a polygon", description = "lat and "
            + "lng for a one-mile circle, or poly=lat,lng:lat,lng:… (need not be closed); date is the month, the "
            + "latest held by default. all-crime is every category, anti-social behaviour included.")
    @APIResponse(responseCode = "200", description = "The crimes, by id", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = StreetCrime.class)))
    @APIResponse(responseCode = "400", description = "Neither a point nor a polygon, or not numbers")
    @APIResponse(responseCode = "404", description = "A month not held, or a category the month did not have")
    @APIResponse(responseCode = "503", description = "More than 10,000 crimes: ask for a smaller area")
    public List<StreetCrime> crimesStreet(@PathParam("category") String category, @QueryParam("lat") String lat,
            @QueryParam("lng") String lng, @QueryParam("poly") String poly,
            @QueryParam("date") @CalendarMonth String date) {
        return archive.inArea(category, area(lat, lng, poly), month(date));
    }

    @POST
    @Path("crimes-street/{category}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Street-level crimes, the area in the body", description = "As the GET, with poly (or lat "
            + "and lng) and date form-encoded in the body: for polygons too long for a URL. Answered, not redirected.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = AreaForm.class)))
    @APIResponse(responseCode = "200", description = "The crimes, by id", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = StreetCrime.class)))
    @APIResponse(responseCode = "400", description = "Neither a point nor a polygon, not numbers, or not form-encoded")
    @APIResponse(responseCode = "404", description = "A month not held, or a category the month did not have")
    @APIResponse(responseCode = "413", description = "A body longer than a polygon of 10,000 points")
    @APIResponse(responseCode = "503", description = "More than 10,000 crimes: ask for a smaller area")
    public List<StreetCrime> crimesStreetPosted(@PathParam("category") String category, String body) {
        Map<String, String> form = form(body);
        String date = form.get("date");
        if (date != null && !date.matches(CalendarMonth.PATTERN)) {
            throw badRequest("date must be a month as YYYY-MM");
        }
        return archive.inArea(category, area(form.get("lat"), form.get("lng"), form.get("poly")), month(date));
    }

    /** The fields of the form-encoded body, for the document. */
    @Schema(name = "PoliceUkAreaForm")
    public record AreaForm(@Schema(example = "52.268,0.543:52.794,0.238:52.130,0.478") String poly, String lat,
            String lng, @Schema(example = "2018-03") String date) {
    }

    @GET
    @Path("crimes-at-location")
    @Operation(summary = "The crimes at one street", description = "location_id is a street id from the answers "
            + "of crimes-street; lat and lng find the street nearest the point. The latest month held by default.")
    public List<StreetCrime> crimesAtLocation(@QueryParam("location_id") String locationId,
            @QueryParam("lat") String lat, @QueryParam("lng") String lng,
            @QueryParam("date") @CalendarMonth String date) {
        if (locationId != null) {
            try {
                return archive.atStreet(Long.parseLong(locationId), month(date));
            } catch (NumberFormatException e) {
                throw badRequest("location_id must be a street id (an integer)");
            }
        }
        if (lat == null || lng == null) {
            throw badRequest("Give location_id, or lat and lng");
        }
        return archive.atStreetNearest(point(lat, lng), month(date));
    }

    @GET
    @Path("crimes-no-location")
    @Operation(summary = "A force's crimes without a location", description = "location and location_type are "
            + "null. Rows of a police.uk file without even an LSOA cannot be placed in a partnership and are not "
            + "imported, so only rows with an area but no point come here.")
    public List<StreetCrime> crimesNoLocation(@QueryParam("category") String category,
            @QueryParam("force") String force, @QueryParam("date") @CalendarMonth String date) {
        if (force == null || force.isBlank()) {
            throw badRequest("force is required: an id from GET forces");
        }
        return archive.withoutLocation(category == null ? PoliceUkCategories.ALL_CRIME : category, force,
                month(date));
    }

    @GET
    @Path("outcomes-for-crime/{persistent_id}")
    @Operation(summary = "A crime and its outcomes", description = "outcomes is [] when there are none. The "
            + "street-level files carry the last outcome only, with the crime's month.")
    @APIResponse(responseCode = "200", description = "The crime and its outcomes", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StreetCrime.WithOutcomes.class)))
    @APIResponse(responseCode = "404", description = "No crime with that persistent_id")
    public StreetCrime.WithOutcomes outcomesForCrime(@PathParam("persistent_id") String persistentId) {
        return archive.outcomesFor(persistentId);
    }

    @GET
    @Path("forces")
    @Operation(summary = "The forces of England, Wales and Northern Ireland", description = "police.uk's ids "
            + "and names.")
    public List<ForceEntry> forces() {
        return PoliceUkForces.all().stream().map(f -> new ForceEntry(f.id(), f.name())).toList();
    }

    @GET
    @Path("forces/{id}")
    @Operation(summary = "One force")
    @APIResponse(responseCode = "200", description = "The force", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ForceDetail.class)))
    @APIResponse(responseCode = "404", description = "No force of that id")
    public ForceDetail force(@PathParam("id") String id) {
        return PoliceUkForces.byId(id).map(f -> new ForceDetail(null, null, List.of(), "101", f.id(), f.name()))
                .orElseThrow(() -> new NoSuchRecord("No force " + id + ": GET forces lists them"));
    }

    /** police.uk's answer to an area with too many crimes: 503, and asking again will not help. */
    @ServerExceptionMapper
    public Response tooMany(TooManyCrimes e, UriInfo uri) {
        return HttpProblem.builder().withStatus(Response.Status.SERVICE_UNAVAILABLE).withTitle("Service Unavailable")
                .withDetail(e.getMessage()).build().toResponse(uri.getPath());
    }

    private static YearMonth month(String date) {
        return date == null ? null : YearMonth.parse(date);
    }

    private static Area area(String lat, String lng, String poly) {
        if (poly != null && !poly.isBlank()) {
            try {
                return Area.parse(poly);
            } catch (IllegalArgumentException e) {
                throw badRequest(e.getMessage());
            }
        }
        if (lat == null || lng == null) {
            throw badRequest("Give lat and lng (a one-mile circle) or poly (a polygon)");
        }
        return Area.oneMileRound(point(lat, lng));
    }

    private static Area.Point point(String lat, String lng) {
        try {
            return Area.Point.parse(lat, lng);
        } catch (IllegalArgumentException e) {
            throw badRequest("lat and lng must be decimal degrees, within ±90 and ±180");
        }
    }

    /** Room for a polygon of 10,000 points, percent-encoded. */
    private static final int MAX_FORM_CHARS = 512 * 1024;

    /**
     * The body's fields, decoded here rather than by the framework, whose decoder answers a
     * broken percent-escape with a 500.
     */
    private static Map<String, String> form(String body) {
        if (body == null) {
            return Map.of();
        }
        if (body.length() > MAX_FORM_CHARS) {
            throw HttpProblem.builder().withStatus(413).withTitle("Content Too Large")
                    .withDetail("A form body may be at most " + MAX_FORM_CHARS + " characters").build();
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw badRequest("The body is not form-encoded: a broken percent-escape");
            }
        }
        return fields;
    }

    private static RuntimeException badRequest(String detail) {
        return HttpProblem.valueOf(Response.Status.BAD_REQUEST, detail);
    }
}
