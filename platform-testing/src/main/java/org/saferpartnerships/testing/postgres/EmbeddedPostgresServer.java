package org.saferpartnerships.testing.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs an embedded PostgreSQL in the foreground until the process is stopped, for the local stack
 * on a machine with no PostgreSQL server ({@code deploy/local/bin/postgres}). Usage:
 * {@code EmbeddedPostgresServer --port 5432 --data DIR}. The data directory survives restarts.
 */
public final class EmbeddedPostgresServer {

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = 5432;
        Path data = Path.of(".local/postgres");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--data" -> data = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        Files.createDirectories(data);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        System.out.println("PostgreSQL ready on 127.0.0.1:" + postgres.getPort() + " with data in " + data.toAbsolutePath());
        stopped.await();
    }

    private EmbeddedPostgresServer() {
    }
}
