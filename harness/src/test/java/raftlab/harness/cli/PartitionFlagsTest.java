package raftlab.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Partitions by name are refused (254) before anything runs when they cannot be done, and lab commands refuse bad input alike. */
class PartitionFlagsTest {
    @ParameterizedTest(name = "raftlab {0}")
    @CsvSource(delimiter = '|', value = {
            "test --lab sim --nemesis partition:n1,n2/n3",
            "test --lab sim --node-count 3 --nemesis partition:n1,n2/n3,n4,n5",
            "test --lab local --nemesis partition:n1,n2/n3",
            "test --lab local --nemesis partition:n1,n2/n3,n4,n5,n6",
            "test --lab local --nemesis partition-square",
            "lab partition n1,n2,n3",
            "lab partition square",
            "lab kv n1 delete k",
            "lab kv n1 put k",
            "lab clock n1 --offset=soon",
            "lab kv n1 get k --lab ssh --nodes a,b,c",
            "lab kill n3 --lab moon",
    })
    void refusedWithBadArgumentsExitCode(String arguments) {
        assertEquals(254, RaftlabMain.run(arguments.split(" ")), "raftlab " + arguments);
    }
}
