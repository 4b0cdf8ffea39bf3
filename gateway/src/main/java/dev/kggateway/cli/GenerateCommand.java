package dev.kggateway.cli;

import dev.kggateway.sample.CatalogueGenerator;
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

    @Override
    public int run(String[] args) throws Exception {
        CatalogueGenerator.main(args);
        return 0;
    }
}
