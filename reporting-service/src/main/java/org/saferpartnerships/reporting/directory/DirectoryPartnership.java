package org.saferpartnerships.reporting.directory;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A partnership as reporting knows it from partnership events: enough to label feed rows. */
@Entity
@Table(name = "partnership_directory")
public class DirectoryPartnership extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> districts = new ArrayList<>();

    @Column(nullable = false)
    public long version;
}
