package org.saferpartnerships.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.function.UnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Tokens an attacker makes out of a valid one: re-signed, unsigned, altered. */
final class ForgedTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String header;
    private final String payload;
    private final String signature;

    ForgedTokens(String valid) {
        String[] parts = valid.split("\\.");
        header = parts[0];
        payload = parts[1];
        signature = parts[2];
    }

    /** {@code alg: none}, no signature. */
    String unsigned() {
        return encode(headerWith(h -> h.put("alg", "none"))) + "." + payload + ".";
    }

    /** The valid header and claims with the signature cut off. */
    String signatureStripped() {
        return header + "." + payload + ".";
    }

    /** RS256 to HS256, keyed with the realm's public key as a verifier holding it might use it. */
    String keyConfusion(String realmPublicKey) {
        String pem = "-----BEGIN PUBLIC KEY-----\n" + realmPublicKey + "\n-----END PUBLIC KEY-----\n";
        String signingInput = encode(headerWith(h -> h.put("alg", "HS256"))) + "." + payload;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pem.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return signingInput + "." + ENCODER.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A claim changed (more partnerships), the realm's signature kept. */
    String tampered(String partnership) {
        return header + "." + encode(claimsWith(c -> {
            c.withArray("partnerships").add(partnership);
            return c;
        })) + "." + signature;
    }

    /** Claims as given, signed with a key of the attacker's own under the realm key's id. */
    String signedByUnknownKey(UnaryOperator<ObjectNode> claims) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            String signingInput = header + "." + encode(claimsWith(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + ENCODER.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode headerWith(UnaryOperator<ObjectNode> change) {
        return change.apply((ObjectNode) decode(header));
    }

    private JsonNode claimsWith(UnaryOperator<ObjectNode> change) {
        return change.apply((ObjectNode) decode(payload));
    }

    private static JsonNode decode(String part) {
        try {
            return ApiDocument.JSON.readTree(DECODER.decode(part));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(JsonNode json) {
        return ENCODER.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
