package raftlab.raft;

import java.util.ArrayList;
import java.util.List;

/** What a server accumulated for its next ServerReady. Lists are created only when something is added. */
final class Outbox {
    private List<Message> messages;
    private List<ClientReply> replies;
    private List<Entry> applied;
    private List<String> notes;
    private List<String> warnings;

    void send(Message message) {
        if (messages == null) messages = new ArrayList<>();
        messages.add(message);
    }

    void reply(long requestId, Outcome outcome) {
        if (replies == null) replies = new ArrayList<>();
        replies.add(new ClientReply(requestId, outcome));
    }

    void applied(Entry entry) {
        if (applied == null) applied = new ArrayList<>();
        applied.add(entry);
    }

    void note(String note) {
        if (notes == null) notes = new ArrayList<>();
        notes.add(note);
    }

    void warn(String warning) {
        if (warnings == null) warnings = new ArrayList<>();
        warnings.add(warning);
    }

    boolean isEmpty() { return messages == null && replies == null && applied == null && notes == null && warnings == null; }

    List<Message> takeMessages() {
        List<Message> result = messages == null ? List.of() : messages;
        messages = null;
        return result;
    }

    List<ClientReply> takeReplies() {
        List<ClientReply> result = replies == null ? List.of() : replies;
        replies = null;
        return result;
    }

    List<Entry> takeApplied() {
        List<Entry> result = applied == null ? List.of() : applied;
        applied = null;
        return result;
    }

    List<String> takeWarnings() {
        List<String> result = warnings == null ? List.of() : warnings;
        warnings = null;
        return result;
    }

    List<String> takeNotes() {
        List<String> result = notes == null ? List.of() : notes;
        notes = null;
        return result;
    }
}
