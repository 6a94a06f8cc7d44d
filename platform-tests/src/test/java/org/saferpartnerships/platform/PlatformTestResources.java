package org.saferpartnerships.platform;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import org.saferpartnerships.testing.identity.IdentityTestResource;
import org.saferpartnerships.testing.kafka.KafkaTestResource;
import org.saferpartnerships.testing.postgres.PostgresTestResource;

/** Real PostgreSQL and Kafka, and test-key token verification, for the platform's own tests. */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(IdentityTestResource.class)
public class PlatformTestResources {
}
