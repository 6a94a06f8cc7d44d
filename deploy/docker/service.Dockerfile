# One image definition for all four services, in JVM mode, from the Quarkus fast-jar that the
# Maven build leaves in <name>-service/target/quarkus-app/. The build context is the repository
# root; build the services first: ./mvnw install -DskipTests
#
#   docker build -f deploy/docker/service.Dockerfile --build-arg SERVICE=incident -t csp/incident-service .
#
# docker-compose.yml builds it once per service. The configuration comes from the environment
# (see the service entries there and platform/src/main/resources/META-INF/microprofile-config.properties).

# The UBI OpenJDK runtime image has curl, which the compose health checks use.
ARG BASE_IMAGE=registry.access.redhat.com/ubi9/openjdk-17-runtime:1.23
FROM ${BASE_IMAGE}

# partnership, funding, incident or reporting
ARG SERVICE

RUN if [ -z "${SERVICE}" ]; then \
      echo "build arg SERVICE is required: partnership, funding, incident or reporting" >&2; exit 1; \
    fi; \
    command -v curl >/dev/null || { echo "the base image has no curl: the health checks need it" >&2; exit 1; }

ENV LANGUAGE='en_US:en'

# Four layers, least often changed first, so a code change rebuilds only the small ones.
# A "not found" here means the service has not been built: run ./mvnw install -DskipTests.
COPY --chown=185 ${SERVICE}-service/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185 ${SERVICE}-service/target/quarkus-app/*.jar /deployments/
COPY --chown=185 ${SERVICE}-service/target/quarkus-app/app/ /deployments/app/
COPY --chown=185 ${SERVICE}-service/target/quarkus-app/quarkus/ /deployments/quarkus/

USER 185
WORKDIR /deployments

# The same JVM settings as deploy/local/bin/service; override with -e JAVA_OPTS=... .
ENV JAVA_OPTS="-Xmx256m -XX:+UseSerialGC -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
# exec: the JVM is PID 1 and gets docker stop's SIGTERM, so Quarkus shuts down cleanly.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /deployments/quarkus-run.jar"]
