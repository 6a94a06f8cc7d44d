package org.saferpartnerships.reporting.feeds;

import java.util.Arrays;
import java.util.Optional;

/** What count feeds group by: the parameter name, the row field, and the projection column. */
public enum CountDimension {
    PARTNERSHIP("partnership", "partnership_id"),
    MONTH("month", "month"),
    CATEGORY("category", "category"),
    DISTRICT("district", "district_code"),
    ASB_TYPE("asbType", "asb_type"),
    FLAG("flag", "flag");

    final String parameter;
    final String column;

    CountDimension(String parameter, String column) {
        this.parameter = parameter;
        this.column = column;
    }

    public String parameter() {
        return parameter;
    }

    static Optional<CountDimension> ofParameter(String value) {
        return Arrays.stream(values()).filter(d -> d != PARTNERSHIP && d.parameter.equals(value)).findFirst();
    }
}
