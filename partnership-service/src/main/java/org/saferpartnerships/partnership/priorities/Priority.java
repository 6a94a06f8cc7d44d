package org.saferpartnerships.partnership.priorities;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.partnership.common.PartnershipRecord;
import org.saferpartnerships.partnership.common.Theme;
import org.saferpartnerships.platform.vocabulary.Term;

/** One of the 3-5 key priorities a partnership adopts for a financial year (1 April - 31 March). */
@Entity
public class Priority extends PartnershipRecord {

    public enum Status implements Term {
        DRAFT("draft", "Draft"),
        ADOPTED("adopted", "Adopted");

        private final String slug;
        private final String displayName;

        Status(String slug, String displayName) {
            this.slug = slug;
            this.displayName = displayName;
        }

        @JsonValue
        @Override
        public String slug() {
            return slug;
        }

        @Override
        public String displayName() {
            return displayName;
        }
    }

    /** The year the financial year starts in: 2021 is 1 April 2021 - 31 March 2022. */
    @Column(name = "financial_year", nullable = false)
    public int financialYear;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Theme theme;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "adopted_by_body_id")
    public UUID adoptedByBodyId;

    @Column(name = "adopted_on")
    public LocalDate adoptedOn;

    @Column(name = "assessment_id")
    public UUID assessmentId;

    @Column(name = "assessment_issue_id")
    public UUID assessmentIssueId;
}
