package org.saferpartnerships.platform.audit;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One entry of the audit trail: who (token {@code sub}, username, agency, roles), did what
 * ({@code action} on records of {@code recordType}), to which records, when, why (the caller's
 * {@code X-Purpose}), by which request, and with what outcome. {@code status} is the answer's
 * status where the entry was written with the answer; a change's entry is written in the change's
 * own transaction, before there is an answer, and has none. Entries migrated from the read audit
 * that came before know no subject, roles or ids.
 */
@Schema(name = "AuditEntry")
public record AuditEntry(Long id, Instant at, String subject, String username, String agencyId, List<String> roles,
        Boolean platformAdmin, String action, String recordType, List<String> recordIds, String purpose,
        String method, String path, String query, AuditOutcome outcome, Integer status) {
}
