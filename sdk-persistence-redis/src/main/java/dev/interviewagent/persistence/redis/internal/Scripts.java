package dev.interviewagent.persistence.redis.internal;

/** Lua scripts; each runs atomically in Redis. */
public final class Scripts {

    /** Deletes KEYS[1] only if its value is ARGV[1] (lock release, index clean-up). Returns 1 if deleted. */
    public static final String COMPARE_AND_DELETE =
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

    /**
     * Sets KEYS[1] to {@code version|generation|document} (ARGV[1], the value of KEYS[2] or 0, ARGV[2]) with a PX of
     * ARGV[3], unless it already holds a version {@code >=} ARGV[1] of the current generation: a late write of an
     * older state never replaces a newer one. The generation is bumped after an outage, which invalidates every
     * entry written before it.
     */
    public static final String SET_IF_NEWER =
            "local gen = redis.call('GET', KEYS[2]) or '0' "
            + "local cur = redis.call('GET', KEYS[1]) "
            + "if cur then local a = string.find(cur, '|', 1, true) "
            + "if a then local b = string.find(cur, '|', a + 1, true) "
            + "if b and string.sub(cur, a + 1, b - 1) == gen "
            + "and tonumber(string.sub(cur, 1, a - 1)) >= tonumber(ARGV[1]) then return 0 end end end "
            + "redis.call('SET', KEYS[1], ARGV[1] .. '|' .. gen .. '|' .. ARGV[2], 'PX', ARGV[3]) return 1";

    private Scripts() {
    }
}
