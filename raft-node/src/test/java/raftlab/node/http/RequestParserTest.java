package raftlab.node.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The framing rules of the client API server, byte by byte, without a socket. */
class RequestParserTest {
    private final RequestParser parser = new RequestParser(1024, 100);

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

    private RequestParser.Result parse(String s) {
        byte[] b = bytes(s);
        return parser.parse(b, 0, b.length);
    }

    private RequestParser.Parsed parsed(String s) { return assertInstanceOf(RequestParser.Parsed.class, parse(s)); }

    @Test void aGetWithHeadersAndAQuery() {
        RequestParser.Parsed p = parsed("GET /kv/a%20b?x=1 HTTP/1.1\r\nHost: n1\r\nClient-Id:  c7 \r\n\r\n");
        assertEquals("GET", p.request().method());
        assertEquals("/kv/a%20b", p.request().rawPath());
        assertEquals("x=1", p.request().rawQuery());
        assertEquals("c7", p.request().header("client-id"));
        assertEquals(0, p.request().body().length);
        assertTrue(p.keepAlive());
    }

    @Test void aBodyByContentLengthAndTheNextRequestLeftInTheBuffer() {
        String first = "PUT /kv/a HTTP/1.1\r\nContent-Length: 11\r\n\r\n{\"value\":1}";
        String both = first + "GET /kv/a HTTP/1.1\r\n\r\n";
        RequestParser.Parsed p = parsed(both);
        assertEquals("{\"value\":1}", new String(p.request().body(), StandardCharsets.UTF_8));
        assertEquals(first.length(), p.consumed());
        byte[] b = bytes(both);
        RequestParser.Parsed second = assertInstanceOf(RequestParser.Parsed.class, parser.parse(b, p.consumed(), b.length));
        assertEquals("GET", second.request().method());
        assertEquals(b.length - p.consumed(), second.consumed());
    }

    @Test void bareLineFeedsAndLeadingBlankLinesAreAccepted() {
        RequestParser.Parsed p = parsed("\r\n\nGET /status HTTP/1.1\nHost: n1\n\n");
        assertEquals("/status", p.request().rawPath());
        assertEquals("n1", p.request().header("Host"));
    }

    @Test void everyPrefixOfARequestNeedsMore() {
        byte[] b = bytes("POST /kv/a/cas HTTP/1.1\r\nContent-Length: 22\r\n\r\n{\"expect\":1,\"value\":2}");
        for (int cut = 0; cut < b.length; cut++) assertInstanceOf(RequestParser.NeedMore.class, parser.parse(b, 0, cut), "cut at " + cut);
        assertEquals(b.length, assertInstanceOf(RequestParser.Parsed.class, parser.parse(b, 0, b.length)).consumed());
    }

    @Test void expectContinueIsReportedOnceTheHeadIsIn() {
        RequestParser.NeedMore more = assertInstanceOf(RequestParser.NeedMore.class,
                parse("PUT /kv/a HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 11\r\n\r\n"));
        assertTrue(more.expectsContinue());
        assertFalse(assertInstanceOf(RequestParser.NeedMore.class, parse("PUT /kv/a HTTP/1.1\r\nExpect: 100-cont")).expectsContinue());
    }

