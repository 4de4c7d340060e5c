package org.policyclassifier.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may open the workbench, which shows the served rules and their problems: this machine
 * (loopback) always, and the addresses or networks {@code policy serve --workbench-from} names
 * ("10.1.2.3", "10.1.0.0/16", "fd00::/8"): the staff's own machines.
 */
public final class WorkbenchAccess {

    /** This machine only. */
    public static final WorkbenchAccess LOCAL = new WorkbenchAccess(List.of());

    private record Network(byte[] address, int bits) {
        boolean contains(byte[] other) {
            if (other.length != address.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((address[i / 8] & mask) != (other[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Network> networks;

    private WorkbenchAccess(List<Network> networks) {
        this.networks = List.copyOf(networks);
    }

    /**
     * The networks written as addresses, with or without "/bits"; throws with the value at fault and
     * what was expected. Only literal addresses: a host name would be looked up, and could change.
     */
    public static WorkbenchAccess of(List<String> values) {
        List<Network> networks = new ArrayList<>();
        for (String value : values) {
            String[] parts = value.trim().split("/", -1);
            // A dotted IPv4 address, or an IPv6 one (a colon: never a host name, so never looked up).
            boolean literal = parts[0].matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")
                    && java.util.Arrays.stream(parts[0].split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255)
                    || parts[0].matches("[0-9a-fA-F.:]*:[0-9a-fA-F.:]*");
            if (parts.length > 2 || !literal) {
                throw new IllegalArgumentException("'" + value + "' is not an address: expected an IP address such as"
                        + " 10.1.2.3 or a network such as 10.1.0.0/16");
            }
            byte[] address;
            try {
                address = InetAddress.getByName(parts[0]).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + value + "' is not an address: expected an IP address such as"
                        + " 10.1.2.3 or a network such as 10.1.0.0/16");
            }
            int bits = address.length * 8;
            if (parts.length == 2) {
                if (!parts[1].matches("[0-9]{1,3}") || Integer.parseInt(parts[1]) > bits) {
                    throw new IllegalArgumentException("'" + value + "': the network's bits must be 0.." + bits);
                }
                bits = Integer.parseInt(parts[1]);
            }
            networks.add(new Network(address, bits));
        }
        return new WorkbenchAccess(networks);
    }

    /** Whether a request from {@code ip} may open the workbench. */
    public boolean allows(String ip) {
        try {
            InetAddress address = InetAddress.getByName(ip);
            return address.isLoopbackAddress() || networks.stream().anyMatch(n -> n.contains(address.getAddress()));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
