package raftlab.harness.lab.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import raftlab.harness.lab.LabException;
import raftlab.harness.lab.LabNode;

/**
 * Names and addresses of a local lab, all derived from its prefix and subnet so that two labs
 * (the default {@code n} and, say, {@code rs}) never touch each other's namespaces.
 *
 * <p>Node {@code i} lives in namespace {@code <prefix><i>} at {@code <subnet>.<i>}; the control
 * namespace ({@code raftlab-ctl} for the default prefix, {@code <prefix>-ctl} otherwise) holds the
 * bridge and {@code <subnet>.254}, has no default route, and is where the harness's own traffic runs.
 *
 * @param prefix    namespace prefix, letters and digits, at most 8 characters
 * @param subnet    the first three octets of a 10.x /24, such as {@code 10.77.0}
 * @param nodeCount 1..100 nodes
 * @param dir       the lab's directory: data, logs, pid and clock files
 */
public record LocalLayout(String prefix, String subnet, int nodeCount, Path dir) {
    public static final String DEFAULT_PREFIX = "n";
    public static final String DEFAULT_SUBNET = "10.77.0";
    public static final int PEER_PORT = 7000;
    public static final int CLIENT_PORT = 8000;

    public LocalLayout {
        if (!prefix.matches("[a-z][a-z0-9]{0,7}")) {
            throw new LabException("bad lab prefix " + prefix + "; use 1 to 8 lower-case letters or digits, starting with a letter");
        }
        if (!subnet.matches("10\\.(\\d{1,3})\\.(\\d{1,3})") || !octetsOk(subnet)) {
            throw new LabException("bad lab subnet " + subnet + "; give the first three octets of a 10.x.y.0/24, such as 10.77.0");
        }
        if (nodeCount < 1 || nodeCount > 100) throw new LabException("a local lab has 1 to 100 nodes, not " + nodeCount);
    }

    private static boolean octetsOk(String subnet) {
        for (String octet : subnet.split("\\.")) if (Integer.parseInt(octet) > 255) return false;
        return true;
    }

    /** The default layout for a prefix: its directory under the system's temporary directory. */
    public static LocalLayout of(String prefix, String subnet, int nodeCount) {
        return new LocalLayout(prefix, subnet, nodeCount, Path.of(System.getProperty("java.io.tmpdir"), "raftlab-lab-" + prefix));
    }

    public String controlNamespace() { return prefix.equals(DEFAULT_PREFIX) ? "raftlab-ctl" : prefix + "-ctl"; }

    public String namespace(int i) { return prefix + i; }

    public String namespaceOf(String id) { return namespace(indexOf(id)); }

    public String address(int i) { return subnet + "." + i; }

    public String controlAddress() { return subnet + ".254"; }

    public String cidr() { return subnet + ".0/24"; }

    /** The bridge, inside the control namespace; the name only has to be unique there. */
    public String bridge() { return "rlbr0"; }

    /** The control-side end of node i's veth pair. */
    public String vethControlEnd(int i) { return "rlv" + i; }

    public String nodeId(int i) { return "n" + i; }

    public int indexOf(String id) {
        if (id.startsWith("n")) {
            try {
                int i = Integer.parseInt(id.substring(1));
                if (i >= 1 && i <= nodeCount) return i;
            } catch (NumberFormatException ignored) { }
        }
        throw new LabException("no node " + id + " in this lab of " + nodeCount);
    }

    public List<LabNode> nodes() {
        List<LabNode> nodes = new ArrayList<>();
        for (int i = 1; i <= nodeCount; i++) nodes.add(new LabNode(nodeId(i), address(i), PEER_PORT, CLIENT_PORT));
        return List.copyOf(nodes);
    }

    public Path nodeDir(String id) { return dir.resolve(id); }

    public Path dataDir(String id) { return nodeDir(id).resolve("data"); }

    public Path logFile(String id) { return dir.resolve(id + ".log"); }

    public Path pidFile(String id) { return dir.resolve(id + ".pid"); }

    public Path clockFile(String id) { return dir.resolve(id + ".faketime"); }

    /** Records which namespaces this lab made, for {@code lab down} after a crash. */
    public Path stateFile() { return dir.resolve("lab.properties"); }

    /** The lab's cluster secret, made afresh by {@code up} and readable by its owner only; never part of a run's store. */
    public Path secretFile() { return dir.resolve("cluster-secret"); }

    /** The token the nodes' client API asks for ({@code --client-token-file}), made with the cluster secret and kept as it is. */
    public Path clientTokenFile() { return dir.resolve("client-token"); }

    /** The token of the nodes' admin endpoints ({@code --admin-token-file}), made with the cluster secret and kept as it is. */
    public Path adminTokenFile() { return dir.resolve("admin-token"); }
}
