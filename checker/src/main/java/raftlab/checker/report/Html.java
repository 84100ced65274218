package raftlab.checker.report;

/** Escapes text for HTML and SVG. */
final class Html {
    private Html() {}

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
