package raftlab.harness.cli;

import java.util.function.UnaryOperator;
import raftlab.harness.lab.local.LocalLayout;

/**
 * Which local lab a command means: the prefix and subnet given on its command line, else {@code RAFTLAB_LAB_PREFIX} and
 * {@code RAFTLAB_LAB_SUBNET}, else the default lab. Every command that names a local lab (raftlab lab, its by-hand
 * commands, raftlab test) resolves them here, so that with the same options and environment they all act on one lab.
 */
final class LocalLabName {
    static final String PREFIX_VARIABLE = "RAFTLAB_LAB_PREFIX";
    static final String SUBNET_VARIABLE = "RAFTLAB_LAB_SUBNET";

    // The options, for the commands that mix this in ({@code @Mixin LocalLabName localLab}).
    @picocli.CommandLine.Option(names = "--lab-prefix", description = "Namespace prefix of the local lab (default: $RAFTLAB_LAB_PREFIX or n).")
    String labPrefix;
    @picocli.CommandLine.Option(names = "--lab-subnet", description = "First three octets of the local lab's 10.x /24 (default: $RAFTLAB_LAB_SUBNET or 10.77.0).")
    String labSubnet;

    /** The prefix these options name (or the environment's, or the default). */
    String prefix() { return prefix(labPrefix); }

    /** The subnet these options name (or the environment's, or the default). */
    String subnet() { return subnet(labSubnet); }

    /** The namespace prefix: {@code given} (a --lab-prefix, or null), else the environment's, else {@link LocalLayout#DEFAULT_PREFIX}. */
    static String prefix(String given) { return prefix(given, System::getenv); }

    /** The subnet: {@code given} (a --lab-subnet, or null), else the environment's, else {@link LocalLayout#DEFAULT_SUBNET}. */
    static String subnet(String given) { return subnet(given, System::getenv); }

    static String prefix(String given, UnaryOperator<String> environment) {
        return given != null ? given : variable(environment, PREFIX_VARIABLE, LocalLayout.DEFAULT_PREFIX);
    }

    static String subnet(String given, UnaryOperator<String> environment) {
        return given != null ? given : variable(environment, SUBNET_VARIABLE, LocalLayout.DEFAULT_SUBNET);
    }

    /** A variable set to nothing (as {@code RAFTLAB_LAB_PREFIX= bin/raftlab ...} does) counts as unset. */
    private static String variable(UnaryOperator<String> environment, String name, String fallback) {
        String value = environment.apply(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
