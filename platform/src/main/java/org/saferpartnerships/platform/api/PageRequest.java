package org.saferpartnerships.platform.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A page of a list endpoint (architecture decision 7: paging with a capped page size), taken as
 * {@code @Valid @BeanParam}. The body stays a JSON array; {@code X-Total-Count} says how many there
 * are in all and RFC 8288 {@code Link} headers point to the {@code next} and {@code prev} pages.
 * For the lists of a partnership's own records and the directories, which run to hundreds, not
 * millions; incident listing pages by keyset instead.
 */
public class PageRequest {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    public static final String TOTAL_COUNT = "X-Total-Count";

    @QueryParam("limit")
    @DefaultValue("" + DEFAULT_LIMIT)
    @Min(1)
    @Max(MAX_LIMIT)
    @Parameter(description = "Items per page, at most " + MAX_LIMIT)
    int limit;

    @QueryParam("offset")
    @DefaultValue("0")
    @Min(0)
    @Parameter(description = "Items to skip: follow the Link header rel=\"next\" rather than counting")
    int offset;

    @Context
    UriInfo uri;

    public <T> RestResponse<List<T>> of(List<T> all) {
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) offset + limit, all.size());
        RestResponse.ResponseBuilder<List<T>> page = RestResponse.ResponseBuilder.ok(List.copyOf(all.subList(from, to)))
                .header(TOTAL_COUNT, all.size());
        if (to < all.size()) {
            page.link(uri.getRequestUriBuilder().replaceQueryParam("offset", to).build(), "next");
        }
        if (from > 0) {
            page.link(uri.getRequestUriBuilder().replaceQueryParam("offset", Math.max(0, from - limit)).build(), "prev");
        }
        return page.build();
    }
}
