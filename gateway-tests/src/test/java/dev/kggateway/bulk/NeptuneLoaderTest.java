package dev.kggateway.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Neptune loader client against a local HTTP server speaking the loader API: the request body it sends, status
 * polling through a sequence of states, and the error details it fetches on failure.
 */
class NeptuneLoaderTest {

    private HttpServer server;
    private final List<String> requests = new ArrayList<>();
    private final Deque<String> statuses = new ArrayDeque<>();
    private volatile JsonNode startBody;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/loader", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        String target = ex.getRequestMethod() + " " + ex.getRequestURI();
        requests.add(target);
        String answer;
        int code = 200;
        if (ex.getRequestMethod().equals("POST") && ex.getRequestURI().getPath().equals("/loader")) {
            startBody = json.readTree(ex.getRequestBody());
            if (!ex.getRequestHeaders().getFirst("Content-Type").startsWith("application/json")) {
                code = 400;
            }
            answer = "{\"status\":\"200 OK\",\"payload\":{\"loadId\":\"load-42\"}}";
        } else if (ex.getRequestURI().getPath().equals("/loader/load-42")
                && "details=true&errors=true&page=1&errorsPerPage=10".equals(ex.getRequestURI().getQuery())) {
            answer = "{\"status\":\"200 OK\",\"payload\":{\"overallStatus\":{\"status\":\"LOAD_FAILED\"},"
                    + "\"errors\":{\"errorLogs\":[{\"errorCode\":\"PARSING_ERROR\",\"errorMessage\":\"Bad IRI\","
                    + "\"fileName\":\"s3://b/p/run/products-0001.nq\",\"recordNum\":7}]}}}";
        } else if (ex.getRequestURI().getPath().equals("/loader/load-42")) {
            String status = statuses.size() > 1 ? statuses.poll() : statuses.peek();
            answer = "{\"status\":\"200 OK\",\"payload\":{\"feedCount\":[],\"overallStatus\":{\"status\":\""
                    + status + "\",\"totalRecords\":1234,\"totalTimeSpent\":3,\"insertErrors\":0,"
                    + "\"parsingErrors\":" + (status.equals("LOAD_FAILED") ? 1 : 0) + "}}}";
        } else {
            code = 404;
            answer = "{}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void startsWithTheDocumentedRequestAndPollsUntilCompleted() throws Exception {
        statuses.addAll(List.of("LOAD_IN_QUEUE", "LOAD_IN_PROGRESS", "LOAD_IN_PROGRESS", "LOAD_COMPLETED"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (NeptuneLoader loader = new NeptuneLoader(endpoint() + "/", null, Duration.ofMillis(10),
                new PrintStream(log, true, StandardCharsets.UTF_8))) {
            String id = loader.start(new NeptuneLoader.Request("s3://bucket/kg/run-1/", "arn:aws:iam::1:role/load",
                    "eu-west-1", "AUTO", "MEDIUM", true));
            assertEquals("load-42", id);
            NeptuneLoader.Result result = loader.await(id);
            assertTrue(result.completed());
            assertEquals(1234, result.totalRecords());
        }
        assertEquals("s3://bucket/kg/run-1/", startBody.get("source").asText());
        assertEquals("nquads", startBody.get("format").asText());
        assertEquals("arn:aws:iam::1:role/load", startBody.get("iamRoleArn").asText());
        assertEquals("eu-west-1", startBody.get("region").asText());
        assertEquals("AUTO", startBody.get("mode").asText());
        assertEquals("MEDIUM", startBody.get("parallelism").asText());
        assertEquals("TRUE", startBody.get("failOnError").asText());
        // one POST, then one GET per status until completion; no error details for a successful load
        assertEquals("POST /loader", requests.get(0));
        assertEquals(5, requests.size(), requests.toString());
        assertFalse(requests.stream().anyMatch(r -> r.contains("errors=true")));
        String out = log.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("LOAD_IN_QUEUE") && out.contains("LOAD_IN_PROGRESS") && out.contains("LOAD_COMPLETED"),
                out);
    }

    @Test
    void aFailedLoadFetchesAndPrintsTheErrorLog() throws Exception {
        statuses.addAll(List.of("LOAD_IN_PROGRESS", "LOAD_FAILED"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (NeptuneLoader loader = new NeptuneLoader(endpoint(), null, Duration.ofMillis(10),
                new PrintStream(log, true, StandardCharsets.UTF_8))) {
            NeptuneLoader.Result result = loader.await(loader.start(new NeptuneLoader.Request("s3://b/p/run/",
                    "arn:aws:iam::1:role/load", "eu-west-1", "NEW", "HIGH", false)));
            assertFalse(result.completed());
            assertEquals("LOAD_FAILED", result.status());
            assertNotNull(result.errorDetails());
            assertTrue(result.errorDetails().contains("Bad IRI"), result.errorDetails());
        }
        assertEquals("FALSE", startBody.get("failOnError").asText());
        assertTrue(requests.get(requests.size() - 1).endsWith("?details=true&errors=true&page=1&errorsPerPage=10"));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("PARSING_ERROR"));
    }

    @Test
    void httpErrorsFromTheLoaderAreNotSwallowed() {
        try (NeptuneLoader loader = new NeptuneLoader(endpoint() + "/nothing-here", null, Duration.ofMillis(10),
                System.out)) {
            IOException e = assertThrows(IOException.class, () -> loader.start(new NeptuneLoader.Request("s3://b/p",
                    "r", "eu-west-1", "AUTO", "LOW", true)));
            assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
