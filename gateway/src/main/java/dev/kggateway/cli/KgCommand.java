package dev.kggateway.cli;

/**
 * A one-shot command run instead of the server: {@code java -jar quarkus-run.jar NAME args...}. Implementations are
 * {@code @ApplicationScoped} beans; {@link KgMain} picks one by {@link #name()}.
 */
public interface KgCommand {

    String name();

    /** One line for the usage text. */
    String summary();

    /** Runs the command; the return value is the process exit code. */
    int run(String[] args) throws Exception;
}
