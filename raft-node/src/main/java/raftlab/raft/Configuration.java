package raftlab.raft;

import java.util.List;

/** The members of the cluster: voters decide elections and commitment, learners only receive the log. Lists are sorted. */
public record Configuration(List<NodeId> voters, List<NodeId> learners) {
    public Configuration {
        voters = voters.stream().sorted().distinct().toList();
        learners = learners.stream().sorted().distinct().toList();
    }

    public static Configuration ofVoters(List<NodeId> voters) { return new Configuration(voters, List.of()); }
}
