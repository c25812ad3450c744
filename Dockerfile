# syntax=docker/dockerfile:1
# Quiver: built with the Maven Wrapper on a JDK, run on a JRE as a non-root user.
# Base images are pinned to an exact Temurin release (17.0.19+10 on Ubuntu 22.04 "jammy"); pin a digest
# too (eclipse-temurin:17.0.19_10-jre-jammy@sha256:...) where the registry can be reached to look it up.
# scripts/container-check.sh runs this file's build and start commands without a Docker engine.

FROM eclipse-temurin:17.0.19_10-jdk-jammy AS build
WORKDIR /src
# Dependencies first, so that a source change does not download them again.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp -q -DskipTests package
# Spring Boot's layered extraction: dependencies change rarely and get their own image layers.
RUN java -Djarmode=tools -jar target/quiver.jar extract --layers --destination /extracted

FROM eclipse-temurin:17.0.19_10-jre-jammy
RUN groupadd --system --gid 10001 quiver \
 && useradd --system --uid 10001 --gid quiver --home-dir /app --no-create-home quiver \
 && mkdir -p /app /data && chown quiver:quiver /data
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER quiver
# Stored Arrow files live on this volume and survive container restarts (owned by uid 10001).
ENV QUIVER_STORAGE_DIR=/data
VOLUME /data
EXPOSE 8080
# Container-aware JVM: heap sized from the container's memory limit (the rest is left for metaspace,
# threads, direct buffers); an OutOfMemoryError stops the process so the orchestrator restarts it.
# Replace the whole variable to change them (docker run -e JDK_JAVA_OPTIONS=...).
ENV JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# Readiness: the service answers and its storage is writable. curl is part of the Temurin Ubuntu images.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${SERVER_PORT:-8080}/actuator/health/readiness" || exit 1
# Exec form: java is PID 1 and receives SIGTERM, which starts Spring's graceful shutdown.
ENTRYPOINT ["java", "-jar", "/app/quiver.jar"]
