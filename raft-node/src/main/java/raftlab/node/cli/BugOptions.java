package raftlab.node.cli;

import java.util.EnumSet;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import raftlab.raft.Bug;
import raftlab.raft.Bugs;

/**
 * One {@code --bug-NAME} flag per {@link Bug}, each breaking one promise of the node on purpose. The flags are made from the
 * enum when picocli builds the command, so that a new switch needs no new option here, in the simulator or in the help.
 * A command takes them by holding a BugOptions and naming {@link Transformer} as its {@code modelTransformer}.
 */
public final class BugOptions {
    private final EnumSet<Bug> on = EnumSet.noneOf(Bug.class);

    public Bugs toBugs() { return Bugs.of(on); }

    /** A command that takes the bug switches. */
    public interface Holder {
        BugOptions bugOptions();
    }

    /** Adds the flags to the command whose object is a {@link Holder}. */
    public static final class Transformer implements IModelTransformer {
        @Override public CommandSpec transform(CommandSpec spec) {
            BugOptions options = ((Holder) spec.userObject()).bugOptions();
            ArgGroupSpec.Builder group = ArgGroupSpec.builder().exclusive(false).multiplicity("0..1")
                    .heading("%nBug switches (break the node on purpose, for lab exercises)%n");
            for (Bug bug : Bug.values()) {
                IGetter getter = new IGetter() {
                    @SuppressWarnings("unchecked")
                    @Override public <T> T get() { return (T) Boolean.valueOf(options.on.contains(bug)); }
                };
                ISetter setter = new ISetter() {
                    @Override public <T> T set(T value) {
                        if (Boolean.TRUE.equals(value)) options.on.add(bug);
                        else options.on.remove(bug);
                        return null;
                    }
                };
                String description = Character.toUpperCase(bug.description().charAt(0)) + bug.description().substring(1) + ".";
                group.addArg(OptionSpec.builder(bug.flag()).type(boolean.class).arity("0").description(description)
                        .getter(getter).setter(setter).build());
            }
            spec.addArgGroup(group.build());
            return spec;
        }
    }
}
