package dev.chorusbot.testkit.redis;

import dev.chorusbot.core.Api;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (Debian's {@code redis-server} package) on a free loopback port, with
 * nothing saved to disk, for tests of code that talks to Redis. Stopped by its process id, never by
 * name; {@link #stop()} and {@link #restart()} let a test take Redis away and bring it back on the
 * same port.
 *
 * <pre>{@code
 * assumeTrue(RedisServer.unavailableReason().isEmpty(), RedisServer.unavailableReason().orElse(""));
 * try (RedisServer redis = RedisServer.start()) {
 *     String url = redis.url(); // redis://127.0.0.1:<port>/0
 * }
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public final class RedisServer implements AutoCloseable {
    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/bin/redis-server"),
            Path.of("/usr/local/bin/redis-server"), Path.of("/usr/sbin/redis-server"));

    private final Path binary;
    private final int port;
    private final String password;
    private final Path log;
    private Process process;

    private RedisServer(Path binary, int port, String password) {
        this.binary = binary;
        this.port = port;
        this.password = password;
        try {
            this.log = Files.createTempFile("chorus-redis-" + port + "-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Why a server cannot be started here, for a test's skip message.
     *
     * @return empty when {@code redis-server} is installed, else the reason and how to install it
     */
    public static Optional<String> unavailableReason() {
        return binary().isPresent() ? Optional.empty()
                : Optional.of("redis-server is not installed (apt-get install redis-server): tests against a real"
                        + " Redis cannot run here");
    }

    /**
     * Starts a server without a password.
     *
     * @return the running server
     * @throws IllegalStateException when it is not installed or does not start within 15 seconds
     */
    public static RedisServer start() {
        return start(null);
    }

    /**
     * Starts a server that requires {@code password} ({@code requirepass}).
     *
     * @param password the password clients must give, or null for none
     * @return the running server
     * @throws IllegalStateException when it is not installed or does not start within 15 seconds
     */
    public static RedisServer start(String password) {
        Path path = binary().orElseThrow(() -> new IllegalStateException(unavailableReason().orElseThrow()));
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RedisServer server = new RedisServer(path, free, password);
        server.launch();
        return server;
    }

    /**
     * The port it listens on, on 127.0.0.1; the same after {@link #restart()}.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * The URL of database 0, with the password when there is one.
     *
     * @return for example {@code redis://127.0.0.1:6390/0}
     */
    public String url() {
        return "redis://" + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port + "/0";
    }

    /**
     * The server's process id.
     *
     * @return the pid of the running server
     * @throws IllegalStateException when it is stopped
     */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException("redis-server on port " + port + " is stopped");
        }
        return process.pid();
    }

    /**
     * Stops the server (SIGTERM to its pid, SIGKILL after 10 seconds); its data is gone.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Starts the server again on the same port, empty, after {@link #stop()}. */
    public synchronized void restart() {
        stop();
        launch();
    }

    /** Stops the server. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "RedisServer[127.0.0.1:" + port + (process == null ? ", stopped" : ", pid " + process.pid()) + "]";
    }

    private synchronized void launch() {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no",
                "--dir", log.getParent().toString(), "--dbfilename", "chorus-" + port + ".rdb"));
        if (password != null) {
            command.add("--requirepass");
            command.add(password);
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server could not be started", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!answersPing()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String output;
                try {
                    output = Files.readString(log);
                } catch (IOException e) {
                    output = e.toString();
                }
                process.destroyForcibly();
                process = null;
                throw new IllegalStateException("redis-server did not start on port " + port + ": " + output);
            }
            try {
                Thread.sleep(20); // polling a port that is not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while redis-server started", e);
            }
        }
    }

    /** Whether the server answers PING (or asks for the password, which also means it is up). */
    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            socket.setSoTimeout(1000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            int first = in.read();
            return first == '+' || first == '-';
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> binary() {
        for (Path candidate : CANDIDATES) {
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
