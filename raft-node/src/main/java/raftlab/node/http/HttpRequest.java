package raftlab.node.http;

import java.util.Locale;
import java.util.Map;

/** One parsed request: headers by lower-case name, the body already read (bounded by the server). */
public record HttpRequest(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {
    public String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }
}
