# syntax=docker/dockerfile:1
# Quiver: build with the Maven Wrapper on a JDK, run on a JRE as a non-root user.

FROM eclipse-temurin:17-jdk-jammy AS build
WORKDIR /src
# Dependencies first, so that a source change does not download them again.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp -q -DskipTests package

FROM eclipse-temurin:17-jre-jammy
RUN groupadd --system quiver && useradd --system --gid quiver --uid 10001 --home-dir /app quiver \
 && mkdir -p /app /data && chown quiver:quiver /data
COPY --from=build /src/target/quiver.jar /app/quiver.jar
USER quiver
WORKDIR /app
# Stored Arrow files live on this volume and survive container restarts.
ENV QUIVER_STORAGE_DIR=/data
VOLUME /data
EXPOSE 8080
# Container-aware heap sizing: the JVM reads the container's memory limit.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/quiver.jar"]
