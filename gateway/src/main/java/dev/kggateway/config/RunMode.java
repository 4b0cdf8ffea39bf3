package dev.kggateway.config;

import io.quarkus.runtime.annotations.CommandLineArguments;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Whether this process serves HTTP (no arguments) or runs one command and exits (a command name as first argument,
 * see {@code cli.KgMain}). Start-up observers ask it so a command run neither loads the sample catalogue, nor builds
 * the in-memory similarity index, nor prints the server banner. A bean rather than a static flag, so the packages
 * that ask need not know the command line's entry point.
 */
@Singleton
public class RunMode {

    private final boolean command;

    @Inject
    public RunMode(@CommandLineArguments String[] args) {
        this.command = args != null && args.length > 0;
    }

    /** True when a command runs and the process exits after it. */
    public boolean command() {
        return command;
    }
}
