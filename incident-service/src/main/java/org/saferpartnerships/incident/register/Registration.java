package org.saferpartnerships.incident.register;


/** What the register did with one posted incident: the record it holds now, or why it refused. */
public record Registration(Outcome outcome, Incident incident, Refusal refusal) {

    public enum Outcome {
        CREATED,
        /** Recorded before with the same content: nothing written. */
        UNCHANGED,
        /** Recorded before with other content, and the caller asked for corrections: updated. */
        CORRECTED,
        REFUSED
    }

    static Registration of(Outcome outcome, Incident incident) {
        return new Registration(outcome, incident, null);
    }

    static Registration refused(Refusal refusal) {
        return new Registration(Outcome.REFUSED, null, refusal);
    }
}
