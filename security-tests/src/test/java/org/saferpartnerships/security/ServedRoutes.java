package org.saferpartnerships.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;

/**
 * The routes a service's code declares: every JAX-RS resource method in its packaged application
 * and in the platform library it ships, read from the class files (Jandex), not from the running
 * service — so a route left out of the OpenAPI document is found.
 */
final class ServedRoutes {

    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private ServedRoutes() {
    }

    static Set<String> of(Path repo, String service) {
        Path app = repo.resolve(service + "-service/target/quarkus-app");
        Index index = index(app);
        Set<String> routes = new TreeSet<>();
        for (AnnotationInstance path : index.getAnnotations(PATH)) {
            if (path.target().kind() != AnnotationTarget.Kind.CLASS) {
                continue;
            }
            ClassInfo resource = path.target().asClass();
            for (MethodInfo method : resource.methods()) {
                for (String http : METHODS) {
                    if (method.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + http))) {
                        AnnotationInstance sub = method.declaredAnnotation(PATH);
                        routes.add(http + " " + join(path.value().asString(), sub == null ? "" : sub.value().asString()));
                    }
                }
            }
        }
        return routes;
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/").replaceAll("\\{\\s*([\\w]+)\\s*:[^}]*}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** The service's own jar and the platform's, as packaged. */
    private static Index index(Path app) {
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> own = Files.list(app.resolve("app")); Stream<Path> libs = Files.list(app.resolve("lib/main"))) {
            own.filter(p -> p.toString().endsWith(".jar")).forEach(jars::add);
            libs.filter(p -> p.getFileName().toString().startsWith("org.saferpartnerships.platform-")).forEach(jars::add);
        } catch (IOException e) {
            throw new UncheckedIOException("no packaged application at " + app, e);
        }
        Indexer indexer = new Indexer();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                for (JarEntry entry : java.util.Collections.list(file.entries())) {
                    if (entry.getName().endsWith(".class")) {
                        try (InputStream in = file.getInputStream(entry)) {
                            indexer.index(in);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return indexer.complete();
    }
}
