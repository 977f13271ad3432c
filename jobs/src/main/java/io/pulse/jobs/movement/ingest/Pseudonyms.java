package io.pulse.jobs.movement.ingest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The contract's person pseudonym: lowercase hex of HMAC-SHA256(key, normalized MAC), where the
 * key is the UTF-8 bytes of the configured secret. Not thread-safe (one per operator instance).
 */
public final class Pseudonyms implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;
    private transient Mac mac;

    public Pseudonyms(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the pseudonym key is empty");
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The person id of a MAC given in normalized form ({@link MacAddress#normalize}). */
    public String personId(String normalizedMac) {
        Mac hmac = mac();
        byte[] digest = hmac.doFinal(normalizedMac.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest);
    }

    /** Whether {@code text} has the form of a person id (64 lowercase hex digits). */
    public static boolean isPersonId(String text) {
        return text != null && text.matches("[0-9a-f]{64}");
    }

    private Mac mac() {
        if (mac == null) {
            try {
                mac = Mac.getInstance(ALGORITHM);
                mac.init(new SecretKeySpec(key, ALGORITHM));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every JVM has " + ALGORITHM, e);
            }
        }
        return mac;
    }
}
