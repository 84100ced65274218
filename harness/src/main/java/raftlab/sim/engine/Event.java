package raftlab.sim.engine;

/** Something that happens at one instant of virtual time. */
@FunctionalInterface
interface Event {
    void fire();
}
