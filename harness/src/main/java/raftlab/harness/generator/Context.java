package raftlab.harness.generator;

import java.util.random.RandomGenerator;

/**
 * What a generator knows when a worker asks it for an operation. Each worker has its own
 * generator and its own random stream, seeded from the test seed and the worker's thread number,
 * so the operations a worker is given depend on the seed alone, not on how threads interleave.
 *
 * @param nowNanos    the harness's monotonic time since the test began
 * @param thread      the worker's thread number (0..concurrency-1); the nemesis is -1
 * @param concurrency the number of client threads
 * @param random      this worker's random stream
 */
public record Context(long nowNanos, int thread, int concurrency, RandomGenerator random) {}
