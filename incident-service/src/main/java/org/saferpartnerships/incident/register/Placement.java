package org.saferpartnerships.incident.register;

/** Where a posted incident goes: the partnership whose record it becomes, or why it may not go anywhere. */
public record Placement(String partnershipId, Refusal refusal) {

    public boolean placed() {
        return refusal == null;
    }
}