    @Test void chunkedBodiesAreJoinedAndTrailersSkipped() {
        RequestParser.Parsed p = parsed("PUT /kv/a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\n{\"va\r\n7\r\nlue\":1}\r\n0\r\nX-Trailer: t\r\n\r\n");
        assertArrayEquals(bytes("{\"value\":1}"), p.request().body());
        assertInstanceOf(RequestParser.NeedMore.class, parse("PUT /kv/a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"va\r\n"));
        assertEquals(400, assertInstanceOf(RequestParser.Refused.class,
                parse("PUT /kv/a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")).status());
    }

    @Test void keepAliveFollowsTheVersionAndTheConnectionHeader() {
        assertFalse(parsed("GET / HTTP/1.1\r\nConnection: close\r\n\r\n").keepAlive());
        assertFalse(parsed("GET / HTTP/1.0\r\n\r\n").keepAlive());
        assertTrue(parsed("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").keepAlive());
    }

    @Test void oversizedHeadsAndBodiesAreRefusedWithHowMuchToDrop() {
        RequestParser.Refused head = assertInstanceOf(RequestParser.Refused.class, parse("GET / HTTP/1.1\r\nX: " + "y".repeat(1100)));
        assertEquals(431, head.status());
        RequestParser.Refused body = assertInstanceOf(RequestParser.Refused.class, parse("PUT /kv/a HTTP/1.1\r\nContent-Length: 500\r\n\r\nabc"));
        assertEquals(413, body.status());
        assertEquals(497, body.discard());
        RequestParser.Refused huge = assertInstanceOf(RequestParser.Refused.class, parse("PUT /kv/a HTTP/1.1\r\nContent-Length: 99999\r\n\r\n"));
        assertEquals(0, huge.discard());
        String tooManyChunks = "PUT /kv/a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + "32\r\n" + "x".repeat(50) + "\r\n" + "40\r\n";
        assertEquals(413, assertInstanceOf(RequestParser.Refused.class, parse(tooManyChunks)).status());
    }

    @Test void malformedRequestLinesAndLengthsAreRefused() {
        assertEquals(400, assertInstanceOf(RequestParser.Refused.class, parse("HELLO\r\n\r\n")).status());
        assertEquals(400, assertInstanceOf(RequestParser.Refused.class, parse("GET / SPDY/3\r\n\r\n")).status());
        assertEquals(400, assertInstanceOf(RequestParser.Refused.class, parse("PUT / HTTP/1.1\r\nContent-Length: ten\r\n\r\n")).status());
        assertEquals(400, assertInstanceOf(RequestParser.Refused.class, parse("PUT / HTTP/1.1\r\nContent-Length: -1\r\n\r\n")).status());
        assertNull(parsed("GET /x HTTP/1.1\r\n\r\n").request().rawQuery());
    }

    @Test void aChunkSizeLineThatNeverEndsIsRefusedLongBeforeItFillsMemory() {
        String head = "PUT /kv/x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1;";
        assertInstanceOf(RequestParser.NeedMore.class, parse(head + "a".repeat(RequestParser.MAX_CHUNK_LINE_BYTES - 10)));
        RequestParser.Refused r = assertInstanceOf(RequestParser.Refused.class, parse(head + "a".repeat(RequestParser.MAX_CHUNK_LINE_BYTES + 1)));
        assertEquals(400, r.status());
        // Framing costs at most as much again as the body: here 100 bytes of body in one-byte chunks.
        String tiny = "PUT /kv/x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + "1;aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\nx\r\n".repeat(99);
        assertEquals(413, assertInstanceOf(RequestParser.Refused.class, parse(tiny)).status());
        assertEquals(400, assertInstanceOf(RequestParser.Refused.class,
                parse("PUT /kv/x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n")).status());
    }

    @Test void theHeadIsReportedCompleteSoThatTheBodyGetsItsOwnDeadline() {
        assertFalse(assertInstanceOf(RequestParser.NeedMore.class, parse("PUT /kv/a HTTP/1.1\r\nContent-Le")).headComplete());
        assertTrue(assertInstanceOf(RequestParser.NeedMore.class, parse("PUT /kv/a HTTP/1.1\r\nContent-Length: 5\r\n\r\nab")).headComplete());
    }

    @Test void controlCharactersInTheTargetAndAmbiguousBodyFramingAreRefused() {
        assertEquals(400, assertInstanceOf(RequestParser.Refused.class, parse("GET /kv/a\rLocation:x HTTP/1.1\r\n\r\n")).status());
        assertEquals(400, assertInstanceOf(RequestParser.Refused.class, parse("GET /kv/a\u0001 HTTP/1.1\r\n\r\n")).status());
        assertEquals(400, assertInstanceOf(RequestParser.Refused.class,
                parse("PUT /kv/a HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")).status());
        assertEquals(400, assertInstanceOf(RequestParser.Refused.class,
                parse("PUT /kv/a HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n")).status());
    }
}
