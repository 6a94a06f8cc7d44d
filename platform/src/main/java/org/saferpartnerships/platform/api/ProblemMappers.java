package org.saferpartnerships.platform.api;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import org.saferpartnerships.platform.persistence.PassingRefusal;

/**
 * Every failure a request can meet, as an {@code application/problem+json} response: problems
 * thrown at the edge, JAX-RS's own (404, 405, 415…), validation (400 with one violation per field,
 * and where it was: body, query, path, header), unreadable JSON (400 naming the field), security
 * (401, 403), and anything else (500, logged here with its stack trace, never sent).
 */
public class ProblemMappers {

    /** Where a violated value came from, as a client would name it. */
    public record Violation(String field, String in, String message) {
    }

    @ServerExceptionMapper
    public Response problem(HttpProblem problem, UriInfo uri) {
        return problem.toResponse(uri.getPath());
    }

    @ServerExceptionMapper
    public Response jaxRs(WebApplicationException e, UriInfo uri) {
        if (e instanceof NotFoundException && e.getCause() instanceof IllegalArgumentException unreadable) {
            // JAX-RS answers a path or query parameter that does not convert to its type 404, as if
            // the route did not exist; the caller sent a malformed value, and is told so.
            return HttpProblem.valueOf(Response.Status.BAD_REQUEST, "A path or query parameter is not of its type: "
                    + abbreviated(firstLine(unreadable.getMessage()))).toResponse(uri.getPath());
        }
        Response original = e.getResponse();
        HttpProblem.Builder problem = HttpProblem.builder().withStatus(original.getStatus());
        if (original.getStatus() >= 500) {
            Log.error("Request failed", e);
        } else if (e.getMessage() != null && !e.getMessage().startsWith("HTTP ")) {
            problem.withDetail(e.getMessage());
        }
        // Allow on a 405 and the like stay.
        original.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                problem.withHeader(name, String.join(", ", values));
            }
        });
        return problem.build().toResponse(uri.getPath());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri, SimpleResourceInfo resource) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            if (onReturnValue(violation.getPropertyPath())) {
                // The server answered something it promised not to: its fault, not the caller's.
                Log.errorf("Response violates its constraints: %s", e.getMessage());
                return HttpProblem.builder().withStatus(500).build().toResponse(uri.getPath());
            }
            violations.add(violationOf(violation, resource));
        }
        violations.sort(Comparator.comparing(Violation::in).thenComparing(Violation::field)
                .thenComparing(Violation::message));
        return HttpProblem.builder().withStatus(400).with("violations", violations).build().toResponse(uri.getPath());
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return badJson("Unknown property '" + pathOf(e) + "'", pathOf(e), uri);
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e, UriInfo uri) {
        return badJson("Invalid value for '" + pathOf(e) + "': " + firstLine(e.getOriginalMessage()), pathOf(e), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String path = pathOf(e);
        return badJson((path.isEmpty() ? "Unexpected JSON" : "Unexpected JSON for '" + path + "'") + ": "
                + firstLine(e.getOriginalMessage()), path, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e, UriInfo uri) {
        return badJson("Malformed JSON: " + firstLine(e.getOriginalMessage()), "", uri);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof InvalidDefinitionException || whileWriting(e)) {
            // The answer could not be written, or a type cannot be bound at all: the server's fault.
            Log.error("An answer could not be written", e);
            return HttpProblem.builder().withStatus(500).build().toResponse(uri.getPath());
        }
        String path = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        return badJson((path.isEmpty() ? "Unreadable JSON" : "Unreadable JSON at '" + path + "'") + ": "
                + firstLine(e.getOriginalMessage()), path, uri);
    }

    /**
     * Jackson wraps a failure inside a serializer without naming the generator, so where it was
     * thrown tells a failed answer from an unreadable request.
     */
    private static boolean whileWriting(JsonProcessingException e) {
        return e instanceof JsonGenerationException || Arrays.stream(e.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith("com.fasterxml.jackson.databind.ser."));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return HttpProblem.builder().withStatus(401).withHeader("WWW-Authenticate", "Bearer")
                .withDetail("A valid bearer token for this API is needed").build().toResponse(uri.getPath());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return HttpProblem.valueOf(Response.Status.FORBIDDEN, "Your role may not do this").toResponse(uri.getPath());
    }

    /**
     * A refusal of the database that passes (a lock not had within the lock timeout, a deadlock, a
     * lost connection, no pooled connection free in time) is the service's, not the request's: 503
     * and Retry-After, so a client sends it again rather than giving up or waiting for ever.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (PassingRefusal.in(e)) {
            Log.warnf("Request refused by the database for now: %s", e);
            return HttpProblem.builder().withStatus(503).withTitle("Service Unavailable").withHeader("Retry-After", 2)
                    .withDetail("The database could not do this in time and nothing was changed; send the request "
                            + "again (its Idempotency-Key or externalRef keeps it from being done twice)")
                    .build().toResponse(uri.getPath());
        }
        Log.error("Request failed", e);
        return HttpProblem.builder().withStatus(500).build().toResponse(uri.getPath());
    }

    /** 400, naming the field at fault (member {@code field}) where there is one. */
    private static Response badJson(String detail, String field, UriInfo uri) {
        HttpProblem.Builder problem = HttpProblem.builder().withStatus(400).withDetail(detail);
        if (!field.isEmpty()) {
            problem.with("field", field);
        }
        return problem.build().toResponse(uri.getPath());
    }

    /** {@code issues[0].scores}: the field, as a client finds it in the JSON it sent. */
    static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The caller's own value may be in the message: a long one is cut, so the answer stays small. */
    private static String abbreviated(String message) {
        return message.length() <= 200 ? message : message.substring(0, 197) + "...";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static boolean onReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * A resource method's violation is reported against the request: the path after the method
     * and parameter nodes for a body (or a bean parameter's field), the parameter's own name for a
     * query, path, header, cookie or form parameter.
     */
    private static Violation violationOf(ConstraintViolation<?> violation, SimpleResourceInfo resource) {
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        List<String> rest = new ArrayList<>();
        Parameter parameter = null;
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            if (node.getKind() == ElementKind.PARAMETER && parameter == null) {
                parameter = parameterOf(resource, node.as(Path.ParameterNode.class).getParameterIndex());
            } else if (node.getKind() != ElementKind.METHOD && node.getName() != null) {
                rest.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
            }
        }
        String message = violation.getMessage();
        if (parameter == null) {
            return new Violation(String.join(".", rest), "body", message);
        }
        String named = nameOf(parameter);
        if (named != null && rest.isEmpty()) {
            return new Violation(named, inOf(parameter), message);
        }
        String in = parameter.isAnnotationPresent(BeanParam.class) ? "query" : "body";
        return new Violation(rest.isEmpty() ? parameter.getName() : String.join(".", rest), in, message);
    }

    private static Parameter parameterOf(SimpleResourceInfo resource, int index) {
        if (resource == null || resource.getResourceClass() == null) {
            return null;
        }
        for (Method method : resource.getResourceClass().getMethods()) {
            if (method.getName().equals(resource.getMethodName())
                    && java.util.Arrays.equals(method.getParameterTypes(), resource.parameterTypes())) {
                return index < method.getParameterCount() ? method.getParameters()[index] : null;
            }
        }
        return null;
    }

    private static String nameOf(Parameter parameter) {
        if (parameter.isAnnotationPresent(QueryParam.class)) {
            return parameter.getAnnotation(QueryParam.class).value();
        }
        if (parameter.isAnnotationPresent(PathParam.class)) {
            return parameter.getAnnotation(PathParam.class).value();
        }
        if (parameter.isAnnotationPresent(HeaderParam.class)) {
            return parameter.getAnnotation(HeaderParam.class).value();
        }
        if (parameter.isAnnotationPresent(CookieParam.class)) {
            return parameter.getAnnotation(CookieParam.class).value();
        }
        if (parameter.isAnnotationPresent(FormParam.class)) {
            return parameter.getAnnotation(FormParam.class).value();
        }
        return null;
    }

    private static String inOf(Parameter parameter) {
        if (parameter.isAnnotationPresent(PathParam.class)) {
            return "path";
        }
        if (parameter.isAnnotationPresent(HeaderParam.class)) {
            return "header";
        }
        if (parameter.isAnnotationPresent(CookieParam.class)) {
            return "cookie";
        }
        if (parameter.isAnnotationPresent(FormParam.class)) {
            return "form";
        }
        return "query";
    }
}
