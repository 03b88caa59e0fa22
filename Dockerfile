# The hub as a container image; build the jar first with ./mvnw -B -DskipTests install.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY hub/target/hub-*-exec.jar /app/hub.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/hub.jar"]
