FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/coach.jar target/coach.jar
COPY banks banks
COPY config config
VOLUME /app/data
ENTRYPOINT ["java", "-Xmx256m", "-jar", "target/coach.jar"]
CMD ["run"]
