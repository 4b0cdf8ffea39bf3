package dev.kggateway.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The generated request ids: random version-4 UUIDs in UUID.randomUUID()'s text form, none repeated. */
class RequestIdFilterTest {

    @Test
    void freshIdsAreDistinctVersion4Uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = RequestIdFilter.freshId();
            assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
            UUID uuid = UUID.fromString(id);
            assertEquals(4, uuid.version());
            assertEquals(2, uuid.variant());
            assertEquals(id, uuid.toString());
            assertTrue(seen.add(id), "repeated: " + id);
        }
    }
}
