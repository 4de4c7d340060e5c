package org.policyclassifier.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An attacker for {@code policy serve --bench --slow-uploads N} and the tests: N connections that
 * each start a {@code POST /v1/classify} and send its body a byte every {@code interval}; one the
 * server answers or closes is opened again at once, so N are always trying. Loopback only.
 */
public final class SlowUploads implements AutoCloseable {

    /** At most this many at once: a bound on the sockets a typo can open. */
    public static final int MAX = 1_000;
    private static final int BODY_BYTES = 100_000;

    private final URI base;
    private final long intervalMillis;
    private final List<Socket> sockets = new ArrayList<>();
    private final Thread sender;
    private volatile boolean running = true;
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong busy = new AtomicLong();
    private final AtomicLong tooSlow = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();

    /** What the server did to the uploads: answered 503 (busy), 408 (too slow), or closed without an answer. */
    public record Outcome(int connections, long opened, long busy, long tooSlow, long closed) {
        public String describe() {
            return String.format(Locale.ROOT, "%d slow uploads kept in flight (%d opened): %d answered 503 busy,"
                    + " %d answered 408 too slow, %d closed otherwise", connections, opened, busy, tooSlow, closed);
        }
    }

    private SlowUploads(URI base, int connections, long intervalMillis) throws IOException {
        if (!"127.0.0.1".equals(base.getHost())) {
            throw new IllegalArgumentException("slow uploads only run against this machine (127.0.0.1)");
        }
        if (connections < 1 || connections > MAX) {
            throw new IllegalArgumentException("slow uploads: 1.." + MAX);
        }
        this.base = base;
        this.intervalMillis = intervalMillis;
        for (int i = 0; i < connections; i++) {
            sockets.add(open());
        }
        sender = new Thread(this::send, "slow-uploads");
        sender.setDaemon(true);
        sender.start();
    }

    /** Opens {@code connections} slow uploads to the server at {@code base}; they go on until closed. */
    public static SlowUploads start(URI base, int connections, long intervalMillis) throws IOException {
        return new SlowUploads(base, connections, intervalMillis);
    }

    private Socket open() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/classify HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort()
                + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: " + BODY_BYTES + "\r\n\r\n{")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        opened.incrementAndGet();
        return socket;
    }

    /** A byte to each connection every interval; a connection the server answered or closed is replaced. */
    private void send() {
        while (running) {
            long round = System.nanoTime();
            for (int i = 0; i < sockets.size() && running; i++) {
                Socket socket = sockets.get(i);
                try {
                    InputStream in = socket.getInputStream();
                    if (in.available() > 0) {
                        count(in);
                        sockets.set(i, reopen(socket));
                    } else {
                        socket.getOutputStream().write(' ');
                        socket.getOutputStream().flush();
                    }
                } catch (IOException e) {
                    closed.incrementAndGet();
                    try {
                        sockets.set(i, reopen(socket));
                    } catch (IOException again) {
                        // The server refused the connection itself: try again next round.
                    }
                }
            }
            long left = intervalMillis - (System.nanoTime() - round) / 1_000_000;
            try {
                Thread.sleep(Math.max(1, left));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void count(InputStream in) throws IOException {
        byte[] head = new byte[12];
        int n = in.readNBytes(head, 0, head.length);
        String status = new String(head, 0, n, StandardCharsets.US_ASCII);
        if (status.startsWith("HTTP/1.1 503")) {
            busy.incrementAndGet();
        } else if (status.startsWith("HTTP/1.1 408")) {
            tooSlow.incrementAndGet();
        } else {
            closed.incrementAndGet();
        }
    }

    private Socket reopen(Socket socket) throws IOException {
        socket.close();
        return open();
    }

    public Outcome outcome() {
        return new Outcome(sockets.size(), opened.get(), busy.get(), tooSlow.get(), closed.get());
    }

    @Override
    public void close() throws IOException {
        running = false;
        sender.interrupt();
        try {
            sender.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
