package dev.interviewagent.core.internal.experiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The assignment hash of style experiments, documented in {@code docs/experiments.md} so that any language can
 * reproduce it: SHA-256 of the UTF-8 bytes of {@code <experiment name>:<respondent id>}, its first 8 bytes read as an
 * unsigned big-endian 64-bit number, that number modulo the total weight. A cryptographic hash because its output is
 * uniform whatever the ids look like (sequential numbers, phone-like channel keys); the modulo bias of 2^64 over a
 * total weight of at most 2^31 is below 1e-9.
 */
public final class Buckets {

    private Buckets() {
    }

    /** The position of a respondent in {@code [0, totalWeight)}. */
    public static long position(String experiment, String respondentId, long totalWeight) {
        if (totalWeight <= 0) {
            throw new IllegalArgumentException("totalWeight must be > 0, was " + totalWeight);
        }
        byte[] hash = sha256((experiment + ":" + respondentId).getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (hash[i] & 0xFF);
        }
        return Long.remainderUnsigned(value, totalWeight);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
