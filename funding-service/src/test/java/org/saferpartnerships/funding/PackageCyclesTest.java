package org.saferpartnerships.funding;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.saferpartnerships.testing.architecture.PackageCycles;

/** No two packages of the service depend on each other, however indirectly (CONTRIBUTING.md). */
class PackageCyclesTest {

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        assertThat(PackageCycles.among(Path.of("target/classes"), "org.saferpartnerships.funding."), empty());
    }
}
