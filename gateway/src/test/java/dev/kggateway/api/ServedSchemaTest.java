package dev.kggateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checked-in SDL must be exactly what the server serves; GraphiQL and readiness are reachable. */
@QuarkusTest
class ServedSchemaTest {

    static final Path SDL = Path.of("../graphql-schema/schema.graphql"); // tests run in gateway/

    @Test
    void checkedInSchemaEqualsServedSchema() throws Exception {
        String served = given().when().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("schema.write")) {
            Files.writeString(SDL, served);
        }
        assertEquals(Files.readString(SDL), served,
                "graphql-schema/schema.graphql drifted from the served schema; regenerate with "
                        + "./mvnw test -Dtest=ServedSchemaTest -Dschema.write=true and review the diff");
    }

    @Test
    void graphiqlIsServed() {
        given().redirects().follow(true).when().get("/q/graphql-ui/").then().statusCode(200)
                .body(containsString("GraphiQL"));
    }

    @Test
    void readinessIsUpOnceTheStoreIsOpen() {
        given().when().get("/q/health/ready").then().statusCode(200).body(containsString("graph-store"));
    }
}
