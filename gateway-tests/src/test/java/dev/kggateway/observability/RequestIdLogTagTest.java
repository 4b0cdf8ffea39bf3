package dev.kggateway.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console's [rid=…] tag: on lines written for a request, absent elsewhere, never in JSON logs. */
class RequestIdLogTagTest {

    @AfterEach
    void clear() {
        MDC.remove(RequestIdFilter.MDC_KEY);
    }

    private static ExtLogRecord record() {
        return new ExtLogRecord(Level.INFO, "a line", RequestIdLogTagTest.class.getName());
    }

    @Test
    void tagOnlyWhenThereIsARequest() {
        RequestIdLogTag text = new RequestIdLogTag(false);
        ExtLogRecord startUp = record();
        text.isLoggable(startUp);
        assertNull(startUp.getMdc(RequestIdLogTag.TAG), "no request, no tag");

        MDC.put(RequestIdFilter.MDC_KEY, "abc-123");
        ExtLogRecord inRequest = record();
        text.isLoggable(inRequest);
        assertEquals("[rid=abc-123] ", inRequest.getMdc(RequestIdLogTag.TAG));
    }

    @Test
    void jsonLinesKeepOnlyTheRequestId() {
        MDC.put(RequestIdFilter.MDC_KEY, "abc-123");
        ExtLogRecord r = record();
        new RequestIdLogTag(true).isLoggable(r);
        assertNull(r.getMdc(RequestIdLogTag.TAG));
        assertEquals("abc-123", r.getMdc(RequestIdFilter.MDC_KEY));
    }
}
