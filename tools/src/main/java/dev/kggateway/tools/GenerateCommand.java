package dev.kggateway.tools;

import dev.kggateway.catalogue.CatalogueGenerator;
import dev.kggateway.cli.KgCommand;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code generate COUNT OUT.jsonl [SEED]}: synthetic catalogue as JSON lines of ProductInput. */
@ApplicationScoped
public class GenerateCommand implements KgCommand {

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "COUNT OUT.jsonl [SEED]  write N synthetic products as JSON lines";
    }

    /** Writes a file only: runs before (without) the application, so no store, model or port is opened. */
    @Override
    public boolean runsWithoutApplication(String[] args) {
        return true;
    }

    @Override
    public int run(String[] args) throws Exception {
        CatalogueGenerator.main(args);
        return 0;
    }
}
