package dev.kggateway.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The package dependencies the README's "Layout" map promises, checked on the compiled classes (no Quarkus start):
 * GraphQL ({@code api}) → services ({@code service}, {@code ingest}) → store / model ({@code store}, {@code ner}) →
 * {@code domain}, which depends on nothing of ours; and no cycle between any two top-level packages.
 */
class ArchitectureTest {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS) // the shared NER contract is its own module
            .importPackages("dev.kggateway");

    @Test
    void domainDependsOnNothingOfOurs() {
        classes().that().resideInAPackage("dev.kggateway.domain..")
                .should().onlyDependOnClassesThat(
                        resideInAPackage("dev.kggateway.domain..").or(not(resideInAPackage("dev.kggateway.."))))
                .check(GATEWAY);
    }

    @Test
    void dependenciesPointInward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("GraphQL").definedBy("dev.kggateway.api..")
                .layer("Services").definedBy("dev.kggateway.service..", "dev.kggateway.ingest..")
                .layer("Similarity").definedBy("dev.kggateway.similarity..")
                .layer("Listing").definedBy("dev.kggateway.listing..")
                .layer("Store").definedBy("dev.kggateway.store..")
                .layer("Model").definedBy("dev.kggateway.ner..")
                .layer("Domain").definedBy("dev.kggateway.domain..")
                .whereLayer("GraphQL").mayNotBeAccessedByAnyLayer()
                .whereLayer("Services").mayOnlyBeAccessedByLayers("GraphQL")
                .whereLayer("Similarity").mayOnlyBeAccessedByLayers("GraphQL", "Services", "Store")
                .whereLayer("Listing").mayOnlyBeAccessedByLayers("Store")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Services")
                .whereLayer("Model").mayOnlyBeAccessedByLayers("GraphQL", "Services")
                .check(GATEWAY);
    }

    @Test
    void noCycleBetweenPackages() {
        slices().matching("dev.kggateway.(*)..").should().beFreeOfCycles().check(GATEWAY);
    }

    /**
     * The rule that keeps acknowledged writes on disk (GraphStore's access lock, docs/production.md §4): no connection
     * of a store is taken without a hold of the lock. Every call of {@code Repository.getConnection()} in the gateway
     * is in a method that takes a {@code StoreAccessLock.Hold}, which only the lock hands out, so a caller cannot
     * forget the hold.
     */
    @Test
    void storeConnectionsAreTakenOnlyWithAHoldOfTheAccessLock() {
        List<String> calls = new ArrayList<>();
        List<String> unheld = new ArrayList<>();
        for (JavaClass c : GATEWAY) {
            for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                if (call.getName().equals("getConnection")
                        && call.getTargetOwner().isAssignableTo(org.eclipse.rdf4j.repository.Repository.class)) {
                    calls.add(call.getDescription());
                    boolean held = call.getOrigin().getRawParameterTypes().stream()
                            .anyMatch(t -> t.getName().equals("dev.kggateway.store.StoreAccessLock$Hold"));
                    if (!held) {
                        unheld.add(call.getDescription());
                    }
                }
            }
        }
        assertFalse(calls.isEmpty(), "the gateway takes store connections somewhere");
        assertTrue(unheld.isEmpty(), "store connections taken without a hold of the access lock: " + unheld);
    }
}
