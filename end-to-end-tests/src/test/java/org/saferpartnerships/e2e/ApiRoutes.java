package org.saferpartnerships.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one API origin's routing table, {@code deploy/api-routes}, read as the proxy and the Ingress
 * read it: each expression matched from the start of the path, without regard to case.
 */
final class ApiRoutes {

    /** Each service's own audit log and dead letters, reached on the origin under the service's name. */
    private static final Pattern PLATFORM_ADMIN = Pattern.compile("^/api/v1/admin/(audit|dead-letters)(/.*)?$");

    private record Route(Pattern path, String service) {
    }

    private final List<Route> routes;

    private ApiRoutes(List<Route> routes) {
        this.routes = routes;
    }

    static ApiRoutes of(Path repository) {
        try {
            return new ApiRoutes(Files.readAllLines(repository.resolve("deploy/api-routes")).stream()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+"))
                    .map(f -> new Route(Pattern.compile("^" + f[0], Pattern.CASE_INSENSITIVE), f[1])).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The services whose expressions match {@code path}: one, or none when the origin answers 404 itself. */
    List<String> servicesOf(String path) {
        return routes.stream().filter(route -> route.path().matcher(path).find()).map(Route::service).toList();
    }

    /**
     * The path on the origin for a path of {@code service}'s API document: its own, or for a
     * platform admin route the one naming the service.
     */
    static String onTheOrigin(String service, String path) {
        Matcher admin = PLATFORM_ADMIN.matcher(path);
        return admin.matches() ? "/api/v1/admin/" + service + "-service/" + path.substring("/api/v1/admin/".length())
                : path;
    }

    static boolean isPlatformAdmin(String path) {
        return PLATFORM_ADMIN.matcher(path).matches();
    }
}
