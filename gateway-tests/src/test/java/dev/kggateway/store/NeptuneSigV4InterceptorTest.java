package dev.kggateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * SigV4 signing of SPARQL requests, checked on the wire: requests go through a real Apache HttpClient with the
 * interceptor to a local HTTP server, and the test recomputes the signature from what the server received, by hand
 * (javax.crypto HMAC, per the AWS Signature Version 4 specification), with fixed credentials and a fixed clock.
 */
class NeptuneSigV4InterceptorTest {

    static final String AKID = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String TOKEN = "session-token-example";
    static final Instant NOW = Instant.parse("2015-08-30T12:36:00Z");

    record Received(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {
    }

    private HttpServer server;
    private final List<Received> received = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            Map<String, String> headers = new TreeMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            synchronized (received) {
                received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                        ex.getRequestURI().getRawQuery(), headers, ex.getRequestBody().readAllBytes()));
            }
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private CloseableHttpClient client() {
        NeptuneSigV4Interceptor signer = new NeptuneSigV4Interceptor(
                StaticCredentialsProvider.create(AwsSessionCredentials.create(AKID, SECRET, TOKEN)), "us-east-1",
                Clock.fixed(NOW, ZoneOffset.UTC));
        return HttpClients.custom().addInterceptorLast(signer).build();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void getQueryIsSignedOverMethodPathQueryAndHost() throws Exception {
        try (CloseableHttpClient http = client()) {
            http.execute(new HttpGet(base() + "/sparql?query=SELECT%20*%20WHERE%20%7B%20?s%20?p%20?o%20%7D"
                    + "&timeout=20&default-graph-uri=")).close();
        }
        Received r = received.get(0);
        assertSignatureValid(r);
        assertTrue(signedHeaders(r).contains("host"));
    }

    @Test
    void postUpdateIsSignedOverItsBody() throws Exception {
        String body = "update=" + java.net.URLEncoder.encode("INSERT DATA { <urn:a> <urn:b> \"ü ç\" }",
                StandardCharsets.UTF_8);
        try (CloseableHttpClient http = client()) {
            HttpPost post = new HttpPost(base() + "/sparql");
            post.setEntity(new StringEntity(body, ContentType.APPLICATION_FORM_URLENCODED));
            http.execute(post).close();
        }
        Received r = received.get(0);
        assertEquals(body, new String(r.body(), StandardCharsets.UTF_8), "body must arrive unchanged after hashing");
        assertSignatureValid(r);
        assertTrue(signedHeaders(r).contains("content-type"));
        // The verifier is not a rubber stamp: the same request with another body does not verify.
        Received tampered = new Received(r.method(), r.rawPath(), r.rawQuery(), r.headers(),
                (body + "x").getBytes(StandardCharsets.UTF_8));
        assertNotEquals(signatureIn(r), expectedSignature(tampered));
    }

    @Test
    void signingKeyDerivationMatchesTheAwsDocumentationExample() throws Exception {
        // Guards this test's own HMAC chain with the published example (secret above, 20120215/us-east-1/iam).
        assertEquals("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d",
                HexFormat.of().formatHex(signingKey(SECRET, "20120215", "us-east-1", "iam")));
    }

    // ---- independent SigV4 (AWS General Reference, "Create a signed AWS API request") ----

    private static final Pattern AUTH = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");

    private static void assertSignatureValid(Received r) throws Exception {
        Matcher m = AUTH.matcher(r.headers().get("authorization"));
        assertTrue(m.matches(), r.headers().get("authorization"));
        assertEquals(AKID + "/20150830/us-east-1/neptune-db/aws4_request", m.group(1));
        assertEquals("20150830T123600Z", r.headers().get("x-amz-date"));
        assertEquals(TOKEN, r.headers().get("x-amz-security-token"));
        assertTrue(signedHeaders(r).contains("x-amz-date"));
        assertEquals(expectedSignature(r), m.group(3));
    }

    private static List<String> signedHeaders(Received r) {
        Matcher m = AUTH.matcher(r.headers().get("authorization"));
        assertTrue(m.matches());
        return List.of(m.group(2).split(";"));
    }

    private static String signatureIn(Received r) {
        Matcher m = AUTH.matcher(r.headers().get("authorization"));
        assertTrue(m.matches());
        return m.group(3);
    }

    static String expectedSignature(Received r) throws Exception {
        List<String> signed = signedHeaders(r);
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String h : signed) {
            canonicalHeaders.append(h).append(':').append(r.headers().get(h).trim().replaceAll(" +", " "))
                    .append('\n');
        }
        String canonicalRequest = r.method() + "\n"
                + r.rawPath() + "\n"
                + canonicalQuery(r.rawQuery()) + "\n"
                + canonicalHeaders + "\n"
                + String.join(";", signed) + "\n"
                + hex(sha256(r.body()));
        String stringToSign = "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/neptune-db/aws4_request\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        return hex(hmac(signingKey(SECRET, "20150830", "us-east-1", "neptune-db"), stringToSign));
    }

    /** Parameters decoded as the server sees them, re-encoded per RFC 3986 and sorted by name, then value. */
    static String canonicalQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String p : raw.split("&")) {
            int eq = p.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? p : p.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8);
            pairs.add(new String[] { uriEncode(name), uriEncode(value) });
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder out = new StringBuilder();
        for (String[] p : pairs) {
            out.append(out.length() == 0 ? "" : "&").append(p[0]).append('=').append(p[1]);
        }
        return out.toString();
    }

    static String uriEncode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    static byte[] signingKey(String secret, String date, String region, String service) throws Exception {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        k = hmac(k, region);
        k = hmac(k, service);
        return hmac(k, "aws4_request");
    }

    static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
