package com.kggateway.ner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code java -jar ner-trainer.jar <generate|train|evaluate|benchmark|feature-stats|fit-verifier|soup> ...}. */
@Command(name = "ner-trainer", mixinStandardHelpOptions = true, version = "ner-trainer 1.0.0",
        description = "Generate data, train, evaluate and benchmark the KG Gateway product NER model.",
        subcommands = {GenerateCommand.class, TrainCommand.class, EvaluateCommand.class, BenchmarkCommand.class,
            FeatureStatsCommand.class, FitVerifierCommand.class, SoupCommand.class})
public final class NerTrainerCli implements Runnable {
    /** The full command line, recorded in manifest.json. */
    static String commandLine = "";

    public static void main(String[] args) {
        commandLine = "java -jar ner-trainer/target/ner-trainer.jar " + String.join(" ", args);
        System.exit(new CommandLine(new NerTrainerCli()).execute(args));
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
