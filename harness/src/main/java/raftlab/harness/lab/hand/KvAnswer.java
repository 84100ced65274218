package raftlab.harness.lab.hand;

import raftlab.harness.client.Answers;

/**
 * What a node's answer to a hand-typed request means, in the words and exit codes of
 * {@code raft-node kv}: 0 done, 1 certainly not done, 2 unknown. A redirect that was not
 * followed did nothing: only a leader appends, and it answers itself.
 *
 * @param line the line printed for the person
 */
public record KvAnswer(int exitCode, String line) {

    /**
     * @param node      the node asked
     * @param status    the HTTP status
     * @param leader    the {@code Raft-Leader} header, or null
     * @param location  the {@code Location} header, or null
     * @param body      the answer's body (already bounded by the client)
     */
    public static KvAnswer of(String node, int status, String leader, String location, String body) {
        String said = body == null || body.isBlank() ? "" : ": " + oneLine(body);
        return switch (status) {
            case 200 -> new KvAnswer(0, node + " answered 200" + said);
            case 307 -> new KvAnswer(1, node + " answered 307: the leader is " + (leader == null ? "not named" : leader)
                    + (location == null ? "" : " (" + location + ")") + "; not followed, so nothing was done (ask "
                    + (leader == null ? "the leader" : leader) + ", or add --follow)");
            case 409 -> new KvAnswer(1, node + " answered 409, the compare-and-set found another value" + said);
            case 503 -> new KvAnswer(1, node + " answered 503, no leader known, nothing was done" + said);
            // The history records it as info client-token-refused (a broken lab, not a failed operation); a person can be told more.
            case 401 -> new KvAnswer(1, node + " answered 401, it refused the lab's client token, nothing was done" + said
                    + " (the nodes run with another token than the lab's files hold; bring the lab up again)");
            // Every other status means what the history would record for it (Answers.outcome).
            default -> switch (Answers.outcome(status)) {
                case OK -> new KvAnswer(0, node + " answered " + status + said);
                case FAIL -> new KvAnswer(1, node + " answered " + status + said);
                default -> new KvAnswer(2, node + " answered " + status + ", the outcome is unknown (it may yet be applied)" + said);
            };
        };
    }

    public static KvAnswer notSent(String node, String why) {
        return new KvAnswer(1, node + " could not be reached (" + why + "); nothing was sent (is it running? see raftlab lab status)");
    }

    public static KvAnswer noAnswer(String node, String why) {
        return new KvAnswer(2, node + " did not answer (" + why + "); the outcome is unknown");
    }

    private static String oneLine(String text) {
        String t = text.strip().replace('\n', ' ').replace('\r', ' ');
        return t.length() > 500 ? t.substring(0, 500) + "..." : t;
    }
}
