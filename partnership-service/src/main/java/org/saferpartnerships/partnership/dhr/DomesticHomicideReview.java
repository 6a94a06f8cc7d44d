package org.saferpartnerships.partnership.dhr;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.saferpartnerships.partnership.common.PartnershipRecord;
import org.saferpartnerships.platform.partnership.ReviewStatus;

/**
 * A Domestic Homicide Review the partnership tracks: highly restricted, seen only by its own
 * officers and platform admins.
 */
@Entity
@Table(name = "domestic_homicide_review")
public class DomesticHomicideReview extends PartnershipRecord {

    @Column(name = "case_reference", nullable = false)
    public String caseReference;

    @Column(name = "notified_on")
    public LocalDate notifiedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "panel_meetings", nullable = false)
    public List<DomesticHomicideReviewInput.PanelMeeting> panelMeetings = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<DomesticHomicideReviewInput.Recommendation> recommendations = new ArrayList<>();
}
