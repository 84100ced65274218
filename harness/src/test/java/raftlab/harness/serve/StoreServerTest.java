package raftlab.harness.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreServerTest {
    @TempDir Path tmp;
    private StoreServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach void start() throws Exception {
        Path store = Files.createDirectories(tmp.resolve("store"));
        StoreFixture.run(store, "sim-register", "20261205T100000.000", "true", null);
        Path bad = StoreFixture.run(store, "sim-register-bug-stale-reads", "20261206T100000.000", "false", "read returned 0, but write 1 finished <first>");
        Files.createSymbolicLink(store.resolve("latest"), store.relativize(bad));
        Files.writeString(tmp.resolve("secret.txt"), "not for the web");
        Files.createSymbolicLink(bad.resolve("escape.txt"), tmp.resolve("secret.txt"));
        server = StoreServer.start(store, "127.0.0.1", 0); // a free port, so parallel builds never collide
    }

    @AfterEach void stop() { server.close(); }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) { return URI.create("http://127.0.0.1:" + server.address().getPort() + path); }

    @Test void theIndexListsEveryRunWithItsVerdictAndALinkToItsDirectory() throws Exception {
        HttpResponse<String> index = get("/");
        assertEquals(200, index.statusCode());
        String html = index.body();
        assertTrue(html.contains("<a class=\"verdict v-invalid\" href=\"runs/sim-register-bug-stale-reads/20261206T100000.000/\""), html);
        assertTrue(html.contains("<a class=\"verdict v-valid\" href=\"runs/sim-register/20261205T100000.000/\""), html);
        assertTrue(get("/?verdict=valid").body().contains("1 of 2 runs shown"));
    }

    @Test void aRunPageShowsTheVerdictTheExplanationAndThePictureInline() throws Exception {
        HttpResponse<String> page = get("/runs/sim-register-bug-stale-reads/20261206T100000.000/");
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("<span id=\"verdict\" class=\"verdict v-invalid\">invalid</span>"), html);
        assertTrue(html.contains("read returned 0, but write 1 finished &lt;first&gt;"), "the explanation, escaped");
        assertTrue(html.contains("<rect id=\"bad-op\""), "linear.svg sits in the page, not behind a link");
        assertTrue(html.contains("\"nodes\":[\"n2\",\"n4\"]"), "the answering nodes reach the timeline's data");
        assertTrue(html.contains("\"failures\":[4]"));
        assertTrue(html.contains("<pre id=\"schedule\">[{:at 2.5, :f :start-partition, :value :halves}"), "the planned schedule is shown");
        assertTrue(html.contains("<tr><td>partition</td><td class=\"num\">0.0025 s</td><td class=\"num\">0.0030 s</td><td>halves [n1 n2] [n3 n4 n5]</td>"),
                "the faults as they happened, from the nemesis operations");
        assertFalse(html.contains("</script><"), "no data ends its script element early");
        assertEquals(302, get("/runs/sim-register-bug-stale-reads/20261206T100000.000").statusCode());
        assertEquals(200, get("/runs/latest/").statusCode(), "the latest link points inside the store");
    }

    @Test void aRunPageIsRenderedAgainWhenItsRunChanges() throws Exception {
        String path = "/runs/sim-register/20261205T100000.000/";
        assertTrue(get(path).body().contains("class=\"verdict v-valid\""));
        Path results = tmp.resolve("store/sim-register/20261205T100000.000/results.json");
        Files.writeString(results, "{\"valid?\": false, \"summary\": \"rechecked by hand, now longer than before\"}");
        Files.setLastModifiedTime(results, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertTrue(get(path).body().contains("class=\"verdict v-invalid\""), "a cached page must not outlive the results it shows");
    }

    @Test void filesAreServedButNothingOutsideTheStoreAndNothingIsWritten() throws Exception {
        HttpResponse<String> log = get("/runs/sim-register/20261205T100000.000/n1.log");
        assertEquals(200, log.statusCode());
        assertEquals("n1 became leader in term 2\n", log.body());
        assertTrue(log.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"));
        assertEquals(404, get("/runs/sim-register-bug-stale-reads/20261206T100000.000/escape.txt").statusCode());
        assertEquals(404, get("/runs/%2e%2e/secret.txt").statusCode());
        assertEquals(404, rawStatus("GET /runs/../secret.txt HTTP/1.1"), "a path the client did not normalize");
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri("/runs/sim-register/20261205T100000.000/n1.log"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }

    @Test void aRunDownloadsAsAZipOfItsFiles() throws Exception {
        HttpResponse<byte[]> zip = client.send(HttpRequest.newBuilder(uri("/runs/sim-register/20261205T100000.000/run.zip")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zip.statusCode());
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) names.add(e.getName());
        }
        assertEquals(List.of("sim-register-20261205T100000.000/history.jsonl", "sim-register-20261205T100000.000/n1.log",
                "sim-register-20261205T100000.000/results.json", "sim-register-20261205T100000.000/test.json"), names);
    }

    /** The status of a request written byte for byte, as a hostile client would send it. */
    private int rawStatus(String requestLine) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.address().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
