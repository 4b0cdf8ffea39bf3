package dev.kggateway.observability;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The console format shows {@code [rid=…] } only on lines written while a request is handled: a pattern cannot
 * drop its literal text when an MDC value is absent, so this filter (quarkus.log.console.filter) puts the whole
 * tag in the MDC key {@link #TAG} the format prints, and start-up or background lines get nothing. With JSON
 * logging it does nothing: JSON lines carry {@code mdc.requestId} alone, and only when there is one.
 */
@LoggingFilter(name = "request-id-tag")
public final class RequestIdLogTag implements Filter {

    public static final String TAG = "ridTag";

    private final boolean json;

    public RequestIdLogTag(@ConfigProperty(name = "quarkus.log.console.json.enabled", defaultValue = "false") boolean json) {
        this.json = json;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!json && record instanceof ExtLogRecord ext) {
            String id = ext.getMdc(RequestIdFilter.MDC_KEY);
            if (id != null && !id.isEmpty()) {
                ext.putMdc(TAG, "[rid=" + id + "] ");
            }
        }
        return true;
    }
}
