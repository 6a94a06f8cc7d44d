package org.saferpartnerships.funding;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import org.saferpartnerships.testing.identity.IdentityTestResource;
import org.saferpartnerships.testing.kafka.KafkaTestResource;
import org.saferpartnerships.testing.postgres.PostgresTestResource;

/** Real PostgreSQL and Kafka, and test-key token verification, for every test of this service. */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "funding"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(IdentityTestResource.class)
public class FundingServiceTestResources {
}
