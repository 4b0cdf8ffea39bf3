package dev.kggateway.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Query;
import org.junit.jupiter.api.Test;

/**
 * Every GraphQL operation in dev.kggateway.api carries its access annotation: a mutation added later without
 * {@link RequiresWriter} would otherwise be open to anyone. Plain reflection over the compiled API classes.
 */
class OperationsGuardedTest {

    @Test
    void everyMutationNeedsWriterAndEveryQueryNeedsReader() throws IOException, URISyntaxException, ClassNotFoundException {
        // The main classes' own location: a getResource lookup would find test-classes/dev/kggateway/api first. The
        // gateway's jar in a reactor build (these tests are in gateway-tests), its target/classes when run alone.
        Path location = Path.of(dev.kggateway.api.IngestGraphQLApi.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        List<String> unguarded = new ArrayList<>();
        int operations = 0;
        try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location);
                Stream<Path> files = Files.list((jar == null ? location : jar.getPath("/")).resolve("dev/kggateway/api"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = "dev.kggateway.api." + f.getFileName().toString().replace(".class", "");
                Class<?> c = Class.forName(name);
                if (!c.isAnnotationPresent(GraphQLApi.class)) {
                    continue;
                }
                for (Method m : c.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(Mutation.class)) {
                        operations++;
                        if (!m.isAnnotationPresent(RequiresWriter.class)) {
                            unguarded.add(name + "#" + m.getName() + " (mutation without @RequiresWriter)");
                        }
                    } else if (m.isAnnotationPresent(Query.class)) {
                        operations++;
                        if (!m.isAnnotationPresent(RequiresReader.class) && !c.isAnnotationPresent(RequiresReader.class)) {
                            unguarded.add(name + "#" + m.getName() + " (query without @RequiresReader)");
                        }
                    }
                }
            }
        }
        assertTrue(operations >= 10, "found only " + operations + " operations; is the scan looking in the right place?");
        assertTrue(unguarded.isEmpty(), String.join("\n", unguarded));
    }
}
