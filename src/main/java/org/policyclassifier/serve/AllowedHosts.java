package org.policyclassifier.serve;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names a request's {@code Host} header may give: the bind address, {@code localhost}, the
 * loopback addresses and the names given with {@code --host} (and, when bound to every address,
 * this machine's addresses). A page of another site that makes its name resolve to 127.0.0.1 (DNS
 * rebinding) sends its own name, and is refused.
 */
record AllowedHosts(Set<String> names) {

    static AllowedHosts of(String bind, List<String> extra) {
        Set<String> names = new TreeSet<>();
        names.add("localhost");
        names.add("127.0.0.1");
        names.add(normal("::1"));
        names.add(normal(bind));
        extra.forEach(name -> names.add(normal(name)));
        try {
            if (InetAddress.getByName(bind).isAnyLocalAddress()) {
                for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    Collections.list(nic.getInetAddresses()).forEach(a -> names.add(normal(a.getHostAddress())));
                }
            }
        } catch (UnknownHostException | SocketException e) {
            // An address the server could bind to resolves; with no interfaces listed, the names above stay.
        }
        return new AllowedHosts(Collections.unmodifiableSet(names));
    }

    /** True when {@code host} (a Host header, with or without its port) is one of the names; no header is allowed (HTTP/1.0). */
    boolean allows(String host) {
        return host == null || names.contains(normal(withoutPort(host.strip())));
    }

    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(1, end);
        }
        int colon = host.indexOf(':');
        // One colon: name:port; more: a bare IPv6 address.
        return colon >= 0 && host.indexOf(':', colon + 1) < 0 ? host.substring(0, colon) : host;
    }

    /** Lower case, without brackets or an IPv6 zone; an IPv6 literal in its one canonical form. */
    private static String normal(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.startsWith("[") && n.endsWith("]")) {
            n = n.substring(1, n.length() - 1);
        }
        int zone = n.indexOf('%');
        if (zone >= 0) {
            n = n.substring(0, zone);
        }
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.contains(":")) {
            try {
                // A literal only (no lookup): InetAddress parses text with colons without asking DNS.
                n = InetAddress.getByName(n).getHostAddress();
                int z = n.indexOf('%');
                n = z >= 0 ? n.substring(0, z) : n;
            } catch (UnknownHostException e) {
                // not an address: compared as written
            }
        }
        return n;
    }

    /** For messages: the names, IPv6 ones in brackets as a client writes them. */
    String shown() {
        return String.join(", ", names.stream().map(n -> n.contains(":") ? "[" + n + "]" : n).toList());
    }
}
