package raftlab.harness.lab.hand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KvRequestTest {
    @Test void requestsAsTheClientApiTakesThem() {
        assertEquals(new KvRequest("GET", "/kv/k", null), KvRequest.parse("get", List.of("k")));
        assertEquals(new KvRequest("PUT", "/kv/k", "{\"value\":5}"), KvRequest.parse("put", List.of("k", "5")));
        assertEquals(new KvRequest("PUT", "/kv/k", "{\"value\":-5}"), KvRequest.parse("put", List.of("k", "-5")));
        assertEquals(new KvRequest("PUT", "/kv/k", "{\"value\":\"abc\"}"), KvRequest.parse("put", List.of("k", "abc")));
        assertEquals(new KvRequest("PUT", "/kv/k", "{\"value\":\"5\"}"), KvRequest.parse("put", List.of("k", "\"5\"")));
        assertEquals(new KvRequest("POST", "/kv/k/cas", "{\"expect\":null,\"value\":1}"), KvRequest.parse("cas", List.of("k", "null", "1")));
        assertEquals("/kv/a%20b%2Fc", KvRequest.parse("get", List.of("a b/c")).path(), "a key cannot reach another path");
        assertEquals("{\"value\":\"{\\\"x\\\":1}\"}", KvRequest.parse("put", List.of("k", "{\"x\":1}")).body(), "only scalars are values");
    }

    @Test void badRequestsAreOneSentence() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KvRequest.parse("delete", List.of("k"))).getMessage().contains("put KEY VALUE"));
        assertThrows(IllegalArgumentException.class, () -> KvRequest.parse("put", List.of("k")));
        assertThrows(IllegalArgumentException.class, () -> KvRequest.parse("cas", List.of("k", "1")));
        assertThrows(IllegalArgumentException.class, () -> KvRequest.parse("get", List.of("")));
        assertThrows(IllegalArgumentException.class, () -> KvRequest.parse("get", List.of("k".repeat(257))));
    }

    @Test void answersMeanWhatTheContractSays() {
        assertEquals(0, KvAnswer.of("n1", 200, null, null, "{\"value\":1}").exitCode());
        KvAnswer redirect = KvAnswer.of("n1", 307, "n3", "http://10.77.13.3:8000/kv/k", "");
        assertEquals(1, redirect.exitCode(), "a redirect not followed did nothing");
        assertTrue(redirect.line().contains("the leader is n3"), redirect.line());
        assertEquals(1, KvAnswer.of("n1", 503, null, null, "{}").exitCode());
        assertEquals(1, KvAnswer.of("n1", 409, null, null, "{}").exitCode());
        KvAnswer refused = KvAnswer.of("n1", 401, null, null, "{\"error\":\"this node needs a client token\"}");
        assertEquals(1, refused.exitCode(), "the node checks the token before anything else: nothing was done");
        assertTrue(refused.line().contains("refused the lab's client token"), refused.line());
        assertEquals(2, KvAnswer.of("n1", 504, null, null, "{}").exitCode());
        assertEquals(2, KvAnswer.of("n1", 500, null, null, "{}").exitCode());
        assertEquals(2, KvAnswer.of("n1", 302, null, null, "").exitCode(), "an answer the API does not name may have done anything");
        assertEquals(2, KvAnswer.of("n1", 405, null, null, "").exitCode(), "a 4xx the contract does not name is unknown, as the history records it");
        assertEquals(1, KvAnswer.notSent("n1", "refused").exitCode());
        assertEquals(2, KvAnswer.noAnswer("n1", "timeout").exitCode());
    }

    @Test void clockOffsetsTakeASign() {
        assertEquals(Duration.ofSeconds(-90), ClockOffset.parse("-90s"));
        assertEquals(Duration.ofMillis(500), ClockOffset.parse("+500ms"));
        assertEquals(Duration.ofMinutes(2), ClockOffset.parse("2m"));
        assertEquals(Duration.ZERO, ClockOffset.parse("0"));
        assertEquals("-90s", ClockOffset.text(Duration.ofSeconds(-90)));
        assertEquals("+1500ms", ClockOffset.text(Duration.ofMillis(1500)));
        assertEquals("0s", ClockOffset.text(Duration.ZERO));
        for (String bad : List.of("", "-", "ninety", "--90s", "400d")) {
            assertThrows(IllegalArgumentException.class, () -> ClockOffset.parse(bad), bad);
        }
    }
}
