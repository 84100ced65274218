package raftlab.harness.nemesis;

/** The fault package of each kind. */
final class Faults {
    private Faults() {}

    static Fault of(FaultKind kind) {
        return switch (kind) {
            case PARTITION -> new PartitionFault();
            case KILL -> NodesFault.kill();
            case PAUSE -> NodesFault.pause();
            case CLOCK -> new ClockFault();
            case PACKET -> new PacketFault();
            case MEMBER -> new MemberFault();
            case CLOCK_PARTITION -> new ClockPartitionFault();
            case TRANSFER -> new TransferFault();
        };
    }
}
