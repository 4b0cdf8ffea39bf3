package dev.kggateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code help} is answered before the application starts, from {@link Commands#ALL}: that list must name every
 * command the application runs (the KgCommand beans), with the same summaries, or help would hide one.
 */
@QuarkusTest
class CommandsTest {

    @Inject
    Instance<KgCommand> beans;

    @Test
    void helpListsEveryCommand() {
        Set<String> running = beans.stream().map(c -> c.name() + ": " + c.summary())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = Commands.ALL.stream().map(Supplier::get).map(c -> c.name() + ": " + c.summary())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(running, listed, "add the new command to Commands.ALL");
    }
}
