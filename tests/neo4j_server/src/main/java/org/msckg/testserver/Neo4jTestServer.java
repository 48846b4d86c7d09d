package org.msckg.testserver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.server.configuration.ServerSettings;

/**
 * Runs Neo4j Community embedded with Bolt (and optionally HTTP and the Browser) on one host, with auth on.
 *
 * <p>Usage: {@code Neo4jTestServer --home DIR [--host 127.0.0.1] [--bolt-port 7687] [--http-port 7474|0]
 * [--password P] [--pagecache 128m]}. The password may also come from {@code NEO4J_PASSWORD}. Once the
 * database answers it prints one line starting with {@code NEO4J_TEST_SERVER_READY}; on SIGTERM or SIGINT it
 * shuts the database down and prints {@code NEO4J_TEST_SERVER_STOPPED}.
 */
public final class Neo4jTestServer {

    static final String READY_MARKER = "NEO4J_TEST_SERVER_READY";
    static final String STOPPED_MARKER = "NEO4J_TEST_SERVER_STOPPED";
    static final String USER = "neo4j";
    /** The password Neo4j gives the neo4j user on a fresh home; it must be changed before use. */
    static final String FACTORY_PASSWORD = "neo4j";

    private Neo4jTestServer() {
    }

    /** Command-line options. */
    static final class Options {
        Path home;
        String host = "127.0.0.1";
        int boltPort = 7687;
        int httpPort = 7474;
        String password = System.getenv("NEO4J_PASSWORD");
        long pageCacheBytes = parseBytes("128m");
        long watchPid = -1;

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--help") || flag.equals("-h")) {
                    throw new IllegalArgumentException(usage());
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + flag + " needs a value\n" + usage());
                }
                String value = args[++i];
                switch (flag) {
                    case "--home" -> options.home = Path.of(value).toAbsolutePath();
                    case "--host" -> options.host = value;
                    case "--bolt-port" -> options.boltPort = parsePort(flag, value, false);
                    case "--http-port" -> options.httpPort = parsePort(flag, value, true);
                    case "--password" -> options.password = value;
                    case "--pagecache" -> options.pageCacheBytes = parseBytes(value);
                    case "--watch-pid" -> options.watchPid = parsePid(value);
                    default -> throw new IllegalArgumentException("unknown option " + flag + "\n" + usage());
                }
            }
            if (options.home == null) {
                throw new IllegalArgumentException("--home DIR is required\n" + usage());
            }
            if (options.password == null || options.password.isEmpty()) {
                throw new IllegalArgumentException("give a password with --password or NEO4J_PASSWORD");
            }
            if (options.password.equals(FACTORY_PASSWORD)) {
                throw new IllegalArgumentException("the password must not be 'neo4j' (Neo4j's factory password)");
            }
            return options;
        }

        static String usage() {
            return "usage: Neo4jTestServer --home DIR [--host 127.0.0.1] [--bolt-port 7687] "
                    + "[--http-port 7474 (0 = no HTTP)] [--password P (or NEO4J_PASSWORD)] [--pagecache 128m] "
                    + "[--watch-pid PID (stop when that process ends)]";
        }

        private static long parsePid(String value) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--watch-pid must be a process id, got '" + value + "'");
            }
        }

        private static int parsePort(String flag, String value, boolean zeroAllowed) {
            int port;
            try {
                port = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " must be a number, got '" + value + "'");
            }
            if (port < (zeroAllowed ? 0 : 1) || port > 65535) {
                throw new IllegalArgumentException(flag + " out of range: " + port);
            }
            return port;
        }
    }

    /** Parses sizes such as "128m", "1g" or "4096" (bytes). */
    static long parseBytes(String text) {
        String t = text.trim().toLowerCase();
        long unit = 1;
        char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Long.parseLong(t) * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size: '" + text + "' (use e.g. 128m)");
        }
    }

    static Map<Setting<?>, Object> settings(Options o) {
        Map<Setting<?>, Object> s = new HashMap<>();
        s.put(BoltConnector.enabled, true);
        s.put(BoltConnector.listen_address, new SocketAddress(o.host, o.boltPort));
        s.put(BoltConnector.advertised_address, new SocketAddress(o.host, o.boltPort));
        s.put(HttpConnector.enabled, o.httpPort > 0);
        if (o.httpPort > 0) {
            s.put(HttpConnector.listen_address, new SocketAddress(o.host, o.httpPort));
            s.put(HttpConnector.advertised_address, new SocketAddress(o.host, o.httpPort));
        }
        s.put(HttpsConnector.enabled, false);
        s.put(GraphDatabaseSettings.auth_enabled, true);
        // Tests try wrong passwords on purpose; the default lock-out after 3 failures would break later tests.
        s.put(GraphDatabaseSettings.auth_max_failed_attempts, 0);
        s.put(GraphDatabaseSettings.pagecache_memory, o.pageCacheBytes);
        // Never phone home: this machine (and CI) must only talk to loopback.
        s.put(GraphDatabaseSettings.udc_enabled, false);
        s.put(ServerSettings.allow_telemetry, false);
        // Throw-away databases: no 250 MB preallocated transaction logs, keep little history.
        s.put(GraphDatabaseSettings.preallocate_logical_logs, false);
        s.put(GraphDatabaseSettings.keep_logical_logs, "keep_none");
        // Bolt's Netty loops otherwise wait a 5 s quiet period each on shutdown (10 s per stop).
        s.put(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
        return s;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("neo4j-test-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            run(options);
        } catch (Exception e) {
            System.err.println("neo4j-test-server: failed to start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Options o) throws IOException, InterruptedException {
        Files.createDirectories(o.home);
        long started = System.nanoTime();
        log("starting Neo4j in " + o.home);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(o.home).setConfig(settings(o)).build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("shutting down");
            try {
                dbms.shutdown();
            } finally {
                System.out.println(STOPPED_MARKER);
                System.out.flush();
                stopped.countDown();
            }
        }, "neo4j-test-server-shutdown"));

        if (o.watchPid > 0) {
            watchParent(o.watchPid);
        }

        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        setPassword(system, o.password);
        GraphDatabaseService neo4j = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!neo4j.isAvailable(TimeUnit.SECONDS.toMillis(60))) {
            throw new IllegalStateException("database 'neo4j' did not become available within 60 s");
        }
        neo4j.executeTransactionally("RETURN 1");
        waitForPort(o.host, o.boltPort, "Bolt");
        if (o.httpPort > 0) {
            waitForPort(o.host, o.httpPort, "HTTP");
        }

        String version = kernelVersion(system);
        String http = o.httpPort > 0 ? "http://" + o.host + ":" + o.httpPort + "/" : "-";
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.println(READY_MARKER + " version=" + version + " bolt=bolt://" + o.host + ":" + o.boltPort
                + " http=" + http + " user=" + USER + " home=" + o.home + " startup_ms=" + millis);
        System.out.flush();
        stopped.await();
    }

    /**
     * Gives the neo4j user the wanted password. Embedded transactions run with full rights, so this works on a
     * fresh home (factory password, change required) and on a reused home alike.
     */
    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally("ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            // A reused home whose user already has this password: Neo4j refuses to "change" it to itself.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
            system.executeTransactionally("ALTER USER " + USER + " SET PASSWORD CHANGE NOT REQUIRED");
        }
        log("password of user '" + USER + "' set");
    }

    private static String kernelVersion(GraphDatabaseService system) {
        try (Transaction tx = system.beginTx();
                Result result = tx.execute("CALL dbms.components() YIELD name, versions RETURN name, versions")) {
            while (result.hasNext()) {
                Map<String, Object> row = result.next();
                if ("Neo4j Kernel".equals(row.get("name"))) {
                    List<?> versions = (List<?>) row.get("versions");
                    return String.valueOf(versions.get(0));
                }
            }
        }
        return "unknown";
    }

    /**
     * Exits (running the shutdown hook) once process {@code pid} is gone, so a test run that dies without
     * stopping its server does not leave a JVM behind.
     */
    private static void watchParent(long pid) {
        Thread watcher = new Thread(() -> {
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            log("process " + pid + " is gone");
            System.exit(0);
        }, "neo4j-test-server-watch-pid");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void waitForPort(String host, int port, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(what + " is not listening on " + host + ":" + port, e);
                }
                Thread.sleep(200);
            }
        }
    }

    private static void log(String message) {
        System.out.println("neo4j-test-server: " + message);
        System.out.flush();
    }
}
