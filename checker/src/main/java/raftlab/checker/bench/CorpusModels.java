package raftlab.checker.bench;

import raftlab.checker.model.Model;
import raftlab.checker.model.Models;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/** The model a corpus row names, with its {@code initial} column read as EDN where the model takes a start. */
public final class CorpusModels {
    private CorpusModels() {}

    public static Model model(String name, String initial) {
        if (initial == null || initial.isBlank() || !(name.equals("cas-register") || name.equals("multi-register"))) {
            return Models.byName(name);
        }
        Object value = Parsers.newParser(Parsers.defaultConfiguration()).nextValue(Parsers.newParseable(initial));
        return Models.byName(name, value == Parser.END_OF_INPUT ? null : toPlain(value));
    }

    private static Object toPlain(Object edn) {
        if (edn instanceof us.bpsm.edn.Keyword k) return new raftlab.history.Keyword(k.toString().substring(1));
        if (edn instanceof java.util.Map<?, ?> m) {
            java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(toPlain(k), toPlain(v)));
            return out;
        }
        return edn;
    }
}
