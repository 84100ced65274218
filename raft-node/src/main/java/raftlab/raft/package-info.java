/**
 * The pure Raft core: one {@link raftlab.raft.RaftServer} per server, with its key-value state
 * machine and client sessions, and no sockets, files, threads, clocks or randomness of its own.
 *
 * <h2>Driving a server</h2>
 * <pre>{@code
 * RaftServer s = new RaftServer(id, config, random, bugs, disk.load());   // PersistentState.empty() the first time
 * s.tick(wallMillis); s.receive(message); s.submit(request); s.admin(requestId, command);
 * while (s.hasReady()) {
 *     ServerReady r = s.ready();
 *     disk.persist(r.snapshot(), r.entries(), r.hardState()); disk.fsync();   // before anything leaves
 *     send(r.messages()); answer(r.replies());
 *     s.advance(r);
 * }
 * }</pre>
 * Take one ready at a time and advance it before taking the next: a reply to a vote or an
 * AppendEntries sits in the same ready as the hard state and entries it depends on, and the leader
 * counts its own log only up to what an advanced ready persisted.
 *
 * <h2>What the server promises</h2>
 * <ul>
 * <li>Every request gets exactly one {@link raftlab.raft.ClientReply}: {@code Ok} (with the value read
 *     or written), {@code Mismatch} (a compare-and-set that ran and found another value),
 *     {@code NotLeader} (nothing was appended; also for proposals during a leadership transfer),
 *     {@code Rejected} (an admin change that was refused), or {@code Unknown} (appended, but
 *     leadership was lost or {@code requestTimeoutTicks} passed before it was known committed).</li>
 * <li>Reads pending when leadership is lost are answered {@code NotLeader}: a read has no effect,
 *     so refusing it is definite. Reads wait for the leader's first commit of its term, then for a
 *     heartbeat round a quorum acknowledged (ReadIndex), or are served at once within a lease
 *     ({@link raftlab.raft.ReadMode#LEASE}), then for the state machine to apply up to their index.</li>
 * <li>A lease starts at the send tick of the last heartbeat round a quorum acknowledged and lasts
 *     {@code floor((electionTicksMin - 1) * (1 - clockDriftBound))} ticks, which is less than
 *     {@code electionTicksMin * (1 - clockDriftBound)}: a follower may have received the round up to
 *     one tick after it was sent. It ends when a leadership transfer begins.</li>
 * <li>Followers, and a server that has just started, ignore votes and pre-votes for
 *     {@code electionTicksMin} ticks after hearing from a leader, unless the candidate was told
 *     TimeoutNow. A leader ignores them too (CheckQuorum deposes it if it lost its quorum).</li>
 * <li>Membership: {@code AddMember} appends a configuration with the server as a learner and is
 *     answered when that commits; the leader promotes the learner to voter once its log reaches the
 *     commit index. One change at a time: a change is refused while the previous one is uncommitted
 *     or the leader has not yet committed an entry of its term. A configuration takes effect when
 *     appended. Start a joining server with the existing cluster's voters as
 *     {@code initialVoters} (not including itself), so that it never campaigns on its own.</li>
 * <li>Client sessions: a request with a client id and sequence number is applied once; a retry
 *     gets the first answer, an older sequence number gets {@code Unknown}. At most
 *     {@code maxSessions} sessions are kept, the least recently used by log index is evicted.</li>
 * <li>A snapshot is taken every {@code snapshotEveryEntries} applied entries (0: only on
 *     {@code TakeSnapshot}) and the log is compacted up to it. A follower that installs a leader's
 *     snapshot hands it out in {@link raftlab.raft.ServerReady#snapshot()}. When a restored disk
 *     holds entries after its snapshot that do not continue it (left from a log the snapshot
 *     replaced), they are ignored.</li>
 * </ul>
 *
 * <h2>Accessors for invariant checks</h2>
 * {@code term()}, {@code role()}, {@code isLeader()}, {@code leader()}, {@code votedFor()},
 * {@code commitIndex()}, {@code appliedIndex()}, {@code lastIndex()}, {@code snapshotIndex()},
 * {@code termAt(index)} (-1 when compacted or beyond the log), {@code entryAt(index)},
 * {@code configuration()}, {@code appliedValue(key)}, {@code leaseValid()} and {@code status()}.
 *
 * <h2>Assertions</h2>
 * The core throws {@link java.lang.IllegalStateException}, naming the numbers, when its commit
 * index would go back, when it would truncate a committed entry, when two leaders meet in one term,
 * or when the log would stop being contiguous; the first three are skipped when a bug that breaks
 * them on purpose ({@link Bug#FORGET_VOTE}, {@link Bug#COMMIT_OLD_TERM}, {@link Bug#NO_FSYNC}) is on.
 */
package raftlab.raft;
