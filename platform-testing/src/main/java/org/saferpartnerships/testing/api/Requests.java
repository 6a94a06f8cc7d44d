package org.saferpartnerships.testing.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The request a test sends as one caller of the API: the start of nearly every chain in the service tests. */
public final class Requests {

    private Requests() {
    }

    /** A request carrying {@code token} as its bearer token. */
    public static RequestSpecification withToken(String token) {
        return given().auth().oauth2(token);
    }

    /** The same, sending JSON. */
    public static RequestSpecification jsonWithToken(String token) {
        return withToken(token).contentType(ContentType.JSON);
    }
}
