package org.saferpartnerships.e2e.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every incident the load driver sent and what the platform answered for it: the record the
 * invariants are checked against. A write counts as acknowledged only once a 2xx said so.
 */
final class Ledger {

    /** What the agency was last told is stored under an externalRef. */
    record Stored(String id, String partnershipId, String category, String month, long version) {
    }

    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final Map<String, Stored> acknowledged = new ConcurrentHashMap<>();
    private final Set<String> uncertain = ConcurrentHashMap.newKeySet();
    private final List<String> answeredDifferently = new CopyOnWriteArrayList<>();
    /** The first refusals, to say what went wrong; {@link #refusals} counts them all. */
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final AtomicLong refusals = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    void sent(String ref) {
        sent.add(ref);
        uncertain.add(ref);
    }

    /** A 2xx for the write; a second answer for the same record must name the same record (I5). */
    void acknowledged(String ref, Stored stored) {
        Stored before = acknowledged.put(ref, stored);
        if (before != null && before.id() != null && stored.id() != null && !before.id().equals(stored.id())) {
            answeredDifferently.add(ref + ": first " + before.id() + ", then " + stored.id());
        }
        uncertain.remove(ref);
    }

    /** A change whose answer never came: the record may show it or not. */
    void uncertain(String ref) {
        uncertain.add(ref);
    }

    /** A 4xx the driver did not expect: valid writes must never be refused. */
    void refused(String what) {
        if (refusals.incrementAndGet() <= 10) {
            refused.add(what);
        }
    }

    void requested() {
        requests.incrementAndGet();
    }

    void retried() {
        retries.incrementAndGet();
    }

    Set<String> sent() {
        return Set.copyOf(sent);
    }

    Map<String, Stored> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    Set<String> uncertain() {
        return Set.copyOf(uncertain);
    }

    List<String> answeredDifferently() {
        return List.copyOf(answeredDifferently);
    }

    /** Empty when nothing was refused; otherwise how many, and the first few. */
    List<String> refusedWrites() {
        List<String> told = new ArrayList<>(refused);
        if (refusals.get() > refused.size()) {
            told.add("... " + refusals.get() + " refusals in all");
        }
        return told;
    }

    long requests() {
        return requests.get();
    }

    long retries() {
        return retries.get();
    }
}
