package dev.kggateway.cli;

/**
 * A one-shot command run instead of the server: {@code java -jar quarkus-run.jar NAME args...}. Implementations are
 * {@code @ApplicationScoped} beans; {@link KgMain} picks one by {@link #name()}. The gateway's own commands are listed
 * in {@link Commands#ALL}; an app built on the gateway (the tools module) adds its commands as beans and names them
 * in {@code META-INF/services/dev.kggateway.cli.KgCommand}, so help lists them too.
 */
public interface KgCommand {

    String name();

    /** One line for the usage text. */
    String summary();

    /** Runs the command; the return value is the process exit code. */
    int run(String[] args) throws Exception;

    /**
     * True when these arguments need neither the store nor the model: the command then runs on a plain instance
     * before (without) the application, so it must not use injected fields on that path.
     */
    default boolean runsWithoutApplication(String[] args) {
        return false;
    }
}
