package org.saferpartnerships.funding.grants;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A 360Giving data package: the grants a funder made in one financial year. */
@Schema(name = "ThreeSixtyGivingPackage", description = "A package of the 360Giving Data Standard (1.4)")
public record GrantPackage(List<Grant> grants) {
}
